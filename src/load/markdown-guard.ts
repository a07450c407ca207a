// Markdown that would take minutes (or the whole stack) to parse, found with a linear scan before remark sees it.
// micromark resolves emphasis and link brackets per paragraph in quadratic time, and nests blockquotes and lists
// recursively: 100 KB of "*a*a*a…" takes minutes, 50,000 ">" overflow the stack. No news article comes near these
// limits, so a file past them is published as plain text (every character escaped) with a warning.

export const MARKDOWN_LIMITS = {
  /** Emphasis runs ("*", "_"), brackets, backticks and "<" in one paragraph. */
  delimitersPerParagraph: 1000,
  /** ">" markers at the start of one line. */
  quoteDepth: 64,
  /** Leading indentation of one line, in columns (tab = 4): about 80 levels of nested lists. */
  indentColumns: 160,
};

export interface MarkdownHazard {
  /** 1-based line in `text` (add the front-matter offset for the file's line). */
  line: number;
  col: number;
  message: string;
}

export function findMarkdownHazard(text: string, limits = MARKDOWN_LIMITS): MarkdownHazard | null {
  // One pass over character codes: no split into lines, no lead regex, no one-character string per character.
  let count = 0;
  let paraLine = 1;
  let line = 1;
  for (let i = 0; i <= text.length; line++) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = text.length;
    let k = i;
    while (k < end && isSpace(text.charCodeAt(k))) k++;
    if (k === end) {
      count = 0;
      paraLine = line + 1;
      i = end + 1;
      continue;
    }
    let depth = 0;
    let cols = 0;
    for (k = i; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 62) depth++;
      else if (c === 9) cols += 4;
      else if (c === 32) cols++;
      else break;
    }
    if (depth > limits.quoteDepth) return { line, col: 1, message: `blockquotes nested ${depth} deep (limit ${limits.quoteDepth})` };
    if (cols > limits.indentColumns) return { line, col: 1, message: `line indented ${cols} columns (limit ${limits.indentColumns}): lists nested too deep` };
    let prev = -1;
    for (k = i; k < end; k++) {
      const c = text.charCodeAt(k);
      // A run of the same emphasis character is one delimiter; every bracket, backtick run and "<" counts.
      if (c === 91 || c === 93 || c === 60 || ((c === 42 || c === 95 || c === 96) && c !== prev)) count++;
      prev = c;
    }
    if (count > limits.delimitersPerParagraph) {
      return { line: paraLine, col: 1, message: `a paragraph holds more than ${limits.delimitersPerParagraph} emphasis, link or code markers` };
    }
    i = end + 1;
  }
  return null;
}

/** What String#trim removes (a line of only these is blank). */
function isSpace(c: number): boolean {
  if (c > 32 && c < 127) return false;
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
