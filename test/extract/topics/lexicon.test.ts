import { describe, expect, it } from 'vitest';
import { findMentions, isShouted } from '../../../src/extract/topics/lexicon.ts';

const found = (text: string) => findMentions(text).map((m) => [m.start, m.form, m.target?.slug ?? null]);

describe('findMentions', () => {
  it('takes the longest form at a position, and a blocker consumes the country inside it', () => {
    expect(found('Talks in New Mexico and Mexico City')).toEqual([[9, 'New Mexico', null], [24, 'Mexico', 'mexico']]);
    expect(found('Saudi Arabia and a Saudi envoy')).toEqual([[0, 'Saudi Arabia', 'saudi-arabia'], [19, 'Saudi', 'saudi-arabia']]);
  });

  it('matches whole words only, falling back to a shorter form when a longer one runs into a word', () => {
    expect(found('Chinatown grew, China said')).toEqual([[16, 'China', 'china']]);
    expect(found('UNESCO and the UN')).toEqual([[15, 'UN', 'united-nations']]);
    expect(found('The U.S.A. and the U.S.Army')).toEqual([[4, 'U.S.A.', 'united-states']]);
  });

  it('treats accented, non-BMP and digit neighbours as part of the word, but not emoji', () => {
    expect(found('éFrance France2 𝐀France 😀France')).toEqual([[27, 'France', 'france']]);
  });

  it('ignores short acronyms in a shouted headline but keeps long names and dotted codes', () => {
    expect(found('WHO SAID SYRIA AND U.N. TALKS')).toEqual([[9, 'SYRIA', 'syria'], [19, 'U.N.', 'united-nations']]);
    expect(found('WHO said Syria')).toEqual([[0, 'WHO', 'world-health-organization'], [9, 'Syria', 'syria']]);
  });
});

describe('isShouted', () => {
  it('needs four letters, all capitals', () => {
    expect(isShouted('PORT CLOSED AFTER STORM')).toBe(true);
    expect(isShouted('Port closed')).toBe(false);
    expect(isShouted('A.B.')).toBe(false);
    expect(isShouted('STRASSE ÉTÉ')).toBe(true);
    expect(isShouted('STRAßE')).toBe(false);
  });
});
