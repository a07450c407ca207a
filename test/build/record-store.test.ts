import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../../src/build/articles.ts';
import { asUnpacked, packRecord, unpackRecord } from '../../src/build/cache.ts';
import { buildSite, type BuildStats } from '../../src/build/site.ts';
import { readInput } from '../../src/load/read.ts';
import { articleRecord } from '../../src/pages/machine.ts';
import { defaultConfig } from '../../src/config.ts';
import { writeCorpus } from '../../scripts/gen-corpus.ts';

// Records are filed by content hash: a --no-cache build extracts again but need not rewrite identical records.
describe('record store', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'na-records-'));
  const input = path.join(root, 'in');
  writeCorpus(input, 6, 11, 'txt');
  const config = { ...defaultConfig(root), input, output: path.join(root, 'site', 'dist'), cacheDir: path.join(root, '.cache') };
  const recordFiles = (): string[] => {
    const dir = path.join(config.cacheDir, readdirSync(config.cacheDir).find((n) => n.startsWith('records-'))!);
    return readdirSync(dir).flatMap((shard) => readdirSync(path.join(dir, shard)).map((f) => path.join(dir, shard, f)));
  };

  it('leaves identical records alone on --no-cache, and replaces a torn one', async () => {
    await buildSite(config, { workers: 1 });
    const files = recordFiles();
    expect(files).toHaveLength(6);
    const old = new Date('2001-01-01T00:00:00Z');
    for (const f of files) utimesSync(f, old, old);
    const stats = {} as BuildStats;
    await buildSite(config, { workers: 1, noCache: true, stats });
    expect(stats.extracted).toBe(6);
    for (const f of files) expect(statSync(f).mtimeMs).toBe(old.getTime());

    writeFileSync(files[0]!, '{"a":'); // a write torn by a killed build
    await buildSite(config, { workers: 1, noCache: true });
    expect(() => JSON.parse(readFileSync(files[0]!, 'utf8'))).not.toThrow();
    for (const f of files.slice(1)) expect(statSync(f).mtimeMs).toBe(old.getTime());
  });
});

// A worker renders the records it extracted without reading them back: they must look exactly like read-back ones.
describe('records held in memory', () => {
  const dir = path.resolve(__dirname, '../fixtures/site-archive');
  const config = defaultConfig(path.resolve(__dirname, '../..'));
  for (const name of readdirSync(dir).filter((n) => /\.(txt|md)$/.test(n))) {
    it(`match the stored form key for key: ${name}`, () => {
      const loaded = readInput({ abs: path.join(dir, name), rel: name }, { maxBytes: 1 << 20 });
      if (!loaded.ok) throw new Error(loaded.skipped.reason.message);
      const fresh = processSource(loaded.source, config);
      const held = asUnpacked(fresh);
      const stored = unpackRecord(packRecord(fresh));
      expect(Object.keys(held.article)).toEqual(Object.keys(stored.article));
      expect(JSON.stringify(articleRecord(held.article))).toBe(JSON.stringify(articleRecord(stored.article)));
      expect(held.article).toEqual(stored.article);
    });
  }
});
