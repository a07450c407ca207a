// indexSearch with a stand-in Pagefind: a shard that fails while another is being indexed, and shards with no pages.
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

let out = '';
afterEach(() => {
  rmSync(path.dirname(out), { recursive: true, force: true });
  events.length = 0;
});

/** An output folder holding a page for each article name. */
function site(prefix: string, names: string[]): string[] {
  out = path.join(mkdtempSync(path.join(tmpdir(), prefix)), 'dist');
  const files = names.map((n) => `articles/${n}/index.html`).sort(compareFiles);
  for (const f of files) {
    mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
    writeFileSync(path.join(out, f), '<html><body><article data-pagefind-body>x</article></body></html>');
  }
  return files;
}

describe('indexSearch, when a shard fails', () => {
  it('reports that shard\'s error, after the shards being indexed beside it have finished, then closes Pagefind', async () => {
    // One page a shard (these four hash to shards 0-3); the broken one is in shard 1, indexed beside shard 0.
    const files = site('na-pf-fail-', ['a', 'd', 'e', 'g']);
    expect(assignShards(files, 4).map((g) => g.length)).toEqual([1, 1, 1, 1]);
    expect(assignShards(files, 4)[1]).toEqual([`articles/${BROKEN}/index.html`]);
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

describe('indexSearch, with shards no page hashes to', () => {
  it('neither makes nor counts them, when all are made or when some are asked for', async () => {
    // Three pages at one a shard make four shards; these three hash to shards 0, 2 and 3.
    const files = site('na-pf-empty-', ['a', 'e', 'g']);
    expect(assignShards(files, 4).map((g) => g.length)).toEqual([1, 0, 1, 1]);
    const all = await indexSearch(out, { shardPages: 1 });
    expect(all).toMatchObject({ pages: 3, shards: 3, indexed: [0, 2, 3] });
    expect(events.filter((e) => e === 'indexed')).toHaveLength(3);
    const some = await indexSearch(out, { shardPages: 1, only: { count: 4, shards: [1, 3] } });
    expect(some).toMatchObject({ pages: 1, shards: 3, indexed: [3] });
  });
});
