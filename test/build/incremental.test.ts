import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildStats } from '../../src/build/site.ts';
import { defaultConfig, type Config } from '../../src/config.ts';
import { writeCorpus } from '../../scripts/gen-corpus.ts';
import { readTree, treeDiff } from './tree.ts';

// A cached rebuild must give exactly the bytes a full build gives, while touching only what changed.
describe('incremental builds', () => {
  let root: string;
  let input: string;
  let config: Config;
  const full = async (name: string, patch: Partial<Config> = {}): Promise<string> => {
    const out = path.join(root, name, 'dist');
    await buildSite({ ...config, ...patch, output: out, cacheDir: path.join(root, name, '.cache') }, { noCache: true, workers: 1 });
    return out;
  };
  const warm = async (patch: Partial<Config> = {}): Promise<BuildStats> => {
    const stats = {} as BuildStats;
    await buildSite({ ...config, ...patch }, { stats, workers: 1 });
    return stats;
  };
  const report = (): { pages: number; built: number } => JSON.parse(readFileSync(path.join(path.dirname(config.output), 'build-report.json'), 'utf8'));
  const storyFile = (dir: string, n: number): string => path.join(input, dir, '000', readTreeNames(path.join(input, dir, '000'))[n]!);

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'na-incr-'));
    input = path.join(root, 'in');
    writeCorpus(path.join(input, 'md'), 16, 7, 'md');
    writeCorpus(path.join(input, 'txt'), 6, 9, 'txt');
    config = { ...defaultConfig(root), input, output: path.join(root, 'site', 'dist'), baseUrl: 'https://example.org' };
    await buildSite(config, { workers: 1 });
  });

  it('re-extracts and rewrites only the edited article after a body edit', async () => {
    const out = config.output;
    const before = readTree(out);
    const file = storyFile('md', 3);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/\n\n([^\n]+)\n\n## /, '\n\n$1 The committee met again on Friday.\n\n## '));
    const stats = await warm();
    expect(stats.mode).toBe('fast');
    expect(stats.extracted).toBe(1);
    expect(stats.filesWritten).toBe(2); // the article page and its JSON record
    const after = readTree(out);
    const changed = treeDiff(before, after);
    expect(changed).toHaveLength(2);
    for (const [rel, f] of after) if (!changed.includes(rel)) expect(f.mtimeMs, rel).toBe(before.get(rel)!.mtimeMs);
    expect(treeDiff(after, readTree(await full('full-1')))).toEqual([]);
    // The index is the last build's, read back; a second edit reads the one this build carried forward.
    expect(stats.index).toBe('saved');
    writeFileSync(file, readFileSync(file, 'utf8').replace('met again on Friday', 'met again on Saturday'));
    const second = await warm();
    expect([second.mode, second.index, second.filesWritten]).toEqual(['fast', 'saved', 2]);
    const report = (dir: string): unknown => ({ ...JSON.parse(readFileSync(path.join(path.dirname(dir), 'build-report.json'), 'utf8')), seconds: 0 });
    const fullOut = await full('full-1b');
    expect(treeDiff(readTree(out), readTree(fullOut))).toEqual([]);
    expect(report(out)).toEqual(report(fullOut));
  });

  it('gives the same bytes as a full build after a headline change that reaches list pages', async () => {
    const file = storyFile('txt', 2);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^[^\n]+/, 'Harbour cranes idle as dockers stop work'));
    const stats = await warm();
    expect(stats.mode).toBe('incremental');
    expect(stats.extracted).toBe(1);
    expect(stats.filesWritten).toBeLessThan(stats.filesKept);
    // The edited article and those showing it (neighbours, related); the other article pages are left alone.
    expect(stats.articlesRendered).toBeGreaterThan(1);
    expect(stats.articlesRendered).toBeLessThan(22);
    // List pages, feeds and JSON files whose data is unchanged are kept without being made again.
    const listPages = report().pages - report().built;
    expect(stats.pagesRendered - stats.articlesRendered).toBeGreaterThan(0);
    expect(stats.pagesRendered - stats.articlesRendered).toBeLessThan(listPages / 2);
    expect(readFileSync(path.join(config.output, 'index.html'), 'utf8')).toContain('Harbour cranes idle');
    expect(treeDiff(readTree(config.output), readTree(await full('full-2')))).toEqual([]);
  });

  it('deletes the pages of a removed article', async () => {
    const file = storyFile('md', 5);
    rmSync(file);
    const stats = await warm();
    expect(stats.filesRemoved).toBeGreaterThanOrEqual(2);
    // Every later input moved up one place and is still recognised: nothing is extracted again.
    expect([stats.extracted, stats.reused]).toEqual([0, 21]);
    expect(treeDiff(readTree(config.output), readTree(await full('full-3')))).toEqual([]);
  });

  it('re-renders every page when the config changes, without extracting again', async () => {
    const stats = await warm({ title: 'Harbour Gazette Archive' });
    expect(stats.extracted).toBe(0);
    // The last build's data fingerprints do not hold for another config: every page is made again.
    expect(stats.pagesRendered).toBe(report().pages);
    expect(readFileSync(path.join(config.output, 'index.html'), 'utf8')).toContain('Harbour Gazette Archive');
    expect(treeDiff(readTree(config.output), readTree(await full('full-4', { title: 'Harbour Gazette Archive' })))).toEqual([]);
  });

  it('notices a same-size edit whose mtime was set back (ctime still moves)', async () => {
    const file = storyFile('md', 1);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('said', 'told'));
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const stats = await warm({ title: 'Harbour Gazette Archive' });
    expect(stats.extracted).toBe(1);
  });
});

// Archives over the large-archive threshold (30k articles) render on the main thread and save each page's context
// as they go: the threshold is lowered here so 12 articles take that path.
describe('incremental builds of a large archive', () => {
  it('rebuild a body edit in fast mode, and a headline edit rendering only the articles that show it, to the bytes of a full build', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-incr-large-'));
    const input = path.join(root, 'in');
    writeCorpus(input, 12, 5, 'md');
    const config: Config = { ...defaultConfig(root), input, output: path.join(root, 'site', 'dist'), baseUrl: 'https://example.org' };
    const build = async (patch: Partial<Config> = {}, noCache = false): Promise<BuildStats> => {
      const stats = {} as BuildStats;
      await buildSite({ ...config, ...patch }, { stats, workers: 1, largeArchive: 4, noCache });
      return stats;
    };
    const full = async (name: string): Promise<string> => {
      const out = path.join(root, name, 'dist');
      await build({ output: out, cacheDir: path.join(root, name, '.cache') }, true);
      return out;
    };
    expect((await build()).mode).toBe('cold');
    const file = path.join(input, readTreeNames(input).find((f) => f.endsWith('.md'))!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n\n([^\n]+)\n\n## /, '\n\n$1 The committee met again on Friday.\n\n## '));
    const fast = await build();
    expect([fast.mode, fast.extracted, fast.filesWritten]).toEqual(['fast', 1, 2]);
    expect(treeDiff(readTree(config.output), readTree(await full('full-a')))).toEqual([]);
    // A second edit: the fast build carried the saved contexts forward.
    writeFileSync(file, readFileSync(file, 'utf8').replace('met again on Friday', 'met again on Saturday'));
    expect((await build()).mode).toBe('fast');
    expect(treeDiff(readTree(config.output), readTree(await full('full-b')))).toEqual([]);
    // A headline edit reaches the index: the articles that show it are rendered again, the others left alone (their
    // contexts, compared one at a time, are the last build's), and the contexts are saved again for the next build.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "Harbour cranes idle as dockers stop work"'));
    const retitled = await build();
    expect(retitled.mode).toBe('incremental');
    expect(retitled.articlesRendered).toBeGreaterThan(1);
    expect(retitled.articlesRendered).toBeLessThan(12);
    // Large archives keep no list page by its data's fingerprint: every one is made again.
    const report = JSON.parse(readFileSync(path.join(root, 'site', 'build-report.json'), 'utf8')) as { pages: number };
    expect(retitled.pagesRendered - retitled.articlesRendered).toBe(report.pages - 12);
    expect(treeDiff(readTree(config.output), readTree(await full('full-c')))).toEqual([]);
    writeFileSync(file, readFileSync(file, 'utf8').replace('met again on Saturday', 'met again on Sunday'));
    expect((await build()).mode).toBe('fast');
    expect(treeDiff(readTree(config.output), readTree(await full('full-d')))).toEqual([]);
    rmSync(root, { recursive: true, force: true });
  }, 60_000);
});

function readTreeNames(dir: string): string[] {
  return [...readTree(dir).keys()].sort();
}
