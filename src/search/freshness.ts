// Whether the search index in the output folder was made from the article pages the last build wrote: Pagefind has
// no incremental mode and re-reads every article page (13-19 s at 10k articles), so a build that changed none skips it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestPath, readManifestOutputs, sha1, treeHash, type OutputState } from '../build/cache.ts';
import { PACKAGE_ROOT } from '../config.ts';
import { ARTICLES_DIR, routeToFile } from '../routes/permalinks.ts';

/** Pagefind's entry file: it names every index chunk by content hash, so it changes whenever the index does. */
const ENTRY = path.join('pagefind', 'pagefind-entry.json');

interface SearchStamp {
  /** The search code and package-lock (Pagefind's version) and the article pages' routes and content hashes. */
  inputs: string;
  /** Hash of the bundle's entry file as indexSearch left it. */
  entry: string;
}

function stampFile(config: { cacheDir: string; output: string }): string {
  return `${manifestPath(config.cacheDir, config.output)}.search`;
}

/** What the index would be made from now, per the committed manifest; null without one (nothing to compare with). */
function currentInputs(config: { cacheDir: string; output: string }): string | null {
  const outputs = readManifestOutputs(manifestPath(config.cacheDir, config.output));
  if (!outputs) return null;
  const pages = outputs.linesUnder(`/${ARTICLES_DIR}/`)
    .filter((line) => routeToFile((JSON.parse(line) as OutputState)[0]).endsWith('.html'))
    .sort();
  // Not the whole page version: a stylesheet or list template edit changes no article page and needs no new index.
  return sha1(`${treeHash(PACKAGE_ROOT, ['src/search', 'package-lock.json'])}\n${pages.join('\n')}`);
}

function entryHash(output: string): string | null {
  try {
    return sha1(readFileSync(path.join(output, ENTRY)));
  } catch {
    return null;
  }
}

/** True when the output's search bundle was made by indexSearch from exactly the article pages the output holds now. */
export function searchIsCurrent(config: { cacheDir: string; output: string }): boolean {
  let stamp: SearchStamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile(config), 'utf8')) as SearchStamp;
  } catch {
    return false;
  }
  const inputs = currentInputs(config);
  return inputs !== null && stamp.inputs === inputs && entryHash(config.output) === stamp.entry;
}

/** Records that the output's search bundle now matches its article pages (called after indexSearch succeeded). */
export function markSearchCurrent(config: { cacheDir: string; output: string }): void {
  const inputs = currentInputs(config);
  const entry = entryHash(config.output);
  if (inputs === null || entry === null) return forgetSearch(config);
  writeFileSync(stampFile(config), JSON.stringify({ inputs, entry } satisfies SearchStamp));
}

/** Before indexing: a run that fails or is killed half-way must not leave a stamp that vouches for the old bundle. */
export function forgetSearch(config: { cacheDir: string; output: string }): void {
  rmSync(stampFile(config), { force: true });
}

