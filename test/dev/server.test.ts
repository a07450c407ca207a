import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERLAY_ID } from '../../src/dev/overlay.ts';
import { startDevServer, type DevServer } from '../../src/dev/server.ts';
import { openEvents } from './helpers.ts';

describe('dev server', () => {
  let dir: string;
  let server: DevServer;
  let origin: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'na-serve-'));
    mkdirSync(path.join(dir, 'articles/one'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), '<html><head></head><body>home</body></html>');
    writeFileSync(path.join(dir, 'articles/one/index.html'), '<html><head></head><body>one</body></html>');
    writeFileSync(path.join(dir, '404.html'), '<html><head></head><body>missing page</body></html>');
    writeFileSync(path.join(dir, 'feed.xml'), '<feed></feed>');
    server = await startDevServer({ root: dir, basePath: '/site/', port: 0 });
    origin = new URL(server.url).origin;
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redirects a clean URL without its trailing slash, as static hosts do', async () => {
    const res = await fetch(`${origin}/site/articles/one`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/site/articles/one/');
  });

  it('answers only under the base path', async () => {
    const res = await fetch(`${origin}/articles/one/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('/site/');
  });

  it('serves other files untouched through sirv', async () => {
    const res = await fetch(`${origin}/site/feed.xml`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<feed></feed>');
  });

  it('serves the site 404 page, with the client, for a missing route', async () => {
    const res = await fetch(`${origin}/site/nothing-here/`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('missing page');
    expect(html).toContain('/__news-archive/client.js');
  });

  it('never serves files outside the output folder', async () => {
    const res = await fetch(`${origin}/site/%2e%2e/%2e%2e/etc/passwd`);
    expect([403, 404]).toContain(res.status);
  });

  it('shows problems on every page until cleared, and tells open tabs to reload', async () => {
    const events = await openEvents(`${origin}/__news-archive/events`);
    try {
      const hello = await events.next('hello');
      server.setProblems([{ title: 'Build failed', diagnostics: [{ severity: 'error', code: 'build-failed', file: 'templates/home.eta', message: 'oops' }] }]);
      server.reload();
      const reload = await events.next('reload');
      expect(reload.data).not.toBe(hello.data);
      expect(await (await fetch(`${origin}/site/articles/one/`)).text()).toContain(OVERLAY_ID);
      server.setProblems([]);
      expect(await (await fetch(`${origin}/site/articles/one/`)).text()).not.toContain(OVERLAY_ID);
    } finally {
      events.close();
    }
  });
});
