import { describe, expect, it } from 'vitest';
import { matchDateline } from '../../src/parse/dateline.ts';

function dl(text: string) {
  const m = matchDateline(text);
  return m && { raw: m.raw, place: m.place, agency: m.agency, date: m.date, rest: text.slice(m.end) };
}

describe('matchDateline', () => {
  it('place, agency and a spaced en dash', () => {
    expect(dl('Aleppo, SANA – The council met on Sunday.')).toEqual({ raw: 'Aleppo, SANA –', place: 'Aleppo', agency: 'SANA', date: null, rest: 'The council met on Sunday.' });
  });
  it('agency glued to the text by a hyphen or underscore', () => {
    expect(dl('Homs, SANA-Farmers began the harvest.')?.rest).toBe('Farmers began the harvest.');
    expect(dl('Homs, SANA-Farmers began the harvest.')?.raw).toBe('Homs, SANA-');
    expect(dl('Tartus, SANA_ Fishermen returned early.')).toMatchObject({ raw: 'Tartus, SANA_', agency: 'SANA' });
  });
  it('no space after the comma', () => {
    expect(dl('Hama,SANA– Schools reopened.')).toMatchObject({ place: 'Hama', agency: 'SANA' });
  });
  it('multi-word place', () => {
    expect(dl('Deir Ezzor, SANA- A new bakery opened.')).toMatchObject({ place: 'Deir Ezzor', agency: 'SANA' });
  });
  it('agency code in parentheses (Syria Times)', () => {
    expect(dl('ALEPPO, (ST)- The festival opened today.')).toMatchObject({ raw: 'ALEPPO, (ST)-', place: 'ALEPPO', agency: 'ST' });
  });
  it('place, date without year, agency', () => {
    expect(dl('Isfahan, Jan 4, IRNA – The fair drew large crowds.')).toMatchObject({ place: 'Isfahan', agency: 'IRNA', date: null });
  });
  it('place, date with year, agency: the date is kept', () => {
    expect(dl('Isfahan, Jan 4, 2016, IRNA – The fair drew large crowds.')).toMatchObject({ agency: 'IRNA', date: '2016-01-04' });
  });
  it('upper-case place and a dash only', () => {
    expect(dl('SHANGHAI - Port traffic rose in May.')).toMatchObject({ raw: 'SHANGHAI -', place: 'SHANGHAI', agency: null });
  });
  it('opening parenthesis before a Title-case place', () => {
    expect(dl('( Basra – Oil exports rose in June.')).toMatchObject({ raw: '( Basra –', place: 'Basra', agency: null });
  });
  it('Reuters style: place, month and day', () => {
    expect(dl('LISBON, Feb 3 - The bank cut its rate.')).toMatchObject({ raw: 'LISBON, Feb 3 -', place: 'LISBON', agency: null });
    expect(dl('SAN DIEGO, March 14 - The company said sales rose.')).toMatchObject({ place: 'SAN DIEGO' });
    expect(dl('OSLO, 2 April - Ferry fares went up.')).toMatchObject({ place: 'OSLO' });
  });
  it('Reuters style with a state or region', () => {
    expect(dl('AUSTIN, Texas, May 9 - The firm hired staff.')).toMatchObject({ place: 'AUSTIN, Texas' });
    expect(dl('DOVER, Del. May 9 - The firm hired staff.')).toMatchObject({ place: 'DOVER, Del.' });
  });
  it('agency in parentheses after the place', () => {
    expect(dl('CHICAGO (Reuters) - Corn futures fell.')).toMatchObject({ raw: 'CHICAGO (Reuters) -', place: 'CHICAGO', agency: 'Reuters' });
    expect(dl('ATHENS, June 2 (AFP) - Ships left port.')).toMatchObject({ place: 'ATHENS', agency: 'AFP' });
  });
  it('a dateline alone on its line', () => {
    expect(dl('LISBON, Feb 3 -\nThe bank cut its rate.')?.rest).toBe('The bank cut its rate.');
  });
  it('an ordinary sentence start is not a dateline', () => {
    expect(dl('Swedish Prime Minister Anna Berg said on Monday the plan would pass.')).toBeNull();
    expect(dl('The ministry, SANA reported, opened a new school.')).toBeNull();
    expect(dl('Meanwhile - the talks went on.')).toBeNull();
    expect(dl('BREAKING - Markets fall.')).toBeNull();
    expect(dl('Oslo-based firms hired more staff.')).toBeNull();
    expect(dl('')).toBeNull();
  });
});
