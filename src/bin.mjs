#!/usr/bin/env node
// Entry point for `news-archive` / `npx news-archive`: runs the sources bundled by src/compile.mjs (rebuilt when they
// change), or through tsx when bundling is unavailable; either way there is no separate compile step.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { compiledSources } from './compile.mjs';

const dir = await compiledSources();
let run;
if (dir) {
  process.env.NEWS_ARCHIVE_COMPILED = dir;
  ({ run } = await import(pathToFileURL(path.join(dir, 'cli.mjs')).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ run } = await import('./cli.ts'));
}
process.exitCode = await run(process.argv.slice(2));
