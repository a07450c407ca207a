// The per-article work of a build, runnable in a worker thread or in-process with the same code and the same output:
// "process" (read → parse → extract → record store) and "render" (article pages, once loadIndex has the index).
import type { Config } from '../config.ts';
import { speakerIdentity } from '../index/archive.ts';
import { buildSiteIndex, type SiteIndex } from '../index/site.ts';
import { loadOverrides } from '../load/overrides.ts';
import { readInput } from '../load/read.ts';
import type { SourceFile } from '../load/source.ts';
import type { InputEntry } from '../load/walk.ts';
import type { Article } from '../model/article.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { articlePage } from '../pages/article.ts';
import { articleApiFile } from '../pages/machine.ts';
import { siteContext, type SiteContext } from '../pages/page.ts';
import { renderPage } from '../render/page.ts';
import { createTemplateEngine, type TemplateEngine } from '../render/templates.ts';
import { routes } from '../routes/permalinks.ts';
import { writeStaged, type WriteResult } from '../write/output.ts';
import { isMainThread, threadId } from 'node:worker_threads';
import { processSource, slimArticle, stageMs } from './articles.ts';
import { asciiJson, RecordStore, recordKey } from './cache.ts';

export interface WorkerInit {
  config: Config;
  recordVersion: string;
  recordDir: string;
}

export interface WorkerState {
  config: Config;
  recordVersion: string;
  store: RecordStore;
  index?: SiteIndex;
  site?: SiteContext;
  engine?: TemplateEngine;
  made: Set<string>;
  sinceGc?: number;
}

/** One input to process: a file found by the walk, or a dataset row already loaded. */
export interface ProcessItem {
  entry?: InputEntry;
  source?: SourceFile;
  /** Ignore a stored record with the same key (--no-cache). */
  force: boolean;
}

export type ProcessResult =
  | { ok: true; key: string; /** asciiJson of slimArticle(record). */ slim: string; diagnostics: Diagnostic[]; cached: boolean }
  | { ok: false; reason: Diagnostic };

/** A processed batch, with this thread's running per-stage times (the main thread keeps the last per thread). */
export interface ProcessBatch {
  results: ProcessResult[];
  ms: typeof stageMs;
  thread: number;
}

export interface RenderItem {
  key: string;
  /** Final slug after de-duplication across the archive. */
  slug: string;
  /** Hashes of the page and the JSON record in the current output, when known. */
  oldPage?: string;
  oldApi?: string;
}

export interface RenderResult {
  page: WriteResult;
  api: WriteResult;
}

export function createWorkerState(init: WorkerInit): WorkerState {
  return { config: init.config, recordVersion: init.recordVersion, store: new RecordStore(init.recordDir), made: new Set() };
}

export function processItem(state: WorkerState, item: ProcessItem): ProcessResult {
  let src = item.source;
  if (!src) {
    const loaded = readInput(item.entry!, { maxBytes: state.config.maxArticleBytes });
    if (!loaded.ok) return { ok: false, reason: loaded.skipped.reason };
    src = loaded.source;
  }
  // The path is part of the key: the record carries its file, id and file-name date, so twins must not share one.
  const key = recordKey(state.recordVersion, `${src.file}\0${src.hash}`);
  if (!item.force) {
    const stored = state.store.read(key);
    if (stored) return { ok: true, key, slim: asciiJson(slimArticle(stored.article)), diagnostics: stored.diagnostics, cached: true };
  }
  let processed: ReturnType<typeof processSource>;
  try {
    processed = processSource(src, state.config);
  } catch (err) {
    // One article the parser cannot handle must not take the whole build down: it is skipped with the reason.
    return { ok: false, reason: { severity: 'error', code: 'crash', file: src.file, line: 1, message: `the article could not be processed (${(err as Error).message?.split('\n')[0] ?? String(err)}); skipped`, hint: 'please report this file to the news-archive maintainers' } };
  }
  const { article, diagnostics } = processed;
  state.store.write(key, { article, diagnostics });
  return { ok: true, key, slim: asciiJson(slimArticle(article)), diagnostics, cached: false };
}

/** Loads the archive index (built from the slim records, identical on every thread). */
export function loadIndex(state: WorkerState, slims: Article[]): void {
  // The slims arrive with their final topics; identities are recomputed here exactly as on the main thread.
  state.index = buildSiteIndex(slims, speakerIdentity(slims, loadOverrides(state.config).speakers));
  state.site = siteContext(state.config);
  state.engine = createTemplateEngine(state.config.templates);
}

/** Renders one article page and its JSON record from the stored record and writes what changed into `staging`. */
export function renderItem(state: WorkerState, staging: string, item: RenderItem): RenderResult {
  const stored = state.store.read(item.key);
  if (!stored) throw new Error(`record ${item.key} is missing from the cache (${state.store.dir}); run the build again with --no-cache`);
  const article = stored.article;
  article.slug = item.slug;
  // The stored record holds topic candidates; the archive-wide taxonomy decided the final list (in the index).
  article.topics = state.index!.bySlug.get(item.slug)?.topics ?? [];
  delete article.topic_candidates;
  const html = renderPage(articlePage(article, state.index!, state.site!), state.engine!, state.site!);
  const page = writeStaged(staging, { route: routes.article(item.slug), content: html }, item.oldPage, state.made);
  const api = writeStaged(staging, articleApiFile(article), item.oldApi, state.made);
  return { page, api };
}

/**
 * Extraction makes garbage fast and V8 lets a worker's heap grow towards the process-wide limit (4 GB here) before
 * collecting it; a full collection every ~1,000 articles keeps each worker near its live size (the pool exposes gc).
 */
function collectNow(state: WorkerState, items: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || isMainThread) return;
  state.sinceGc = (state.sinceGc ?? 0) + items;
  if (state.sinceGc >= 1000) {
    state.sinceGc = 0;
    gc();
  }
}

export function handleTask(state: WorkerState, kind: string, payload: unknown): unknown {
  switch (kind) {
    case 'process': {
      const results = (payload as ProcessItem[]).map((item) => processItem(state, item));
      collectNow(state, results.length);
      return { results, ms: { ...stageMs }, thread: threadId } satisfies ProcessBatch;
    }
    case 'render': {
      const { staging, items } = payload as { staging: string; items: RenderItem[] };
      return items.map((item) => renderItem(state, staging, item));
    }
    default:
      throw new Error(`unknown build task "${kind}"`);
  }
}
