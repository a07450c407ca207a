// Worker threads for the build, through piscina: batches of per-article tasks run on the workers while the main
// thread does its own share (list pages, feeds) between taking their results.
import { availableParallelism } from 'node:os';
import v8 from 'node:v8';
import { importEsm } from '../import-esm.ts';
import { errorOf, isWorkerFailure, WORKER_FAILURE } from './worker-failure.ts';

/** What the worker module (workers-entry.mjs) gets: the task state's init. */
export interface PoolData {
  init: unknown;
}

export interface WorkerPool {
  readonly size: number;
  /**
   * Runs every batch on the workers and resolves with the results in batch order (empty when `onResult` takes each
   * as it arrives). `between` is called while they
   * work: the main thread does one unit of its own work per call (false when it has none left).
   */
  run<B, R>(kind: string, batches: B[], options?: { between?: () => boolean; onResult?: (index: number, result: R) => void }): Promise<R[]>;
  /** Stops the workers (their memory is gone once this resolves). */
  close(): Promise<void>;
}

/** Default worker count: one per core; 1 means everything runs in-process. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

const ENTRY = new URL('./workers-entry.mjs', import.meta.url);
// Extraction allocates many short-lived strings: a young generation larger than V8's default (16 MB semi-spaces)
// scavenges less often and promotes less, which cut per-article time by ~15% on the generated corpus.
const YOUNG_GENERATION_MB = 96;

/** `lean`: keep V8's default young generation (memory-bound builds). */
export async function openWorkerPool(size: number, data: PoolData, options: { lean?: boolean } = {}): Promise<WorkerPool> {
  // Imported on first use: a rebuild that extracts a handful of articles runs no pool and skips its ~15 ms load.
  const { Piscina } = await importEsm<typeof import('piscina')>('piscina');
  // Workers collect garbage themselves between batches (see collectNow): gc() exists in isolates created after this.
  v8.setFlagsFromString('--expose-gc');
  const pool = new Piscina({
    filename: ENTRY.href, minThreads: size, maxThreads: size, idleTimeout: 60_000, workerData: data,
    // One task waiting in each worker's queue: a worker that finishes a batch starts the next at once instead of
    // waiting for the main thread to hand it one (it may be busy writing a feed); ~7% of worker time was that wait.
    concurrentTasksPerWorker: 2,
    ...(options.lean ? {} : { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }),
  });
  return {
    size,
    async run<B, R>(kind: string, batches: B[], options: { between?: () => boolean; onResult?: (index: number, result: R) => void } = {}): Promise<R[]> {
      const results: R[] = new Array(batches.length);
      let settled = false;
      const all = Promise.all(batches.map(async (payload, i) => {
        const r = (await pool.run({ kind, payload })) as R;
        if (isWorkerFailure(r)) throw errorOf(r[WORKER_FAILURE]);
        // A caller that takes each result as it comes gets no array back: 100k articles' results would all stay alive.
        if (options.onResult) options.onResult(i, r);
        else results[i] = r;
      }));
      all.then(() => (settled = true), () => (settled = true));
      // One unit of main-thread work, then a turn of the event loop so finished batches are taken in.
      while (!settled && options.between?.()) await new Promise((resolve) => setImmediate(resolve));
      await all;
      return results;
    },
    close: () => pool.destroy(),
  };
}
