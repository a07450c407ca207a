// Errors thrown in a worker thread, carried to the main thread as a result: structured cloning keeps an Error's
// message and stack only, and the build needs its diagnostic (template errors) or errno code (disk full) to report it.
import { DiagnosticError, type Diagnostic } from '../model/diagnostic.ts';

export const WORKER_FAILURE = 'news-archive:worker-failure';

export interface WorkerFailure {
  diagnostic?: Diagnostic;
  name: string;
  message: string;
  stack?: string;
  code?: string;
  path?: string;
  syscall?: string;
}

export function failureOf(err: unknown): WorkerFailure {
  if (err instanceof DiagnosticError) return { diagnostic: err.diagnostic, name: err.name, message: err.message };
  const e = (err ?? {}) as Partial<NodeJS.ErrnoException>;
  const f: WorkerFailure = { name: e.name ?? 'Error', message: e.message ?? String(err), ...(e.stack ? { stack: e.stack } : {}) };
  for (const k of ['code', 'path', 'syscall'] as const) if (typeof e[k] === 'string') f[k] = e[k];
  return f;
}

export function isWorkerFailure(result: unknown): result is { [WORKER_FAILURE]: WorkerFailure } {
  return typeof result === 'object' && result !== null && WORKER_FAILURE in result;
}

/** The error as the main thread throws it: the same DiagnosticError, or an Error with the worker's code and path. */
export function errorOf(f: WorkerFailure): Error {
  if (f.diagnostic) return new DiagnosticError(f.diagnostic);
  const err = Object.assign(new Error(f.message), { code: f.code, path: f.path, syscall: f.syscall });
  err.name = f.name;
  if (f.stack) err.stack = f.stack;
  return err;
}
