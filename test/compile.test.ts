import { cpSync, existsSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types (it runs before any TypeScript loader exists)
import { bundleSources, loadBundle } from '../src/compile.mjs';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/compile');

async function bundled(): Promise<{ src: string; cache: string; dir: string }> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'na-compile-'));
  const src = path.join(tmp, 'src');
  cpSync(FIXTURE, src, { recursive: true });
  const cache = path.join(tmp, 'cache');
  const dir = (await bundleSources(src, cache)) as string;
  expect(dir).toBeTruthy();
  return { src, cache, dir };
}

describe('bundleSources', () => {
  it('bundles both entry points, keeps each module URL pointing at its source, and reuses an unchanged bundle', async () => {
    const { src, cache, dir } = await bundled();
    const cli = loadBundle(path.join(dir, 'cli.cjs')).exports;
    const worker = loadBundle(path.join(dir, 'workers-task.cjs')).exports;
    expect(cli.value).toBe(42);
    expect(worker.task).toBe(22);
    expect(cli.moduleUrl).toBe(pathToFileURL(path.join(src, 'cli.ts')).href);
    expect(await bundleSources(src, cache)).toBe(dir);
  });

  it('makes a new bundle when a source file changes, keeps a recently used one and removes one unused for a week', async () => {
    const { src, cache, dir: first } = await bundled();
    loadBundle(path.join(first, 'cli.cjs')).saveCache();
    writeFileSync(path.join(first, 'cities-1.0.0-exact.v8'), 'a table');
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(src, 'build/shared.ts'), later, later);
    const second = await bundleSources(src, cache);
    expect(second).not.toBe(first);
    // A build started before the edit may still start workers from the first bundle: its code stays, the caches
    // and tables beside it go (runs remake them).
    expect(readdirSync(cache).sort()).toEqual([path.basename(first), path.basename(second as string)].sort());
    expect(readdirSync(first).sort()).toEqual(['cli.cjs', 'workers-task.cjs']);
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(first, weekAgo, weekAgo);
    utimesSync(path.join(src, 'cli.ts'), later, later);
    const third = await bundleSources(src, cache);
    expect(readdirSync(cache).sort()).toEqual([path.basename(second as string), path.basename(third as string)].sort());
  });
});

describe('loadBundle', () => {
  it('keeps a V8 code cache beside the bundle and runs from it the next time', async () => {
    const { dir } = await bundled();
    const file = path.join(dir, 'cli.cjs');
    const first = loadBundle(file);
    expect(first.usedCache).toBe(false);
    expect(existsSync(`${file}.v8-cache`)).toBe(false);
    first.saveCache();
    expect(existsSync(`${file}.v8-cache`)).toBe(true);
    const second = loadBundle(file);
    expect(second.usedCache).toBe(true);
    expect(second.exports.value).toBe(42);
    // An accepted cache is written again only when the run compiled more than it was told to allow.
    utimesSync(`${file}.v8-cache`, new Date(0), new Date(0));
    second.saveCache();
    second.saveCache(1 << 20);
    expect(statSync(`${file}.v8-cache`).mtimeMs).toBe(0);
    expect(second.exports.wordCounts('a b a c b a')).toEqual({ a: 3, b: 2, c: 1 }); // first call: compiled now
    second.saveCache(0);
    expect(statSync(`${file}.v8-cache`).mtimeMs).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('runs without a cache V8 rejects (another Node version, a torn file) and replaces it', async () => {
    const { dir } = await bundled();
    const file = path.join(dir, 'workers-task.cjs');
    writeFileSync(`${file}.v8-cache`, 'not a code cache');
    const loaded = loadBundle(file);
    expect(loaded.usedCache).toBe(false);
    expect(loaded.exports.task).toBe(22);
    loaded.saveCache();
    expect(loadBundle(file).usedCache).toBe(true);
  });

  it('lends the bundle an import() for packages outside it', async () => {
    const { dir } = await bundled();
    loadBundle(path.join(dir, 'cli.cjs'));
    const lent = (globalThis as Record<symbol, ((s: string) => Promise<unknown>) | undefined>)[Symbol.for('news-archive.import')];
    expect(typeof lent).toBe('function');
    expect(((await lent!('node:path')) as typeof path).join('a', 'b')).toBe(path.join('a', 'b'));
  });
});
