// Measuring tool for the extractor: parse each .txt with parseWire, extract quotes, write gold-schema JSON, print articles/s.
// Usage: npx tsx scripts/eval-extract.ts [dir] --out /tmp/pred [--repeat N]
// Score with: node ../shared/corpus/score.mjs --gold <dir> --pred /tmp/pred
import fs from 'node:fs';
import path from 'node:path';
import { extractQuotes, type Extraction } from '../src/extract/index.ts';
import { parseWire } from '../src/parse/wire.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
const dir = positional[0] ?? '../shared/corpus/dev';
const out = opt('--out') ?? '/tmp/pred';
const repeat = Math.max(1, Number(opt('--repeat') ?? '1'));

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
fs.mkdirSync(out, { recursive: true });
const inputs = files.map((f) => ({ f, source: fs.readFileSync(path.join(dir, f), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') }));

// Warm-up so module loading and JIT are not counted as per-article cost.
for (const x of inputs.slice(0, 20)) extractQuotes(x.source, parseWire(x.source));

const tp = process.hrtime.bigint();
const parsed = inputs.map((x) => parseWire(x.source));
const parseSecs = Number(process.hrtime.bigint() - tp) / 1e9;

// Extraction alone, timed per round in wall and CPU time. Other jobs sharing the cores slow some rounds down,
// so the best round is the one-core figure and the median shows the spread.
const results: Extraction[] = [];
const rounds: { wall: number; cpu: number }[] = [];
for (let r = 0; r < repeat; r++) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < inputs.length; i++) {
    const ex = extractQuotes(inputs[i]!.source, parsed[i]!);
    if (r === 0) results.push(ex);
  }
  const cpu = process.cpuUsage(cpu0);
  rounds.push({ wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (cpu.user + cpu.system) / 1e6 });
}
const rate = (secs: number) => inputs.length / secs;
const sortedBy = (k: 'wall' | 'cpu') => rounds.map((x) => rate(x[k])).sort((a, b) => b - a);

inputs.forEach(({ f }, i) => {
  const p = parsed[i]!;
  const ex = results[i]!;
  const rec = {
    file: f,
    title: p.title,
    dateline: p.dateline,
    date: p.date,
    byline: p.byline,
    speakers: ex.speakers,
    mentioned: ex.mentioned,
    quotes: ex.quotes.filter((q) => q.kind !== 'headline'),
    headline_quotes: ex.quotes.filter((q) => q.kind === 'headline'),
    boilerplate_lines: p.boilerplate_lines,
  };
  fs.writeFileSync(path.join(out, f.replace(/\.txt$/, '.json')), JSON.stringify(rec, null, 1));
});

const words = inputs.reduce((s, x) => s + x.source.split(/\s+/).length, 0) / Math.max(1, inputs.length);
const wall = sortedBy('wall');
const cpu = sortedBy('cpu');
const med = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
console.log(`${inputs.length} articles × ${repeat} rounds (mean ${words.toFixed(0)} words): extract best ${wall[0]!.toFixed(0)} articles/s wall ` +
  `(median ${med(wall).toFixed(0)}), best ${cpu[0]!.toFixed(0)} articles/s CPU (median ${med(cpu).toFixed(0)}); ` +
  `parseWire ${(inputs.length / parseSecs).toFixed(0)} articles/s → ${out}`);
