// Large archives: every speaker quote's text parked in a store outside the heap once the index is built, and read
// back when a speaker page, feed or API file shows it. 100k articles hold ~1.8M quotes; as strings they were the
// largest part of the index that list pages keep alive while the whole site renders.
import type { QuoteKind } from '../model/article.ts';
import type { QuoteRef } from './site.ts';

/** Where parked texts live (the build passes a file-backed store; tests can pass memory). */
export interface TextStore {
  put(text: string): [number, number];
  get(at: [number, number]): string;
}

/** A function that parks one quote's text in `store` and returns the quote that reads it back from there. */
export function quoteParker(store: TextStore): (q: QuoteRef) => QuoteRef {
  // A class per store keeps the store off the instances: 1.8M quotes at 100k articles make every field count.
  class ParkedQuote implements QuoteRef {
    constructor(
      readonly articleSlug: string,
      readonly articleTitle: string,
      readonly anchor: string,
      readonly kind: QuoteKind,
      readonly date: string | null,
      readonly speakerSlug: string,
      readonly speakerName: string,
      private readonly offset: number,
      private readonly length: number,
      private readonly check1: number,
      private readonly check2: number,
    ) {}

    get text(): string {
      return store.get([this.offset, this.length]);
    }

    /**
     * Its JSON, which a page's fingerprint is made from (src/pages/fingerprint.ts): the text by two 30-bit checksums
     * and its length, not read back from the store (reading 1.8M texts for fingerprints made a 100k rebuild slower
     * than rendering every page). Pages and JSON files get the text through quoteData.
     */
    toJSON(): QuoteRef {
      const text = `${this.check1}.${this.check2}.${this.length}`;
      return { articleSlug: this.articleSlug, articleTitle: this.articleTitle, anchor: this.anchor, text, kind: this.kind, date: this.date, speakerSlug: this.speakerSlug, speakerName: this.speakerName };
    }
  }
  return (q) => {
    const [offset, length] = store.put(q.text);
    return new ParkedQuote(q.articleSlug, q.articleTitle, q.anchor, q.kind, q.date, q.speakerSlug, q.speakerName, offset, length, checksum(q.text, 0x811c9dc5, 0x01000193), checksum(q.text, 0x2545f491, 0x5bd1e995));
  };
}

/**
 * A 30-bit checksum of `text` (FNV-1a style with the given seed and prime): small integers, so a parked quote keeps
 * two in its own fields without a heap number each; two independent ones miss a change about once in 2^60.
 */
function checksum(text: string, seed: number, prime: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), prime);
  return (h ^ (h >>> 15)) & 0x3fffffff;
}

/** A quote as plain data, text included, in the QuoteRef field order (a parked quote keeps its text off its fields). */
export function quoteData(q: QuoteRef): QuoteRef {
  return { articleSlug: q.articleSlug, articleTitle: q.articleTitle, anchor: q.anchor, text: q.text, kind: q.kind, date: q.date, speakerSlug: q.speakerSlug, speakerName: q.speakerName };
}
