import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../scripts/gen-corpus.ts';

describe('synthetic corpus generator', () => {
  it('is deterministic: the same seed gives the same files, byte for byte', () => {
    const a = [...generateCorpus(50, 11)];
    const b = [...generateCorpus(50, 11)];
    expect(b).toEqual(a);
    expect([...generateCorpus(50, 12)].map((s) => s.text)).not.toEqual(a.map((s) => s.text));
  });

  it('does not let the corpus size change a story: story i is the same in a small and a large corpus', () => {
    const small = [...generateCorpus(5, 3)];
    const large = [...generateCorpus(40, 3)];
    expect(large.slice(0, 5)).toEqual(small);
  });

  it('writes wire stories with a dateline opener, titled speakers, quotes, a sub-heading and topics', () => {
    const s = [...generateCorpus(1, 5)][0]!.text;
    expect(s).toMatch(/^---\ntitle: ".+"\ndate: \d{4}-\d{2}-\d{2}\ntags:\n(  - ".+"\n)+---\n/);
    expect(s).toMatch(/\n\n[A-Z][\w ]+, [\w ]+ – [A-Z]\w+ [\w ]+ (Minister|President|Governor|UN) [A-Z]\w+ [A-Z]\w+ \w+/);
    expect(s).toMatch(/“[^”]+,” \w+ (said|added|stressed|noted|told reporters)/);
    expect(s).toMatch(/\n## [A-Z]/);
  });

  it('writes the same tree twice', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-gen-'));
    writeCorpus(path.join(root, 'a'), 12, 2, 'txt');
    writeCorpus(path.join(root, 'b'), 12, 2, 'txt');
    const first = [...generateCorpus(12, 2, 'txt')][0]!;
    expect(readFileSync(path.join(root, 'a', '000', first.file), 'utf8')).toBe(readFileSync(path.join(root, 'b', '000', first.file), 'utf8'));
    expect(first.text.split('\n')[0]).not.toMatch(/^---/);
  });
});
