// Front matter: YAML errors carry the file's real line; wrong shapes warn; each key's line is known for later warnings.
import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { metaLine, readFrontMatter, simpleFrontMatter } from '../../src/load/frontmatter.ts';

describe('readFrontMatter', () => {
  it('reports a YAML error at the line of the file where it is', () => {
    const r = readFrontMatter('---\ntitle: Storm\ntags: [a, b\nauthor: Kim\n---\nText.\n', 'news/storm.md');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatchObject({ code: 'yaml-syntax', file: 'news/storm.md', line: 4, col: 1 });
  });

  it('reports a duplicated key at its second occurrence', () => {
    const r = readFrontMatter('---\ntitle: One\ntitle: Two\n---\nText.\n', 'a.md');
    if (r.ok) throw new Error('expected an error');
    expect(r.reason.line).toBe(3);
  });

  it('knows the line of every top-level key', () => {
    const r = readFrontMatter('---\n# comment\ntitle: Parade\n"date": yesterday\ntags:\n  - a\n---\nBody.\n', 'p.md');
    if (!r.ok) throw new Error(r.reason.message);
    expect([metaLine(r.meta, 'title'), metaLine(r.meta, 'date'), metaLine(r.meta, 'tags')]).toEqual([3, 4, 5]);
    expect(Object.keys(r.meta)).toEqual(['title', 'date', 'tags']);
    expect(r.lineOffset).toBe(7);
  });

  it('warns when the front matter is a list or a scalar, and keeps the body', () => {
    for (const fm of ['- one\n- two', 'just words']) {
      const r = readFrontMatter(`---\n${fm}\n---\n# Clinic opens\n`, 'c.md');
      if (!r.ok) throw new Error(r.reason.message);
      expect(r.diagnostics[0]).toMatchObject({ code: 'meta-shape', line: 2 });
      expect(r.content).toBe('# Clinic opens\n');
    }
  });
});

describe('simpleFrontMatter', () => {
  const KEYS = ['title', 'date', 'tags', 'Title', 'true', 'Null', 'author', '__proto__', 'x_1', 'a b', '"q"'];
  const VALUES = ['"A plain title"', '"with: a colon"', '"esc\\"aped"', '"tab\there"', '"é 😀 ’"', '""', '"\u0085"', '2019-01-01T13:18:00Z',
    '2019-02-30', '1987-1-1', '2019-01-01 10:00:00', 'plain words', '42', '', '"x" # note', ' "two spaces"'];
  // Mostly lines the fast path reads (so it answers often), some that it must hand to gray-matter.
  const LINE = fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom('title', 'date', 'author', 'x_1'), fc.constantFrom(...VALUES.slice(0, 9))).map(([k, v]) => `${k}: ${v}`) },
    { weight: 2, arbitrary: fc.constantFrom('tags:\n  - "Trade"', 'tags:\n  - "A"\n  - "B: c"') },
    fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([k, v]) => (v ? `${k}: ${v}` : `${k}:`)),
    fc.constantFrom('  - "Trade"', '  - "United Nations"', '- "flush"', '    - "deep"', '  - bare', '', '# comment', 'title: "crlf"\r'),
  );
  const DOC = fc.tuple(fc.constantFrom('---\n', '---  \n', '---\t\n'), fc.array(LINE, { minLength: 1, maxLength: 5 }),
    fc.constantFrom('\n---\n', '\n---\n', '\n---\r\n', '\n----\n', '\n---', '\n--- x\n', ''), fc.constantFrom('', 'Body.\n', '\nBody after a blank line.\n'))
    .map(([open, lines, close, body]) => open + lines.join('\n') + close + body);

  it('returns what gray-matter returns, whenever it answers at all', () => {
    let answered = 0;
    fc.assert(fc.property(DOC, (text) => {
      const fast = simpleFrontMatter(text);
      if (!fast) return;
      answered++;
      const slow = matter(text, {});
      expect(fast.data).toEqual(slow.data);
      expect(Object.keys(fast.data)).toEqual(Object.keys(slow.data));
      expect(fast.matter).toBe(slow.matter);
      expect(fast.content).toBe(slow.content);
    }), { numRuns: 4000 });
    expect(answered).toBeGreaterThan(400);
  });

  it('reads the usual title / timestamp / tag list without gray-matter', () => {
    const got = simpleFrontMatter('---\ntitle: "Talks resume"\ndate: 2019-01-01T13:18:00Z\ntags:\n  - "Trade"\n---\n\nBody.\n');
    expect(got).toEqual({ data: { title: 'Talks resume', date: new Date(Date.UTC(2019, 0, 1, 13, 18)), tags: ['Trade'] }, matter: '\ntitle: "Talks resume"\ndate: 2019-01-01T13:18:00Z\ntags:\n  - "Trade"', content: '\nBody.\n' });
  });
});
