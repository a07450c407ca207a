// The fixture through the REAL pipeline (whatever the extractor finds today): pages stay valid, links and anchors whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type FixtureSite } from './build-fixture.ts';
import { crawl, htmlErrors } from './checks.ts';
import { freePort, serveDir, type Served } from './serve.ts';

describe('fixture site with the real extractor', () => {
  let site: FixtureSite;
  let server: Served;
  beforeAll(async () => {
    const port = await freePort();
    site = await buildFixture({ baseUrl: `http://127.0.0.1:${port}` }, true);
    server = await serveDir(site.out, '/', port);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('passes html-validate with 0 errors', async () => {
    const { files, errors } = await htmlErrors(site.out);
    expect(files).toBeGreaterThan(20);
    expect(errors).toEqual([]);
  });

  it('has no broken link or anchor', async () => {
    const result = await crawl(`${server.origin}/`, server.origin);
    expect(result.broken).toEqual([]);
  });

  it('gives every extracted quote an anchor in its article', () => {
    const api = JSON.parse(site.read('api/index.json'));
    for (const s of api.speakers as { slug: string }[]) {
      for (const q of JSON.parse(site.read(`api/speakers/${s.slug}.json`)).quotes as { articleSlug: string; anchor: string }[]) {
        expect(site.read(`articles/${q.articleSlug}/index.html`), `${q.articleSlug}#${q.anchor}`).toContain(`id="${q.anchor}"`);
      }
    }
  });
});
