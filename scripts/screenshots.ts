// Screenshots for the README: the main page kinds of the seed build, and the dev server's error overlay; Chromium into docs/screenshots/.
// Run: npx tsx scripts/screenshots.ts   (needs Chromium: /usr/bin/chromium, or CHROMIUM_PATH)
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { buildSite } from '../src/build/site.ts';
import { loadConfig, PACKAGE_ROOT } from '../src/config.ts';
import { startDev } from '../src/dev/session.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const OUT = path.join(PACKAGE_ROOT, 'docs/screenshots');

const work = mkdtempSync(path.join(tmpdir(), 'na-shots-'));
const server = createServer(sirv(path.join(work, 'dist'), { dev: true }));
try {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig(PACKAGE_ROOT, undefined, { output: path.join(work, 'dist'), cacheDir: path.join(work, 'cache'), baseUrl: origin });
  await buildSite(config, { reportPath: path.join(work, 'build-report.json') });
  const api = JSON.parse(readFileSync(path.join(work, 'dist/api/index.json'), 'utf8')) as { articles: { slug: string }[]; speakers: { slug: string; quotes: number }[] };
  const speaker = [...api.speakers].sort((a, b) => b.quotes - a.quotes)[0];
  const pages: Record<string, string> = {
    home: '/',
    article: `/articles/${api.articles[0]!.slug}/`,
    ...(speaker ? { speaker: `/speakers/${speaker.slug}/` } : {}),
    topics: '/topics/',
  };
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 860 }, deviceScaleFactor: 1, colorScheme: 'light' });
    for (const [name, route] of Object.entries(pages)) {
      await page.goto(origin + route, { waitUntil: 'networkidle' });
      const file = path.join(OUT, `${name}.png`);
      // Short pages are cut at their end rather than padded with blank viewport; long ones at 860 px.
      const height = Math.min(860, Math.ceil((await page.evaluate('(() => { const f = document.querySelector("footer"); return f ? f.getBoundingClientRect().bottom + scrollY + 16 : document.documentElement.scrollHeight; })()')) as number));
      await page.screenshot({ path: file, clip: { x: 0, y: 0, width: 1200, height } });
      console.log(`${name.padEnd(8)} ${route} → ${path.relative(PACKAGE_ROOT, file)}`);
    }
    // The dev overlay: a copy of the templates with a syntax error in the article template.
    const templates = path.join(work, 'templates');
    cpSync(path.join(PACKAGE_ROOT, 'templates'), templates, { recursive: true });
    const dev = await startDev({ cwd: work, overrides: { input: config.input, output: path.join(work, 'dev-dist'), cacheDir: path.join(work, 'cache'), templates }, port: 0, log: () => {} });
    try {
      const article = path.join(templates, 'article.eta');
      writeFileSync(article, `${readFileSync(article, 'utf8')}\n<% if (it.page.title { %>\n`);
      await dev.rebuild([article]);
      await page.goto(new URL(pages.article!.slice(1), dev.url).href, { waitUntil: 'networkidle' });
      await page.screenshot({ path: path.join(OUT, 'dev-overlay.png') });
      console.log('overlay  (dev server, broken templates/article.eta) → docs/screenshots/dev-overlay.png');
    } finally {
      await dev.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
}
