// Token scanner: the token rules as a hand-written loop over code points (a Unicode-property regex cost a fifth of extraction).
//
// A token is, in order of preference at its first character:
//   an initialism "U.S." (two or more capital + full stop), a title abbreviation "Gen." / "Mrs." before a space,
//   a word (letters and digits, joined by ’ ' - & or by "." not before a capitalised word, or ",ddd" thousands, with a
//   closing apostrophe or "’s"), a quotation mark “ ” " „ « », or any other single non-space character.
// test/extract/scan.test.ts holds this to the equivalent regular expression on generated text.

import { cpAt, cpFlags as flags, cpWidth as width, LETTER, LOWER, NUMBER, SPACE, UPPER } from './unicode.ts';

const has = (s: string, i: number, f: number): boolean => i < s.length && (flags(cpAt(s, i)) & f) !== 0;

const ABBREVIATIONS = new Set(['Gen', 'Dr', 'Mr', 'Mrs', 'Ms', 'Lt', 'Col', 'Maj', 'Brig', 'Prof', 'Sen', 'Rep', 'Gov', 'Capt', 'Sgt', 'Jr', 'Sr',
  'Messrs', 'Mt', 'Adm', 'Cdr', 'Eng']);

function isAsciiWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** End of a run of letters and digits starting at i (i itself when there is none). */
function letterRun(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) { i++; continue; }
      return i;
    }
    const cp = cpAt(s, i);
    if (!(flags(cp) & (LETTER | NUMBER))) return i;
    i += width(cp);
  }
  return i;
}

/** One scanned token (w word, q quotation mark, p other); reused between calls. */
export interface Scanned {
  start: number;
  end: number;
  kind: 'w' | 'q' | 'p';
}

/** Finds the next token at or after i; false at the end of the text. */
export function scanToken(s: string, i: number, out: Scanned): boolean {
  const n = s.length;
  let cp = 0;
  for (;;) {
    if (i >= n) return false;
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10) { i++; continue; }
    cp = cpAt(s, i);
    if (flags(cp) & SPACE) { i += width(cp); continue; }
    break;
  }
  const f = flags(cp);
  out.start = i;
  if (f & UPPER) {
    // Initialism: two or more "capital + full stop".
    let j = i;
    let reps = 0;
    while (j < n) {
      const u = cpAt(s, j);
      if (!(flags(u) & UPPER) || s.charCodeAt(j + width(u)) !== 46) break;
      j += width(u) + 1;
      reps++;
    }
    if (reps >= 2) { out.end = j; out.kind = 'w'; return true; }
  }
  const c0 = s.charCodeAt(i);
  if (c0 >= 65 && c0 <= 90 && (i === 0 || !isAsciiWordChar(s.charCodeAt(i - 1)))) {
    // An abbreviation is the whole ASCII letter run before its full stop.
    let e = i + 1;
    while (e < n && e - i <= 6) { const c = s.charCodeAt(e); if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) e++; else break; }
    if (s.charCodeAt(e) === 46 && ABBREVIATIONS.has(s.slice(i, e)) && has(s, e + 1, SPACE)) { out.end = e + 1; out.kind = 'w'; return true; }
  }
  if (f & (LETTER | NUMBER)) {
    let j = letterRun(s, i);
    for (;;) {
      const c = s.charCodeAt(j);
      if (c === 8217 || c === 39 || c === 45 || c === 38) {
        const e = letterRun(s, j + 1);
        if (e > j + 1) { j = e; continue; }
      } else if (c === 46) {
        const e = letterRun(s, j + 1);
        if (e > j + 1) {
          // Not before a capitalised word ("responsibility.Commenting"): that full stop ends a sentence.
          const a = cpAt(s, j + 1);
          const b = j + 1 + width(a);
          const bcp = cpAt(s, b);
          const d = b + width(bcp);
          const capWord = (flags(a) & UPPER) && b < n && (flags(bcp) & LOWER) && d < n && (flags(cpAt(s, d)) & LOWER);
          if (!capWord) { j = e; continue; }
        }
      } else if (c === 44) {
        let k = j + 1;
        let digits = 0;
        while (digits < 3 && k < n) {
          const d = cpAt(s, k);
          if (!(flags(d) & NUMBER)) break;
          k += width(d);
          digits++;
        }
        if (digits === 3 && !has(s, k, LETTER | NUMBER)) { j = k; continue; }
      }
      break;
    }
    const q = s.charCodeAt(j);
    if (q === 8217 || q === 39) {
      j++;
      if (s.charCodeAt(j) === 115 && !has(s, j + 1, LETTER)) j++;
    }
    out.end = j;
    out.kind = 'w';
    return true;
  }
  if (c0 === 8220 || c0 === 8221 || c0 === 34 || c0 === 8222 || c0 === 171 || c0 === 187) {
    out.end = i + 1;
    out.kind = 'q';
    return true;
  }
  out.end = i + width(cp);
  out.kind = 'p';
  return true;
}
