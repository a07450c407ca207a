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
  let count = 0;
  let paraLine = 1;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      count = 0;
      paraLine = i + 2;
      continue;
    }
    const lead = /^[ \t>]*/.exec(line)![0];
    let depth = 0;
    let cols = 0;
    for (const c of lead) {
      if (c === '>') depth++;
      else cols += c === '\t' ? 4 : 1;
    }
    if (depth > limits.quoteDepth) return { line: i + 1, col: 1, message: `blockquotes nested ${depth} deep (limit ${limits.quoteDepth})` };
    if (cols > limits.indentColumns) return { line: i + 1, col: 1, message: `line indented ${cols} columns (limit ${limits.indentColumns}): lists nested too deep` };
    let prev = '';
    for (let j = 0; j < line.length; j++) {
      const c = line[j]!;
      // A run of the same emphasis character is one delimiter; every bracket, backtick run and "<" counts.
      if (c === '[' || c === ']' || c === '<' || ((c === '*' || c === '_' || c === '`') && c !== prev)) count++;
      prev = c;
    }
    if (count > limits.delimitersPerParagraph) {
      return { line: paraLine, col: 1, message: `a paragraph holds more than ${limits.delimitersPerParagraph} emphasis, link or code markers` };
    }
  }
  return null;
}
