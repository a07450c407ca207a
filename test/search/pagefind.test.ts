// indexSearch with a Pagefind that fails on one shard while another is still being indexed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** What the fake Pagefind saw, in order. */
const events: string[] = [];
/** The article whose page Pagefind cannot read. */
const BROKEN = 'd';

// A stand-in for the pagefind package: shard indexes are told apart by the folder they read; the one holding
// BROKEN fails at once, the others take a while and write an entry file.
vi.mock('../../src/import-esm.ts', () => ({
  importEsm: async () => ({
    createIndex: async () => ({
      index: {
        addDirectory: async ({ path: dir }: { path: string }) => {
          const broken = (await import('node:fs')).readdirSync(path.join(dir, 'articles')).includes(BROKEN);
          if (broken) {
            events.push('failed');
            return { errors: ['cannot parse broken/index.html'], page_count: 0 };
          }
          await new Promise((resolve) => setTimeout(resolve, 150));
          events.push('indexed');
          return { errors: [], page_count: 1 };
        },
        writeFiles: async ({ outputPath }: { outputPath: string }) => {
          mkdirSync(outputPath, { recursive: true });
          writeFileSync(path.join(outputPath, 'pagefind-entry.json'), '{}');
          return { errors: [] };
        },
      },
      errors: [],
    }),
    close: async () => {
      events.push('closed');
    },
  }),
}));

const { indexSearch } = await import('../../src/search/pagefind.ts');
const { assignShards, compareFiles } = await import('../../src/search/shards.ts');

describe('indexSearch, when a shard fails', () => {
  let out = '';
  afterEach(() => rmSync(path.dirname(out), { recursive: true, force: true }));

  it('reports that shard\'s error, after the shards being indexed beside it have finished, then closes Pagefind', async () => {
    out = path.join(mkdtempSync(path.join(tmpdir(), 'na-pf-fail-')), 'dist');
    // One page a shard (these four hash to shards 0-3); the broken one is in shard 1, indexed beside shard 0.
    const files = ['a', 'd', 'e', 'g'].map((n) => `articles/${n}/index.html`).sort(compareFiles);
    expect(assignShards(files, 4).map((g) => g.length)).toEqual([1, 1, 1, 1]);
    expect(assignShards(files, 4)[1]).toEqual([`articles/${BROKEN}/index.html`]);
    for (const f of files) {
      mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
      writeFileSync(path.join(out, f), '<html><body><article data-pagefind-body>x</article></body></html>');
    }
    await expect(indexSearch(out, { shardPages: 1 })).rejects.toThrow('pagefind indexing failed: cannot parse broken/index.html');
    const lanes = availableParallelism();
    // Pagefind closed last: nothing was still running on it (a lane left running fails on the closed service,
    // unhandled). Shards not yet started when the failure came were not started at all.
    expect(events.at(-1)).toBe('closed');
    expect(events.filter((e) => e === 'closed')).toHaveLength(1);
    if (lanes > 1) expect(events.indexOf('failed')).toBeLessThan(events.lastIndexOf('indexed'));
    expect(events.filter((e) => e === 'indexed').length).toBeLessThan(3);
  });
});
