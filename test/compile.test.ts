import { cpSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types (it runs before any TypeScript loader exists)
import { bundleSources } from '../src/compile.mjs';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/compile');

describe('bundleSources', () => {
  it('bundles both entry points, keeps each module URL pointing at its source, and reuses an unchanged bundle', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'na-compile-'));
    const src = path.join(tmp, 'src');
    cpSync(FIXTURE, src, { recursive: true });
    const cache = path.join(tmp, 'cache');
    const dir = (await bundleSources(src, cache)) as string;
    expect(dir).toBeTruthy();
    const cli = await import(pathToFileURL(path.join(dir, 'cli.mjs')).href);
    const worker = await import(pathToFileURL(path.join(dir, 'workers-task.mjs')).href);
    expect(cli.value).toBe(42);
    expect(worker.task).toBe(22);
    expect(cli.moduleUrl).toBe(pathToFileURL(path.join(src, 'cli.ts')).href);
    expect(await bundleSources(src, cache)).toBe(dir);
  });

  it('makes a new bundle when a source file changes, keeps a recently used one and removes one unused for a week', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'na-compile-'));
    const src = path.join(tmp, 'src');
    cpSync(FIXTURE, src, { recursive: true });
    const cache = path.join(tmp, 'cache');
    const first = await bundleSources(src, cache);
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(src, 'build/shared.ts'), later, later);
    const second = await bundleSources(src, cache);
    expect(second).not.toBe(first);
    // A build started before the edit may still start workers from the first bundle.
    expect(readdirSync(cache).sort()).toEqual([path.basename(first as string), path.basename(second as string)].sort());
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(first as string, weekAgo, weekAgo);
    utimesSync(path.join(src, 'cli.ts'), later, later);
    const third = await bundleSources(src, cache);
    expect(readdirSync(cache).sort()).toEqual([path.basename(second as string), path.basename(third as string)].sort());
  });
});
