// Which search shards were made from the article pages the output holds: Pagefind has no incremental mode and
// re-reads every page it is given (~1.7 ms a page), so a build re-indexes only the shards whose indexed text changed.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestPath, readManifestOutputs, treeHash, type OutputState } from '../build/cache.ts';
import { sha1 } from '../hash.ts';
import { PACKAGE_ROOT } from '../config.ts';
import { ARTICLES_DIR, routeToFile } from '../routes/permalinks.ts';
import { indexedPart } from './indexed-part.ts';
import { assignShards, shardCount, shardDir, sortFiles } from './shards.ts';

/** The inputs of a shard with no pages: it has no folder, so no entry file to check either. */
const EMPTY = 'empty';

/** Pagefind's entry file: it names every index chunk by content hash, so it changes whenever the shard's index does. */
const ENTRY = 'pagefind-entry.json';

interface ShardStamp {
  /** The search code and package-lock (Pagefind's version) and the shard's article pages and their indexed parts. */
  inputs: string;
  /** Hash of the shard's entry file as indexSearch left it. */
  entry: string;
}

/** Per article page (output-relative file): the page's hash in the manifest, and the hash of its indexed part. */
type PageParts = Record<string, [page: string, part: string]>;

interface SearchStamp {
  shards: ShardStamp[];
  pages: PageParts;
}

export interface SearchConfig {
  cacheDir: string;
  output: string;
  searchShardPages?: number;
}

/** The shards the output's article pages call for, which must be made again, and what each is made from. */
export interface SearchPlan {
  count: number;
  /** Shards with pages (shard 0 always): those with a folder. */
  withPages: number;
  stale: number[];
  inputs: string[];
  pages: PageParts;
}

function stampFile(config: SearchConfig): string {
  return `${manifestPath(config.cacheDir, config.output)}.search`;
}

/**
 * What each shard would be made from now: the article pages in the committed manifest, each by the hash of the part
 * Pagefind reads. A page whose bytes are the stamp's keeps its part's hash; one that changed is read to hash it
 * again (a new article changes its neighbours' pages, outside the part). Null without a manifest.
 */
function currentInputs(config: SearchConfig, known: PageParts): { inputs: string[]; pages: PageParts } | null {
  const outputs = readManifestOutputs(manifestPath(config.cacheDir, config.output));
  if (!outputs) return null;
  const pages: PageParts = {};
  for (const line of outputs.linesUnder(`/${ARTICLES_DIR}/`)) {
    const [route, hash] = JSON.parse(line) as OutputState;
    const file = routeToFile(route);
    if (!file.endsWith('.html')) continue;
    const was = known[file];
    pages[file] = was?.[0] === hash ? was : [hash, partHash(config.output, file, hash)];
  }
  const files = sortFiles(Object.keys(pages));
  const count = shardCount(files.length, config.searchShardPages);
  // Not the whole page version: a stylesheet or list template edit changes no indexed part and needs no new index.
  const code = treeHash(PACKAGE_ROOT, ['src/search', 'package-lock.json']);
  const inputs = assignShards(files, count).map((shard) =>
    shard.length || count === 1 ? sha1(`${code}\n${count}\n${shard.map((f) => `${f} ${pages[f]![1]}`).join('\n')}`, 'base64url') : EMPTY);
  return { inputs, pages };
}

/** Hash of the page's indexed part; the page hash itself when it cannot be read (indexing will then run). */
function partHash(output: string, file: string, pageHash: string): string {
  try {
    return sha1(indexedPart(readFileSync(path.join(output, file), 'utf8')), 'base64url');
  } catch {
    return `page:${pageHash}`;
  }
}

function entryHash(output: string, k: number): string | null {
  try {
    return sha1(readFileSync(path.join(output, shardDir(k), ENTRY)), 'base64url');
  } catch {
    return null;
  }
}

function readStamp(config: SearchConfig): SearchStamp | null {
  try {
    const stamp = JSON.parse(readFileSync(stampFile(config), 'utf8')) as SearchStamp;
    return Array.isArray(stamp.shards) && stamp.pages && typeof stamp.pages === 'object' ? stamp : null;
  } catch {
    return null;
  }
}

/**
 * The shards to make again: those whose article pages' indexed parts changed since indexSearch made them, whose
 * bundle is gone or was changed, or all of them when the shard count changed. Null without a manifest (make all).
 */
export function planSearch(config: SearchConfig): SearchPlan | null {
  const stamp = readStamp(config);
  const now = currentInputs(config, stamp?.pages ?? {});
  if (!now) return null;
  const { inputs } = now;
  const same = stamp?.shards.length === inputs.length;
  const current = (k: number): boolean => same && stamp.shards[k]!.inputs === inputs[k] && (inputs[k] === EMPTY || entryHash(config.output, k) === stamp.shards[k]!.entry);
  const withPages = inputs.filter((i, k) => k === 0 || i !== EMPTY).length;
  return { count: inputs.length, withPages, stale: inputs.map((_, k) => k).filter((k) => !current(k)), ...now };
}

/** Records that the output's search shards now match the plan's article pages (called after indexSearch succeeded). */
export function markSearchCurrent(config: SearchConfig, plan: SearchPlan | null): void {
  const shards = plan?.inputs.map((i, k) => ({ inputs: i, entry: i === EMPTY ? EMPTY : entryHash(config.output, k) }));
  if (!plan || !shards || shards.some((s) => s.entry === null)) return forgetSearch(config);
  writeFileSync(stampFile(config), JSON.stringify({ shards, pages: plan.pages } as SearchStamp));
}

/** Before indexing: a run that fails or is killed half-way must not leave a stamp that vouches for the old bundle. */
export function forgetSearch(config: SearchConfig): void {
  rmSync(stampFile(config), { force: true });
}
