// Pagefind over the written fixture site: only article pages (data-pagefind-body) are indexed; the bundle is deterministic.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildFixture, FIXTURE, listFiles, type FixtureSite } from './build-fixture.ts';
import { PACKAGE_ROOT } from '../../src/config.ts';
import { indexSearch, type SearchIndexResult } from '../../src/search/pagefind.ts';

// Only extractQuotes is replaced; anything else the module exports stays real.
vi.mock('../../src/extract/index.ts', async (importOriginal) => ({ ...(await importOriginal<object>()), ...(await import('./stub-extractor.ts')) }));

let site: FixtureSite;
let result: SearchIndexResult;
beforeAll(async () => {
  site = await buildFixture();
  result = await indexSearch(site.out);
});

/** Search-related build stats of `news-archive build --json`. */
interface SearchStats {
  searchIndexed: boolean | null;
  searchShards: { shards: number; indexed: number } | null;
  filesWritten: number;
}

/** A copy of the fixture archive in a temp folder and a `news-archive build` of it, as a user runs it (config site.json). */
async function archiveCopy(prefix: string, config: object): Promise<{ dir: string; input: string; build: (out: string, ...flags: string[]) => Promise<SearchStats> }> {
  const { run } = await import('../../src/cli.ts');
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const input = path.join(dir, 'in');
  cpSync(FIXTURE, input, { recursive: true });
  writeFileSync(path.join(dir, 'site.json'), JSON.stringify(config));
  const build = async (out: string, ...flags: string[]): Promise<SearchStats> => {
    const lines: string[] = [];
    expect(await run(['build', '--config', 'site.json', '--input', input, '--out', out, '--report', path.join(dir, 'report.json'), '--json', ...flags], dir, { out: (l) => lines.push(l), err: () => {} })).toBe(0);
    return JSON.parse(lines.join('\n')).stats;
  };
  return { dir, input, build };
}

/** Every file of a site's search bundle, by path, with the hash of its bytes. */
function bundleOf(root: string): Map<string, string> {
  return new Map(listFiles(path.join(root, 'pagefind')).map((f) => [path.relative(root, f), createHash('sha1').update(readFileSync(f)).digest('hex')]));
}

describe('search index', () => {
  it('writes the Pagefind bundle into <out>/pagefind with the UI the search page loads', () => {
    expect(result.bundle).toBe(path.join(site.out, 'pagefind'));
    for (const f of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-entry.json']) expect(site.files()).toContain(`pagefind/${f}`);
  });

  it('indexes the article pages only: lists, speaker and topic pages carry no data-pagefind-body', () => {
    const entry = JSON.parse(site.read('pagefind/pagefind-entry.json'));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBe(8);
    expect(result.pages).toBe(8);
    const marked = site.files().filter((f) => f.endsWith('.html') && site.read(f).includes('data-pagefind-body'));
    expect(marked.every((f) => f.startsWith('articles/'))).toBe(true);
    expect(marked).toHaveLength(8);
  });

  it('writes the same bundle when run twice over the same site', async () => {
    const again = await buildFixture();
    await indexSearch(again.out);
    const a = listFiles(path.join(site.out, 'pagefind')).map((f) => path.relative(site.out, f));
    const b = listFiles(path.join(again.out, 'pagefind')).map((f) => path.relative(again.out, f));
    expect(b).toEqual(a);
    for (const rel of a) expect(readFileSync(path.join(again.out, rel)).equals(readFileSync(path.join(site.out, rel))), rel).toBe(true);
  });
});

describe('news-archive build', () => {
  it('writes the search index after the site, and leaves it out with --no-search', async () => {
    const { run } = await import('../../src/cli.ts');
    const quiet = { out: () => {}, err: () => {} };
    const dir = mkdtempSync(path.join(tmpdir(), 'na-cli-'));
    const args = ['build', '--input', FIXTURE, '--report', path.join(dir, 'report.json'), '--quiet'];
    expect(await run([...args, '--out', path.join(dir, 'with')], dir, quiet)).toBe(0);
    expect(existsSync(path.join(dir, 'with/pagefind/pagefind-ui.js'))).toBe(true);
    expect(await run([...args, '--out', path.join(dir, 'without'), '--no-search'], dir, quiet)).toBe(0);
    expect(existsSync(path.join(dir, 'without/index.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'without/pagefind'))).toBe(false);
  });
});

describe('news-archive build, run again', () => {
  it('leaves the search index alone while no article page changes, and makes it again when one does or it is gone', async () => {
    const { dir, input, build } = await archiveCopy('na-search-', {});
    // Its own copy of the stylesheets, to edit one below.
    const publicDir = path.join(dir, 'public');
    cpSync(path.join(PACKAGE_ROOT, 'public'), publicDir, { recursive: true });
    writeFileSync(path.join(dir, 'site.json'), JSON.stringify({ public: publicDir }));
    const { run } = await import('../../src/cli.ts');
    const out = path.join(dir, 'dist');
    const bundle = bundleOf;
    const entry = path.join(out, 'pagefind/pagefind-entry.json');

    expect((await build(out)).searchIndexed).toBe(true);
    const first = bundle(out);
    const mtime = statSync(entry).mtimeMs;
    expect(await build(out)).toMatchObject({ searchIndexed: false, filesWritten: 0 });
    expect(statSync(entry).mtimeMs).toBe(mtime);
    expect(bundle(out)).toEqual(first);
    // The terminal summary says so.
    const said: string[] = [];
    expect(await run(['build', '--config', 'site.json', '--input', input, '--out', out, '--report', path.join(dir, 'report.json')], dir, { out: (l) => said.push(l), err: () => {} })).toBe(0);
    expect(said.join('\n')).toContain('search index kept: no article page changed since it was made');
    // A stylesheet edit rewrites the stylesheet, no article page: the index stays.
    appendFileSync(path.join(publicDir, 'assets/site.css'), '\n.story { line-height: 1.6; }\n');
    expect(await build(out)).toMatchObject({ searchIndexed: false, filesWritten: 1 });
    expect(statSync(entry).mtimeMs).toBe(mtime);

    // An edited article: indexed again, into the bundle a fresh build of the edited archive gets.
    const museum = path.join(input, '2024-01-28-museum.md');
    writeFileSync(museum, readFileSync(museum, 'utf8').replace(/\n\n([^\n]+)\n*$/, '\n\n$1 Visitors queued for the telescope gallery.\n'));
    expect((await build(out)).searchIndexed).toBe(true);
    await build(path.join(dir, 'fresh'));
    expect(bundle(out)).toEqual(bundle(path.join(dir, 'fresh')));
    expect(bundle(out)).not.toEqual(first);

    // The bundle deleted by hand, or an article changed by a build without search since: made again.
    rmSync(path.join(out, 'pagefind'), { recursive: true });
    expect((await build(out)).searchIndexed).toBe(true);
    writeFileSync(museum, readFileSync(museum, 'utf8').replace('telescope gallery', 'map room'));
    expect((await build(out, '--no-search')).searchIndexed).toBe(null);
    expect((await build(out)).searchIndexed).toBe(true);
    await build(path.join(dir, 'fresh'));
    expect(bundle(out)).toEqual(bundle(path.join(dir, 'fresh')));
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('news-archive build, with the index in shards', () => {
  it('makes again only the shard of an edited article, and gives the bundle a fresh build of the archive gets', async () => {
    // Two article pages a shard: the fixture's 8 articles call for 4 shards, and hash to 2 of them (3 and 5 pages);
    // the empty two have no folder and are neither made nor counted.
    const { dir, input, build } = await archiveCopy('na-shards-', { searchShardPages: 2 });
    const config = (perShard: number): void => writeFileSync(path.join(dir, 'site.json'), JSON.stringify({ searchShardPages: perShard }));
    const out = path.join(dir, 'dist');
    const bundle = bundleOf;
    const entries = (root: string): string[] => listFiles(path.join(root, 'pagefind')).filter((f) => f.endsWith('pagefind-entry.json'));
    const pagesIn = (entry: string): number => Object.values(JSON.parse(readFileSync(entry, 'utf8')).languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);

    expect((await build(out)).searchShards).toEqual({ shards: 2, indexed: 2 });
    const listed = JSON.parse(readFileSync(path.join(out, 'pagefind/shards.json'), 'utf8')).bundles as string[];
    expect(entries(out).map((e) => path.relative(path.join(out, 'pagefind'), path.dirname(e)))).toEqual(['', ...listed.map((b) => b.slice(0, -1))].sort());
    expect(entries(out).reduce((n, e) => n + pagesIn(e), 0)).toBe(8);
    expect(entries(out).every((e) => pagesIn(e) > 0)).toBe(true);
    // The search page runs the primary's scripts over every shard: the others carry index files only.
    expect(listFiles(path.join(out, 'pagefind/shards')).filter((f) => /\.(js|css)$/.test(f))).toEqual([]);
    expect(await build(out)).toMatchObject({ searchIndexed: false, searchShards: { shards: 2, indexed: 0 } });

    // One article edited: its shard is made again, the others keep their files (and modification times).
    const times = new Map(listFiles(path.join(out, 'pagefind')).map((f) => [f, statSync(f).mtimeMs]));
    const museum = path.join(input, '2024-01-28-museum.md');
    writeFileSync(museum, readFileSync(museum, 'utf8').replace(/\n\n([^\n]+)\n*$/, '\n\n$1 Visitors queued for the telescope gallery.\n'));
    expect((await build(out)).searchShards).toEqual({ shards: 2, indexed: 1 });
    const touched = [...times].filter(([f, t]) => !existsSync(f) || statSync(f).mtimeMs !== t).map(([f]) => path.relative(out, f));
    const touchedDirs = new Set(touched.map((f) => (f.startsWith('pagefind/shards/') ? f.split('/').slice(0, 3).join('/') : 'pagefind')));
    expect(touchedDirs.size).toBe(1);
    await build(path.join(dir, 'fresh'));
    expect(bundle(out)).toEqual(bundle(path.join(dir, 'fresh')));

    // A larger shard size: one shard again, and the others' folders are gone.
    config(100);
    expect((await build(out)).searchShards).toEqual({ shards: 1, indexed: 1 });
    expect(existsSync(path.join(out, 'pagefind/shards'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(out, 'pagefind/shards.json'), 'utf8'))).toEqual({ bundles: [] });
    rmSync(path.join(dir, 'fresh'), { recursive: true });
    await build(path.join(dir, 'fresh'));
    expect(bundle(out)).toEqual(bundle(path.join(dir, 'fresh')));
    rmSync(dir, { recursive: true, force: true });
  }, 90_000);
});

describe('news-archive build, with the index in shards, after a headline edit', () => {
  it('makes again the shard of the retitled article only, not those of the neighbours that show its headline', async () => {
    const { assignShards, compareFiles } = await import('../../src/search/shards.ts');
    const { dir, input, build } = await archiveCopy('na-retitle-', { searchShardPages: 4 });
    // A slug in the front matter keeps the page where it is when the headline is corrected.
    const museum = path.join(input, '2024-01-28-museum.md');
    writeFileSync(museum, readFileSync(museum, 'utf8').replace('title: Restored', 'slug: restored-museum-opens-its-doors-in-aleppo\ntitle: Restored'));
    const out = path.join(dir, 'dist');
    const pages = (): Map<string, string> => new Map(listFiles(path.join(out, 'articles')).map((f) => [path.relative(out, f), readFileSync(f, 'utf8')]));
    expect((await build(out)).searchShards).toEqual({ shards: 2, indexed: 2 });
    const before = pages();

    writeFileSync(museum, readFileSync(museum, 'utf8').replace('title: Restored museum opens its doors in Aleppo', 'title: Restored museum reopens its halls in Aleppo'));
    const { searchShards } = await build(out);
    const after = pages();
    const files = [...after.keys()].sort(compareFiles);
    const shardOf = new Map(assignShards(files, 2).flatMap((group, k) => group.map((f) => [f, k] as const)));
    // The headline shows on the neighbours' pages too (newer/older links), in both shards: their bytes changed.
    expect([...before.keys()].sort(compareFiles)).toEqual(files);
    const changed = files.filter((f) => before.get(f) !== after.get(f));
    expect(changed.length).toBeGreaterThan(1);
    expect(new Set(changed.map((f) => shardOf.get(f))).size).toBe(2);
    expect(searchShards).toEqual({ shards: 2, indexed: 1 });
    // And the index is what a fresh build of the edited archive gets.
    await build(path.join(dir, 'fresh'));
    expect(bundleOf(out)).toEqual(bundleOf(path.join(dir, 'fresh')));
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('search index order', () => {
  // File systems that list a folder in creation order (tmpfs, btrfs) are where the order showed; /dev/shm is tmpfs.
  const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

  it('is the same whichever order the article pages were written in, and leaves nothing beside the site', async () => {
    const pages = listFiles(path.join(site.out, 'articles')).map((f) => path.relative(site.out, f)).sort();
    const copies = [pages, [...pages].reverse()].map((order) => {
      const out = path.join(mkdtempSync(path.join(scratch, 'na-order-')), 'dist');
      for (const rel of order) {
        mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
        writeFileSync(path.join(out, rel), readFileSync(path.join(site.out, rel)));
      }
      return out;
    });
    try {
      for (const out of copies) await indexSearch(out);
      const files = (out: string) => listFiles(path.join(out, 'pagefind')).map((f) => path.relative(out, f));
      expect(files(copies[1]!)).toEqual(files(copies[0]!));
      for (const rel of files(copies[0]!)) expect(readFileSync(path.join(copies[1]!, rel)).equals(readFileSync(path.join(copies[0]!, rel))), rel).toBe(true);
      expect(readdirSync(path.dirname(copies[0]!))).toEqual(['dist']);
    } finally {
      for (const out of copies) rmSync(path.dirname(out), { recursive: true, force: true }); // /dev/shm is memory
    }
  });
});
