// Pagefind over the written fixture site: only article pages (data-pagefind-body) are indexed; the bundle is deterministic.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildFixture, listFiles, type FixtureSite } from './build-fixture.ts';
import { indexSearch, type SearchIndexResult } from '../../src/search/pagefind.ts';

vi.mock('../../src/extract/index.ts', () => import('./stub-extractor.ts'));

let site: FixtureSite;
let result: SearchIndexResult;
beforeAll(async () => {
  site = await buildFixture();
  result = await indexSearch(site.out);
});

describe('search index', () => {
  it('writes the Pagefind bundle into <out>/pagefind with the UI the search page loads', () => {
    expect(result.bundle).toBe(path.join(site.out, 'pagefind'));
    for (const f of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-entry.json']) expect(site.files()).toContain(`pagefind/${f}`);
  });

  it('indexes the article pages only: lists, speaker and topic pages carry no data-pagefind-body', () => {
    const entry = JSON.parse(site.read('pagefind/pagefind-entry.json'));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBe(8);
    const marked = site.files().filter((f) => f.endsWith('.html') && site.read(f).includes('data-pagefind-body'));
    expect(marked.every((f) => f.startsWith('articles/'))).toBe(true);
    expect(marked).toHaveLength(8);
  });

  it('writes the same bundle when run twice over the same site', async () => {
    const again = await buildFixture();
    await indexSearch(again.out);
    const a = listFiles(path.join(site.out, 'pagefind')).map((f) => path.relative(site.out, f));
    const b = listFiles(path.join(again.out, 'pagefind')).map((f) => path.relative(again.out, f));
    expect(b).toEqual(a);
    for (const rel of a) expect(readFileSync(path.join(again.out, rel)).equals(readFileSync(path.join(site.out, rel))), rel).toBe(true);
  });
});
