// Escaping for HTML and for JSON inside <script>: article text can never close the script or open markup.
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, xmlSafe } from '../../src/render/escape.ts';

describe('escaping', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  it('escapes every special character in short and long text alike, wherever it sits (the scan changes at 32 characters)', async () => {
    const fc = (await import('fast-check')).default;
    const slow = (t: string): string => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
    const text = fc.array(fc.constantFrom('a', ' ', '&', '<', '>', '"', "'", 'é', '—', '\u{1F600}'), { maxLength: 80 }).map((cs) => cs.join(''));
    fc.assert(fc.property(text, (t) => escapeHtml(t) === slow(t)), { numRuns: 1000 });
    expect(escapeHtml(`${'The minister said the talks went well, '.repeat(2)}but "not yet"`)).toBe(`${'The minister said the talks went well, '.repeat(2)}but &quot;not yet&quot;`);
  });

  it('keeps "</script>" and "<!--" from a headline out of a JSON-LD block, and the JSON still parses to the same value', () => {
    const value = { headline: 'Talks end </script><script>alert(1)</script> <!-- & \u2028 \u2029' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('strips characters XML forbids (feeds) but keeps ordinary text', () => {
    expect(xmlSafe('a\u0000b\u0007c “d”')).toBe('abc “d”');
  });
});

describe('jsonFileChunks', () => {
  it('joins to exactly the bytes of jsonFile, whatever the array holds and wherever it sits', async () => {
    const fc = (await import('fast-check')).default;
    const { jsonFile, jsonFileChunks } = await import('../../src/render/escape.ts');
    const item = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.record({ text: fc.string(), n: fc.integer(), tags: fc.array(fc.string(), { maxLength: 3 }), inner: fc.record({ a: fc.string() }) }));
    fc.assert(fc.property(fc.string(), fc.array(item, { maxLength: 30 }), fc.string(), (before, items, after) => {
      const value = { before, quotes: items, after: { after } };
      expect([...jsonFileChunks(value, 'quotes')].join('')).toBe(jsonFile(value));
    }), { numRuns: 400 });
  });

  it('makes each element through the map as it goes, with the bytes of the mapped array', async () => {
    const { jsonFile, jsonFileChunks } = await import('../../src/render/escape.ts');
    const items = Array.from({ length: 2500 }, (_, i) => ({ n: i, text: `Said on day ${i % 7} & more` }));
    const map = (q: { n: number; text: string }): object => ({ ...q, url: `/q/${q.n}/` });
    const pieces = [...jsonFileChunks({ slug: 'y', quotes: items, after: 1 }, 'quotes', map)];
    expect(pieces.join('')).toBe(jsonFile({ slug: 'y', quotes: items.map(map), after: 1 }));
  });

  it('cuts a long array into pieces instead of one string', async () => {
    const { jsonFile, jsonFileChunks } = await import('../../src/render/escape.ts');
    const value = { slug: 'x', quotes: Array.from({ length: 3000 }, (_, i) => ({ text: `Quote number ${i} <b>&</b>`, n: i })) };
    const pieces = [...jsonFileChunks(value, 'quotes')];
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.join('')).toBe(jsonFile(value));
  });
});
