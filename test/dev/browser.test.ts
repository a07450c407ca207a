// Live reload and the error overlay in a real browser (Debian Chromium through playwright-core); skipped without Chromium.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERLAY_ID } from '../../src/dev/overlay.ts';
import { startDev, type DevSession } from '../../src/dev/session.ts';
import { tempProject } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
type Browser = import('playwright-core').Browser;

describe.skipIf(!existsSync(CHROMIUM))('dev server in Chromium', () => {
  let project: ReturnType<typeof tempProject>;
  let session: DevSession;
  let browser: Browser;
  beforeAll(async () => {
    project = tempProject();
    session = await startDev({
      cwd: project.dir,
      overrides: { input: project.seeds, output: path.join(project.dir, 'dist'), templates: project.templates, public: project.publicDir },
      port: 0,
      debounceMs: 30,
      log: () => {},
    });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await session?.close();
    project?.cleanup();
  });

  it('reloads the open tab on a seed edit, overlays a template error, and recovers after the fix', async () => {
    const page = await browser.newPage();
    const slug = session.last.report!.entries.find((e) => e.file === '2025-01-14-bridge-reopens.md')!.slug!;
    await page.goto(new URL(`articles/${slug}/`, session.url).href);
    const connected = async (): Promise<void> => {
      for (let i = 0; i < 100 && session.server.clients === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(session.server.clients).toBeGreaterThan(0);
    };
    await connected();

    const seed = path.join(project.seeds, '2025-01-14-bridge-reopens.md');
    writeFileSync(seed, readFileSync(seed, 'utf8').replace('strengthened the piers', 'painted the railings green'));
    await page.waitForFunction(() => document.body.textContent!.includes('painted the railings green'), null, { timeout: 10_000 });

    // A stylesheet-only change is applied in place: the page is not reloaded (a marker on window survives).
    await page.evaluate('window.__stillHere = true');
    const css = path.join(project.publicDir, 'assets/site.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\nmain { outline: 3px solid rgb(255, 0, 0); }\n`);
    await page.waitForFunction('getComputedStyle(document.querySelector("main")).outlineColor === "rgb(255, 0, 0)"', null, { timeout: 10_000 });
    expect(await page.evaluate('window.__stillHere === true')).toBe(true);

    const template = path.join(project.templates, 'article.eta');
    const good = readFileSync(template, 'utf8');
    writeFileSync(template, `${good}\n<% if (it.page { %>\n`);
    const overlay = page.locator(`#${OVERLAY_ID}`);
    await overlay.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await overlay.textContent()).toContain('templates/article.eta');
    expect(await page.locator('main').textContent()).toContain('painted the railings green');

    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'detached', timeout: 5000 });

    const reloaded = page.waitForEvent('load', { timeout: 10_000 });
    writeFileSync(template, good);
    await reloaded;
    // A reload happened and brought a clean page: the overlay is gone and the article is still there.
    expect(await page.locator(`#${OVERLAY_ID}`).count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('painted the railings green');
  });
});
