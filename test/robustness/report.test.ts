// Report helpers: one console line per input with its outcome, and the --strict rule.
import { describe, expect, it } from 'vitest';
import { failsStrict, outcomeLines, summarise } from '../../src/build/report.ts';

const entries = [
  { file: 'a.txt', outcome: 'built' as const, slug: 'bridge-opens', diagnostics: [] },
  { file: 'b.md', outcome: 'built-with-warnings' as const, slug: 'parade', diagnostics: [{ severity: 'warning' as const, code: 'bad-date', file: 'b.md', line: 3, message: 'date "yesterday" is not a calendar date' }] },
  { file: 'c.txt', outcome: 'skipped' as const, reason: 'file is empty; skipped', diagnostics: [] },
];

describe('build report', () => {
  it('counts inputs as built + skipped', () => {
    const r = summarise(entries, { pages: 0, files: 0, speakers: 0, quotes: 0, topics: 0, seconds: 0 });
    expect([r.inputs, r.built, r.warned, r.skipped]).toEqual([3, 2, 1, 1]);
  });

  it('prints every input with its outcome', () => {
    expect(outcomeLines({ entries })).toEqual([
      '  built     a.txt → bridge-opens',
      '  warnings  b.md → parade (1 warning)',
      '  skipped   c.txt: file is empty; skipped',
    ]);
  });

  it('fails --strict on any warning or skip, not on a clean build', () => {
    expect(failsStrict({ warned: 1, skipped: 0 })).toBe(true);
    expect(failsStrict({ warned: 0, skipped: 1 })).toBe(true);
    expect(failsStrict({ warned: 0, skipped: 0 })).toBe(false);
  });

  it('counts clean inputs in one line above the listing limit, still naming every problem', () => {
    expect(outcomeLines({ entries }, 2)).toEqual([
      '  warnings  b.md → parade (1 warning)',
      '  skipped   c.txt: file is empty; skipped',
      '  built     1 inputs without warnings (each listed in build-report.json)',
    ]);
  });

  it('keeps one line per input when a file name holds a line break', () => {
    expect(outcomeLines({ entries: [{ file: 'a\nb.txt', outcome: 'built', slug: 'x', diagnostics: [] }] })).toEqual(['  built     "a\\nb.txt" → x']);
  });
});
