// Malformed input never throws and stays linear: odd quotation marks, huge paragraphs, no sentences.
import { describe, expect, it } from 'vitest';
import { body, run } from './helpers.ts';

describe('malformed input', () => {
  it('survives unbalanced and stray marks', () => {
    const r = run('T', ['”Odhiambo said that “the gates ” are “open', '"', '““””', 'He said “ and then " nothing.']);
    for (const q of r.quotes) expect(r.source.slice(q.start, q.end)).toBe(q.text);
  });

  it('ends an unclosed quote before its attribution', () => {
    const r = run('T', ['“The gates open at dawn, said Odhiambo.']);
    expect(body(r)).toMatchObject([{ text: 'The gates open at dawn', speaker: 'Odhiambo', kind: 'direct' }]);
  });

  it('handles a 1 MB paragraph quickly', () => {
    const sentence = 'Odhiambo said that the river is “very low” today, adding that rain is due, ';
    const big = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const t = performance.now();
    const r = run('T', [big, '“' + 'word '.repeat(100_000)]);
    expect(performance.now() - t).toBeLessThan(5_000);
    expect(r.quotes.length).toBeGreaterThan(0);
  });

  it('handles text without sentences or words', () => {
    expect(run('', []).quotes).toEqual([]);
    expect(run('...', ['!!! ??? ...', '— — —', '12345']).quotes).toEqual([]);
    expect(run('T', [',,,, said said said , , said']).quotes).toBeDefined();
  });
});

describe('fuzzed wire text', () => {
  it('never throws and every quote is an exact, in-bounds slice', async () => {
    const fc = await import('fast-check');
    const pieces = ['“', '”', '"', '‘', '’', ',', '.', ':', ';', ' said', ' added that', ' according to', ', adding that', ' He', ' The ministry',
      ' Amina Odhiambo', ' Minister', ' al-', ' Odhiambo', ' told reporters', '\n\n', ' the', ' is ready', ' (', ')', '—', ' Said', ' …'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (a, b) => {
        const r = run(a.join(''), b.join('').split('\n\n'));
        for (const q of r.quotes) {
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.end).toBeLessThanOrEqual(r.source.length);
          expect(r.source.slice(q.start, q.end)).toBe(q.text);
          expect(r.speakers.some((s) => s.name === q.speaker)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
