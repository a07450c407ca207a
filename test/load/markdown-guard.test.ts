// The Markdown guard: flags only input dense or deep enough to stall or overflow the parser, and says where.
import fc from 'fast-check';
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

describe('findMarkdownHazard as one scan', () => {
  // The line-splitting version it replaced, kept to hold the scan to the same answers.
  function bySplit(text: string, limits: typeof MARKDOWN_LIMITS): ReturnType<typeof findMarkdownHazard> {
    let count = 0;
    let paraLine = 1;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line.trim()) { count = 0; paraLine = i + 2; continue; }
      const lead = /^[ \t>]*/.exec(line)![0];
      let depth = 0;
      let cols = 0;
      for (const c of lead) { if (c === '>') depth++; else cols += c === '\t' ? 4 : 1; }
      if (depth > limits.quoteDepth) return { line: i + 1, col: 1, message: `blockquotes nested ${depth} deep (limit ${limits.quoteDepth})` };
      if (cols > limits.indentColumns) return { line: i + 1, col: 1, message: `line indented ${cols} columns (limit ${limits.indentColumns}): lists nested too deep` };
      let prev = '';
      for (let j = 0; j < line.length; j++) {
        const c = line[j]!;
        if (c === '[' || c === ']' || c === '<' || ((c === '*' || c === '_' || c === '`') && c !== prev)) count++;
        prev = c;
      }
      if (count > limits.delimitersPerParagraph) return { line: paraLine, col: 1, message: `a paragraph holds more than ${limits.delimitersPerParagraph} emphasis, link or code markers` };
    }
    return null;
  }
  const PIECES = ['\n', '\n\n', ' ', '  ', '\t', '>', '> ', '*', '**', '_', '`', '[', ']', '<', 'a', 'word', '\u00a0', '\u3000', '\ufeff', '\u2028', '\ud83d\ude00', '\ud83d'];
  it('gives the line-splitting answers on generated text', () => {
    const limits = { delimitersPerParagraph: 8, quoteDepth: 1, indentColumns: 5 };
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60, size: 'max' }), (parts) => {
      const text = parts.join('');
      expect(findMarkdownHazard(text, limits)).toEqual(bySplit(text, limits));
    }), { numRuns: 5000 });
  });
});
