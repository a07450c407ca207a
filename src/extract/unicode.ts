// Unicode property classes per code point, cached, for hand-written scanners that replace \p{…} regexes on hot paths.

export const LETTER = 1;
export const NUMBER = 2;
export const MARK = 4;
export const UPPER = 8;
export const LOWER = 16;
export const SPACE = 32;
const COMPUTED = 64;

// Basic Multilingual Plane, filled on first use; the rare astral code points are computed each time.
const classes = new Uint8Array(65536);

function compute(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let f = COMPUTED;
  if (/\p{L}/u.test(ch)) f |= LETTER;
  if (/\p{N}/u.test(ch)) f |= NUMBER;
  if (/\p{M}/u.test(ch)) f |= MARK;
  if (/\p{Lu}/u.test(ch)) f |= UPPER;
  if (/\p{Ll}/u.test(ch)) f |= LOWER;
  if (/\s/u.test(ch)) f |= SPACE;
  return f;
}

/** The classes of one code point (a lone surrogate has none, as in a /u regex). */
export function cpFlags(cp: number): number {
  if (cp < 65536) {
    const f = classes[cp]!;
    if (f !== 0) return f;
    return (classes[cp] = compute(cp));
  }
  return compute(cp);
}

/** Code point at i (a lone surrogate counts as one, as in a /u regex). */
export function cpAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** UTF-16 length of a code point. */
export function cpWidth(cp: number): number {
  return cp >= 0x10000 ? 2 : 1;
}
