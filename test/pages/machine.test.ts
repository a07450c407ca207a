// Machine-readable files: the sitemap and its split into an index above the protocol's URL limit.
import { describe, expect, it } from 'vitest';
import { articleApiFile, articleRecord, sitemapFiles } from '../../src/pages/machine.ts';
import { jsonFile } from '../../src/render/escape.ts';
import { makeArticle, testSite } from './records.ts';

describe('sitemapFiles', () => {
  const site = testSite();

  it('lists every page but the 404 in one sitemap.xml up to the limit', () => {
    const files = sitemapFiles(['/', '/articles/a/', '/404.html', '/topics/water/'], site, 3);
    expect(files.map((f) => f.route)).toEqual(['/sitemap.xml']);
    expect(files[0]!.content.match(/<loc>/g)).toHaveLength(3);
    expect(files[0]!.content).not.toContain('404');
  });

  it('becomes a sitemap index of numbered sitemaps above the limit, each within it', () => {
    const routes = Array.from({ length: 7 }, (_, i) => `/articles/a${i}/`);
    const files = sitemapFiles(routes, site, 3);
    expect(files.map((f) => f.route)).toEqual(['/sitemap.xml', '/sitemaps/1.xml', '/sitemaps/2.xml', '/sitemaps/3.xml']);
    expect(files[0]!.content).toContain('<sitemapindex');
    expect(files[0]!.content).toContain('<loc>https://example.org/sitemaps/3.xml</loc>');
    expect(files.slice(1).map((f) => f.content.match(/<loc>/g)!.length)).toEqual([3, 3, 1]);
    expect(files.slice(1).map((f) => f.content).join('')).toContain('https://example.org/articles/a6/');
  });
});

describe('articleApiFile', () => {
  it('writes the public record (no source, blocks or topic candidates) and leaves the article as it was', () => {
    const a = makeArticle({ title: 'Port <reopens> & trade resumes', date: '2024-05-01', paragraphs: ['“Ships are back,” said Lena Park.'], speakers: [{ name: 'Lena Park', roles: [] }], quotes: [{ text: 'Ships are back,', speaker: 'Lena Park' }] });
    a.topic_candidates = [];
    const before = structuredClone(a);
    const file = articleApiFile(a);
    expect(file.route).toBe(`/api/articles/${a.slug}.json`);
    expect(file.content).toBe(jsonFile(articleRecord(a)));
    expect(file.content).not.toMatch(/"source"|"blocks"|"topic_candidates"/);
    expect(a).toEqual(before);
  });
});
