// One timed build for the bench (run in its own process so peak RSS is this build's): prints a JSON line of stats.
// Usage: node --import tsx scripts/bench-build.ts --input DIR --out DIR [--config FILE] [--workers N] [--no-cache] [--search]
import { parseArgs } from 'node:util';
import { buildSite, type BuildStats } from '../src/build/site.ts';
import { loadConfig } from '../src/config.ts';

const t0 = performance.now();
const { values } = parseArgs({
  options: { input: { type: 'string' }, out: { type: 'string' }, config: { type: 'string' }, cache: { type: 'string' }, workers: { type: 'string' }, 'no-cache': { type: 'boolean' }, search: { type: 'boolean' } },
});
const overrides: Record<string, string> = {};
if (values.input) overrides.input = values.input;
if (values.out) overrides.output = values.out;
if (values.cache) overrides.cacheDir = values.cache;
const config = loadConfig(process.cwd(), values.config, overrides);
const stats = {} as BuildStats;
const tBuild = performance.now();
const report = buildSite(config, { stats, noCache: Boolean(values['no-cache']), ...(values.workers ? { workers: Number(values.workers) } : {}) });
const buildMs = performance.now() - tBuild;
let searchMs = 0;
let searchPages = 0;
if (values.search) {
  const { indexSearch } = await import('../src/search/pagefind.ts');
  const t = performance.now();
  searchPages = (await indexSearch(config.output)).pages;
  searchMs = performance.now() - t;
}
const errors = report.entries.reduce((n, e) => n + e.diagnostics.filter((d) => d.severity === 'error').length, 0);
process.stdout.write(`${JSON.stringify({
  startupMs: Math.round(tBuild - t0), buildMs: Math.round(buildMs), searchMs: Math.round(searchMs), searchPages,
  built: report.built, skipped: report.skipped, warned: report.warned, errors, pages: report.pages, files: report.files,
  speakers: report.speakers, quotes: report.quotes, topics: report.topics, ...stats,
})}\n`);
