// piscina worker module: loads the task code the main thread runs (the esbuild bundle of src/compile.mjs, or the
// TypeScript source through tsx, since workers do not inherit the main thread's loader) and serves build tasks.
import { pathToFileURL } from 'node:url';
import { workerData } from 'piscina';

let tasks;
if (process.env.NEWS_ARCHIVE_COMPILED) {
  tasks = await import(pathToFileURL(`${process.env.NEWS_ARCHIVE_COMPILED}/workers-task.mjs`).href);
} else {
  (await import('tsx/esm/api')).register();
  tasks = await import('./workers-task.ts');
}
const state = tasks.createWorkerState(workerData.init);

export default function handle({ kind, payload }) {
  return tasks.handleTask(state, kind, payload);
}
