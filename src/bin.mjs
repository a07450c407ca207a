#!/usr/bin/env node
// Entry point for `news-archive` / `npx news-archive`: runs the sources bundled by src/compile.mjs (rebuilt when they
// change), or through tsx when bundling is unavailable; either way there is no separate compile step.
import path from 'node:path';
import { compiledSources, loadBundle } from './compile.mjs';

const dir = await compiledSources();
let run;
let saveCache = () => {};
if (dir) {
  process.env.NEWS_ARCHIVE_COMPILED = dir;
  ({ exports: { run }, saveCache } = loadBundle(path.join(dir, 'cli.cjs')));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run } = await import('./cli.ts'));
}
process.exitCode = await run(process.argv.slice(2));
// Written again when this run compiled much the cache lacked: one made by a cold build has none of the extraction a
// one-article rebuild runs on this thread (~260 KB of bytecode); a run that found all it needed grows it by nothing.
saveCache(64 * 1024);
