// Search index: runs Pagefind over the written site; only regions marked data-pagefind-body (article pages) are indexed.
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { importEsm } from '../import-esm.ts';
import { ARTICLES_DIR } from '../routes/permalinks.ts';
import { syncTree } from '../write/output.ts';
import { forgetSearch, markSearchCurrent, searchIsCurrent } from './freshness.ts';

export interface SearchIndexResult {
  /** Article pages Pagefind indexed. */
  pages: number;
  /** Where the bundle went: <outDir>/pagefind. */
  bundle: string;
}


/**
 * Indexes `outDir` in place and writes the bundle to `<outDir>/pagefind/`. Runs after the site is written because
 * Pagefind reads the final HTML; the Pagefind service is closed even on failure so the process can exit.
 */
export async function indexSearch(outDir: string): Promise<SearchIndexResult> {
  const bundle = `${outDir.replace(/\/+$/, '')}/pagefind`;
  const pagefind = await importEsm<typeof import('pagefind')>('pagefind');
  const view = orderedView(outDir);
  // Pagefind names its chunks by content and never deletes the ones it no longer needs: written straight into the
  // site, every re-index left the old chunks behind. It writes beside the site, and syncTree makes the site's folder
  // match (unchanged chunks keep their modification time).
  const fresh = sibling(outDir, 'search-bundle');
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
    syncTree(fresh, bundle);
    return { pages: added.page_count, bundle };
  } finally {
    await pagefind.close();
    rmSync(view, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
  }
}

/** A folder beside the site named like the write stage's staging folders, so the next build sweeps it if this one is killed. */
function sibling(outDir: string, what: string): string {
  const abs = path.resolve(outDir);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.tmp-${what}-${process.pid}`);
}

/**
 * indexSearch, unless the output's bundle was made from the very article pages it holds now (a rebuild that changed
 * no article page: nothing changed, or only stylesheets, list templates, feeds…): then it is left as it is. Returns
 * whether it ran.
 */
export async function updateSearch(config: { cacheDir: string; output: string }): Promise<boolean> {
  if (searchIsCurrent(config)) return false;
  forgetSearch(config);
  await indexSearch(config.output);
  markSearchCurrent(config);
  return true;
}

/**
 * The article pages, linked into a folder beside the site in code-point order. Pagefind numbers pages in the order
 * it lists them, and a file system that lists in creation order (tmpfs, btrfs) gives the order the worker threads
 * happened to write them in: the same site then got a different index from run to run.
 */
function orderedView(outDir: string): string {
  const view = sibling(outDir, 'search');
  rmSync(view, { recursive: true, force: true });
  const visit = (from: string, to: string): void => {
    mkdirSync(to, { recursive: true });
    const names = readdirSync(from, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of names) {
      if (e.isDirectory()) visit(path.join(from, e.name), path.join(to, e.name));
      else if (e.isFile() && e.name.endsWith('.html')) link(path.join(from, e.name), path.join(to, e.name));
    }
  };
  try {
    visit(path.join(outDir, ARTICLES_DIR), path.join(view, ARTICLES_DIR));
  } catch (err) {
    rmSync(view, { recursive: true, force: true });
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return outDir; // no article pages at all
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
