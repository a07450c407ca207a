// piscina worker module: loads the task code the main thread runs (the bundle of src/compile.mjs, or the TypeScript
// source through tsx, since workers do not inherit the main thread's loader) and serves build tasks.
import { workerData } from 'piscina';
import { loadBundle } from '../compile.mjs';

let tasks;
let saveCache = () => {};
if (process.env.NEWS_ARCHIVE_COMPILED) {
  ({ exports: tasks, saveCache } = loadBundle(`${process.env.NEWS_ARCHIVE_COMPILED}/workers-task.cjs`));
} else {
  (await import('tsx/esm/api')).register();
  tasks = await import('./workers-task.ts');
}
const state = tasks.createWorkerState(workerData.init);

export default function handle({ kind, payload }) {
  let result;
  try {
    result = tasks.handleTask(state, kind, payload);
  } catch (err) {
    // A thrown error reaches the main thread as a bare Error (message and stack only): its diagnostic or errno code
    // would be lost, so it travels as a result (see src/build/worker-failure.ts).
    return { [tasks.WORKER_FAILURE]: tasks.failureOf(err) };
  }
  // After a first task the code cache holds the functions it compiled (a worker has no end of its own to wait for).
  saveCache();
  return result;
}
