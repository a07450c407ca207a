// One writer per output folder: a build (or a dev server's rebuild) holds a lock beside the folder while it stages,
// sweeps leftovers, swaps the site in and indexes search, so two builds never delete each other's staging folders.
import fs, { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { DiagnosticError } from '../model/diagnostic.ts';

/**
 * A lock whose holder cannot be seen to have died (it ran on another machine sharing the folder) is taken over once it
 * is this old. The holder refreshes it every half of this from its event loop, which a large archive's index stage
 * can hold for tens of seconds: a build busy longer than that only loses the lock, it does not fail.
 */
export const STALE_MS = 10 * 60_000;

/** The lock folder for an output folder: beside it, named like its staging folders (".dist.lock"). */
export function lockPath(outDir: string): string {
  const abs = path.resolve(outDir);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.lock`);
}

/** The file in the lock folder naming its holder. */
const OWNER = 'owner';

/**
 * The file system proper-lockfile uses, with rmdir taking the owner file out first: the library removes its lock
 * folders when the process exits or is interrupted (Ctrl+C, SIGTERM), with rmdir, which fails on a folder that is not
 * empty, so an interrupted build left its lock behind for the next one to take over.
 */
const lockFs = {
  ...fs,
  rmdirSync: (dir: string): void => {
    rmSync(path.join(dir, OWNER), { force: true });
    fs.rmdirSync(dir);
  },
};

/**
 * Takes the output folder's lock or throws a DiagnosticError naming the folder; returns the release function. The lock
 * folder holds an "owner" file (host and pid), written once the folder is ours, so a holder that died can be told apart.
 */
export function lockOutput(outDir: string): () => void {
  const lock = lockPath(outDir);
  const owner = path.join(lock, OWNER);
  mkdirSync(path.dirname(lock), { recursive: true });
  const take = (): (() => void) => lockfile.lockSync(path.resolve(outDir), { lockfilePath: lock, realpath: false, stale: STALE_MS, onCompromised: () => {}, fs: lockFs });
  let release: () => void;
  try {
    release = take();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
    // A build killed outright (SIGKILL, out of memory) or by a signal leaves its lock behind, fresh: a holder known to
    // be gone from this machine frees it now, so the next build need not wait STALE_MS.
    if (!heldByDeadProcess(owner)) throw lockedError(outDir, lock);
    rmSync(lock, { recursive: true, force: true });
    try {
      release = take();
    } catch {
      throw lockedError(outDir, lock);
    }
  }
  writeFileSync(owner, `${hostname()} ${process.pid}\n`);
  return () => {
    try {
      release();
    } catch {
      // Already released: the lock went stale while this thread was busy (see STALE_MS), and the next build takes it.
    }
  };
}

/** True when the owner file names a process on this machine that no longer runs. */
function heldByDeadProcess(ownerFile: string): boolean {
  let text: string;
  try {
    text = readFileSync(ownerFile, 'utf8');
  } catch {
    return false; // no owner yet: the holder has only just taken the lock
  }
  const [host, pidText] = text.trim().split(' ');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function lockedError(outDir: string, lock: string): DiagnosticError {
  return new DiagnosticError({
    severity: 'error', code: 'output-locked', file: path.resolve(outDir),
    message: `another news-archive build or dev server is writing this output folder right now (lock ${lock}); nothing was built`,
    hint: `wait for it to finish, or build into another folder with --out; a lock whose build was killed on another machine is taken over ${STALE_MS / 60_000} minutes after it stopped`,
  });
}

/** Runs `fn` holding the output folder's lock. */
export async function withOutputLock<T>(outDir: string, fn: () => Promise<T> | T): Promise<T> {
  const release = lockOutput(outDir);
  try {
    return await fn();
  } finally {
    release();
  }
}
