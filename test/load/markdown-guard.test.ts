// The Markdown guard: flags only input dense or deep enough to stall or overflow the parser, and says where.
import { describe, expect, it } from 'vitest';
import { findMarkdownHazard, MARKDOWN_LIMITS } from '../../src/load/markdown-guard.ts';

describe('findMarkdownHazard', () => {
  it('passes an ordinary article with links, emphasis, quotes and lists', () => {
    const text = '# Budget passes\n\nThe **council** passed the [budget](https://example.test/) on *Monday*.\n\n> "It is done," said the mayor.\n\n- roads\n  - bridges\n    - tunnels\n';
    expect(findMarkdownHazard(text)).toBeNull();
  });

  it('flags a paragraph with too many emphasis or bracket markers, at the paragraph start', () => {
    expect(findMarkdownHazard(`Intro.\n\nStart\n${'*a'.repeat(MARKDOWN_LIMITS.delimitersPerParagraph + 1)}\n`)).toMatchObject({ line: 3 });
    expect(findMarkdownHazard(`${'[x]'.repeat(600)}\n`)).toMatchObject({ line: 1 });
  });

  it('counts markers per paragraph, not per file', () => {
    const para = `${'*a* '.repeat(200)}\n\n`;
    expect(findMarkdownHazard(para.repeat(20))).toBeNull();
  });

  it('counts a run of one emphasis character once (rules and bold are cheap)', () => {
    expect(findMarkdownHazard(`${'_'.repeat(5000)}\n`)).toBeNull();
  });

  it('flags deep blockquote and list nesting at the line', () => {
    expect(findMarkdownHazard(`a\n\n${'> '.repeat(MARKDOWN_LIMITS.quoteDepth + 1)}x\n`)).toMatchObject({ line: 3, col: 1 });
    expect(findMarkdownHazard(`- a\n${' '.repeat(MARKDOWN_LIMITS.indentColumns + 2)}- b\n`)).toMatchObject({ line: 2 });
  });
});
