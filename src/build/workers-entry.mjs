// Worker thread entry: loads the task module the main thread runs (the esbuild bundle of src/compile.mjs, or the
// TypeScript source through tsx, since workers do not inherit the main thread's loader), then serves build tasks.
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';

const { port, signal: buffer } = workerData;
const signal = new Int32Array(buffer);
const reply = (message) => {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};

let handle;
const queue = [];
port.on('message', (msg) => {
  if (handle) handle(msg);
  else queue.push(msg);
});
try {
  let tasks;
  if (process.env.NEWS_ARCHIVE_COMPILED) {
    tasks = await import(pathToFileURL(`${process.env.NEWS_ARCHIVE_COMPILED}/workers-task.mjs`).href);
  } else {
    (await import('tsx/esm/api')).register();
    tasks = await import('./workers-task.ts');
  }
  const state = tasks.createWorkerState(workerData.init);
  handle = (msg) => {
    try {
      reply({ id: msg.id, ok: true, result: tasks.handleTask(state, msg.kind, msg.payload) });
    } catch (err) {
      reply({ id: msg.id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) });
    }
  };
  for (const msg of queue.splice(0)) handle(msg);
} catch (err) {
  // A worker that cannot start answers every task with the error, so the main thread never waits forever.
  const error = `worker could not start: ${err instanceof Error ? err.stack : String(err)}`;
  handle = (msg) => reply({ id: msg.id, ok: false, error });
  for (const msg of queue.splice(0)) handle(msg);
}
