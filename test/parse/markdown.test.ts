import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/markdown.ts';

describe('parseMarkdown', () => {
  it('takes the first level-1 heading as the headline and keeps offsets exact', () => {
    const src = '# Ministers meet\n\nFirst paragraph with **bold** text.\n\n## Later\n\nSecond one.\n';
    const p = parseMarkdown(src);
    expect(p.title).toBe('Ministers meet');
    expect(p.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'First paragraph with **bold** text.'],
      ['subheading', 'Later'],
      ['paragraph', 'Second one.'],
    ]);
    for (const b of p.blocks) expect(src.slice(b.start, b.start + b.text.length)).toBe(b.text);
    expect(p.blocks[2]!.line).toBe(7);
  });

  it('finds a wire dateline opening the first paragraph and cuts it from the block', () => {
    const src = 'GENEVA, SANA – Talks resumed on Monday.\n';
    const p = parseMarkdown(src);
    expect(p.dateline).toEqual({ raw: 'GENEVA, SANA –', place: 'GENEVA', agency: 'SANA' });
    expect(p.blocks[0]!.text).toBe('Talks resumed on Monday.');
    expect(src.slice(p.blocks[0]!.start).startsWith('Talks')).toBe(true);
  });

  it('has no title and no dateline for a plain paragraph', () => {
    const p = parseMarkdown('Just one line of text.');
    expect(p.title).toBe('');
    expect(p.dateline).toBeNull();
  });
});
