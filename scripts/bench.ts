// `npm run bench`: cold, warm and search timings of generated archives (1k, 10k; 100k with --100k), per stage, with
// articles/s, files written and peak RSS; --anchors also times Hugo and Eleventy on their corpus via ../shared/bench.
// Usage: npm run bench -- [--sizes 1000,10000] [--100k] [--runs 3] [--edits 7] [--workers N] [--anchors] [--search] [--work DIR]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './gen-corpus.ts';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const ANCHORS = path.resolve(ROOT, '../shared/bench/anchors.sh');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' }, '100k': { type: 'boolean' }, runs: { type: 'string', default: '3' }, edits: { type: 'string', default: '7' },
    workers: { type: 'string' }, anchors: { type: 'boolean' }, search: { type: 'boolean' }, work: { type: 'string' }, 'anchor-runs': { type: 'string', default: '3' },
  },
});
const sizes = values.sizes!.split(',').map(Number).filter(Boolean);
if (values['100k'] && !sizes.includes(100_000)) sizes.push(100_000);
const runs = Number(values.runs);
// One-article rebuilds take half a second: more of them than cold runs, for a median that one slow run cannot move.
const edits = Number(values.edits);
const work = path.resolve(values.work ?? '/tmp/news-archive-bench');
// Outputs and cache on tmpfs, as ../shared/bench/anchors.sh does for Hugo and Eleventy (disk writes drift on this VM).
const fast = existsSync('/dev/shm') ? '/dev/shm/news-archive-bench' : path.join(work, 'out');
// tmpfs is memory: the sites and caches the builds left there (~1.2 GB after a 10k bench, far more after 100k) are
// removed when the bench ends, also when it is interrupted. The generated corpora stay in `work`, on disk.
process.on('exit', () => rmSync(fast, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));
const hasTime = existsSync('/usr/bin/time');

interface Run {
  wall: number;
  rssMiB: number;
  stats: Record<string, unknown> & { ms: Record<string, number>; pages: number; files: number; filesWritten: number; built: number; pagesRendered: number; articlesRendered: number; searchMs: number; mode: string; workers: number };
}

/** One build through the real CLI (what users run, bundle start-up included), in its own process for its peak RSS. */
function build(corpus: string, out: string, cache: string, flags: string[]): Run {
  const config = path.join(work, `bench-${path.basename(cache)}.config.json`);
  writeFileSync(config, JSON.stringify({ cacheDir: cache }));
  const search = flags.includes('--search');
  const args = [path.join(ROOT, 'src/bin.mjs'), 'build', '--config', config, '--input', corpus, '--out', out, '--json', ...(search ? [] : ['--no-search']), ...flags.filter((f) => f !== '--search'), ...(values.workers ? ['--workers', values.workers] : [])];
  const cmd = hasTime ? '/usr/bin/time' : process.execPath;
  const argv = hasTime ? ['-f', '@@time %e %M', process.execPath, ...args] : args;
  const t = performance.now();
  const r = spawnSync(cmd, argv, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallJs = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${r.stderr}\n${r.stdout.slice(0, 2000)}`);
  const timeLine = /@@time ([\d.]+) (\d+)/.exec(r.stderr);
  const json = JSON.parse(r.stdout.trim().split('\n').pop()!) as { files: number; pages: number; built: number; stats: Run['stats'] };
  const stats = { ...json.stats, files: json.files, pages: json.pages, built: json.built };
  return { wall: timeLine ? Number(timeLine[1]) : wallJs, rssMiB: timeLine ? Number(timeLine[2]) / 1024 : NaN, stats };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const fmt = (n: number, d = 2): string => (Number.isFinite(n) ? n.toFixed(d) : '–');

function stageLine(stats: Run['stats']): string {
  const cpu = stats.cpuMs as Record<string, number> | undefined;
  const wall = Object.entries(stats.ms).map(([k, v]) => `${k} ${v}`).join(', ');
  return `wall ms: ${wall}${cpu ? `; thread ms: parse ${cpu.parse}, extract ${cpu.extract}, enrich ${cpu.enrich}` : ''}`;
}

function load(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}

/**
 * Appends a sentence to a paragraph in the middle of one story: a body-only edit, the common case of a correction.
 * With `headline`, corrects the story's headline instead, which the index sees (list pages, neighbours, related).
 */
function editOne(corpus: string, n: number, headline = false): { file: string; original: string } {
  const i = Math.floor(n / 2);
  const dir = path.join(corpus, String(Math.floor(i / 1000)).padStart(3, '0'));
  const name = readdirSorted(dir).find((f) => f.includes(`-${String(i).padStart(6, '0')}-`))!;
  const file = path.join(dir, name);
  const original = readFileSync(file, 'utf8');
  const paras = original.split('\n\n');
  // A body paragraph near the middle: not the front matter, a sub-heading or the dateline lead (editing a heading
  // changes what the index sees, which is a different kind of edit; see editHeading).
  const body = paras.map((p, i) => i).filter((i) => i >= 2 && !paras[i]!.startsWith('#') && !paras[i]!.startsWith('---'));
  const at = body[Math.floor(body.length / 2)]!;
  if (headline) writeFileSync(file, original.replace(/^title: "(.*)"$/m, (_, t: string) => `title: "${t} (corrected)"`));
  else {
    paras[at] = `${paras[at]} The ministry later corrected one of the figures.`;
    writeFileSync(file, paras.join('\n\n'));
  }
  return { file, original };
}

function readdirSorted(dir: string): string[] {
  return (spawnSync('ls', [dir], { encoding: 'utf8' }).stdout ?? '').split('\n').filter(Boolean).sort();
}

mkdirSync(work, { recursive: true });
console.log(`news-archive bench — ${new Date().toISOString()}, node ${process.version}, load ${load()}, runs ${runs}${values.workers ? `, workers ${values.workers}` : ''}`);
const summary: string[] = [];
for (const n of sizes) {
  const corpus = path.join(work, `corpus-${n}`);
  if (!existsSync(path.join(corpus, '.done'))) {
    const t = performance.now();
    writeCorpus(corpus, n, 1);
    writeFileSync(path.join(corpus, '.done'), '');
    console.log(`corpus ${n}: generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const out = path.join(fast, `out-${n}`, 'dist');
  const cache = path.join(fast, `cache-${n}`);
  const cold: Run[] = [];
  const coldRuns = n >= 100_000 ? 1 : runs;
  for (let k = 0; k < coldRuns; k++) {
    // Cold means nothing from an earlier run: no output and no cache (a --no-cache build still writes the cache).
    rmSync(path.dirname(out), { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
    const r = build(corpus, out, cache, ['--no-cache']);
    cold.push(r);
    console.log(`  ${n} cold #${k + 1}: ${fmt(r.wall)} s, ${fmt(r.rssMiB, 0)} MiB, ${r.stats.files} files, workers ${r.stats.workers} [${stageLine(r.stats)}] load ${load()}`);
  }
  const cw = median(cold.map((r) => r.wall));
  const last = cold[cold.length - 1]!;
  const line = [`${n} articles cold (--no-cache --no-search): median ${fmt(cw)} s (${cold.map((r) => fmt(r.wall)).join(', ')}), ${fmt(n / cw, 0)} articles/s, peak RSS ${fmt(Math.max(...cold.map((r) => r.rssMiB)), 0)} MiB, ${last.stats.pages} pages, ${last.stats.files} files`];
  // Per-core throughput from the workers' thread time (summed over threads), median over the cold runs.
  const perCore = (key: 'extract' | 'all'): number => median(cold.map((r) => {
    const c = r.stats.cpuMs as { parse: number; extract: number; enrich: number } | undefined;
    if (!c) return NaN;
    return n / ((key === 'extract' ? c.extract : c.parse + c.extract + c.enrich) / 1000);
  }));
  line.push(`  per core (thread time, median of ${cold.length}): quote extraction ${fmt(perCore('extract'), 0)} articles/s; parse + extract + enrich ${fmt(perCore('all'), 0)} articles/s`);
  // Warm: the cache now holds the last cold build; a no-change rebuild, then one edited article.
  if (n < 100_000 || runs > 0) {
    const same = build(corpus, out, cache, []);
    const edit = editOne(corpus, n);
    const warm: Run[] = [];
    try {
      for (let k = 0; k < edits; k++) {
        if (k) writeFileSync(edit.file, `${readFileSync(edit.file, 'utf8')} `);
        const r = build(corpus, out, cache, []);
        warm.push(r);
        console.log(`  ${n} warm edit #${k + 1}: ${fmt(r.wall)} s, ${r.stats.filesWritten} of ${r.stats.files} files written, mode ${r.stats.mode} [${stageLine(r.stats)}]`);
      }
    } finally {
      writeFileSync(edit.file, edit.original);
    }
    const ww = median(warm.map((r) => r.wall));
    const wr = warm[warm.length - 1]!;
    line.push(`  warm no-change rebuild ${fmt(same.wall)} s (${same.stats.filesWritten} files written); warm rebuild after editing one article: median ${fmt(ww)} s, ${wr.stats.filesWritten}/${wr.stats.files} files rewritten (${fmt((100 * wr.stats.filesWritten) / wr.stats.files, 3)}%), mode ${wr.stats.mode}`);
    // An edit the index sees (a corrected headline): reported on its own, it is not the body-only case above.
    const head = editOne(corpus, n, true);
    try {
      const r = build(corpus, out, cache, []);
      console.log(`  ${n} warm headline edit: ${fmt(r.wall)} s, ${r.stats.filesWritten} of ${r.stats.files} files written, ${r.stats.articlesRendered} article pages and ${r.stats.pagesRendered - r.stats.articlesRendered} list pages rendered, mode ${r.stats.mode} [${stageLine(r.stats)}]`);
      line.push(`  warm rebuild after correcting one headline (the index sees it): ${fmt(r.wall)} s, ${r.stats.filesWritten}/${r.stats.files} files rewritten, ${r.stats.articlesRendered} article pages rendered, mode ${r.stats.mode}`);
    } finally {
      writeFileSync(head.file, head.original);
    }
  }
  if (values.search) {
    rmSync(path.dirname(out), { recursive: true, force: true });
    const r = build(corpus, out, cache, ['--no-cache', '--search']);
    const shards = (r: Run): string => {
      const s = r.stats.searchShards as { shards: number; indexed: number };
      return s.indexed === 0 ? 'kept' : `${s.indexed} of ${s.shards} shards indexed`;
    };
    line.push(`  with search: total ${fmt(r.wall)} s, search index ${fmt((r.stats.searchMs as number) / 1000)} s (${shards(r)}), peak RSS ${fmt(r.rssMiB, 0)} MiB`);
    // Pagefind runs again only for shards holding an article page that changed (src/search/freshness.ts).
    const same = build(corpus, out, cache, ['--search']);
    line.push(`  with search, rebuilt with no change: ${fmt(same.wall)} s (search ${shards(same)}, ${fmt((same.stats.searchMs as number) / 1000)} s)`);
    // An edited article page: Pagefind, which has no incremental mode, reads every article page of its shard again.
    const edit = editOne(corpus, n);
    try {
      const one = build(corpus, out, cache, ['--search']);
      line.push(`  with search, rebuilt after editing one article: ${fmt(one.wall)} s (search ${shards(one)}, ${fmt((one.stats.searchMs as number) / 1000)} s)`);
    } finally {
      writeFileSync(edit.file, edit.original);
    }
  }
  summary.push(...line);
  if (values.anchors) {
    if (!existsSync(ANCHORS)) summary.push(`  anchors: ${ANCHORS} not found, skipped`);
    else {
      const cli = path.join(ROOT, 'src/bin.mjs');
      const anchorConfig = path.join(work, 'anchors.config.json');
      const anchorCache = path.join(fast, 'cache-anchors');
      writeFileSync(anchorConfig, JSON.stringify({ cacheDir: anchorCache }));
      const workers = values.workers ? ` --workers ${values.workers}` : '';
      // Each timed run starts without a cache, and removing the last run's is timed with it (a little against us).
      const env = { ...process.env, RUNS: values['anchor-runs'], PROJECT_CMD: `cd "${work}" && rm -rf "${anchorCache}" && node "${cli}" build --config "${anchorConfig}" --input "$CORPUS" --out "$OUT" --no-cache --no-search --quiet${workers}` };
      console.log(`  anchors ${n}: bash ${ANCHORS} ${n} (RUNS=${env.RUNS}) …`);
      const r = spawnSync('bash', [ANCHORS, String(n)], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
      const lines = `${r.stdout}`.split('\n').filter((l) => /^(hugo|eleventy|project|ratio|tool)/.test(l.trim()));
      summary.push(...lines.map((l) => `  anchors: ${l}`));
      if (r.status !== 0) summary.push(`  anchors failed (${r.status}): ${r.stderr.split('\n').slice(-5).join(' | ')}`);
    }
  }
  // This size's site and caches go before the next, larger one is built.
  rmSync(fast, { recursive: true, force: true });
}
console.log('\n== summary');
for (const l of summary) console.log(l);
