import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OVERLAY_ID } from '../../src/dev/overlay.ts';
import { startDev, type DevSession } from '../../src/dev/session.ts';
import { openEvents, tempProject, type EventReader } from './helpers.ts';
import { lockOutput } from '../../src/write/lock.ts';

describe('news-archive dev', () => {
  let project: ReturnType<typeof tempProject>;
  let session: DevSession;
  let events: EventReader;
  const logs: string[] = [];

  const eventsUrl = (): string => new URL('/__news-archive/events', session.url).href;
  const page = async (route: string): Promise<{ status: number; html: string }> => {
    const res = await fetch(new URL(route.replace(/^\//, ''), session.url));
    return { status: res.status, html: await res.text() };
  };
  const slugOf = (file: string): string => session.last.report!.entries.find((e) => e.file === file)!.slug!;

  beforeEach(async () => {
    project = tempProject();
    logs.length = 0;
    session = await startDev({
      cwd: project.dir,
      overrides: { input: project.seeds, output: path.join(project.dir, 'dist'), templates: project.templates, public: project.publicDir, basePath: '/archive/' },
      port: 0,
      debounceMs: 30,
      log: (line) => logs.push(line),
    });
    events = await openEvents(eventsUrl());
    await events.next('hello');
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') console.error(`dev log:\n${logs.join('\n')}`);
    events?.close();
    await session?.close();
    project.cleanup();
  });

  it('serves the built site under the base path with the reload client injected', async () => {
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/archive\/$/);
    const home = await page('/');
    expect(home.status).toBe(200);
    expect(home.html).toContain('Old bridge reopens to traffic');
    expect(home.html).toContain('/__news-archive/client.js');
    // No baseUrl configured: canonical links point at the dev server itself.
    expect(home.html).toContain(`<link rel="canonical" href="${session.url}">`);
    const root = await fetch(new URL('/', session.url), { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/archive/');
  });

  it('serves the edited article and sends a reload within 2 s of saving a seed', async () => {
    const file = path.join(project.seeds, '2025-01-15-library-hours.txt');
    const slug = slugOf('2025-01-15-library-hours.txt');
    const saved = performance.now();
    writeFileSync(file, readFileSync(file, 'utf8').replace('volunteers will staff', 'retired teachers will staff'));
    const reload = await events.next('reload', 2000);
    expect(reload.at - saved).toBeLessThan(2000);
    const article = await page(`/articles/${slug}/`);
    expect(article.status).toBe(200);
    expect(article.html).toContain('retired teachers will staff');
    expect(logs.some((l) => l.includes('changed seeds/2025-01-15-library-hours.txt'))).toBe(true);
  });

  it('never writes the reload client or overlay into the output folder', async () => {
    writeFileSync(path.join(project.templates, 'home.eta'), '<% if ( { %>');
    await events.next('reload', 10_000);
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
    for (const f of walk(path.join(project.dir, 'dist')).filter((f) => f.endsWith('.html'))) {
      expect(readFileSync(f, 'utf8'), f).not.toContain('__news-archive');
    }
  });

  it('shows a broken template as an overlay, keeps serving the last good site, and recovers after the fix', async () => {
    const template = path.join(project.templates, 'article.eta');
    const good = readFileSync(template, 'utf8');
    const slug = slugOf('2025-01-14-bridge-reopens.md');
    writeFileSync(template, `${good}\n<% if (it.page { %>\n`);
    await events.next('reload', 10_000);
    const broken = await page(`/articles/${slug}/`);
    expect(broken.status).toBe(200);
    expect(broken.html).toContain(`id="${OVERLAY_ID}"`);
    expect(broken.html).toContain('Build failed');
    expect(broken.html).toContain('templates/article.eta');
    expect(broken.html).toContain('Old bridge reopens to traffic');
    expect(logs.some((l) => l.includes('Build failed'))).toBe(true);

    writeFileSync(template, good);
    await events.next('reload', 10_000);
    const fixed = await page(`/articles/${slug}/`);
    expect(fixed.html).not.toContain(`id="${OVERLAY_ID}"`);
    expect(fixed.html).toContain('Mayor Olive Brant');
  });

  it('shows a broken article with its file and line, builds the rest, and recovers after the fix', async () => {
    const bad = path.join(project.seeds, 'broken.md');
    writeFileSync(bad, '---\ntitle: "unclosed\ndate: 2025-01-16\n---\nBody text of a short note.\n');
    await events.next('reload', 10_000);
    const home = await page('/');
    expect(home.html).toContain(`id="${OVERLAY_ID}"`);
    expect(home.html).toContain('seeds/broken.md');
    expect(home.html).toContain('Old bridge reopens to traffic');

    writeFileSync(bad, '---\ntitle: A short note\ndate: 2025-01-16\n---\nBody text of a short note.\n');
    await events.next('reload', 10_000);
    const after = await page('/');
    expect(after.html).not.toContain(`id="${OVERLAY_ID}"`);
    expect(after.html).toContain('A short note');
  });

  it('shows a build of the same folder from elsewhere as a problem, keeps serving, and builds once it is free', async () => {
    const release = lockOutput(session.config.output);
    let outcome;
    try {
      outcome = await session.rebuild();
    } finally {
      release();
    }
    expect(outcome.ok).toBe(false);
    expect(outcome.problems[0]!.diagnostics[0]).toMatchObject({ code: 'output-locked' });
    expect((await page('/')).html).toContain('Old bridge reopens to traffic');
    expect((await session.rebuild()).ok).toBe(true);
  });

  it('swaps the stylesheet in place when only CSS changed', async () => {
    const css = path.join(project.publicDir, 'assets/site.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\nbody { outline: 1px solid red; }\n`);
    const swap = await events.next('css', 5000);
    expect(swap.data).toMatch(/-\d+$/);
    const served = await (await fetch(new URL('assets/site.css', session.url))).text();
    expect(served).toContain('outline: 1px solid red');
  });

  it('applies a config change, overlays a broken config, and recovers', async () => {
    const configFile = path.join(project.dir, 'news-archive.config.json');
    writeFileSync(configFile, JSON.stringify({ title: 'Riverton Wire' }));
    await events.next('reload', 10_000);
    expect((await page('/')).html).toContain('Riverton Wire');

    writeFileSync(configFile, '{ "title": "Riverton Wire", }');
    await events.next('reload', 10_000);
    const broken = await page('/');
    expect(broken.html).toContain(`id="${OVERLAY_ID}"`);
    expect(broken.html).toContain('[config-json]');

    writeFileSync(configFile, JSON.stringify({ title: 'Riverton Daily' }));
    await events.next('reload', 10_000);
    const fixed = await page('/');
    expect(fixed.html).not.toContain(`id="${OVERLAY_ID}"`);
    expect(fixed.html).toContain('Riverton Daily');
  });

  it('rebuilds when an override file is created', async () => {
    writeFileSync(path.join(project.dir, 'topics.yaml'), 'hide:\n  - Transport\n');
    await events.next('reload', 10_000);
    expect(logs.some((l) => l.includes('changed topics.yaml'))).toBe(true);
  });
});

describe('news-archive dev when the very first build fails', () => {
  it('serves a page with the overlay, then the site once the template is fixed', async () => {
    const project = tempProject();
    const template = path.join(project.templates, 'layout.eta');
    const good = readFileSync(template, 'utf8');
    writeFileSync(template, '<% if ( { %>');
    const session = await startDev({
      cwd: project.dir,
      overrides: { input: project.seeds, output: path.join(project.dir, 'dist'), templates: project.templates, public: project.publicDir },
      port: 0, debounceMs: 30, log: () => {},
    });
    const events = await openEvents(new URL('/__news-archive/events', session.url).href);
    try {
      await events.next('hello');
      const waiting = await fetch(session.url);
      expect(waiting.status).toBe(503);
      const html = await waiting.text();
      expect(html).toContain(OVERLAY_ID);
      expect(html).toContain('No site yet');
      writeFileSync(template, good);
      await events.next('reload', 10_000);
      const site = await fetch(session.url);
      expect(site.status).toBe(200);
      expect(await site.text()).toContain('Old bridge reopens to traffic');
    } finally {
      events.close();
      await session.close();
      project.cleanup();
    }
  });
});

describe('news-archive dev with a slow after-build step (the search index)', () => {
  it('reloads the tabs without waiting for it, and shows its failure as an overlay', async () => {
    const project = tempProject();
    let calls = 0;
    const session = await startDev({
      cwd: project.dir,
      overrides: { input: project.seeds, output: path.join(project.dir, 'dist'), templates: project.templates, public: project.publicDir },
      port: 0, debounceMs: 30, log: () => {},
      afterBuild: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 1500));
        if (calls === 2) throw new Error('search indexer crashed');
      },
    });
    const events = await openEvents(new URL('/__news-archive/events', session.url).href);
    try {
      await events.next('hello');
      // The first build's after-step runs in the background: the URL was served before it finished.
      expect(calls).toBe(1);
      await session.idle();
      const seed = path.join(project.seeds, '2025-01-15-library-hours.txt');
      const saved = performance.now();
      writeFileSync(seed, readFileSync(seed, 'utf8').replace('nine in the evening', 'ten in the evening'));
      const reload = await events.next('reload', 10_000);
      expect(reload.at - saved).toBeLessThan(1500);
      await events.next('reload', 10_000);
      const home = await (await fetch(session.url)).text();
      expect(home).toContain(OVERLAY_ID);
      expect(home).toContain('search indexer crashed');
    } finally {
      events.close();
      await session.close();
      project.cleanup();
    }
  });
});
