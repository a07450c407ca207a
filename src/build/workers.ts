// Worker pool for the build: runs batches of tasks on worker threads while the caller stays synchronous.
// buildSite is synchronous (the CLI, dev server and tests call it that way), so the main thread blocks on a shared
// counter (Atomics.wait) and pulls replies with receiveMessageOnPort instead of waiting on its event loop.
import { availableParallelism } from 'node:os';
import v8 from 'node:v8';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** What a worker sends back: the reply to one batch, or a crash report. */
export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

interface Slot {
  worker: Worker;
  port: MessagePort;
  busy: number;
}

export interface WorkerPool {
  readonly size: number;
  /**
   * Runs `handler(batch)` for every batch on the workers and returns the results in batch order.
   * `between` is called whenever the caller would otherwise wait: the main thread does its own work there.
   */
  run<B, R>(kind: string, batches: B[], options?: { between?: () => boolean; onResult?: (index: number, result: R) => void }): R[];
  /** Sends the same message to every worker and waits until each has handled it. */
  broadcast(kind: string, payload: unknown): void;
  /** Stops the workers; `release` first has them drop their data and collect (for a build that goes on without them). */
  close(release?: boolean): void;
}

/** Default worker count: one per core; 1 means everything runs in-process. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

const YOUNG_GENERATION_MB = 96;
const ENTRY = new URL('./workers-entry.mjs', import.meta.url);

export function openWorkerPool(size: number, init: unknown): WorkerPool {
  // Workers collect garbage themselves between batches (see collectNow): gc() exists in isolates created after this.
  v8.setFlagsFromString('--expose-gc');
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const slots: Slot[] = [];
  for (let i = 0; i < size; i++) {
    const { port1, port2 } = new MessageChannel();
    // Extraction allocates many short-lived strings: a young generation larger than V8's default (16 MB semi-spaces)
    // scavenges less often and promotes less, which cut per-article time by ~15% on the generated corpus.
    const worker = new Worker(ENTRY, { workerData: { init, port: port2, signal: signal.buffer }, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.unref();
    slots.push({ worker, port: port1, busy: 0 });
  }
  let nextId = 1;

  /** Blocks until some worker signals; returns at once when replies are already queued. */
  const waitForReply = (seen: number): void => {
    const r = Atomics.wait(signal, 0, seen, 120_000);
    if (r === 'timed-out') throw new Error('build worker did not answer for 120 s');
  };

  const drain = (slot: Slot): WorkerReply[] => {
    const out: WorkerReply[] = [];
    for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) out.push(m.message as WorkerReply);
    return out;
  };

  const fail = (reply: Extract<WorkerReply, { ok: false }>): never => {
    throw new Error(`build worker failed: ${reply.error}`);
  };

  return {
    size,
    run<B, R>(kind: string, batches: B[], options: { between?: () => boolean; onResult?: (index: number, result: R) => void } = {}): R[] {
      const results: R[] = new Array(batches.length);
      const pending = new Map<number, number>();
      let next = 0;
      let done = 0;
      // Two batches in flight per worker keep it busy while the main thread collects the previous reply.
      const feed = (slot: Slot): void => {
        while (slot.busy < 2 && next < batches.length) {
          const id = nextId++;
          pending.set(id, next);
          slot.port.postMessage({ id, kind, payload: batches[next++] });
          slot.busy++;
        }
      };
      for (const slot of slots) feed(slot);
      while (done < batches.length) {
        const seen = Atomics.load(signal, 0);
        let got = false;
        for (const slot of slots) {
          for (const reply of drain(slot)) {
            if (!reply.ok) fail(reply);
            const at = pending.get(reply.id);
            if (at === undefined) continue;
            pending.delete(reply.id);
            results[at] = (reply as { result: R }).result;
            options.onResult?.(at, results[at]!);
            slot.busy--;
            done++;
            got = true;
          }
          feed(slot);
        }
        if (got || done >= batches.length) continue;
        if (options.between?.()) continue;
        waitForReply(seen);
      }
      return results;
    },
    broadcast(kind, payload) {
      const ids = new Set<number>();
      for (const slot of slots) {
        const id = nextId++;
        ids.add(id);
        slot.port.postMessage({ id, kind, payload });
      }
      while (ids.size) {
        const seen = Atomics.load(signal, 0);
        let got = false;
        for (const slot of slots) {
          for (const reply of drain(slot)) {
            if (!reply.ok) fail(reply);
            ids.delete(reply.id);
            got = true;
          }
        }
        if (!got && ids.size) waitForReply(seen);
      }
    },
    close(release = false) {
      if (release) {
        try {
          this.broadcast('release', null);
        } catch {
          // a worker that cannot answer is terminated all the same
        }
      }
      for (const slot of slots) {
        slot.port.close();
        void slot.worker.terminate();
      }
    },
  };
}
