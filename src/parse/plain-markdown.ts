// Markdown that uses no Markdown syntax but paragraphs and ATX headings: its blocks, found without the full parser.
// Most wire copy saved as .md is exactly that, and micromark costs ~1 ms per 600-word story at parse and again at
// render. Anything that could mean more than plain text (any inline marker, list, quote, code, HTML, entity,
// indentation, setext line) returns null and goes through remark. test/parse/plain-markdown.test.ts checks, on
// generated documents, that every document accepted here gets exactly remark's blocks and HTML.
import { splitLines } from './lines.ts';

export interface PlainBlock {
  kind: 'paragraph' | 'heading';
  /** 1–6 for headings, 0 for paragraphs. */
  depth: number;
  /** The block's text as in the source (headings without their #'s); soft line breaks kept. */
  text: string;
  start: number;
  /** 1-based line of the block's first line. */
  line: number;
}

// Characters that can open inline or block syntax anywhere in a line (emphasis, code, links, HTML, entities, escapes,
// GFM-like markers), and control characters that the parser rewrites.
const SYNTAX_ANYWHERE = /[`*_[\]<>&\\~|\t\r\u0000-\u0008\u000B-\u001F\u007F]/;
const HEADING = /^(#{1,6}) (\S(?:.*\S)?)$/;
// A line must start and end with a non-space (no indentation, no hard breaks, no NBSP trimming differences), and must
// not start like a list item, block quote, setext underline, thematic break or ordered list.
const BAD_START = /^(?:[#=+\-]|\d{1,9}[.)](?:\s|$))/;
/** /^\s|\s$/ by the first and last character (the regex tried \s$ at every position of a paragraph-long line). */
function edgeSpace(line: string): boolean {
  return isSpaceCode(line.charCodeAt(0)) || isSpaceCode(line.charCodeAt(line.length - 1));
}

function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function plainMarkdownBlocks(source: string): PlainBlock[] | null {
  if (SYNTAX_ANYWHERE.test(source)) return null;
  const blocks: PlainBlock[] = [];
  let para: { start: number; end: number; line: number } | null = null;
  const close = (): void => {
    if (para) blocks.push({ kind: 'paragraph', depth: 0, text: source.slice(para.start, para.end), start: para.start, line: para.line });
    para = null;
  };
  for (const { raw: text, start: pos, index } of splitLines(source)) {
    const line = index + 1;
    const end = pos + text.length;
    if (text === '') close();
    else if (edgeSpace(text)) return null;
    else if (text.charCodeAt(0) === 35 /* # */) {
      const h = HEADING.exec(text);
      if (!h || h[2]!.endsWith('#')) return null;
      close();
      blocks.push({ kind: 'heading', depth: h[1]!.length, text: h[2]!, start: pos + h[1]!.length + 1, line });
    } else if (BAD_START.test(text)) return null;
    else if (para) para.end = end;
    else para = { start: pos, end, line };
  }
  close();
  return blocks;
}
