// Human formats: dates, "Undated" fallbacks and <title> length.
import { describe, expect, it } from 'vitest';
import { documentTitle, formatDate, formatMonth } from '../../src/render/format.ts';

describe('formats', () => {
  it('formats ISO dates and timestamps as day month year, and null as undated', () => {
    expect(formatDate('2024-03-02')).toBe('2 March 2024');
    expect(formatDate('2024-03-02T23:30:00+03:00')).toBe('2 March 2024');
    expect(formatDate(null)).toBe('undated');
    expect(formatMonth('2023-11')).toBe('November 2023');
  });

  it('answers a repeated day in its own pattern (the last answer is reused only for the same day and pattern)', () => {
    expect(formatDate('2024-03-02')).toBe('2 March 2024');
    expect(formatDate('2024-03-02', 'MMM')).toBe('Mar');
    expect(formatDate('2024-03-02', 'MMMM yyyy')).toBe('March 2024');
    expect(formatDate('2024-03-02')).toBe('2 March 2024');
    expect(formatDate('2024-03-03')).toBe('3 March 2024');
  });

  it('keeps document titles within 70 characters, cutting at a word and dropping the site name first', () => {
    expect(documentTitle('Talks resume', 'News Archive')).toBe('Talks resume — News Archive');
    expect(documentTitle('News Archive', 'News Archive')).toBe('News Archive');
    const long = documentTitle('Lavrov says ministers agreed to continue coordination towards a dialogue between the parties', 'News Archive');
    expect(long.length).toBeLessThanOrEqual(70);
    expect(long).toBe('Lavrov says ministers agreed to continue coordination towards a…');
  });
});
