// The per-article work of a build, runnable in a worker thread or in-process with the same code and the same output:
// "process" (read → parse → extract → record store), "render" (article pages) and "lists" (a share of the list
// pages); the last two get the main thread's index as shared bytes (src/index/transfer.ts).
import type { Config } from '../config.ts';
import type { SiteIndex } from '../index/site.ts';
import { unpackIndex, type PackedIndex } from '../index/transfer.ts';
import { readInput } from '../load/read.ts';
import type { SourceFile } from '../load/source.ts';
import type { InputEntry } from '../load/walk.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { articleContext, articlePage, type ArticleContext } from '../pages/article.ts';
import { indexFingerprinter } from '../pages/fingerprint.ts';
import { eachListPage } from '../pages/lists.ts';
import { articleApiFile, eachIndexFile } from '../pages/machine.ts';
import { siteContext, type SiteContext } from '../pages/page.ts';
import { renderPage } from '../render/page.ts';
import { createTemplateEngine, type TemplateEngine } from '../render/templates.ts';
import { routes } from '../routes/permalinks.ts';
import { writeStaged, type OutputFile, type WriteResult } from '../write/output.ts';
import { isMainThread, threadId } from 'node:worker_threads';
import { processSource, slimArticle, stageMs } from './articles.ts';
import { withTopicKeywords, type EnrichConfig } from './enrich.ts';
import { garbageCap } from './garbage.ts';
import { asUnpacked, RecordStore, recordKey, type StoredRecord } from './cache.ts';
import { madeOrKept, type MadeOrKept, type OldOutput } from './made-or-kept.ts';
import { contextRecord } from './saved-contexts.ts';

// The worker module (workers-entry.mjs) turns a thrown error into a result with these.
export { failureOf, WORKER_FAILURE } from './worker-failure.ts';

export interface WorkerInit {
  config: Config;
  recordVersion: string;
  recordDir: string;
  /** A large archive's build, whose workers let less garbage pile up (see collectNow). */
  large?: boolean;
}

export interface WorkerState {
  config: Config;
  /** What enrichment reads of the config, override files read once for the build (not once per article). */
  enrich: EnrichConfig;
  recordVersion: string;
  store: RecordStore;
  index?: SiteIndex;
  /** Id of the packed index `index` was unpacked from: a new build's index arrives with a new id. */
  indexId?: string;
  site?: SiteContext;
  engine?: TemplateEngine;
  made: Set<string>;
  large: boolean;
  /** This thread's garbage collector (see collectNow), made on first use. */
  collect?: (force?: boolean) => void;
  /** Records this thread extracted for items marked `keep`, until it renders them (see renderQueues). */
  held: Map<string, StoredRecord>;
  /**
   * Held records not yet in the store: written by the next task of any kind ('flush' is sent for it while the main
   * thread builds the index, when the workers would otherwise wait), always before a page changes the record.
   */
  unwritten: [key: string, rec: StoredRecord, force: boolean][];
}

/** One input to process: a file found by the walk, or a dataset row already loaded. */
export interface ProcessItem {
  entry?: InputEntry;
  source?: SourceFile;
  /** Ignore a stored record with the same key (--no-cache). */
  force: boolean;
  /** Hold the record in this thread for rendering it later (the main thread then queues it here, see RenderQueues). */
  keep?: boolean;
}

export type ProcessResult =
  | { ok: true; key: string; /** JSON of slimArticle(record). */ slim: string; diagnostics: Diagnostic[]; cached: boolean }
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
  /** The page's context as a fast rebuild saved it; without it, the context comes from the batch's index. */
  context?: ArticleContext;
  /** Return the page's context record (see contextRecord) for the build to save. */
  wantRecord?: boolean;
}

export interface RenderResult {
  page: WriteResult;
  api: WriteResult;
  record?: string;
}

/** Article pages to render, with the index they link into. */
export interface RenderBatch {
  staging: string;
  /** Packed for a worker; an in-process build passes the index itself; none when every item brings its context. */
  index?: PackedIndex | SiteIndex;
  items: RenderItem[];
}

/**
 * Article pages in one queue per thread that holds their records (and one of records only in the store, thread 0):
 * each worker renders its own queue first, then helps with the others, taking items by atomic counters in `next`
 * (one per queue, then one of items done in all, for progress). Every worker gets the same task; whichever runs it,
 * each item is rendered once.
 */
export interface RenderQueues {
  staging: string;
  index: PackedIndex | SiteIndex;
  queues: { thread: number; items: RenderItem[] }[];
  next: SharedArrayBuffer;
}

/** A rendered queue item: its queue, its place in it, and the result. */
export type QueuedResult = [queue: number, item: number, result: RenderResult];

/**
 * List pages and quote-free feeds and JSON files number `part`, `part + parts`, … of the sequence of eachListPage then
 * eachIndexFile: one share of them for one task.
 */
export interface ListShare {
  staging: string;
  index: PackedIndex;
  part: number;
  parts: number;
  /** Files in the current output, by route (incremental builds keep unchanged files). */
  old?: Record<string, OldOutput>;
  /** Whether the fingerprints in `old` hold for this build (see madeOrKept). */
  fingerprintsHold: boolean;
}

/** A file of a list share made or kept: route, write result, fingerprint (the main thread knows the order of all). */
export type ListResult = [route: string, ...made: MadeOrKept];

/** List pages that show speakers' quotes or quote counts: made on the main thread (see workerIndex). */
export const SPEAKER_PAGE_TEMPLATES = new Set(['speaker', 'speakers', 'speakers-letter']);

/**
 * Records a worker holds for rendering at most: ~25 KB each as objects, so ~125 MB per worker (a 10k archive's build
 * peaked ~250 MB higher holding all of them); past this, records are read back from the store as before.
 */
const HELD_MAX = 5000;

export function createWorkerState(init: WorkerInit): WorkerState {
  return { config: init.config, enrich: withTopicKeywords(init.config), recordVersion: init.recordVersion, store: new RecordStore(init.recordDir), made: new Set(), large: Boolean(init.large), held: new Map(), unwritten: [] };
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
    if (stored) {
      if (item.keep && state.held.size < HELD_MAX) state.held.set(key, stored);
      return { ok: true, key, slim: JSON.stringify(slimArticle(stored.article)), diagnostics: stored.diagnostics, cached: true };
    }
  }
  let processed: ReturnType<typeof processSource>;
  try {
    processed = processSource(src, state.enrich);
  } catch (err) {
    // One article the parser cannot handle must not take the whole build down: it is skipped with the reason.
    return { ok: false, reason: { severity: 'error', code: 'crash', file: src.file, line: 1, message: `the article could not be processed (${(err as Error).message?.split('\n')[0] ?? String(err)}); skipped`, hint: 'please report this file to the news-archive maintainers' } };
  }
  const { article, diagnostics } = processed;
  if (item.keep && state.held.size < HELD_MAX) {
    const rec = asUnpacked({ article, diagnostics });
    state.held.set(key, rec);
    state.unwritten.push([key, rec, item.force]);
  } else state.store.write(key, { article, diagnostics }, item.force);
  return { ok: true, key, slim: JSON.stringify(slimArticle(article)), diagnostics, cached: false };
}

/** Makes `index` the thread's index for rendering (unpacked once per build, not per task). */
export function useIndex(state: WorkerState, index: PackedIndex | SiteIndex | undefined): void {
  if (!index) {
    // Items bring their contexts (a fast rebuild): only the site and the templates are needed.
  } else if (!('bytes' in index)) {
    state.index = index;
    state.indexId = undefined;
  } else if (state.indexId !== index.id) {
    state.index = unpackIndex(index);
    state.indexId = index.id;
  }
  state.site ??= siteContext(state.config);
  state.engine ??= createTemplateEngine(state.config.templates);
}

/**
 * Renders and writes one share of the list pages other than speaker pages, and of the feeds and JSON files made
 * without the speakers' quotes (see ListShare and workerIndex).
 */
export function renderListShare(state: WorkerState, share: Omit<ListShare, 'index'>): ListResult[] {
  const out: ListResult[] = [];
  const fingerprint = indexFingerprinter(state.index!);
  const write = (file: OutputFile, oldHash: string | undefined): WriteResult => writeStaged(share.staging, file, oldHash, state.made);
  let n = 0;
  for (const page of eachListPage(state.index!, state.site!)) {
    if (SPEAKER_PAGE_TEMPLATES.has(page.template) || n++ % share.parts !== share.part) continue;
    out.push([page.route, ...madeOrKept(page.route, page, () => renderPage(page, state.engine!, state.site!), fingerprint, share.old?.[page.route], share.fingerprintsHold, write)]);
  }
  for (const file of eachIndexFile(state.index!, state.site!)) {
    if (file.quotes || n++ % share.parts !== share.part) continue;
    out.push([file.route, ...madeOrKept(file.route, file.from, file.make, fingerprint, share.old?.[file.route], share.fingerprintsHold, write)]);
  }
  return out;
}

/** Renders one article page and its JSON record from the stored record and writes what changed into `staging`. */
export function renderItem(state: WorkerState, staging: string, item: RenderItem): RenderResult {
  const stored = state.held.get(item.key) ?? state.store.read(item.key);
  state.held.delete(item.key);
  if (!stored) throw new Error(`record ${item.key} is missing from the cache (${state.store.dir}); run the build again with --no-cache`);
  const article = stored.article;
  article.slug = item.slug;
  const made = item.context ? null : articleContext(article, state.index!);
  const context = item.context ?? made!.context;
  // The stored record holds topic candidates; the archive-wide taxonomy decided the final list (in the index).
  article.topics = context.entry.topics;
  // undefined rather than delete (JSON leaves both out): delete turns the record into a slow dictionary object.
  article.topic_candidates = undefined;
  const html = renderPage(articlePage(article, context, state.site!), state.engine!, state.site!);
  const page = writeStaged(staging, { route: routes.article(item.slug), content: html }, item.oldPage, state.made);
  const api = writeStaged(staging, articleApiFile(article), item.oldApi, state.made);
  // Made here, where the related articles are already ranked, rather than on the main thread for all of them.
  return made && item.wantRecord ? { page, api, record: contextRecord(article, state.index!, made.related) } : { page, api };
}

/** Renders queued article pages, this thread's own queue first (its records are in memory), then the others'. */
export function renderQueues(state: WorkerState, q: Omit<RenderQueues, 'index'>): QueuedResult[] {
  const next = new Int32Array(q.next);
  const done = q.queues.length;
  const own = q.queues.findIndex((x) => x.thread === threadId);
  const order = [...(own < 0 ? [] : [own]), ...q.queues.keys()].filter((i, k, all) => all.indexOf(i) === k);
  const out: QueuedResult[] = [];
  for (const qi of order) {
    const items = q.queues[qi]!.items;
    for (let i = Atomics.add(next, qi, 1); i < items.length; i = Atomics.add(next, qi, 1)) {
      out.push([qi, i, renderItem(state, q.staging, items[i]!)]);
      Atomics.add(next, done, 1);
    }
  }
  // Records another worker rendered from the store are not needed any more.
  state.held.clear();
  return out;
}

/**
 * Extraction makes garbage fast and V8 lets a worker's heap grow towards the process-wide limit (4 GB here) before
 * collecting it, so a worker collects whenever its heap has grown a cap past what its last collection left (the pool
 * exposes gc). Not more often: a forced collection also makes V8 drop the optimised code made for what it collected
 * ("weak objects"), to compile it again. Collecting every 1,000 articles instead threw away optimised code 303 times
 * in a 10k build (attributeSentence was compiled 17 times, 5 with the cap): cold 17.8-18.2 s against 16.0-16.6 s; at
 * 100k, 203 s (extraction 62 s) against 161 s (44 s), peak RSS 1.23 GiB against 1.17 GiB.
 */
function collectNow(state: WorkerState): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || isMainThread) return;
  (state.collect ??= garbageCap(state.large ? LARGE_GARBAGE_CAP_MB : GARBAGE_CAP_MB, gc))();
}

/** See collectNow: at 10k a worker grows to ~300 MB, the records it holds included; a large archive's hold none. */
const GARBAGE_CAP_MB = 256;
const LARGE_GARBAGE_CAP_MB = 128;

/** Writes the held records still missing from the store; returns this thread's id (see 'flush'). */
export function writeUnwritten(state: WorkerState): number {
  for (const [key, rec, force] of state.unwritten) state.store.write(key, rec, force);
  state.unwritten.length = 0;
  return threadId;
}

export function handleTask(state: WorkerState, kind: string, payload: unknown): unknown {
  // Rendering changes a held record (slug, topics): it must be in the store as extracted first.
  if (kind !== 'process') writeUnwritten(state);
  switch (kind) {
    case 'flush':
      return threadId;
    case 'process': {
      const results = (payload as ProcessItem[]).map((item) => processItem(state, item));
      collectNow(state);
      return { results, ms: { ...stageMs }, thread: threadId } satisfies ProcessBatch;
    }
    case 'render': {
      const { staging, items, index } = payload as RenderBatch;
      useIndex(state, index);
      return items.map((item) => renderItem(state, staging, item));
    }
    case 'queues': {
      const q = payload as RenderQueues;
      useIndex(state, q.index);
      return renderQueues(state, q);
    }
    case 'lists': {
      const share = payload as ListShare;
      useIndex(state, share.index);
      return renderListShare(state, share);
    }
    default:
      throw new Error(`unknown build task "${kind}"`);
  }
}
