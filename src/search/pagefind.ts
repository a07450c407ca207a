// Search index: runs Pagefind over the written site; only regions marked data-pagefind-body (article pages) are indexed.
import * as pagefind from 'pagefind';

export interface SearchIndexResult {
  /** HTML pages Pagefind indexed (pages without data-pagefind-body are skipped by Pagefind itself). */
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
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(`pagefind could not start: ${created.errors.join('; ')}`);
    const added = await created.index.addDirectory({ path: outDir, glob: '**/*.html' });
    if (added.errors.length) throw new Error(`pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await created.index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new Error(`pagefind could not write its bundle: ${written.errors.join('; ')}`);
    return { pages: added.page_count, bundle };
  } finally {
    await pagefind.close();
  }
}
