// The hand-written named-thing tokenizer must produce exactly the tokens of the regex-based one it replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCountryForm } from '../../../src/extract/topics/lexicon.ts';
import { tokenize } from '../../../src/extract/topics/named.ts';

// Every stop word the generated pieces below can spell after a hyphen ("-The", "-As" …).
const STOP_SAMPLE = new Set(['the', 'a', 'as', 'in', 'he']);

/** The regex tokenizer as it was, with a few stop words (enough to exercise the "SANA-The" split). */
function reference(text: string, stop: (w: string) => boolean) {
  const out: { text: string; lower: string; start: number; end: number; cap: boolean; sentenceStart: boolean; possessive: boolean }[] = [];
  let prevEnd = 0;
  for (const whole of text.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*/gu)) {
    const hyphen = whole[0].includes('-');
    const glued = hyphen ? /^(.+)-(\p{Lu}\p{Ll}*)$/u.exec(whole[0]) : null;
    const pieces = glued && stop(glued[2]!.toLowerCase())
      ? [{ 0: glued[1]!, index: whole.index }, { 0: glued[2]!, index: whole.index + glued[1]!.length + 1 }]
      : [{ 0: whole[0], index: whole.index }];
    for (const m of pieces) {
      let word = m[0];
      const possessive = /['’]s$/.test(word);
      if (possessive) word = word.slice(0, -2);
      word = word.replace(/['’\-]+$/, '');
      const gap = text.slice(prevEnd, m.index);
      const sentenceStart = out.length === 0 || (gap !== ' ' && (/[.!?:;"“”\n]\s*$/.test(gap) || gap.includes('\n')));
      const cap = /^\p{Lu}/u.test(word) && word.length >= 2 && !(hyphen && /-\p{Ll}+$/u.test(word));
      const bare = cap && !possessive && word.endsWith('s') && isCountryForm(word.slice(0, -1));
      out.push({ text: word, lower: word.toLowerCase(), start: m.index, end: m.index + word.length, cap, sentenceStart: sentenceStart || m !== pieces[0], possessive: possessive || bare });
      prevEnd = m.index + m[0].length;
    }
  }
  return out;
}

const PIECES = ['The', 'the', 'SANA', 'Syria', 's', "'", '’', '-', 'based', 'Led', 'A', 'b', 'Zürich', 'é', '\u0301', 'Ω', 'ß', '中', '𝐀',
  '😀', '\ud800', '1', '٣', ' ', '  ', '\n', '\u00a0', '\u2003', '.', '!', ':', ';', '"', '“', '”', ',', '(', 'Ünited', 'In', 'He'];

describe('named-thing tokenizer', () => {
  it('cuts generated text exactly like the regex-based tokenizer', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      const got = tokenize(text).map((t) => ({ ...t }));
      expect(got).toEqual(reference(text, (w) => STOP_SAMPLE.has(w)));
    }), { numRuns: 4000 });
  });

  it('splits an agency glued to the next sentence ("SANA-The") and marks the second part sentence-initial', () => {
    const toks = tokenize('Reports by SANA-The Ministry said');
    expect(toks.map((t) => [t.text, t.sentenceStart])).toEqual([['Reports', true], ['by', false], ['SANA', false], ['The', true], ['Ministry', false], ['said', false]]);
  });
});
