// Search index: runs Pagefind over the written site's article pages (the only ones marked data-pagefind-body), in shards.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { importEsm } from '../import-esm.ts';
import { ARTICLES_DIR } from '../routes/permalinks.ts';
import { syncTree } from '../write/output.ts';
import { forgetSearch, markSearchCurrent, planSearch } from './freshness.ts';
import { assignShards, BUNDLE_DIR, PRIMARY_EXTRAS, SHARD_LIST, shardCount, shardDir, shardList, sortFiles } from './shards.ts';

export interface SearchIndexResult {
  /** Article pages in the index (all shards). */
  pages: number;
  /** Where the primary bundle went: <outDir>/pagefind. */
  bundle: string;
  /** Shards the index is split into (those with pages: an empty one has no folder), and which of them this run made. */
  shards: number;
  indexed: number[];
}

export interface SearchOptions {
  /** Article pages per shard the shard count aims at (config searchShardPages). */
  shardPages?: number;
  /** Index only these shards, when the output still has `count` shards' worth of pages (else all of them). */
  only?: { count: number; shards: number[] };
}

type Pagefind = typeof import('pagefind');

/**
 * Indexes the article pages of `outDir` into `<outDir>/pagefind` (shard 0, which the search page loads) and
 * `<outDir>/pagefind/shards/<k>`, listed in pagefind/shards.json. Runs after the site is written because Pagefind
 * reads the final HTML; the Pagefind service is closed even on failure so the process can exit.
 */
export async function indexSearch(outDir: string, options: SearchOptions = {}): Promise<SearchIndexResult> {
  const files = articlePages(outDir);
  const count = shardCount(files.length, options.shardPages);
  const groups = assignShards(files, count);
  // A shard with no pages has no folder and is neither made nor counted (shard 0 has pages whenever any shard does;
  // alone, it may be empty, and is made for the search page's scripts).
  const filled = groups.map((_, k) => k).filter((k) => k === 0 || groups[k]!.length);
  const wanted = options.only?.count === count ? options.only.shards.filter((k) => filled.includes(k)) : filled;
  const pagefind = await importEsm<Pagefind>('pagefind');
  let pages = 0;
  try {
    // Pagefind writes an index on one core: shards built side by side use the others (10k articles in 8 shards:
    // 18.0 s one after another, 10.5 s two at a time on two cores).
    const queue = [...wanted];
    const lanes = Array.from({ length: Math.min(queue.length, availableParallelism()) }, async () => {
      for (let k = queue.shift(); k !== undefined; k = queue.shift()) {
        try {
          // Not `pages += await …`: that reads `pages` before the wait, and lanes finishing meanwhile are lost.
          const indexed = await indexShard(pagefind, outDir, k, groups[k]!);
          pages += indexed;
        } catch (err) {
          queue.length = 0; // the other lanes finish the shard they are on and stop
          throw err;
        }
      }
    });
    // Every lane settles before the service is closed under them: a lane still running would fail on the closed
    // service, and its rejection would go unhandled (which ends the process).
    const failed = (await Promise.allSettled(lanes)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    await pagefind.close();
  }
  dropShards(outDir, groups);
  writeIfChanged(path.join(outDir, BUNDLE_DIR, SHARD_LIST), `${JSON.stringify(shardList(groups))}\n`);
  return { pages, bundle: path.join(outDir, BUNDLE_DIR), shards: filled.length, indexed: wanted };
}

/**
 * indexSearch for the shards whose article pages' indexed parts changed since they were indexed (per the build's
 * manifest), or that are missing from the output; the others are left as they are. Returns the shard count and how
 * many were made.
 */
export async function updateSearch(config: { cacheDir: string; output: string; searchShardPages?: number }): Promise<{ shards: number; indexed: number }> {
  const plan = planSearch(config);
  if (plan && plan.stale.length === 0) return { shards: plan.withPages, indexed: 0 };
  forgetSearch(config);
  const done = await indexSearch(config.output, { shardPages: config.searchShardPages, ...(plan ? { only: { count: plan.count, shards: plan.stale } } : {}) });
  markSearchCurrent(config, plan);
  return { shards: done.shards, indexed: done.indexed.length };
}

/** Indexes one shard's pages into its folder; returns the pages Pagefind indexed. */
async function indexShard(pagefind: Pagefind, outDir: string, k: number, files: string[]): Promise<number> {
  const view = orderedView(outDir, files, `search-${k}`);
  // Pagefind names its chunks by content and never deletes the ones it no longer needs: written straight into the
  // site, every re-index left the old chunks behind. It writes beside the site, and syncTree makes the site's folder
  // match (unchanged chunks keep their modification time).
  const fresh = sibling(outDir, `search-bundle-${k}`);
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(`pagefind could not start: ${created.errors.join('; ')}`);
    // Only article pages carry data-pagefind-body, so only they are read: parsing every listing page just to skip
    // it doubled Pagefind's time on a 200-article site (1312 pages: 3.0 s against 1.3 s) and grows with the archive.
    const added = await created.index.addDirectory({ path: view, glob: `${ARTICLES_DIR}/**/*.html` });
    if (added.errors.length) throw new Error(`pagefind indexing failed: ${added.errors.join('; ')}`);
    rmSync(fresh, { recursive: true, force: true });
    const written = await created.index.writeFiles({ outputPath: fresh });
    if (written.errors.length) throw new Error(`pagefind could not write its bundle: ${written.errors.join('; ')}`);
    // The search page runs the primary's scripts over every shard: the others need only their index files.
    if (k > 0) for (const name of readdirSync(fresh)) if (/\.(js|css)$/.test(name)) rmSync(path.join(fresh, name));
    syncTree(fresh, path.join(outDir, shardDir(k)), k === 0 ? PRIMARY_EXTRAS : []);
    return added.page_count;
  } finally {
    rmSync(view, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
  }
}

/** Article pages of the output (paths relative to it, '/'-separated), in the order a sorted walk of the folders gives. */
function articlePages(outDir: string): string[] {
  const root = path.join(outDir, ARTICLES_DIR);
  if (!existsSync(root)) return [];
  return sortFiles(readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => path.relative(outDir, path.join(d.parentPath, d.name)).split(path.sep).join('/')));
}

/** A folder beside the site named like the write stage's staging folders, so the next build sweeps it if this one is killed. */
function sibling(outDir: string, what: string): string {
  const abs = path.resolve(outDir);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.tmp-${what}-${process.pid}`);
}

/**
 * The given pages, linked into a folder beside the site in code-point order. Pagefind numbers pages in the order it
 * lists them, and a file system that lists in creation order (tmpfs, btrfs) gives the order the worker threads
 * happened to write them in: the same site then got a different index from run to run.
 */
function orderedView(outDir: string, files: string[], what: string): string {
  const view = sibling(outDir, what);
  rmSync(view, { recursive: true, force: true });
  // An empty shard (an archive with no article pages) still gets a bundle, so the search page loads and finds nothing.
  mkdirSync(path.join(view, ARTICLES_DIR), { recursive: true });
  try {
    for (const file of files) {
      mkdirSync(path.dirname(path.join(view, file)), { recursive: true });
      link(path.join(outDir, file), path.join(view, file));
    }
  } catch (err) {
    rmSync(view, { recursive: true, force: true });
    throw err;
  }
  return view;
}

function link(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to); // another file system (the output folder is a mount) or no hard links there
  }
}

/** Removes the folders of shards with no pages, or that a smaller archive (or a larger shard size) no longer has. */
function dropShards(outDir: string, groups: readonly string[][]): void {
  const dir = path.dirname(path.join(outDir, shardDir(1)));
  if (!existsSync(dir)) return;
  const kept = new Set(groups.flatMap((pages, k) => (k > 0 && pages.length ? [String(k)] : [])));
  for (const name of readdirSync(dir)) if (!kept.has(name)) rmSync(path.join(dir, name), { recursive: true, force: true });
  if (!kept.size) rmSync(dir, { recursive: true, force: true });
}

/** Leaves an unchanged file alone so it keeps its modification time (deploy tools skip it). */
function writeIfChanged(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
  writeFileSync(file, text);
}
