// Write stage: files go into a temporary sibling folder that replaces the output folder only when complete.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { routeToFile } from '../routes/permalinks.ts';

export interface OutputFile {
  route: string;
  content: string | Uint8Array;
}

export interface SiteWriter {
  write(file: OutputFile): void;
  copyDir(from: string): void;
  /** Swap the finished site into place; the previous site stays untouched until this moment. */
  commit(): void;
  /** Remove the unfinished site (after a failure). */
  abort(): void;
  readonly count: number;
}

export function openSiteWriter(outDir: string): SiteWriter {
  const parent = path.dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(outDir)}.tmp-${process.pid}`);
  cleanStale(parent, path.basename(outDir));
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const made = new Set<string>([staging]);
  let count = 0;
  return {
    write(file) {
      const target = path.join(staging, routeToFile(file.route));
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      writeFileSync(target, file.content);
      count++;
    },
    copyDir(from) {
      if (existsSync(from)) cpSync(from, staging, { recursive: true });
    },
    commit() {
      const old = path.join(parent, `.${path.basename(outDir)}.old-${process.pid}`);
      if (existsSync(outDir)) renameSync(outDir, old);
      renameSync(staging, outDir);
      rmSync(old, { recursive: true, force: true });
    },
    abort() {
      rmSync(staging, { recursive: true, force: true });
    },
    get count() {
      return count;
    },
  };
}

/** Leftovers of killed builds (".dist.tmp-123") are removed before a new build starts. */
function cleanStale(parent: string, base: string): void {
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`.${base}.tmp-`) || name.startsWith(`.${base}.old-`)) rmSync(path.join(parent, name), { recursive: true, force: true });
  }
}
