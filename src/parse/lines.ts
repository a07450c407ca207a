// Splits normalised source text into lines with offsets, and groups body lines into paragraph blocks.

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const LOWER_START = /^\p{Ll}/u;
const P_RE_2 = /(\p{L}+)$/u;

export interface SourceLine {
  /** 0-based index of the line. */
  index: number;
  /** Offset of the line's first character in the source. */
  start: number;
  /** The line without its newline. */
  raw: string;
  /** The line with surrounding whitespace removed ('' for blank lines). */
  text: string;
  /** Offset of `text` in the source. */
  textStart: number;
  /** True when the line begins with at least two spaces or a tab (wire copy marks paragraphs this way). */
  indented: boolean;
}

/** Every line of `source`, blank ones included, with offsets; linear in the input size. */
export function splitLines(source: string): SourceLine[] {
  const out: SourceLine[] = [];
  let start = 0;
  let index = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const raw = source.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    out.push({ index, start, raw, text, textStart: start + lead, indented: text !== '' && (raw.startsWith('\t') || raw.startsWith('  ')) });
    index++;
    start = end + 1;
  }
  return out;
}

// Words that cannot end an English sentence: a line ending with one was hard-wrapped mid-sentence.
const NON_FINAL = new Set(['a', 'an', 'the', 'of', 'in', 'to', 'and', 'or', 'for', 'with', 'on', 'at', 'by', 'from', 'as', 'that', 'its', 'his', 'her', 'their', 'our', 'which', 'who', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'into', 'than', 'but', 'said']);

/** True when `cur` continues the paragraph of `prev` in a run of lines without blank lines between them. */
export function continuesParagraph(prev: SourceLine, cur: SourceLine, indentMode: boolean): boolean {
  if (indentMode) return !cur.indented;
  if (cur.indented) return false;
  if (LOWER_START.test(cur.text)) return true;
  if (/[,;\-–—(/]$/.test(prev.text)) return true;
  const m = P_RE_2.exec(prev.text.slice(-20));
  return m !== null && NON_FINAL.has(m[1]!);
}

/**
 * Groups runs of consecutive body lines into paragraphs. A run whose later lines mix indented and flush
 * lines is wire copy (paragraphs open with an indent); otherwise lines are joined only when the first was
 * visibly cut mid-sentence.
 */
export function groupRuns(run: SourceLine[]): SourceLine[][] {
  if (run.length === 0) return [];
  const rest = run.slice(1);
  const indentMode = rest.some((l) => l.indented) && rest.some((l) => !l.indented);
  const groups: SourceLine[][] = [[run[0]!]];
  for (let i = 1; i < run.length; i++) {
    const cur = run[i]!;
    const group = groups[groups.length - 1]!;
    if (continuesParagraph(group[group.length - 1]!, cur, indentMode)) group.push(cur);
    else groups.push([cur]);
  }
  return groups;
}
