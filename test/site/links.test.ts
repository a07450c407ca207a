// Crawls the served fixture site with linkinator (fragments included): no broken link or anchor, at "/" and under "/archive/".
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildFixture, type FixtureSite } from './build-fixture.ts';
import { crawl, type Crawl } from './checks.ts';
import { freePort, serveDir, type Served } from './serve.ts';

// Only extractQuotes is replaced; anything else the module exports stays real.
vi.mock('../../src/extract/index.ts', async (importOriginal) => ({ ...(await importOriginal<object>()), ...(await import('./stub-extractor.ts')) }));

for (const basePath of ['/', '/archive/']) {
  describe(`links with base path ${basePath}`, () => {
    let server: Served;
    let site: FixtureSite;
    let result: Crawl;
    beforeAll(async () => {
      // The site is built with its real origin, so canonical links, feeds and the sitemap get crawled too.
      const port = await freePort();
      site = await buildFixture({ basePath, baseUrl: `http://127.0.0.1:${port}` }, true);
      server = await serveDir(site.out, basePath, port);
      result = await crawl(`${server.origin}${basePath}`, server.origin);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('finds no broken link or fragment', () => {
      if (process.env.NA_REPORT) console.log(`base ${basePath}: ${result.checked} links checked, ${result.broken.length} broken, ${result.pages.length} URLs reached`);
      expect(result.checked).toBeGreaterThan(60);
      expect(result.broken).toEqual([]);
    });

    it('reaches every page of the site from the home page (no orphans)', () => {
      const reached = new Set(result.pages.map((u) => new URL(u).pathname));
      const pages = site.files().filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind/')).map((f) => `${basePath}${f.replace(/index\.html$/, '')}`);
      expect(pages.length).toBeGreaterThan(40);
      expect(pages.filter((p) => !reached.has(p))).toEqual([]);
    });

    it('serves the feeds, sitemap and JSON API under the base path', () => {
      for (const f of ['feed.xml', 'rss.xml', 'feed.json', 'sitemap.xml', 'api/index.json', 'speakers/omar-haddad/atom.xml']) {
        expect(result.pages, f).toContain(`${server.origin}${basePath}${f}`);
      }
    });
  });
}
