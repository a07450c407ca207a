// Every output of the fixture build is valid: HTML (html-validate, recommended preset), feeds and sitemap (strict XML with
// the required elements), JSON Feed 1.1, JSON-LD blocks, JSON API files, robots.txt; and the build is deterministic.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BASE_URL, buildFixture, type FixtureSite } from './build-fixture.ts';
import { htmlErrors } from './checks.ts';
import { child, children, parseXml } from './xml.ts';

// Only extractQuotes is replaced; anything else the module exports stays real.
vi.mock('../../src/extract/index.ts', async (importOriginal) => ({ ...(await importOriginal<object>()), ...(await import('./stub-extractor.ts')) }));

let site: FixtureSite;
beforeAll(async () => {
  site = await buildFixture();
});

const htmlFiles = (): string[] => site.files().filter((f) => f.endsWith('.html'));

function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

describe('HTML', () => {
  it('passes html-validate (recommended preset) with 0 errors on every page', async () => {
    const { files, errors } = await htmlErrors(site.out);
    if (process.env.NA_REPORT) console.log(`html-validate: ${files} files, ${errors.length} errors`);
    expect(files).toBeGreaterThan(40);
    expect(errors).toEqual([]);
  });

  it('gives every page a canonical link and og:url: the absolute URL of its own route', () => {
    for (const rel of htmlFiles().filter((f) => f !== '404.html')) {
      const html = site.read(rel);
      const url = `${BASE_URL}/${rel.replace(/index\.html$/, '')}`;
      expect(html, rel).toContain(`<link rel="canonical" href="${url}">`);
      expect(html, rel).toContain(`<meta property="og:url" content="${url}">`);
      expect(html, rel).toMatch(/<meta name="twitter:card" content="summary">/);
    }
  });

  it('has JSON-LD blocks that parse and carry @context and @type', () => {
    let blocks = 0;
    for (const rel of htmlFiles()) {
      for (const ld of jsonLdBlocks(site.read(rel)) as Record<string, unknown>[]) {
        blocks++;
        expect(ld['@context'], rel).toBe('https://schema.org');
        expect(typeof ld['@type'], rel).toBe('string');
      }
    }
    expect(blocks).toBeGreaterThan(10);
  });

  it('describes an article as a NewsArticle with headline, date, author, publisher and about', () => {
    const [article] = jsonLdBlocks(site.read('articles/border-crossing-reopens-for-trucks/index.html')) as Record<string, unknown>[];
    expect(article).toMatchObject({
      '@type': 'NewsArticle', headline: 'Border crossing reopens for trucks', datePublished: '2023-12-02',
      author: { '@type': 'Person', name: 'Karim Nasser' }, publisher: { '@type': 'Organization', name: 'News Archive' },
    });
    expect(article!.about).toEqual(expect.arrayContaining([{ '@type': 'Thing', name: 'Trade' }, { '@type': 'Person', name: 'Omar Haddad' }]));
  });

  it('leaves datePublished out for an undated article instead of inventing one', () => {
    const [article] = jsonLdBlocks(site.read('articles/old-market-traders-return-to-rebuilt-shops/index.html')) as Record<string, unknown>[];
    expect(article!['@type']).toBe('NewsArticle');
    expect(article).not.toHaveProperty('datePublished');
  });

  it('marks each attributed quote as a Quotation pointing at its anchor, and a speaker page as a Person', () => {
    const blocks = jsonLdBlocks(site.read('articles/border-crossing-reopens-for-trucks/index.html')) as Record<string, unknown>[];
    expect(blocks).toContainEqual(expect.objectContaining({
      '@type': 'Quotation', text: 'Trade is the first bridge between neighbours,', url: `${BASE_URL}/articles/border-crossing-reopens-for-trucks/#q1`,
      creator: { '@type': 'Person', name: 'Omar Haddad' },
    }));
    const [person] = jsonLdBlocks(site.read('speakers/omar-haddad/index.html')) as Record<string, unknown>[];
    expect(person).toMatchObject({ '@type': 'Person', name: 'Omar Haddad', jobTitle: 'Deputy Foreign Minister', url: `${BASE_URL}/speakers/omar-haddad/` });
  });
});

describe('feeds and sitemap', () => {
  it('writes a well-formed site Atom feed with id, title, updated and entries with link and date', () => {
    const feed = parseXml(site.read('feed.xml'));
    expect(feed.name).toBe('feed');
    expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    for (const name of ['id', 'title', 'updated']) expect(child(feed, name)?.text, name).toBeTruthy();
    const entries = children(feed, 'entry');
    expect(entries.length).toBe(5); // the dated articles; undated ones have no honest timestamp
    for (const e of entries) {
      for (const name of ['id', 'title', 'updated']) expect(child(e, name)?.text, name).toBeTruthy();
      expect(child(e, 'link')?.attributes.href).toMatch(/^https:\/\/news\.example\.org\/articles\/[a-z0-9-]+\/$/);
    }
    expect(child(entries[0]!, 'title')!.text).toBe('New power station connected to the grid');
  });

  it('writes a well-formed RSS 2.0 feed with channel title, link, description and items', () => {
    const rss = parseXml(site.read('rss.xml'));
    expect(rss.attributes.version).toBe('2.0');
    const channel = child(rss, 'channel')!;
    for (const name of ['title', 'link', 'description']) expect(child(channel, name)?.text, name).toBeTruthy();
    const items = children(channel, 'item');
    expect(items.length).toBe(5);
    for (const item of items) for (const name of ['title', 'link', 'guid', 'pubDate']) expect(child(item, name)?.text, name).toBeTruthy();
  });

  it('writes JSON Feed 1.1 with plain-text titles and dated items', () => {
    const feed = JSON.parse(site.read('feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${BASE_URL}/feed.json`);
    expect(feed.items).toHaveLength(5);
    for (const item of feed.items) {
      expect(item.id).toBe(item.url);
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(item.content_html ?? item.content_text).toBeTruthy();
    }
    expect(feed.items[1].authors).toBeUndefined();
    expect(feed.items.find((i: { title: string }) => i.title === 'Border crossing reopens for trucks').authors).toEqual([{ name: 'Karim Nasser' }]);
  });

  it('writes an Atom feed per speaker (quotes, linked to their anchors) and per topic (articles)', () => {
    const speaker = parseXml(site.read('speakers/omar-haddad/atom.xml'));
    const links = children(speaker, 'entry').map((e) => child(e, 'link')!.attributes.href);
    expect(links).toEqual([
      `${BASE_URL}/articles/new-power-station-connected-to-the-grid/#q2`,
      `${BASE_URL}/articles/border-crossing-reopens-for-trucks/#q1`,
      `${BASE_URL}/articles/ministers-agree-on-shared-plan-for-river-water/#q2`,
      `${BASE_URL}/articles/ministers-agree-on-shared-plan-for-river-water/#q3`,
    ]);
    const topic = parseXml(site.read('topics/water/atom.xml'));
    const titles = children(topic, 'entry').map((e) => child(e, 'title')!.text);
    expect(titles.indexOf('Government fixes new wheat purchase price')).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf('Government fixes new wheat purchase price')).toBeLessThan(titles.indexOf('Ministers agree on shared plan for river water'));
    for (const rel of site.files().filter((f) => f.endsWith('atom.xml'))) expect(() => parseXml(site.read(rel)), rel).not.toThrow();
  });

  it('lists every page except the 404 in sitemap.xml with absolute URLs', () => {
    const sitemap = parseXml(site.read('sitemap.xml'));
    expect(sitemap.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = children(sitemap, 'url').map((u) => child(u, 'loc')!.text);
    const pages = htmlFiles().filter((f) => f !== '404.html').map((f) => `${BASE_URL}/${f.replace(/index\.html$/, '')}`);
    expect([...locs].sort()).toEqual([...pages].sort());
  });

  it('points robots.txt at the absolute sitemap URL', () => {
    expect(site.read('robots.txt')).toContain(`Sitemap: ${BASE_URL}/sitemap.xml`);
  });
});

describe('JSON API', () => {
  it('indexes articles, speakers and topics with links to their own JSON files, which exist and parse', () => {
    const index = JSON.parse(site.read('api/index.json'));
    expect(index.articles).toHaveLength(8);
    expect(index.speakers.map((s: { slug: string }) => s.slug)).toContain('omar-haddad');
    for (const entry of [...index.articles, ...index.speakers, ...index.topics]) {
      const rel = entry.api.slice(BASE_URL.length + 1);
      expect(() => JSON.parse(site.read(rel)), rel).not.toThrow();
    }
  });

  it('serves an article record without internal fields and a speaker with quotes newest first', () => {
    const article = JSON.parse(site.read('api/articles/border-crossing-reopens-for-trucks.json'));
    expect(article).toMatchObject({ title: 'Border crossing reopens for trucks', date: '2023-12-02' });
    expect(article).not.toHaveProperty('source');
    const speaker = JSON.parse(site.read('api/speakers/omar-haddad.json'));
    expect(speaker.quotes.map((q: { date: string }) => q.date)).toEqual(['2024-02-03', '2023-12-02', '2023-11-14', '2023-11-14']);
    expect(speaker.quotes[1].url).toBe(`${BASE_URL}/articles/border-crossing-reopens-for-trucks/#q1`);
  });
});

describe('determinism', () => {
  it('builds byte-identical output twice (no timestamps, sorted listings)', async () => {
    const again = await buildFixture();
    expect(again.files()).toEqual(site.files());
    for (const rel of site.files()) {
      expect(readFileSync(path.join(again.out, rel)).equals(readFileSync(path.join(site.out, rel))), rel).toBe(true);
    }
  });
});
