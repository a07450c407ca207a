// Runs the wire parser over a folder of .txt articles and writes one prediction JSON per article for score.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { parseWire } from '../src/parse/wire.ts';

function usage(): never {
  console.error('usage: npx tsx scripts/eval-parse.ts <dir-with-txt> --out <pred-dir>');
  process.exit(2);
}

const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const out = outIdx >= 0 ? args[outIdx + 1] : undefined;
const dir = args.find((a, i) => !a.startsWith('--') && i !== outIdx + 1);
if (!dir || !out) usage();
fs.mkdirSync(out, { recursive: true });

let n = 0;
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  // Same normalisation as the loader: no BOM, LF line endings.
  const source = fs.readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const p = parseWire(source);
  const id = name.replace(/\.txt$/, '');
  const pred = {
    file: name,
    title: p.title,
    dateline: p.dateline,
    date: p.date,
    byline: p.byline,
    subheadings: p.blocks.filter((b) => b.kind === 'subheading').map((b) => b.text),
    boilerplate_lines: p.boilerplate_lines,
    speakers: [],
    quotes: [],
  };
  fs.writeFileSync(path.join(out, `${id}.json`), JSON.stringify(pred, null, 2) + '\n');
  n++;
}
console.log(`wrote ${n} predictions to ${out}`);
