// axe-core in Debian's Chromium (playwright-core): 0 WCAG 2.2 AA violations per page kind, light and dark; screenshots to /tmp.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildFixture } from './build-fixture.ts';
import { freePort, serveDir, type Served } from './serve.ts';

// Only extractQuotes is replaced; anything else the module exports stays real.
vi.mock('../../src/extract/index.ts', async (importOriginal) => ({ ...(await importOriginal<object>()), ...(await import('./stub-extractor.ts')) }));
// Three audits per page in a real browser: allow for a loaded CI machine.
vi.setConfig({ testTimeout: 90_000 });

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[browser tests skipped] no Chromium at ${CHROMIUM}: install it (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH`);

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SHOTS = process.env.NA_SHOTS ?? '/tmp/na-shots';

/** One URL per page kind of the fixture archive. */
const PAGES: Record<string, string> = {
  home: '', article: 'articles/border-crossing-reopens-for-trucks/', 'article-md': 'articles/restored-museum-opens-its-doors-in-aleppo/',
  speaker: 'speakers/omar-haddad/', 'speaker-page-2': 'speakers/omar-haddad/page/2/', speakers: 'speakers/', topic: 'topics/diplomacy/', topics: 'topics/', place: 'places/damascus/', places: 'places/',
  archive: 'archive/', year: 'archive/2024/', month: 'archive/2024/01/', undated: 'archive/undated/', search: 'search/', '404': 'no-such-page/',
};

type Browser = import('playwright-core').Browser;

describe.skipIf(!hasChromium)('pages in Chromium', () => {
  let server: Served;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    const port = await freePort();
    const site = await buildFixture({ baseUrl: `http://127.0.0.1:${port}` }, true);
    server = await serveDir(site.out, '/', port);
    base = `${server.origin}/`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function audit(url: string, colorScheme: 'light' | 'dark', width: number, shot?: string): Promise<string[]> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load' });
      if (shot) await page.screenshot({ path: shot, fullPage: true });
      await page.addScriptTag({ path: AXE });
      // Page-side code as strings: the test's tsconfig has no DOM types.
      const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} } })
        .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
      return violations;
    } finally {
      await context.close();
    }
  }

  for (const [kind, rel] of Object.entries(PAGES)) {
    it(`${kind}: no WCAG 2.2 AA violations (light, desktop and mobile; dark)`, async () => {
      expect(await audit(base + rel, 'light', 1280, `${SHOTS}/${kind}-desktop.png`)).toEqual([]);
      expect(await audit(base + rel, 'light', 390, `${SHOTS}/${kind}-mobile.png`)).toEqual([]);
      expect(await audit(base + rel, 'dark', 390, `${SHOTS}/${kind}-dark.png`)).toEqual([]);
    });
  }

  it('has no horizontal scrolling at 360 px on any page kind (reflow)', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const [kind, rel] of Object.entries(PAGES)) {
      await page.goto(base + rel);
      if (await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')) wide.push(kind);
    }
    await context.close();
    expect(wide).toEqual([]);
  });

  it('moves focus to the main content with the skip link, and shows a focus outline', async () => {
    const page = await browser.newPage();
    await page.goto(base, { waitUntil: 'load' });
    await page.keyboard.press('Tab');
    // Polled: under a loaded CI machine focus can land a frame after the key press.
    await expect.poll(() => page.evaluate(`(() => {
      const el = document.activeElement;
      return { text: el.textContent, outline: getComputedStyle(el).outlineStyle, visible: el.getBoundingClientRect().left >= 0 };
    })()`), { timeout: 5_000 }).toEqual({ text: 'Skip to content', outline: 'solid', visible: true });
    await page.keyboard.press('Enter');
    await page.waitForURL(/#main$/, { timeout: 5_000 });
    await page.close();
  });

  it('finds an article by a word of its body through the Pagefind search page', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}search/`);
    await page.fill('#search input', 'mosaics');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 10_000 });
    expect(await result.getAttribute('href')).toBe('/articles/restored-museum-opens-its-doors-in-aleppo/');
    await page.close();
  });
});

describe.skipIf(!hasChromium)('search under a base path, over a sharded index, in Chromium', () => {
  let server: Served;
  let browser: Browser;
  beforeAll(async () => {
    const port = await freePort();
    // Four article pages a shard: the 8 articles go to 2 shards, which the search page merges.
    const site = await buildFixture({ basePath: '/archive/', baseUrl: `http://127.0.0.1:${port}`, searchShardPages: 4 }, true);
    expect(JSON.parse(site.read('pagefind/shards.json'))).toEqual({ bundles: ['shards/1/'] });
    server = await serveDir(site.out, '/archive/', port);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('links search results inside the base path', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/archive/search/?q=mosaics`);
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 10_000 });
    expect(await result.getAttribute('href')).toBe('/archive/articles/restored-museum-opens-its-doors-in-aleppo/');
    await page.close();
  });

  it('finds articles in every shard, ranked together, linked inside the base path', async () => {
    const page = await browser.newPage();
    // "the" is in all 8 articles, in 2 shards: the count is all of them only if both shards were searched.
    await page.goto(`${server.origin}/archive/search/?q=the`);
    await page.locator('.pagefind-ui__message', { hasText: /results? for/ }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.pagefind-ui__message').textContent()).toMatch(/^8 results for the/);
    const links = await Promise.all((await page.locator('.pagefind-ui__result-link').all()).map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^\/archive\/articles\/[a-z0-9-]+\/$/);
    await page.close();
  });
});
