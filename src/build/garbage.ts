// Full garbage collections a build asks for itself, where V8 would let garbage grow towards its limit (4 GB here).
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A collector: a full collection whenever the heap has grown `capMiB` past what the last one left (or when forced).
 * Pages are garbage once written and extraction makes garbage fast, but V8 would let either pile up.
 */
export function garbageCap(capMiB: number, gc = fullGc(), used = heapUsed): (force?: boolean) => void {
  let floor = 0;
  return (force = false) => {
    if (!force && used() < floor + capMiB * 1048576) return;
    gc();
    floor = used();
  };
}

/**
 * Heap and external memory together: written pages are Buffers, which grow outside the heap while their small
 * wrappers hardly move it.
 */
function heapUsed(): number {
  const h = v8.getHeapStatistics();
  return h.used_heap_size + h.external_memory;
}

/** A full garbage collection (V8 exposes gc() to contexts made once the flag is set). */
export function fullGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
