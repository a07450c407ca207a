// The hand-written token scanner must cut text exactly as the token regular expression it replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanToken, type Scanned } from '../../src/extract/scan.ts';

const REFERENCE = /((?:\p{Lu}\.){2,}|\b(?:Gen|Dr|Mr|Mrs|Ms|Lt|Col|Maj|Brig|Prof|Sen|Rep|Gov|Capt|Sgt|Jr|Sr|Messrs|Mt|Adm|Cdr|Eng)\.(?=\s)|[\p{L}\p{N}]+(?:[’'\-&][\p{L}\p{N}]+|\.(?![\p{Lu}][\p{Ll}]{2})[\p{L}\p{N}]+|,\p{N}{3}(?![\p{L}\p{N}]))*(?:[’'](?:s(?![\p{L}]))?)?)|([“”"„«»])|[^\s\p{L}\p{N}]/gu;

function byRegex(text: string): string[] {
  const out: string[] = [];
  REFERENCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REFERENCE.exec(text))) out.push(`${m.index}:${m.index + m[0].length}:${m[1] !== undefined ? 'w' : m[2] !== undefined ? 'q' : 'p'}`);
  return out;
}

function byScanner(text: string): string[] {
  const out: string[] = [];
  const m: Scanned = { start: 0, end: 0, kind: 'p' };
  let i = 0;
  while (scanToken(text, i, m)) { out.push(`${m.start}:${m.end}:${m.kind}`); i = m.end; }
  return out;
}

// Pieces that meet every branch: initialisms, abbreviations, joiners, thousands, apostrophes, quotes, non-Latin
// letters and digits, astral symbols, lone surrogates and odd spaces.
const PIECES = ['U.', 'S.', 'A', 'b', 'Mr', 'Mrs', 'Gen', '.', ',', '’', "'", 's', '-', '&', '1', '234', '٣', 'é', 'Ω', 'ß', 'Ǆ',
  '中', '𝐀', '😀', '\ud800', ' ', '\n', '\u00a0', '\u2003', '“', '”', '"', '«', '»', '„', '(', ')', '/', 'Commenting', 'Ab', 'aB'];

describe('token scanner', () => {
  it('cuts generated text exactly like the reference regular expression', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      expect(byScanner(text)).toEqual(byRegex(text));
    }), { numRuns: 3000 });
  });

  it('keeps "U.S.", "Gen.", "al-Assad’s", "1,205" and "3.5" whole and splits "responsibility.Commenting"', () => {
    const text = 'U.S. Gen. al-Assad’s 1,205 3.5 responsibility.Commenting';
    const m: Scanned = { start: 0, end: 0, kind: 'p' };
    const toks: string[] = [];
    let i = 0;
    while (scanToken(text, i, m)) { toks.push(text.slice(m.start, m.end)); i = m.end; }
    expect(toks).toEqual(['U.S.', 'Gen.', 'al-Assad’s', '1,205', '3.5', 'responsibility', '.', 'Commenting']);
  });
});
