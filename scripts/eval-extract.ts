// Measuring tool for the extractor: parse each .txt with parseWire, extract quotes, write gold-schema JSON, print articles/s.
// Usage: npx tsx scripts/eval-extract.ts [dir] --out /tmp/pred [--repeat N]
import fs from 'node:fs';
import path from 'node:path';
import { extractQuotes } from '../src/extract/index.ts';
import { parseWire } from '../src/parse/wire.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
const dir = positional[0] ?? '../shared/corpus/dev';
const out = opt('--out') ?? '/tmp/pred';
const repeat = Number(opt('--repeat') ?? '1');

const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
fs.mkdirSync(out, { recursive: true });
const inputs = files.map((f) => ({ f, source: fs.readFileSync(path.join(dir, f), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') }));

// Warm-up so lexicon loading is not counted as per-article cost.
if (inputs[0]) extractQuotes(inputs[0].source, parseWire(inputs[0].source));

let n = 0;
const t0 = process.hrtime.bigint();
for (let r = 0; r < repeat; r++) {
  for (const { f, source } of inputs) {
    const parsed = parseWire(source);
    const ex = extractQuotes(source, parsed);
    n++;
    if (r === 0) {
      const rec = {
        file: f,
        title: parsed.title,
        dateline: parsed.dateline,
        date: parsed.date,
        byline: parsed.byline,
        speakers: ex.speakers,
        mentioned: ex.mentioned,
        quotes: ex.quotes.filter((q) => q.kind !== 'headline'),
        headline_quotes: ex.quotes.filter((q) => q.kind === 'headline'),
        boilerplate_lines: parsed.boilerplate_lines,
      };
      fs.writeFileSync(path.join(out, f.replace(/\.txt$/, '.json')), JSON.stringify(rec, null, 1));
    }
  }
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const words = inputs.reduce((s, x) => s + x.source.split(/\s+/).length, 0) / Math.max(1, inputs.length);
console.log(`${n} articles in ${secs.toFixed(3)} s: ${(n / secs).toFixed(0)} articles/s (parse + extract, mean ${words.toFixed(0)} words/article) → ${out}`);
