import { describe, expect, it } from 'vitest';
import { creditAgency, knownAgency, parenAgency } from '../../src/parse/agency.ts';

describe('agencies', () => {
  it('normalises known names', () => {
    expect(knownAgency('Syria Times')).toBe('ST');
    expect(knownAgency('xinhua')).toBe('Xinhua');
    expect(knownAgency('Associated Press')).toBe('AP');
    expect(knownAgency('Minister')).toBeNull();
  });
  it('keeps an unknown acronym in parentheses, rejects other words', () => {
    expect(parenAgency('KNA')).toBe('KNA');
    expect(parenAgency('updated')).toBeNull();
  });
  it('finds the agency of a credit line', () => {
    expect(creditAgency('Xinhua | Updated: 2014-05-06 09:30')).toBe('Xinhua');
    expect(creditAgency('Source: AFP')).toBe('AFP');
    expect(creditAgency('Updated: 2014-05-06')).toBeNull();
  });
});
