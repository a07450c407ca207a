import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skeletonOfFolded } from '../../src/extract/places/cities.ts';
import { normalisePlaceName, resolvePlace } from '../../src/extract/places/resolve.ts';

describe('place normalisation', () => {
  it('gives MOSCOW and Moscow one place with one slug', () => {
    const a = resolvePlace({ place: 'MOSCOW' });
    const b = resolvePlace({ place: 'Moscow' });
    expect(a).toEqual({ name: 'Moscow', slug: 'moscow', country: 'Russia', country_code: 'RU' });
    expect(b).toEqual(a);
  });

  it('title-cases capitals but keeps small words lower-case', () => {
    expect(normalisePlaceName('RIO DE JANEIRO')).toBe('Rio de Janeiro');
  });

  it('restores the gazetteer spelling of an unaccented capitalised name', () => {
    expect(resolvePlace({ place: 'SAO PAULO' })).toMatchObject({ name: 'São Paulo', slug: 'sao-paulo', country: 'Brazil' });
  });

  it('ignores trailing dateline punctuation', () => {
    expect(resolvePlace({ place: 'Beirut –' })?.name).toBe('Beirut');
  });

  it('returns null without a dateline place', () => {
    expect(resolvePlace(null)).toBeNull();
    expect(resolvePlace({ place: null })).toBeNull();
  });

  it('keeps an unknown place with no country', () => {
    expect(resolvePlace({ place: 'ZORBLAXTON' })).toEqual({ name: 'Zorblaxton', slug: 'zorblaxton', country: null, country_code: null });
  });
});

describe('country resolution', () => {
  it('takes the most populous match by default', () => {
    expect(resolvePlace({ place: 'DAMASCUS' })?.country_code).toBe('SY');
  });

  it('honours a US state abbreviation after the city', () => {
    const p = resolvePlace({ place: 'PARIS, Tenn.' });
    expect(p).toMatchObject({ name: 'Paris', country: 'United States', country_code: 'US' });
  });

  it('honours a Canadian province abbreviation after the city', () => {
    expect(resolvePlace({ place: 'LONDON, Ont.' })?.country_code).toBe('CA');
    expect(resolvePlace({ place: 'LONDON' })?.country_code).toBe('GB');
  });

  it('honours a country named after the city', () => {
    expect(resolvePlace({ place: 'TRIPOLI, Lebanon' })?.country_code).toBe('LB');
  });

  it('lets the text pick between comparable candidates', () => {
    expect(resolvePlace({ place: 'TRIPOLI' })?.country_code).toBe('LY');
    expect(resolvePlace({ place: 'TRIPOLI' }, 'Fishermen in northern Lebanon said the port was closed.')?.country_code).toBe('LB');
  });

  it('does not let a passing mention move a capital to a small town', () => {
    expect(resolvePlace({ place: 'PARIS' }, 'An American bank said it would open a branch.')?.country_code).toBe('FR');
  });

  it('resolves a dateline that is itself a country', () => {
    expect(resolvePlace({ place: 'KUWAIT' })).toMatchObject({ name: 'Kuwait', country: 'Kuwait', country_code: 'KW' });
  });

  it('finds a city under a different transliteration', () => {
    expect(resolvePlace({ place: 'Deir Ezzor' })?.country_code).toBe('SY');
  });
});

describe('abbreviated place names', () => {
  it('reads "St." as "Saint" in a dateline', () => {
    expect(resolvePlace({ place: 'ST. PAUL, Minn.' })).toMatchObject({ name: 'St. Paul', country_code: 'US' });
    expect(resolvePlace({ place: 'ST. PAUL' })?.country_code).toBe('US');
  });
});

describe('skeleton', () => {
  const byRegex = (k: string) => k.replace(/^(?:al|el|ar|as|ad|an|at|az|ash|ad-)[\s\-]+/, '').replace(/[^a-z0-9]/g, '').replace(/(.)\1+/g, '$1').replace(/h$/, '');
  const PIECES = ['al', 'ash', 'as', 'ad-', 'el', 'a', 's', 'h', 'hh', 'z', ' ', '-', '\t', '\u00a0', '\u3000', 'r', 'raqqa', 'é', 'Z', '1', '11', "'", '.'];
  it('reduces a folded name exactly like the regex chain it replaced', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), (parts) => {
      const k = parts.join('');
      expect(skeletonOfFolded(k)).toBe(byRegex(k));
    }), { numRuns: 5000 });
  });
});
