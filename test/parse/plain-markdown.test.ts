import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { remarkBlocks } from '../../src/parse/markdown.ts';
import { plainMarkdownBlocks } from '../../src/parse/plain-markdown.ts';

// Pieces that make plain-looking documents and near-misses: every kind of line the fast path must accept or refuse.
const piece = fc.constantFrom(
  'The minister said', ' talks', ' were "useful"', ' “good”', '.', ',', ' ', '  ', '\n', '\n\n', '\n\n\n', '# ', '## ', '####### ',
  '#', ' #', '1. ', '2) ', '1987 ', '- ', '+ ', '* ', '= ', '---', '===', '> ', '    ', '\t', '_x_', '*y*', '`c`', '[a](b)', '<b>',
  '&amp;', '\\', '~~~', '|', '\u00a0', 'Moscow, SANA – ', 'Lavrov', "it's", '!', ':', '\r', '\u0000', '\u2028',
);
const doc = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));

describe('plainMarkdownBlocks', () => {
  it('splits paragraphs on blank lines and keeps soft line breaks inside a paragraph', () => {
    const src = 'First line\nsecond line.\n\nNext paragraph.';
    expect(plainMarkdownBlocks(src)).toEqual([
      { kind: 'paragraph', depth: 0, text: 'First line\nsecond line.', start: 0, line: 1 },
      { kind: 'paragraph', depth: 0, text: 'Next paragraph.', start: 25, line: 4 },
    ]);
  });

  it('reads an ATX heading as its own block, even right under a paragraph line', () => {
    const blocks = plainMarkdownBlocks('# Title\nOpening words.\n## Aside\nMore.');
    expect(blocks?.map((b) => [b.kind, b.depth, b.text, b.line])).toEqual([
      ['heading', 1, 'Title', 1], ['paragraph', 0, 'Opening words.', 2], ['heading', 2, 'Aside', 3], ['paragraph', 0, 'More.', 4],
    ]);
  });

  it.each([
    ['emphasis', 'A *bold* claim.'], ['a link', 'See [this](x).'], ['HTML', 'A <b>tag</b>.'], ['an entity', 'Tom &amp; Jerry.'],
    ['a list', 'Intro.\n\n- one\n- two'], ['an ordered list', '1. first'], ['a block quote', '> quoted'], ['code', 'Use `x`.'],
    ['indentation', '    code block'], ['a setext heading', 'Title\n====='], ['a hard break', 'Line  \nnext'], ['a closing #', '## Heading ##'],
  ])('refuses a document with %s', (_, src) => {
    expect(plainMarkdownBlocks(src)).toBeNull();
  });

  it('gives exactly the blocks remark gives, for every document it accepts', () => {
    let accepted = 0;
    fc.assert(fc.property(doc, (src) => {
      const plain = plainMarkdownBlocks(src);
      if (!plain) return;
      accepted++;
      expect(plain).toEqual(remarkBlocks(src));
    }), { numRuns: 3000 });
    // The generator must exercise the fast path, or the property says nothing.
    expect(accepted).toBeGreaterThan(300);
  });
});
