// Finds every article input under the input folder, in a deterministic order, without following symlinks out.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.ts';
import { firstInvalidUtf8 } from './decode.ts';

export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

export interface InputEntry {
  abs: string;
  /** Relative to the input folder, forward slashes. */
  rel: string;
  /**
   * Change detector from the walk's own lstat (size, mtime, ctime, inode of the file and of a .yaml/.yml sidecar
   * beside it), so a rebuild need not stat every input again; absent for symlinks (their target decides).
   */
  fp?: string;
}

/** The fingerprint of one stat result (the format build manifests store). */
export function statStamp(st: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): string {
  return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
}

const SIDECARS = ['.yaml', '.yml'];

export interface WalkResult {
  entries: InputEntry[];
  /** Inputs that exist but cannot be read (symlink out of the folder, unreadable dir). */
  skipped: { rel: string; reason: Diagnostic }[];
}

/** Code-point order, independent of locale and file-system order. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function walkInputs(root: string, extensions: Set<string> = ARTICLE_EXTENSIONS): WalkResult {
  const realRoot = realpathSync(root);
  const entries: InputEntry[] = [];
  const skipped: WalkResult['skipped'] = [];
  const visit = (dir: string, relDir: string): void => {
    let names: { bytes: Buffer | null; name: string; valid: boolean }[];
    try {
      names = readNames(dir);
    } catch (err) {
      skipped.push({ rel: relDir || '.', reason: { severity: 'error', code: 'unreadable-dir', file: relDir || '.', message: `cannot read folder: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, hint: 'check the folder permissions' } });
      return;
    }
    names.sort((a, b) => compareCodePoints(a.name, b.name));
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    // Stamps of this folder's regular files (a symlinked sidecar gets none: the entry then has no fp and is statted),
    // kept only in a folder that has sidecars at all (most have none, and a map of 1,000 names is not free).
    const sidecars = names.some(({ name }) => SIDECARS.some((ext) => name.endsWith(ext)));
    const stamps = new Map<string, string | null>();
    const here: { entry: InputEntry; name: string }[] = [];
    for (const { bytes, name, valid } of names) {
      if (name.startsWith('.')) continue;
      const abs = prefix + name;
      const rel = relDir ? `${relDir}/${name}` : name;
      let st;
      try {
        st = lstatSync(valid ? abs : Buffer.concat([Buffer.from(prefix), bytes!]));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // vanished between readdir and lstat: it no longer exists
        skipped.push({ rel, reason: { severity: 'error', code: 'unreadable', file: rel, message: `cannot inspect file (${(err as NodeJS.ErrnoException).code ?? String(err)}); skipped`, hint: 'check the folder permissions' } });
        continue;
      }
      if (!valid) {
        if (st.isDirectory() || isArticleName(name, extensions)) {
          skipped.push({ rel, reason: { severity: 'error', code: 'bad-file-name', file: rel, message: `${st.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8 (shown with U+FFFD); skipped${st.isDirectory() ? ' with everything in it' : ''}`, hint: 'rename it with UTF-8 characters (e.g. convmv -f latin1 -t utf8 --notest NAME)' } });
        }
        continue;
      }
      if (st.isSymbolicLink()) {
        const target = safeRealpath(abs);
        const inside = target !== null && (target === realRoot || target.startsWith(realRoot + path.sep));
        if (!inside) {
          if (isArticleName(name, extensions) || (target !== null && isDir(target))) {
            skipped.push({ rel, reason: { severity: 'warning', code: 'symlink-outside', file: rel, message: `symbolic link points outside the input folder${target ? ` (${target})` : ' (broken link)'}; not followed`, hint: 'copy the file into the input folder instead of linking to it' } });
          }
          continue;
        }
        if (target && isDir(target)) continue; // links to folders inside the input would visit files twice
        if (isArticleName(name, extensions)) entries.push({ abs, rel });
        continue;
      }
      if (st.isDirectory()) visit(abs, rel);
      else if (!sidecars) {
        if (st.isFile() && isArticleName(name, extensions)) entries.push({ abs, rel, fp: statStamp(st) });
      } else {
        stamps.set(name, st.isFile() ? statStamp(st) : null);
        if (st.isFile() && isArticleName(name, extensions)) {
          const entry: InputEntry = { abs, rel };
          entries.push(entry);
          here.push({ entry, name });
        }
      }
    }
    for (const { entry, name } of here) {
      let fp: string | null = stamps.get(name)!;
      const base = name.slice(0, name.length - extensionOf(name).length);
      for (const ext of SIDECARS) {
        const side = stamps.get(base + ext);
        if (side === null) fp = null;
        else if (side !== undefined && fp !== null) fp += `|${ext}:${side}`;
      }
      if (fp !== null) entry.fp = fp;
    }
  };
  visit(root, '');
  return { entries, skipped };
}

function isArticleName(name: string, extensions: Set<string>): boolean {
  return extensions.has(extensionOf(name).toLowerCase());
}

/** path.extname of a bare file name (no separators): from the last dot, unless the name starts with it. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/**
 * A folder's names. Read as text first (Buffers per name cost a third of a 10k-file walk); only a folder with a
 * U+FFFD in some name is read again as bytes, since a name that is not UTF-8 decodes to it, names no file, and would
 * otherwise vanish unreported.
 */
function readNames(dir: string): { bytes: Buffer | null; name: string; valid: boolean }[] {
  const text = readdirSync(dir);
  if (!text.some((n) => n.includes('\uFFFD'))) return text.map((name) => ({ bytes: null, name, valid: true }));
  return readdirSync(dir, { encoding: 'buffer' }).map((bytes) => ({ bytes, name: bytes.toString('utf8'), valid: firstInvalidUtf8(bytes) < 0 }));
}

function safeRealpath(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
