// Which search shards were made from the article pages the last build wrote: Pagefind has no incremental mode and
// re-reads every page it is given (~1.7 ms a page), so a build re-indexes only the shards whose pages changed.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestPath, readManifestOutputs, sha1, treeHash, type OutputState } from '../build/cache.ts';
import { PACKAGE_ROOT } from '../config.ts';
import { ARTICLES_DIR, routeToFile } from '../routes/permalinks.ts';
import { assignShards, compareFiles, shardCount, shardDir } from './shards.ts';

/** The inputs of a shard with no pages: it has no folder, so no entry file to check either. */
const EMPTY = 'empty';

/** Pagefind's entry file: it names every index chunk by content hash, so it changes whenever the shard's index does. */
const ENTRY = 'pagefind-entry.json';

interface ShardStamp {
  /** The search code and package-lock (Pagefind's version) and the shard's article pages' paths and content hashes. */
  inputs: string;
  /** Hash of the shard's entry file as indexSearch left it. */
  entry: string;
}

interface SearchStamp {
  shards: ShardStamp[];
}

export interface SearchConfig {
  cacheDir: string;
  output: string;
  searchShardPages?: number;
}

/** The shard count the output's article pages call for, and the shards that must be made again. */
export interface SearchPlan {
  count: number;
  stale: number[];
}

function stampFile(config: SearchConfig): string {
  return `${manifestPath(config.cacheDir, config.output)}.search`;
}

/** What each shard would be made from now, per the committed manifest; null without one (nothing to compare with). */
function currentInputs(config: SearchConfig): string[] | null {
  const outputs = readManifestOutputs(manifestPath(config.cacheDir, config.output));
  if (!outputs) return null;
  const lineOf = new Map<string, string>();
  for (const line of outputs.linesUnder(`/${ARTICLES_DIR}/`)) {
    const file = routeToFile((JSON.parse(line) as OutputState)[0]);
    if (file.endsWith('.html')) lineOf.set(file, line);
  }
  const files = [...lineOf.keys()].sort(compareFiles);
  const count = shardCount(files.length, config.searchShardPages);
  // Not the whole page version: a stylesheet or list template edit changes no article page and needs no new index.
  const code = treeHash(PACKAGE_ROOT, ['src/search', 'package-lock.json']);
  return assignShards(files, count).map((shard) => (shard.length || count === 1 ? sha1(`${code}\n${count}\n${shard.map((f) => lineOf.get(f)).join('\n')}`) : EMPTY));
}

function entryHash(output: string, k: number): string | null {
  try {
    return sha1(readFileSync(path.join(output, shardDir(k), ENTRY)));
  } catch {
    return null;
  }
}

function readStamp(config: SearchConfig): SearchStamp | null {
  try {
    return JSON.parse(readFileSync(stampFile(config), 'utf8')) as SearchStamp;
  } catch {
    return null;
  }
}

/**
 * The shards to make again: those whose pages changed since indexSearch made them, whose bundle is gone or was
 * changed, or all of them when the shard count changed. Null without a manifest (make everything).
 */
export function planSearch(config: SearchConfig): SearchPlan | null {
  const inputs = currentInputs(config);
  if (!inputs) return null;
  const stamp = readStamp(config);
  const same = stamp?.shards.length === inputs.length;
  const current = (k: number): boolean => same && stamp.shards[k]!.inputs === inputs[k] && (inputs[k] === EMPTY || entryHash(config.output, k) === stamp.shards[k]!.entry);
  const stale = inputs.map((_, k) => k).filter((k) => !current(k));
  return { count: inputs.length, stale };
}

/** Records that the output's search shards now match its article pages (called after indexSearch succeeded). */
export function markSearchCurrent(config: SearchConfig): void {
  const inputs = currentInputs(config);
  const shards = inputs?.map((i, k) => ({ inputs: i, entry: i === EMPTY ? EMPTY : entryHash(config.output, k) }));
  if (!shards || shards.some((s) => s.entry === null)) return forgetSearch(config);
  writeFileSync(stampFile(config), JSON.stringify({ shards } as SearchStamp));
}

/** Before indexing: a run that fails or is killed half-way must not leave a stamp that vouches for the old bundle. */
export function forgetSearch(config: SearchConfig): void {
  rmSync(stampFile(config), { force: true });
}
