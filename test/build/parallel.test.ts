import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, type BuildStats } from '../../src/build/site.ts';
import { defaultConfig } from '../../src/config.ts';
import { writeCorpus } from '../../scripts/gen-corpus.ts';
import { readTree, treeDiff } from './tree.ts';

// Worker threads only change who does the work: the site must be byte-identical to an in-process build.
describe('parallel build', () => {
  it('writes the same bytes with 2 workers as with 1', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-par-'));
    const input = path.join(root, 'in');
    writeCorpus(path.join(input, 'md'), 20, 3, 'md');
    writeCorpus(path.join(input, 'txt'), 8, 4, 'txt');
    const build = async (name: string, workers: number, largeArchive?: number, noCache = true): Promise<{ out: string; stats: BuildStats }> => {
      const out = path.join(root, name, 'dist');
      const stats = {} as BuildStats;
      await buildSite({ ...defaultConfig(root), input, output: out, cacheDir: path.join(root, name, '.cache'), baseUrl: 'https://example.org' }, { noCache, workers, stats, ...(largeArchive ? { largeArchive } : {}) });
      return { out, stats };
    };
    const serial = await build('serial', 1);
    const parallel = await build('parallel', 2);
    expect(serial.stats.workers).toBe(1);
    expect(parallel.stats.workers).toBe(2);
    const a = readTree(serial.out);
    expect(a.size).toBeGreaterThan(60);
    expect(treeDiff(a, readTree(parallel.out))).toEqual([]);
    // The memory-bound path of 100k archives (slim texts spilled to disk, workers stopped, main-thread rendering).
    const large = await build('large', 2, 5);
    expect(treeDiff(a, readTree(large.out))).toEqual([]);

    // An edit the listings see (a new headline): workers re-render list pages against the old hashes and write only
    // what changed; the result equals a full serial build of the edited archive.
    const dir = path.join(input, 'md', '000');
    const file = path.join(dir, readdirSync(dir).sort()[0]!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "An entirely new headline"'));
    const again = await build('parallel', 2, undefined, false);
    expect(again.stats.mode).toBe('incremental');
    // The workers wrote every record they extracted (after extraction, while the index was built): only the edit is new.
    expect(again.stats.extracted).toBe(1);
    // Context records the workers made in the first build equal those the main thread makes now: most pages are kept.
    expect(again.stats.articlesRendered).toBeLessThan(14);
    // So are the list pages the edit does not reach, by the data fingerprints the workers saved in the first build.
    expect(again.stats.pagesRendered - again.stats.articlesRendered).toBeGreaterThan(0);
    expect(again.stats.pagesRendered).toBeLessThan(parallel.stats.pagesRendered / 2);
    expect(again.stats.filesWritten).toBeGreaterThan(0);
    expect(again.stats.filesWritten).toBeLessThan(again.stats.filesKept);
    const fresh = await build('serial-edited', 1);
    expect(treeDiff(readTree(fresh.out), readTree(again.out))).toEqual([]);
  }, 180_000);

  it('writes every record before the workers stop, also when too few pages are left to render on them', async () => {
    // 70 inputs are extracted on the workers (64 or more), but 10 are empty: 60 articles are rendered in-process, from
    // the store, after the pool has stopped, so the records the workers held must be written by then.
    const root = mkdtempSync(path.join(tmpdir(), 'na-par-few-'));
    const input = path.join(root, 'in');
    writeCorpus(path.join(input, 'md'), 60, 5, 'md');
    for (let i = 0; i < 10; i++) writeFileSync(path.join(input, `empty-${i}.txt`), '');
    const config = { ...defaultConfig(root), input, baseUrl: 'https://example.org' };
    const stats = {} as BuildStats;
    await buildSite({ ...config, output: path.join(root, 'pool', 'dist'), cacheDir: path.join(root, 'pool', '.cache') }, { noCache: true, stats });
    await buildSite({ ...config, output: path.join(root, 'serial', 'dist'), cacheDir: path.join(root, 'serial', '.cache') }, { noCache: true, workers: 1 });
    expect(treeDiff(readTree(path.join(root, 'serial', 'dist')), readTree(path.join(root, 'pool', 'dist')))).toEqual([]);
    if (stats.workers > 1) expect(stats.extracted).toBe(60);
  }, 120_000);
});
