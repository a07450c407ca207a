// Scores extraction against the gold sets in ../shared (dev corpus and the seed); not part of `npm test`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../src/cli.ts';

const shared = path.resolve(process.argv[2] ?? '../shared');
const scorer = path.join(shared, 'corpus/score.mjs');
if (!existsSync(scorer)) {
  console.error(`no scorer at ${scorer}: pass the path of the shared folder (default ../shared)`);
  process.exit(2);
}
for (const [name, gold] of [['dev', path.join(shared, 'corpus/dev')], ['seed', path.join(shared, 'seeds')]] as const) {
  const pred = mkdtempSync(path.join(tmpdir(), `na-pred-${name}-`));
  const quiet = { out: () => {}, err: () => {} };
  if ((await run(['extract', gold, '--out', pred], process.cwd(), quiet)) !== 0) process.exit(1);
  console.log(`\n== ${name}: ${gold}`);
  process.stdout.write(execFileSync('node', [scorer, '--gold', gold, '--pred', pred], { encoding: 'utf8' }));
}
