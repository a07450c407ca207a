// Vitest global setup: one temporary folder per test run holds every folder the tests make (os.tmpdir() reads
// TMPDIR, which the test workers and the CLIs they start inherit), and it is removed when the run ends. Without it
// each run left ~60 folders and ~100 MB in /tmp, never cleaned up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'news-archive-test-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
