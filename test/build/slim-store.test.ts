import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reuseSlimStore, AppendStore } from '../../src/build/cache.ts';
import { buildSite, type BuildStats } from '../../src/build/site.ts';
import { defaultConfig } from '../../src/config.ts';
import { writeCorpus } from '../../scripts/gen-corpus.ts';
import { readTree, treeDiff } from './tree.ts';

describe('AppendStore', () => {
  it('keeps earlier offsets valid when reopened and appended to', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'na-slims-')), 'slims');
    const first = AppendStore.create(file);
    const a = first.put('{"title":"One"}');
    first.close();
    const again = AppendStore.open(file)!;
    const b = again.put('{"title":"Two"}');
    expect([again.get(a), again.get(b)]).toEqual(['{"title":"One"}', '{"title":"Two"}']);
    expect(b[0]).toBe(a[1]);
    again.remove();
    expect(AppendStore.open(file)).toBeNull();
  });

  it('buffered, gives back every text before and after it is written, and leaves them all in the file', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'na-spill-')), 'quotes');
    const store = AppendStore.create(file, { buffer: 64 });
    // Short texts fill the buffer and flush it; a text longer than the buffer is written on its own.
    const texts = ['“Peace,” he said', 'Ελπίδα', 'x'.repeat(100), 'short', '🙂 emoji', 'a'.repeat(20), 'b'.repeat(21), 'end'];
    const at: [number, number][] = [];
    texts.forEach((t, i) => {
      at.push(store.put(t));
      // Read back at once (from the buffer) and everything so far (some from the file).
      expect(store.get(at[i]!)).toBe(t);
      expect(at.map((a) => store.get(a))).toEqual(texts.slice(0, i + 1));
    });
    expect(store.size).toBe(Buffer.byteLength(texts.join('')));
    store.close();
    expect(readFileSync(file, 'utf8')).toBe(texts.join(''));
  });

  it('starts a new generation only once dead texts outweigh live ones', () => {
    expect(reuseSlimStore(3 << 20, 2 << 20)).toBe(true);
    expect(reuseSlimStore(5 << 20, 2 << 20)).toBe(true);
    expect(reuseSlimStore(6 << 20, 2 << 20)).toBe(false);
  });
});

describe('builds and the slim store', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'na-slims-build-'));
  const input = path.join(root, 'in');
  writeCorpus(input, 12, 5, 'md');
  const cacheDir = path.join(root, '.cache');
  const config = { ...defaultConfig(root), input, output: path.join(root, 'site', 'dist'), cacheDir };
  const stores = (): string[] => readdirSync(cacheDir).filter((n) => n.includes('.slims-'));

  it('keeps one store, and rebuilds every record when the store is gone', async () => {
    await buildSite(config, { workers: 1 });
    expect(stores()).toHaveLength(1);
    rmSync(path.join(cacheDir, stores()[0]!));
    const stats = {} as BuildStats;
    await buildSite(config, { workers: 1, stats });
    expect(stats.reused).toBe(0);
    expect(stores()).toHaveLength(1);
    const full = { ...config, output: path.join(root, 'full', 'dist'), cacheDir: path.join(root, 'full-cache') };
    await buildSite(full, { workers: 1, noCache: true });
    expect(treeDiff(readTree(config.output), readTree(full.output))).toEqual([]);
    expect(existsSync(path.join(cacheDir, stores()[0]!))).toBe(true);
  });
});
