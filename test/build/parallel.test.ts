import { mkdtempSync } from 'node:fs';
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
    const build = async (name: string, workers: number, largeArchive?: number): Promise<{ out: string; stats: BuildStats }> => {
      const out = path.join(root, name, 'dist');
      const stats = {} as BuildStats;
      await buildSite({ ...defaultConfig(root), input, output: out, cacheDir: path.join(root, name, '.cache'), baseUrl: 'https://example.org' }, { noCache: true, workers, stats, ...(largeArchive ? { largeArchive } : {}) });
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
  }, 180_000);
});
