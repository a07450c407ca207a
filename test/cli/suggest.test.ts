import { describe, expect, it } from 'vitest';
import { closest, editDistance, unknownOptionError } from '../../src/cli/suggest.ts';

const build = { input: { type: 'string' as const }, out: { type: 'string' as const }, quiet: { type: 'boolean' as const }, help: { type: 'boolean' as const, short: 'h' } };
const dev = { port: { type: 'string' as const } };

describe('suggestions', () => {
  it('counts edits between two words', () => {
    expect(editDistance('ouptut', 'output')).toBe(2);
    expect(editDistance('out', 'out')).toBe(0);
  });

  it('suggests the nearest flag and prefers the one sharing its first letters', () => {
    expect(closest('ouput', ['input', 'out'])).toBe('out');
    expect(closest('qiet', ['input', 'out', 'quiet'])).toBe('quiet');
  });

  it('suggests nothing for a word far from every candidate', () => {
    expect(closest('verbose', ['input', 'out', 'quiet'])).toBeUndefined();
  });

  it('accepts known flags, their values and anything after --', () => {
    expect(unknownOptionError('build', ['--out', '--weird-folder-name', '--quiet', '-h', '--', '--anything'], build, { dev })).toBeNull();
    expect(unknownOptionError('build', ['--out=x'], build, { dev })).toBeNull();
  });

  it('names the unknown flag with a hint', () => {
    expect(unknownOptionError('build', ['--inptu', 'x'], build, { dev })).toContain('did you mean --input?');
    expect(unknownOptionError('build', ['--port', '80'], build, { dev })).toContain('option of "news-archive dev"');
    expect(unknownOptionError('build', ['-x'], build, { dev })).toContain('unknown option -x');
  });
});
