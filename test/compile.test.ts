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

  it('makes a new bundle when a source file changes and removes the stale one', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'na-compile-'));
    const src = path.join(tmp, 'src');
    cpSync(FIXTURE, src, { recursive: true });
    const cache = path.join(tmp, 'cache');
    const first = await bundleSources(src, cache);
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(src, 'build/shared.ts'), later, later);
    const second = await bundleSources(src, cache);
    expect(second).not.toBe(first);
    expect(readdirSync(cache)).toEqual([path.basename(second as string)]);
  });
});
