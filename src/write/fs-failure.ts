// File-system failures of a build (disk full, no permission, read-only disk) as diagnostics saying what to do.
import { DiagnosticError } from '../model/diagnostic.ts';

const HINTS: Record<string, string> = {
  ENOSPC: 'the disk is full: free some space, or build into a folder on another disk with --out',
  EDQUOT: 'the disk quota is used up: free some space, or build into a folder on another disk with --out',
  EACCES: 'no permission: check who owns the output folder, the folder beside it and the cache folder, or build into another --out',
  EPERM: 'no permission: check who owns the output folder, the folder beside it and the cache folder, or build into another --out',
  EROFS: 'the file system is read-only: build into a writable folder with --out',
  EMFILE: 'too many open files: raise the limit (ulimit -n) and build again',
  ENFILE: 'too many open files on the system: close some programs and build again',
  EIO: 'the disk reported an input/output error: check it, then build again',
};

/** The diagnostic for a file-system error the user can act on, or null for any other error (a bug: let it surface). */
export function fsFailure(err: unknown, output: string): DiagnosticError | null {
  const e = err as NodeJS.ErrnoException | null;
  const hint = typeof e?.code === 'string' ? HINTS[e.code] : undefined;
  if (!hint) return null;
  return new DiagnosticError({
    severity: 'error', code: 'write-failed', file: e!.path ?? output,
    message: `the build stopped: ${e!.message}; the output folder keeps the previous site`,
    hint,
  });
}
