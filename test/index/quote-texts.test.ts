import { describe, expect, it } from 'vitest';
import { quoteData, quoteParker, type TextStore } from '../../src/index/quote-texts.ts';
import { buildSiteIndex } from '../../src/index/site.ts';
import { makeArticle } from '../pages/records.ts';

/** An in-memory store that counts reads, so the test sees texts come from the store and not from the objects. */
function memoryStore(): TextStore & { texts: string[]; reads: number } {
  const store = {
    texts: [] as string[], reads: 0,
    put(text: string): [number, number] { store.texts.push(text); return [store.texts.length - 1, text.length]; },
    get([i]: [number, number]): string { store.reads++; return store.texts[i]!; },
  };
  return store;
}

describe('quoteParker', () => {
  const article = makeArticle({
    title: 'Port reopens', date: '2024-02-01', paragraphs: ['“Ships return soon,” said Rana Odeh.', 'Rana Odeh said that “fees” would fall.'],
    speakers: [{ name: 'Rana Odeh' }], quotes: [{ text: 'Ships return soon,', speaker: 'Rana Odeh' }, { text: 'would fall', speaker: 'Rana Odeh', kind: 'indirect' }],
  });

  it('moves every quote text into the store as the index is built and reads it back on demand, other fields unchanged', () => {
    const before = buildSiteIndex([article]).speakers[0]!.quotes.map(quoteData);
    const store = memoryStore();
    const index = buildSiteIndex([article], undefined, quoteParker(store));
    expect(store.texts.sort()).toEqual(['Ships return soon,', 'would fall']);
    for (const q of index.speakers[0]!.quotes) expect(Object.hasOwn(q, 'text')).toBe(false);
    expect(index.speakers[0]!.quotes.map(quoteData)).toEqual(before);
    expect(store.reads).toBe(2);
  });

  it('gives plain data in the QuoteRef field order, so API files keep their key order', () => {
    const index = buildSiteIndex([article]);
    const q = index.speakers[0]!.quotes[0]!;
    expect(Object.keys(quoteData(q))).toEqual(Object.keys(q));
  });
});
