// Crawls the served fixture site with linkinator (fragments included): no broken link or anchor, at "/" and under "/archive/".
import { LinkChecker, LinkState } from 'linkinator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildFixture, type FixtureSite } from './build-fixture.ts';
import { freePort, serveDir, type Served } from './serve.ts';

vi.mock('../../src/extract/index.ts', () => import('./stub-extractor.ts'));

interface Crawl {
  checked: number;
  broken: string[];
  pages: string[];
}

async function crawl(start: string, origin: string): Promise<Crawl> {
  const checker = new LinkChecker();
  const result = await checker.check({
    path: start, recurse: true, checkFragments: true, concurrency: 8, timeout: 10_000,
    // Only our own site is crawled; schema.org ids and the like are not fetched.
    linksToSkip: async (link) => !link.startsWith(origin),
  });
  return {
    checked: result.links.filter((l) => l.state !== LinkState.SKIPPED).length,
    broken: result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.status} ${l.url} (from ${l.parent})`),
    pages: result.links.filter((l) => l.state === LinkState.OK && !l.url.includes('#')).map((l) => l.url),
  };
}

for (const basePath of ['/', '/archive/']) {
  describe(`links with base path ${basePath}`, () => {
    let server: Served;
    let site: FixtureSite;
    let result: Crawl;
    beforeAll(async () => {
      // The server starts first so the site can be built with its real origin: canonical and feed links get crawled too.
      const port = await freePort();
      site = await buildFixture({ basePath, baseUrl: `http://127.0.0.1:${port}` }, true);
      server = await serveDir(site.out, basePath, port);
      result = await crawl(`${server.origin}${basePath}`, server.origin);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('finds no broken link or fragment', () => {
      expect(result.broken).toEqual([]);
    });

    it('reaches every page of the site from the home page (no orphans)', () => {
      const reached = new Set(result.pages.map((u) => new URL(u).pathname));
      const pages = site.files().filter((f) => f.endsWith('index.html')).map((f) => `${basePath}${f.replace(/index\.html$/, '')}`);
      expect(pages.length).toBeGreaterThan(40);
      expect(pages.filter((p) => !reached.has(p))).toEqual([]);
    });
  });
}
