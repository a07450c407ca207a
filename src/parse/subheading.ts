// Sub-headings inside the body: short stand-alone lines without final punctuation, or Markdown "## Heading" lines.

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const P_RE_1 = /^["“‘'(]?[\p{Lu}\p{N}]/u;

/** Offset of the heading text after a Markdown "## " marker, or -1 when the line is not one. */
export function markdownHeadingOffset(line: string): number {
  const m = /^#{1,6}[ \t]+(?=\S)/.exec(line.slice(0, 10));
  return m ? m[0].length : -1;
}

/**
 * True for a line that reads as a heading: 1–20 words, at most 160 characters, starting with a capital,
 * digit or quote mark, and ending without sentence punctuation (a one-line paragraph ends with a period).
 */
export function isSubheadingShape(line: string): boolean {
  if (line.length === 0 || line.length > 160) return false;
  if (line.split(/\s+/).length > 20) return false;
  if (!P_RE_1.test(line)) return false;
  return !/[.!?,;:…"”'’\-–—]$/.test(line);
}
