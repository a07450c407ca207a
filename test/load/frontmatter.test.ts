// Front matter: YAML errors carry the file's real line; wrong shapes warn; each key's line is known for later warnings.
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { frontMatterHead, metaLine, readFrontMatter } from '../../src/load/frontmatter.ts';

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

  it('gives what gray-matter gives for the whole text, though gray-matter is handed only the head', () => {
    // (Line endings are LF by now: decoding normalised them.)
    const texts = [
      '---\ntitle: Storm\n---\nText.\n',
      '---\ntitle: Storm\n---',
      '---\ntitle: Storm\n---\n',
      '---\ntitle: Storm\n---\n\n\nText after blank lines.\n',
      '---\ntitle: Storm\n----\nA fourth dash starts the article.\n',
      '---\ntitle: Storm\n---extra\nText.\n',
      '---\n---\nEmpty block.\n',
      '---\ntitle: Storm\nnote: no closing line, so all of it is front matter\n',
      '---\ntitle: Storm\nexcerpt_separator: <!-- more -->\n---\nLead.\n<!-- more -->\nRest.\n',
      '---\ntitle: Storm\n---\nText.\n---\nA second block stays in the article.\n',
    ];
    for (const text of texts) {
      const whole = matter(text, {});
      const r = readFrontMatter(text, 'a.md');
      if (!r.ok) throw new Error(r.reason.message);
      expect(r.content).toBe(whole.content);
      expect(r.meta).toEqual(whole.data);
      expect(r.lineOffset).toBe(text.slice(0, text.length - whole.content.length).split('\n').length - 1);
    }
    // The head ends just past the closing line: the article's text is not in it.
    expect(frontMatterHead('---\ntitle: Storm\n---\nText that gray-matter never sees.\n')).toBe('---\ntitle: Storm\n---\nT');
  });
});
