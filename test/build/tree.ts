// Test helper: every file of an output folder with its bytes and mtime, for byte-identity and mtime checks.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface TreeFile {
  bytes: Buffer;
  mtimeMs: number;
}

export function readTree(dir: string): Map<string, TreeFile> {
  const out = new Map<string, TreeFile>();
  for (const d of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!d.isFile()) continue;
    const abs = path.join(d.parentPath, d.name);
    out.set(path.relative(dir, abs), { bytes: readFileSync(abs), mtimeMs: statSync(abs).mtimeMs });
  }
  return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/** Paths whose bytes differ, or that exist on one side only. */
export function treeDiff(a: Map<string, TreeFile>, b: Map<string, TreeFile>): string[] {
  const diff: string[] = [];
  for (const [k, v] of a) if (!b.has(k) || !b.get(k)!.bytes.equals(v.bytes)) diff.push(k);
  for (const k of b.keys()) if (!a.has(k)) diff.push(k);
  return diff;
}
