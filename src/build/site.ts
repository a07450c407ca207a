// Build orchestration: load → parse → extract → index → pages → render → write, in that order, once each.
// Per-article work (extraction, article pages) runs on worker threads; records go to the cache, so memory holds only
// what the index needs. A rebuild re-extracts changed inputs only and rewrites only files whose bytes changed.
import { existsSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { PACKAGE_ROOT } from '../config.ts';
import { assignTopics, speakerIdentity } from '../index/archive.ts';
import { quoteParker } from '../index/quote-texts.ts';
import { buildSiteIndex, type SiteIndex } from '../index/site.ts';
import { packIndex, workerIndex } from '../index/transfer.ts';
import { loadOverrides } from '../load/overrides.ts';
import { assignUniqueSlugs } from '../index/slugs.ts';
import { loadDatasets, type KnownRow } from '../load/datasets.ts';
import { statStamp, walkInputs } from '../load/walk.ts';
import type { Article } from '../model/article.ts';
import { DiagnosticError, type Diagnostic } from '../model/diagnostic.ts';
import { indexFingerprinter, type Fingerprint } from '../pages/fingerprint.ts';
import { eachListPage } from '../pages/lists.ts';
import { eachIndexFile, robotsFile, sitemapFiles } from '../pages/machine.ts';
import { siteContext } from '../pages/page.ts';
import type { ProgressFn } from '../progress.ts';
import { renderPage } from '../render/page.ts';
import { createTemplateEngine, templateSyntaxError } from '../render/templates.ts';
import { routes } from '../routes/permalinks.ts';
import { listAssets, openSiteWriter, type OutputFile, type SiteWriter, type WriteResult } from '../write/output.ts';
import { outcomeOf, stageMs } from './articles.ts';
import { fullGc, garbageCap } from './garbage.ts';
import { carrySavedContexts, contextRecord, contextRecords, openSavedContexts, pruneSavedContexts, readSavedContexts, writeSavedContexts, type SavedContexts, type SavedContextsWriter, type SavedHead } from './saved-contexts.ts';
import { commitManifest, pruneSlimStores, reuseSlimStore, slimStorePath, AppendStore, manifestPath, pageVersion, pruneRecordVersions, readManifest, recordVersion, writeManifestInputs, OutputList, type InputState, type OutputState } from './cache.ts';
import { summarise, type BuildReport, type InputReport } from './report.ts';
import { defaultWorkers, openWorkerPool, type WorkerPool } from './workers.ts';
import { madeOrKept, type MadeOrKept, type OldOutput } from './made-or-kept.ts';
import { createWorkerState, handleTask, SPEAKER_PAGE_TEMPLATES, type ListResult, type ListShare, type ProcessBatch, type ProcessItem, type ProcessResult, type QueuedResult, type RenderBatch, type RenderQueues, type RenderItem, type RenderResult } from './workers-task.ts';

export interface BuildOptions {
  /** Where build-report.json goes (default: beside the output folder). */
  reportPath?: string;
  /** Called as each stage advances (see src/progress.ts); the CLI draws it, the build never prints. */
  onProgress?: ProgressFn;
  /** Worker threads (default: config.workers, 0 = one per core); 1 runs everything in-process. */
  workers?: number;
  /** Ignore the cache: every input is extracted again and every output file written (the cache is refreshed). */
  noCache?: boolean;
  /** Article count above which the memory-bound path is taken (slim texts spilled to disk, main-thread rendering). */
  largeArchive?: number;
  /** Filled with stage timings and counts when given (bench, dev server). */
  stats?: BuildStats;
}

export interface BuildStats {
  workers: number;
  /** cold: no usable manifest; incremental: everything re-rendered, unchanged bytes kept; fast: only changed articles re-rendered. */
  mode: 'cold' | 'incremental' | 'fast';
  /** Wall milliseconds per stage: load, extract (parse+extract+enrich, cached records reused), index, render, write (commit), manifest. */
  ms: Record<string, number>;
  /** Resident memory (whole process, workers included) at the end of each stage, MiB. */
  rssMiB: Record<string, number>;
  /** Main-thread V8 heap in use at the end of each stage, MiB (live data plus garbage not yet collected). */
  heapMiB?: Record<string, number>;
  /** Thread milliseconds inside the per-article stages, summed over workers: parse, extract (quotes), enrich. */
  cpuMs?: { parse: number; extract: number; enrich: number };
  /** built: the index was built from the records; saved: the last build's index was read back (fast mode). */
  index?: 'built' | 'saved';
  inputs: number;
  extracted: number;
  reused: number;
  pagesRendered: number;
  /** Article pages among them (an incremental build skips those whose record and context are unchanged). */
  articlesRendered: number;
  filesWritten: number;
  filesKept: number;
  filesRemoved: number;
}

/**
 * Below this many items the pool costs more than it saves: each worker starts up and warms up its own compiled code.
 * Cold builds on two cores, one thread against two workers: 1k articles 3.40-3.69 s against 3.85-3.94 s (and half
 * the memory), 2k 6.0 s either way, 4k 10.6-11.5 s against 8.5-8.9 s.
 */
const PARALLEL_MIN = 2000;
const WORKER_INDEX_MAX = 30_000;
const BATCH = 32;
/** Holds the place of a file a worker's list share makes, until its result is in. */
const NOT_YET: MadeOrKept = [['', 0, false], null, false];

export async function buildSite(config: Config, options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  checkOutputFolder(config);
  const progress = options.onProgress;
  const stats: BuildStats = options.stats ?? ({} as BuildStats);
  Object.assign(stats, { workers: 1, mode: 'cold', ms: {}, rssMiB: {}, inputs: 0, extracted: 0, reused: 0, pagesRendered: 0, articlesRendered: 0, filesWritten: 0, filesKept: 0, filesRemoved: 0 });
  let mark = performance.now();
  const lap = (stage: string): void => {
    const now = performance.now();
    stats.ms[stage] = Math.round((stats.ms[stage] ?? 0) + now - mark);
    const mem = process.memoryUsage();
    stats.rssMiB[stage] = Math.round(mem.rss / 1048576);
    (stats.heapMiB ??= {})[stage] = Math.round(mem.heapUsed / 1048576);
    mark = now;
  };

  const wanted = options.workers ?? (config.workers || defaultWorkers());
  const large = options.largeArchive ?? WORKER_INDEX_MAX;
  const recVer = recordVersion(config);
  const pageVer = pageVersion(config);
  const recordDir = path.join(config.cacheDir, `records-${recVer}`);
  const mfFile = manifestPath(config.cacheDir, config.output);
  const manifest = options.noCache ? null : readManifest(mfFile);
  // Templates the last build did not render with are compiled first (~15 ms): a syntax error stops the build before
  // it extracts the archive, not after. Errors that only rendering shows still stop it there (see renderFailure).
  if (manifest?.pageVersion !== pageVer) {
    const syntax = existsSync(config.templates) ? templateSyntaxError(config.templates) : null;
    if (syntax) throw syntax;
  }
  const buildId = `${process.pid}-${Date.now()}`;
  // The last build's slim texts: its inputs' records are reusable only with them (and with the same record code).
  const oldStore = manifest?.slims ? AppendStore.open(path.join(path.dirname(mfFile), manifest.slims)) : null;
  const sameRecords = manifest?.recordVersion === recVer && oldStore !== null;
  let oldInputs = sameRecords ? manifest!.inputs : [];
  let oldByFile: Map<string, InputState> | null = null;
  // Inputs come in walk order, as they did last time: the same position nearly always holds the same file, and a
  // map of 10k paths costs more than the rest of the comparison.
  const previous = (file: string, at: number): InputState | undefined => {
    const o = oldInputs[at];
    if (o?.file === file) return o;
    oldByFile ??= new Map(oldInputs.map((i) => [i.file, i]));
    return oldByFile.get(file);
  };
  // This build appends its new slim texts to the last build's store, unless that holds more dead texts than live
  // ones: then a new generation starts and the texts still in use are copied over.
  const liveBytes = sameRecords ? manifest!.inputs.reduce((n, i) => n + (i.at?.[1] ?? 0), 0) : 0;
  const store = sameRecords && reuseSlimStore(oldStore!.size, liveBytes) ? oldStore! : AppendStore.create(slimStorePath(mfFile, buildId));
  const carried = (old: InputState): InputState => (store === oldStore || !old.at ? old : { ...old, at: store.put(oldStore!.get(old.at)) });

  // ---- load: the walk, dataset rows, and which inputs changed since the last build
  // A site built from datasets alone needs no input folder.
  const walked = existsSync(config.input) || !config.datasets.length ? walkInputs(config.input) : { entries: [], skipped: [] };
  const data = config.datasets.length ? loadDatasets(config.datasets, knownRow(oldInputs)) : { sources: [], skipped: [] };
  const states: (InputState | null)[] = [];
  /** The record key each input had in the last build, by position in `states` (whether or not it changed since). */
  const oldKeyAt: (string | undefined)[] = [];
  const todo: { at: number; item: ProcessItem; fp: string }[] = [];
  const fileOf: string[] = [];
  for (const entry of walked.entries) {
    const fp = entry.fp ?? fingerprint(entry.abs);
    const old = previous(entry.rel, states.length);
    oldKeyAt[states.length] = old?.key;
    fileOf.push(entry.rel);
    if (old && old.fp === fp && fp) states.push(carried(old));
    else {
      todo.push({ at: states.length, item: { entry, force: Boolean(options.noCache) }, fp });
      states.push(null);
    }
  }
  for (const src of data.sources) {
    const old = previous(src.file, states.length);
    oldKeyAt[states.length] = old?.key;
    fileOf.push(src.file);
    if (old && old.fp === src.hash) states.push(carried(old));
    else if ('known' in src) throw new Error(`dataset row ${src.file} was taken for the last build's, which has no such row; build again with --no-cache`);
    else {
      todo.push({ at: states.length, item: { source: src, force: Boolean(options.noCache) }, fp: src.hash });
      states.push(null);
    }
  }
  stats.inputs = states.length + walked.skipped.length + data.skipped.length;
  lap('load');

  let pool: Promise<WorkerPool> | null = null;
  // Every new slim text goes to the store; large builds keep none in memory, small ones keep them until indexed.
  const parkSlims = todo.length > large;
  // The results' texts are garbage once stored: large builds collect them as they pile up.
  const spillCollect = parkSlims ? garbageCap(GARBAGE_CAP_MB) : null;
  let quoteSpill: AppendStore | null = null;
  const slimOf = (s: InputState): string | null => (s.slim === null ? null : s.slim || store.get(s.at!));
  /** Which worker thread holds each input's record in memory, by position in `states` (see RenderQueues). */
  const heldBy: number[] = [];
  /** Slim records parsed ahead of the index stage, by position in `states` (small archives only). */
  const parsedAt: (Article | undefined)[] = [];
  const oldSlimOf = (s: InputState): string | null => (s.slim === null ? null : oldStore!.get(s.at!));
  const local = createWorkerState({ config, recordVersion: recVer, recordDir });
  // An explicit worker count is obeyed even for small builds (tests compare parallel and serial output).
  const usePool = (items: number): boolean => wanted > 1 && items > 0 && (options.workers !== undefined || items >= PARALLEL_MIN);
  const init = { config, recordVersion: recVer, recordDir, large: parkSlims };
  // Large builds give workers V8's default young generation: a little slower, a lot less memory per thread.
  const getPool = (): Promise<WorkerPool> => (pool ??= openWorkerPool(wanted, { init }, { lean: parkSlims }));
  /** Held records being written by the workers (see flushHeld): awaited before any page is rendered or the pool stops. */
  let flushing: Promise<void> | null = null;
  const closePool = async (): Promise<void> => {
    const p = pool as Promise<WorkerPool> | null;
    pool = null;
    // A pool that failed to open has nothing to stop (its error reached whoever awaited it).
    await (await p?.catch(() => null))?.close();
  };
  const writerRef: { w: SiteWriter | null } = { w: null };
  const cleanup: { inputsTmp?: string; saved?: SavedContexts | null; streamed?: SavedContextsWriter | null } = {};
  try {
    // ---- extract: parse + extract changed inputs (or reuse their stored record)
    let done = states.length - todo.length;
    // Starts at the cached count, so a build with nothing to extract completes the stage at once.
    progress?.('articles', done, states.length);
    const apply = (at: number, r: ProcessResult, file: string, fp: string): void => {
      states[at] = r.ok
        ? { file, fp, key: r.key, slim: parkSlims ? '' : r.slim, at: store.put(r.slim), diagnostics: r.diagnostics }
        : { file, fp, key: '', slim: null, diagnostics: [r.reason], reason: r.reason.message };
      // Parsed now, while the main thread waits for the workers anyway (the index stage would parse it after them).
      if (r.ok && !parkSlims) parsedAt[at] = JSON.parse(r.slim) as Article;
      if (r.ok && !r.cached) stats.extracted++;
      progress?.('articles', ++done, states.length);
    };
    if (usePool(todo.length)) {
      stats.workers = wanted;
      // Workers keep the records they extract for rendering them (unless the archive is too large to hold them).
      if (!parkSlims && states.length <= large) for (const t of todo) t.item.keep = true;
      const batches = chunk(todo, BATCH);
      const perThread = new Map<number, ProcessBatch['ms']>();
      await (await getPool()).run<ProcessItem[], ProcessBatch>('process', batches.map((b) => b.map((t) => t.item)), {
        onResult: (bi, batch) => {
          spillCollect?.();
          perThread.set(batch.thread, batch.ms);
          batch.results.forEach((r, j) => {
            const t = batches[bi]![j]!;
            apply(t.at, r, fileOf[t.at]!, t.fp);
            if (t.item.keep && r.ok) heldBy[t.at] = batch.thread;
          });
        },
      });
      for (const ms of perThread.values()) addCpu(stats, ms);
      // The workers write the records they hold while this thread builds the index (see flushing).
      flushing = flushHeld(await getPool(), new Set(heldBy.filter((t) => t !== undefined)));
      flushing.catch(() => undefined); // awaited below
    } else {
      let last: ProcessBatch['ms'] | null = null;
      const first = { ...stageMs };
      for (const t of todo) {
        const batch = handleTask(local, 'process', [t.item]) as ProcessBatch;
        last = batch.ms;
        apply(t.at, batch.results[0]!, fileOf[t.at]!, t.fp);
      }
      if (last) addCpu(stats, { parse: last.parse - first.parse, extract: last.extract - first.extract, enrich: last.enrich - first.enrich });
    }
    stats.reused = states.length - todo.length;
    todo.length = 0; // dataset rows carry their text: let it go before the index is built
    oldByFile = null;
    oldInputs = [];
    lap('extract');

    // A large archive renders article pages on the main thread (see WORKER_INDEX_MAX): stop the workers now, so
    // their heaps are gone before the slim records become objects.
    if (states.length > large) {
      await flushing;
      await closePool();
    }
    // Large archives: a full collection at each phase boundary keeps the peak near the live size.
    const memoryBound = states.length > large ? fullGc() : null;
    memoryBound?.();
    const memlog = (at: string): void => {
      if (!process.env.NA_MEMLOG) return;
      memoryBound?.();
      process.stderr.write(`memlog ${at}: heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MiB, rss ${Math.round(process.memoryUsage().rss / 1048576)} MiB\n`);
    };
    memlog('extracted');
    // The inputs half of the manifest is written now; it becomes the manifest only when the build commits.
    const inputsTmp = (cleanup.inputsTmp = writeManifestInputs(mfFile, buildId, { recordVersion: recVer, pageVersion: pageVer, output: path.resolve(config.output), slims: path.basename(store.file), inputs: states as InputState[] }));
    // The fast path compares what the index sees of each input with the last build; after that, the texts can go.
    const onDisk = Boolean(manifest && manifest.output === path.resolve(config.output) && existsSync(config.output));
    const sameIndex = onDisk && sameRecords && manifest!.pageVersion === pageVer && sameIndexInputs(manifest!.inputs, states as InputState[], oldSlimOf, slimOf);
    // The last build's article contexts: a fast rebuild renders from them; an incremental one compares with them.
    const lastContexts = (cleanup.saved = onDisk && sameRecords && manifest!.pageVersion === pageVer ? readSavedContexts(mfFile, manifest!.build) : null);
    // Every input looks the same to the index as last time: the article pages to render again read the contexts that
    // build saved, and no index is built. Without them (large archives save none), every page is rendered.
    const saved = sameIndex ? lastContexts : null;
    const fast = saved !== null;
    // A fast rebuild looks up the few files it renders again; other builds compare every file with the last one.
    const oldOutputs = onDisk && !fast ? new Map(manifest!.outputs.all().map((o) => [o[0], o])) : null;
    // A fast rebuild's inputs are the last build's, position by position (sameIndexInputs): those whose record changed.
    const changedKeys = new Set<string>();
    if (fast) (states as InputState[]).forEach((s, i) => { if (s.key !== manifest!.inputs[i]!.key && s.slim !== null) changedKeys.add(s.key); });
    if (manifest) manifest.inputs = [];

    // ---- index: slim records, unique slugs, report entries in input order
    const entries: InputReport[] = walked.skipped.map((s) => ({ file: s.rel, outcome: 'skipped', reason: s.reason.message, diagnostics: [s.reason] }));
    const slims: Article[] = [];
    const slimAt: number[] = [];
    // None in a fast rebuild: the pages it renders read their saved contexts instead.
    let index: SiteIndex | null = null;
    let slugs: string[];
    let contexts: string[] | null = null;
    /** Large archives: whether each article's context is the last build's (its records are saved as they are made). */
    let sameContext: Uint8Array | null = null;
    let quoteTotal = 0;
    /** Slug clashes by position among built inputs, saved with the contexts for the report of a fast rebuild. */
    const slugWarnings: [number, Diagnostic][] = [];
    if (saved) {
      ({ slugs, quotes: quoteTotal } = saved);
      const warned = new Map<number, Diagnostic[]>();
      for (const [i, w] of saved.slugWarnings) warned.set(i, [...(warned.get(i) ?? []), w]);
      let k = 0;
      for (const s of states as InputState[]) {
        if (s.slim === null) {
          entries.push({ file: s.file, outcome: 'skipped', reason: s.reason ?? s.diagnostics[0]?.message ?? 'skipped', diagnostics: s.diagnostics });
          continue;
        }
        const w = warned.get(k);
        entries.push({ file: s.file, outcome: w ? 'built-with-warnings' : outcomeOf(s.diagnostics), slug: slugs[k++]!, diagnostics: [...s.diagnostics, ...(w ?? [])] });
        s.slim = '';
      }
      for (const s of data.skipped) entries.push({ file: s.file, outcome: 'skipped', reason: s.reason.message, diagnostics: [s.reason] });
    } else {
      // Archive-wide topics first, from records holding little besides their topic candidates: candidates are the
      // biggest part of a slim record, so they are never in memory together with the rest of 100k records.
      const overrides = loadOverrides(config);
      const taxa: Article[] = [];
      for (const [i, s] of (states as InputState[]).entries()) {
        if (s.slim === null) continue;
        // Small archives parse each record once (most were parsed as they arrived from the workers).
        const slim = parsedAt[i] ?? (JSON.parse(slimOf(s)!) as Article);
        if (!memoryBound) parsedAt[i] = slim;
        const { file, id, topic_candidates } = slim;
        taxa.push({ file, id, topic_candidates, topics: [] } as unknown as Article);
      }
      assignTopics(taxa, config, overrides.topics);
      memoryBound?.();
      let k = 0;
      let pos = 0;
      // Small archives keep every slim record (workers get them to render); large ones keep only what slugs and speaker
      // identities need, and stream the records into the index below, one at a time (they are ~6 KB each as objects).
      for (const s of states as InputState[]) {
        pos++;
        if (s.slim === null) {
          entries.push({ file: s.file, outcome: 'skipped', reason: s.reason ?? s.diagnostics[0]?.message ?? 'skipped', diagnostics: s.diagnostics });
          continue;
        }
        const slim = parsedAt[pos - 1] ?? (JSON.parse(slimOf(s)!) as Article);
        parsedAt[pos - 1] = undefined;
        if (!memoryBound) s.slim = ''; // parsed; the store has the text
        slim.topics = taxa[k]!.topics;
        slim.topic_candidates = undefined;
        taxa[k++] = null as unknown as Article;
        slims.push(memoryBound ? ({ file: slim.file, id: slim.id, slug: slim.slug, places: slim.places, topics: slim.topics, speakers: slim.speakers } as Article) : slim);
        slimAt.push(entries.length);
        entries.push({ file: s.file, outcome: outcomeOf(s.diagnostics), slug: slim.slug, diagnostics: [...s.diagnostics] });
      }
      for (const s of data.skipped) entries.push({ file: s.file, outcome: 'skipped', reason: s.reason.message, diagnostics: [s.reason] });
      const byFile = new Map(slims.map((a, i) => [a.file, i]));
      for (const w of assignUniqueSlugs(slims)) {
        const i = byFile.get(w.file);
        if (i === undefined) continue;
        const entry = entries[slimAt[i]!]!;
        entry.diagnostics.push(w);
        entry.outcome = 'built-with-warnings';
        slugWarnings.push([i, w]);
        entry.slug = slims[i]!.slug;
      }
      progress?.('index', 0, 1);
      // Archive-wide: speakers get one identity across articles (topics were assigned above).
      memoryBound?.();
      memlog('before index');
      const identity = speakerIdentity(slims, overrides.speakers);
      const countQuotes = (a: Article): Article => {
        for (const q of a.quotes) if (q.kind !== 'headline') quoteTotal++;
        return a;
      };
      if (memoryBound) {
        // Identities are resolved: the routing records keep only slug, places and topics from here on.
        for (const l of slims) l.speakers = [];
        quoteSpill = AppendStore.create(path.join(config.cacheDir, `quotes-${process.pid}.tmp`), { buffer: 1 << 20 });
      }
      function* streamed(): Generator<Article> {
        // Each parsed record is garbage once indexed: collect as it piles up, not when V8's limit is near.
        const collect = garbageCap(GARBAGE_CAP_MB);
        let i = 0;
        for (const s of states as InputState[]) {
          if (i % 500 === 0) collect();
          if (s.slim === null) continue;
          const a = JSON.parse(slimOf(s)!) as Article;
          s.slim = '';
            const routed = slims[i++]!;
          a.slug = routed.slug;
          a.places = routed.places;
          a.topics = routed.topics;
          a.topic_candidates = undefined;
          yield countQuotes(a);
        }
      }
      // Large archives: records streamed in one at a time, quote texts parked in a file as they are indexed.
      index = memoryBound ? buildSiteIndex(streamed(), identity, quoteParker(quoteSpill!)) : buildSiteIndex(slims.map(countQuotes), identity);
      memlog('index built');
      slugs = slims.map((a) => a.slug);
      // Each article page's context, compared with the last build's to skip unchanged pages and saved for the next;
      // without a last build to compare with, they are made as the pages are rendered. Large archives never hold them
      // all (~2 KB an article while the index is still there): each goes to the next build's file as it is made.
      if (!memoryBound && lastContexts) contexts = contextRecords(slims, index);
      else if (memoryBound && lastContexts) {
        // Large archives: one record at a time, compared and saved for the next build, never all held at once.
        const writer = (cleanup.streamed = openSavedContexts(mfFile, buildId));
        sameContext = new Uint8Array(slims.length);
        slims.forEach((a, i) => {
          const rec = contextRecord(a, index!);
          writer.add(rec);
          if (lastContexts.recordOf(a.slug) === rec) sameContext![i] = 1;
        });
      }
      if (memoryBound) {
        // Large archives render on this thread, from the index and the stored records: the routing records go now.
        slims.length = 0;
        memoryBound();
        memlog('slims dropped');
      }
    }
    progress?.('index', 1, 1);
    stats.index = saved ? 'saved' : 'built';
    lap('index');

    // ---- decide how much to render
    /** Position in `states` of each built input. */
    const builtAt: number[] = [];
    const builtStates = (states as InputState[]).filter((s, p) => s.slim !== null && builtAt.push(p) > 0);
    stats.mode = fast ? 'fast' : onDisk ? 'incremental' : 'cold';
    const writer = openSiteWriter(config.output, { incremental: onDisk });
    writerRef.w = writer;
    const outputs: OutputState[] = [];
    const record = (route: string, r: WriteResult, fingerprint?: string | null): void => {
      outputs.push(fingerprint ? [route, r[0], r[1], fingerprint] : [route, r[0], r[1]]);
      if (r[2]) stats.filesWritten++;
      else stats.filesKept++;
    };
    // List pages, feeds and the index's JSON files keep their data's fingerprint in the manifest: one made from the
    // same data by the same code, templates and config is kept without being made again (see madeOrKept).
    const fingerprintsHold = oldOutputs !== null && manifest!.pageVersion === pageVer;
    const oldOutput = (route: string): OldOutput | undefined => {
      const o = oldOutputs?.get(route);
      return o && (o[3] === undefined ? [o[1], o[2]] : [o[1], o[2], o[3]]);
    };
    const oldHash = (route: string): string | undefined => {
      if (!fast) return oldOutputs?.get(route)?.[1];
      return manifest!.outputs.find(route)?.[1];
    };

    // Article pages (and their JSON records): all of them, or in fast mode only those whose record changed.
    // An incremental build leaves alone an article whose record and page context are the last build's: its page and
    // JSON file are made from nothing else, so they would come out the same bytes (a headline edit re-renders the
    // few articles that list or neighbour it, not all of them).
    const unchangedPage = (i: number): boolean => {
      if (fast || !lastContexts || !(contexts || sameContext) || !oldOutputs) return false;
      const s = builtStates[i]!;
      const slug = slugs[i]!;
      const sameRecord = contexts ? lastContexts.recordOf(slug) === contexts[i] : sameContext![i] === 1;
      return s.key === oldKeyAt[builtAt[i]!] && oldOutputs.has(routes.article(slug)) && oldOutputs.has(routes.apiArticle(slug)) && sameRecord;
    };
    const renderItems: { at: number; item: RenderItem }[] = [];
    builtStates.forEach((s, i) => {
      if (fast && !changedKeys.has(s.key)) return;
      if (unchangedPage(i)) return;
      const slug = slugs[i]!;
      const item: RenderItem = { key: s.key, slug, oldPage: oldHash(routes.article(slug)), oldApi: oldHash(routes.apiArticle(slug)) };
      if (saved) item.context = saved.context(i);
      else if (!contexts && !sameContext) item.wantRecord = true;
      renderItems.push({ at: i, item });
    });
    saved?.close(); // every context needed is read
    // A large archive renders every article page on this thread, in input order: each page's context record goes
    // straight to the file the next build's fast path reads (held until the end, they took ~150 MB at 100k).
    // (Made already when the records were compared with the last build's, above.)
    const streamed = cleanup.streamed ?? (cleanup.streamed = memoryBound && !saved && renderItems.length === builtStates.length ? openSavedContexts(mfFile, buildId) : null);
    const articleResults: (RenderResult | undefined)[] = new Array(builtStates.length);
    const site = siteContext(config);
    let pages = 0;
    progress?.('pages', 0, renderItems.length);

    // Each render worker holds its own copy of the index (several KB per article); above WORKER_INDEX_MAX articles the
    // main thread renders every page instead and the workers are stopped first, so 100k archives fit in memory.
    const renderParallel = usePool(renderItems.length) && slugs.length <= large;
    // Workers render the list pages too, in one interleaved share per worker (each share makes every page's data and
    // renders its own, so more shares would repeat that work), and the feeds and JSON files made without quotes; the
    // main thread does the rest (it was the last to finish by ~0.7 s at 10k).
    const listsOnWorkers = renderParallel && !fast;
    const listRoutes: string[] = [];
    const listResults = new Map<string, MadeOrKept>();
    const mainOutputs: [route: string, ...made: MadeOrKept][] = [];
    /** Places in mainOutputs of the feeds and JSON files the workers' list shares make. */
    const fromShares: number[] = [];
    // Set once the render mode is known (large archives collect garbage between main-thread writes).
    const collectRef: { fn: ((force?: boolean) => void) | null } = { fn: null };
    const engine = fast ? null : createTemplateEngine(config.templates);
    const writeMain = (file: OutputFile): void => {
      mainOutputs.push([file.route, writer.write(file, oldHash(file.route)), null, true]);
      // A large archive's speaker JSON files run to megabytes each: check the garbage after every file.
      collectRef.fn?.();
    };
    const write = (file: OutputFile, old: string | undefined): WriteResult => writer.write(file, old);
    /** Makes (or keeps, see madeOrKept) a file made from the index, on this thread. */
    const fromIndex = (fingerprint: Fingerprint | null, route: string, from: unknown, make: () => OutputFile['content']): MadeOrKept =>
      madeOrKept(route, from, make, fingerprint, oldOutput(route), fingerprintsHold, write);
    // Main-thread share, in small jobs so workers never wait long for work: list pages, feeds and JSON files (when
    // workers render lists, only those made from quotes, which their index lacks), then robots.txt.
    // The sitemap and assets come last (the sitemap lists every page).
    function* mainJobs(): Generator<void> {
      if (fast) return;
      // Archives over 30k articles make every list page again: at 100k, fingerprinting them (1.8M quotes serialised
      // twice, in the speakers' records and on their pages) cost more than it saved (a cold build +44 s, a corrected
      // headline -8 s); and their parked quotes keep the text out of their fields, where JSON would not see it.
      const fingerprint = memoryBound ? null : indexFingerprinter(index!);
      // One list page at a time: 100k archives have ~150k list pages, too many to hold at once.
      let skipped = 0;
      for (const page of eachListPage(index!, site)) {
        listRoutes.push(page.route);
        if (listsOnWorkers && !SPEAKER_PAGE_TEMPLATES.has(page.template)) {
          if (++skipped % 100 === 0) yield;
          continue;
        }
        listResults.set(page.route, fromIndex(fingerprint, page.route, page, () => renderPage(page, engine!, site)));
        yield;
      }
      let k = 0;
      for (const file of eachIndexFile(index!, site)) {
        if (listsOnWorkers && !file.quotes) {
          // Made by a worker's list share: its result takes this place once the shares are done.
          fromShares.push(mainOutputs.length);
          mainOutputs.push([file.route, ...NOT_YET]);
          continue;
        }
        mainOutputs.push([file.route, ...fromIndex(fingerprint, file.route, file.from, file.make)]);
        // A large archive's speaker JSON files run to megabytes each: check the garbage after every file.
        collectRef.fn?.();
        if (++k % 20 === 0) yield;
      }
      writeMain(robotsFile(site));
    }
    const jobs = mainJobs();
    const between = (): boolean => !jobs.next().done;
    const onArticle = (at: number, r: RenderResult): void => {
      if (streamed && r.record !== undefined) {
        if (at === streamed.count) streamed.add(r.record);
        r.record = undefined;
      }
      articleResults[at] = r;
      progress?.('pages', ++pages, renderItems.length);
    };
    if (!renderParallel) {
      await flushing;
      await closePool();
      slims.length = 0;
    }
    // Large archives render on this thread with ~1 GB live: collect between chunks instead of letting garbage pile up
    // to V8's default limit (4 GB here), which is what kept a 100k build above 1.5 GiB.
    const collect = !renderParallel && slugs.length > large ? garbageCap(GARBAGE_CAP_MB) : null;
    collectRef.fn = collect;
    collect?.(true);
    if (renderParallel) {
      // The extraction workers stay: they get the index as shared bytes with each task (unpacked once per thread).
      stats.workers = wanted;
      slims.length = 0;
      const shared = index ? packIndex(workerIndex(index)) : undefined;
      const old = oldOutputs ? Object.fromEntries([...oldOutputs.keys()].map((route) => [route, oldOutput(route)!])) : undefined;
      const shares: ListShare[] = listsOnWorkers ? Array.from({ length: wanted }, (_, part) => ({ staging: writer.staging, index: shared!, part, parts: wanted, old, fingerprintsHold })) : [];
      // Every held record is in the store before any page is rendered: a worker that helps another renders that
      // one's records from the store.
      await flushing;
      const workerPool = await getPool();
      const listRun = workerPool.run<ListShare, ListResult[]>('lists', shares, { onResult: (_, r) => r.forEach(([route, ...made]) => listResults.set(route, made)) });
      listRun.catch(() => undefined); // awaited below; a failure of the article batches first must not leave it unhandled
      if (heldBy.length && !fast) {
        // The workers hold the records they extracted: each renders those first, from memory, then helps the other.
        const byThread = new Map<number, { thread: number; items: RenderItem[]; at: number[] }>();
        for (const x of renderItems) {
          const thread = heldBy[builtAt[x.at]!] ?? 0;
          let q = byThread.get(thread);
          if (!q) byThread.set(thread, (q = { thread, items: [], at: [] }));
          q.items.push(x.item);
          q.at.push(x.at);
        }
        const queues = [...byThread.values()].sort((a, b) => a.thread - b.thread);
        const next = new SharedArrayBuffer(4 * (queues.length + 1));
        const done = new Int32Array(next);
        const task: RenderQueues = { staging: writer.staging, index: shared!, queues: queues.map(({ thread, items }) => ({ thread, items })), next };
        await workerPool.run<RenderQueues, QueuedResult[]>('queues', Array.from({ length: wanted }, () => task), {
          between: () => {
            progress?.('pages', Atomics.load(done, queues.length), renderItems.length);
            return between();
          },
          onResult: (_, results) => results.forEach(([qi, i, r]) => { articleResults[queues[qi]!.at[i]!] = r; }),
        });
        progress?.('pages', (pages = renderItems.length), renderItems.length);
      } else {
        const batches = chunk(renderItems, BATCH);
        await workerPool.run<RenderBatch, RenderResult[]>('render', batches.map((b) => ({ staging: writer.staging, index: shared, items: b.map((x) => x.item) })), {
          between,
          onResult: (bi, results) => results.forEach((r, j) => onArticle(batches[bi]![j]!.at, r)),
        });
      }
      await listRun;
    } else if (renderItems.length) {
      for (const [n, x] of renderItems.entries()) {
        onArticle(x.at, (handleTask(local, 'render', { staging: writer.staging, items: [x.item], index: index ?? undefined } satisfies RenderBatch) as RenderResult[])[0]!);
        if (collect && n % 100 === 99) collect();
      }
    }
    // Large archives: list pages, feeds and API files are garbage once written; without a collection now and then the
    // heap grows towards V8's limit before it is compacted, and the peak RSS with it.
    while (between()) collect?.();
    for (const i of fromShares) {
      const route = mainOutputs[i]![0];
      mainOutputs[i] = [route, ...listResults.get(route)!];
    }
    if (!fast) {
      for (const file of sitemapFiles([...slugs.map((slug) => routes.article(slug)), ...listRoutes], site)) writeMain(file);
      for (const [route, file] of listAssets(config.public)) writeMain({ route, content: readFileSync(file) });
    }
    let listMade = 0;
    for (const route of listRoutes) if (listResults.get(route)![2]) listMade++;
    stats.pagesRendered = renderItems.length + listMade;
    stats.articlesRendered = renderItems.length;
    lap('render');

    // ---- the new output list, in a fixed order; fast mode carries unchanged entries over from the manifest
    let outputList: OutputList;
    let removed: Set<string>;
    if (fast) {
      // Same inputs, same slugs, same list pages: only the re-rendered article files change, in place.
      const old = manifest!.outputs;
      const changes: OutputState[] = [];
      builtStates.forEach((_, i) => {
        const r = articleResults[i];
        if (!r) return;
        const slug = slugs[i]!;
        for (const [route, w] of [[routes.article(slug), r.page], [routes.apiArticle(slug), r.api]] as const) {
          changes.push([route, w[0], w[1]]);
          if (w[2]) stats.filesWritten++;
          else stats.filesKept++;
        }
      });
      const next = old.with(changes);
      outputList = next.list;
      stats.filesKept += old.length - next.replaced;
      removed = new Set();
      pages = slugs.length + old.listPages;
    } else {
      const oldRoutes = new Set(oldOutputs?.keys() ?? []);
      builtStates.forEach((_, i) => {
        const slug = slugs[i]!;
        const r = articleResults[i];
        for (const [route, w] of [[routes.article(slug), r?.page], [routes.apiArticle(slug), r?.api]] as const) {
          if (w) record(route, w);
          else {
            outputs.push(oldOutputs!.get(route)!); // not rendered: unchanged (see unchangedPage)
            stats.filesKept++;
          }
        }
      });
      for (const route of listRoutes) {
        const [r, fingerprint] = listResults.get(route)!;
        record(route, r, fingerprint);
      }
      for (const [route, r, fingerprint] of mainOutputs) record(route, r, fingerprint);
      pages = slugs.length + listRoutes.length;
      for (const o of outputs) oldRoutes.delete(o[0]);
      removed = oldRoutes;
      outputList = OutputList.of(outputs, listRoutes.length);
    }
    stats.filesRemoved = removed.size;
    writer.commit(removed);
    writerRef.w = null;
    lap('write');

    // Written after --no-cache too: that build is complete and correct, so the next one can start from it.
    pruneRecordVersions(config.cacheDir, recVer);
    const head = (): SavedHead => ({ slugs, slugWarnings, quotes: quoteTotal, speakers: index!.speakers.length, topics: index!.topics.length });
    if (saved) carrySavedContexts(mfFile, manifest!.build!, buildId);
    else if (streamed) {
      // Every article, in order, or none: a record missing would give the next build another article's context.
      if (streamed.count === builtStates.length) streamed.finish(head());
      else streamed.abort();
      cleanup.streamed = null;
    } else if (!memoryBound && (contexts ??= articleResults.map((r) => r!.record!)).every((r) => r !== undefined)) writeSavedContexts(mfFile, buildId, head(), contexts);
    commitManifest(mfFile, buildId, inputsTmp, outputList);
    pruneSavedContexts(mfFile, buildId);
    pruneSlimStores(mfFile, path.basename(store.file));
    lap('manifest');

    const report = summarise(entries, {
      pages, files: outputList.length, speakers: saved ? saved.speakers : index!.speakers.length,
      quotes: quoteTotal,
      topics: saved ? saved.topics : index!.topics.length, seconds: Math.round(performance.now() - started) / 1000,
    });
    const reportPath = options.reportPath ?? path.join(path.dirname(config.output), 'build-report.json');
    writeFileSync(reportPath, `${JSON.stringify(report, null, 1)}\n`);
    return report;
  } catch (err) {
    await closePool();
    if (cleanup.inputsTmp) rmSync(cleanup.inputsTmp, { force: true });
    // A new generation is named by no manifest yet; texts appended to the last build's store are simply dead.
    if (store !== oldStore) store.remove();
    try {
      writerRef.w?.abort();
    } catch {
      // A worker may still be finishing a write into staging; the next build removes leftovers (cleanStale).
    }
    throw err;
  } finally {
    cleanup.saved?.close();
    cleanup.streamed?.abort();
    store.close();
    if (oldStore && oldStore !== store) oldStore.close();
    quoteSpill?.remove();
    await closePool();
  }
}

/** Per-article stage times summed over threads (CPU-side milliseconds, not wall time). */
function addCpu(stats: BuildStats, ms: ProcessBatch['ms']): void {
  stats.cpuMs ??= { parse: 0, extract: 0, enrich: 0 };
  for (const k of ['parse', 'extract', 'enrich'] as const) stats.cpuMs[k] = Math.round(stats.cpuMs[k] + ms[k]);
}

/** The fast path applies when every input is the same file in the same place with the same index-visible record. */
function sameIndexInputs(before: InputState[], now: InputState[], oldSlimOf: (s: InputState) => string | null, slimOf: (s: InputState) => string | null): boolean {
  if (before.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) {
    const a = before[i]!;
    const b = now[i]!;
    if (a.file !== b.file || (a.slim === null) !== (b.slim === null)) return false;
    if (a === b || a.key === b.key) continue;
    if (oldSlimOf(a) !== slimOf(b)) return false;
  }
  return true;
}

/** Size, mtime, ctime and inode of the file and of a sidecar beside it (for inputs the walk gave no fp): any edit changes one of them. */
function fingerprint(abs: string): string {
  try {
    let fp = statStamp(statSync(abs));
    const base = abs.slice(0, abs.length - path.extname(abs).length);
    for (const ext of ['.yaml', '.yml']) {
      const side = statSync(base + ext, { throwIfNoEntry: false });
      if (side) fp += `|${ext}:${statStamp(side)}`;
    }
    return fp;
  } catch {
    return '';
  }
}

/** Garbage a large build lets pile up between full collections on the main thread. */
const GARBAGE_CAP_MB = 192;

/**
 * Has every thread in `threads` write the records it holds (the 'flush' task): the pool sends a task to whichever
 * worker is free, so rounds go on until each of them has answered (two tasks rarely land on one worker twice in a row).
 */
async function flushHeld(pool: WorkerPool, threads: Set<number>): Promise<void> {
  for (let round = 0; threads.size && round < 32; round++) {
    for (const t of await pool.run<null, number>('flush', Array.from({ length: threads.size }, () => null))) threads.delete(t);
  }
  if (threads.size) throw new Error(`records held by worker threads ${[...threads].join(', ')} could not be written to the cache`);
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The real path `p` will have: its nearest existing ancestor resolved (an output under a symlink to the input counts as inside it). */
function realPathOfNew(p: string): string {
  let base = p;
  while (!existsSync(base) && path.dirname(base) !== base) base = path.dirname(base);
  return path.join(existsSync(base) ? realpathSync(base) : base, path.relative(base, p));
}

/** Refuse outputs that would destroy input or the project: the input folder, its parents, the project root, "/". */
export function checkOutputFolder(config: Pick<Config, 'input' | 'output'> & Partial<Pick<Config, 'datasets'>>): void {
  const out = path.resolve(config.output);
  if (config.datasets?.length && !existsSync(config.input)) {
    const real = realPathOfNew(out);
    for (const project of [PACKAGE_ROOT, process.cwd(), path.parse(real).root]) {
      if (real === project || project.startsWith(real + path.sep)) {
        throw new DiagnosticError({ severity: 'error', code: 'unsafe-output', file: out, message: 'refusing to write the site into the project folder, one of its parents or the file-system root', hint: 'choose an output folder of its own, e.g. --out dist' });
      }
    }
    return;
  }
  if (!existsSync(config.input) || !statSync(config.input).isDirectory()) {
    throw new DiagnosticError({ severity: 'error', code: 'input-missing', file: config.input, message: 'input folder not found', hint: 'pass --input <folder of articles> or set "input" in news-archive.config.json' });
  }
  const input = realpathSync(config.input);
  const real = realPathOfNew(out);
  const refuse = (why: string): never => {
    throw new DiagnosticError({ severity: 'error', code: 'unsafe-output', file: out, message: `refusing to write the site into ${why}`, hint: 'choose an output folder of its own, e.g. --out dist' });
  };
  if (real === path.parse(real).root) refuse('the file-system root');
  if (real === input || input.startsWith(real + path.sep)) refuse('the input folder or one of its parents');
  for (const project of [PACKAGE_ROOT, process.cwd()]) {
    if (real === project || project.startsWith(real + path.sep)) refuse('the project folder or one of its parents');
  }
  if (real.startsWith(input + path.sep)) refuse('a folder inside the input folder');
}

/**
 * Dataset rows the last build read with the same content (by name and hash), which the loader then only names. A
 * name held twice (two datasets named alike) is left to the full comparison, which goes by position.
 */
function knownRow(oldInputs: InputState[]): KnownRow | undefined {
  if (!oldInputs.length) return undefined;
  let fps: Map<string, string | null> | null = null;
  return (file, hash) => {
    if (!fps) {
      fps = new Map();
      for (const i of oldInputs) fps.set(i.file, fps.has(i.file) ? null : i.fp);
    }
    return fps.get(file) === hash;
  };
}
