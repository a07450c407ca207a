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
// Refreshed after every run: one that builds from scratch compiles none of what a one-article rebuild runs on this
// thread (extraction happens in the workers then), and the next rebuild would compile all that again.
saveCache(true);
