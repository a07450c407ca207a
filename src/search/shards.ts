// How the search index is split: article pages go to shards by a hash of their path, so an edit re-indexes one shard.
import { sha1 } from '../hash.ts';

/**
 * Pagefind has no incremental mode: an edited article meant indexing every article page again (17.6 s at 10k). In
 * shards, an edit re-indexes the one holding the page, and the search page merges them in the browser (Pagefind's
 * mergeIndex). Each shard costs the browser one more small fetch per query and its own ~60 KB WebAssembly module, so
 * their number is capped.
 */
export const MAX_SHARDS = 8;

/** Article pages per shard the count aims at (config `searchShardPages`). */
export const DEFAULT_SHARD_PAGES = 2000;

/** The folder of shard k inside the output: shard 0 is the primary bundle the search page loads. */
export const BUNDLE_DIR = 'pagefind';
const SHARDS_DIR = 'shards';

/** The file in the primary bundle that lists the other shards for the search page. */
export const SHARD_LIST = 'shards.json';

/**
 * Shards for `pages` article pages: one up to `perShard`, then doubling (so the count, and with it every shard,
 * changes only when the archive doubles), at most MAX_SHARDS.
 */
export function shardCount(pages: number, perShard = DEFAULT_SHARD_PAGES): number {
  let count = 1;
  while (count < MAX_SHARDS && pages > count * perShard) count *= 2;
  return count;
}

/**
 * Article pages (output-relative paths in compareFiles order) by shard: by a hash of the path, so a page stays in its
 * shard while the shard count does. The search page's scripts come with shard 0, which must index something for
 * Pagefind to start: when no page hashes there, the first page goes there instead.
 */
export function assignShards(files: readonly string[], count: number): string[][] {
  const groups: string[][] = Array.from({ length: count }, () => []);
  if (count === 1) {
    groups[0]!.push(...files);
    return groups;
  }
  const shards = files.map((file) => pathHash(file) % count);
  if (files.length && !shards.includes(0)) shards[0] = 0;
  files.forEach((file, i) => groups[shards[i]!]!.push(file));
  return groups;
}

/** The first 32 bits of the path's SHA-1. */
function pathHash(file: string): number {
  return parseInt(sha1(file, 'hex').slice(0, 8), 16);
}

/** Output-relative folder of shard k. */
export function shardDir(k: number): string {
  return k === 0 ? BUNDLE_DIR : `${BUNDLE_DIR}/${SHARDS_DIR}/${k}`;
}

/** What the primary bundle's shards.json holds: the other shards with pages, as folders relative to the primary's. */
export function shardList(groups: readonly string[][]): { bundles: string[] } {
  return { bundles: groups.flatMap((pages, k) => (k > 0 && pages.length ? [`${SHARDS_DIR}/${k}/`] : [])) };
}

/** Names in the primary bundle that are the other shards', not Pagefind's: kept when the primary is synced. */
export const PRIMARY_EXTRAS = [SHARDS_DIR, SHARD_LIST];

/**
 * Code-point order by path segment, as a sorted walk of the folders lists them (Pagefind numbers pages in that order):
 * the plain order of the paths with "/" made the lowest character.
 */
export function compareFiles(a: string, b: string): number {
  const x = segmentKey(a);
  const y = segmentKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The files in compareFiles order, each key made once (splitting in the comparator took 1.1 s for 100k pages). */
export function sortFiles(files: Iterable<string>): string[] {
  return [...files].map((f) => [segmentKey(f), f] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((p) => p[1]);
}

function segmentKey(file: string): string {
  return file.replaceAll('/', '\u0000');
}
