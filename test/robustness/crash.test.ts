// A parser crash on one article skips that article with a reason; the rest of the site is still built.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/parse/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/parse/index.ts')>();
  return {
    ...real,
    parseSource: (src: Parameters<typeof real.parseSource>[0]) => {
      if (src.file === 'boom.txt') throw new RangeError('Maximum call stack size exceeded');
      return real.parseSource(src);
    },
  };
});

const { buildSite } = await import('../../src/build/site.ts');
const { defaultConfig } = await import('../../src/config.ts');

describe('an article that crashes the parser', () => {
  it('is skipped with code "crash" and the other articles are built', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-crash-'));
    const input = path.join(root, 'in');
    mkdirSync(input);
    writeFileSync(path.join(input, 'boom.txt'), 'Boom\n\nThis one crashes the parser.\n');
    writeFileSync(path.join(input, 'fine.txt'), 'Library extends hours\n\nThe library will open on Sundays.\n');
    const out = path.join(root, 'site', 'dist');
    const report = await buildSite({ ...defaultConfig(root), input, output: out }, { workers: 1 });
    expect(report.entries.map((e) => [e.file, e.outcome])).toEqual([['boom.txt', 'skipped'], ['fine.txt', 'built']]);
    expect(report.entries[0]!.diagnostics[0]).toMatchObject({ code: 'crash', file: 'boom.txt' });
    expect(report.entries[0]!.reason).toMatch(/Maximum call stack size exceeded/);
    expect(existsSync(path.join(out, 'articles/library-extends-hours/index.html'))).toBe(true);
  });
});
