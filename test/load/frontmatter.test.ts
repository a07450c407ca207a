// Front matter: YAML errors carry the file's real line; wrong shapes warn; each key's line is known for later warnings.
import { describe, expect, it } from 'vitest';
import { metaLine, readFrontMatter } from '../../src/load/frontmatter.ts';

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
