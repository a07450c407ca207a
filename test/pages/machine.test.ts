// Machine-readable files: the sitemap and its split into an index above the protocol's URL limit.
import { describe, expect, it } from 'vitest';
import { sitemapFiles } from '../../src/pages/machine.ts';
import { testSite } from './records.ts';

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
