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
    ) {}

    get text(): string {
      return store.get([this.offset, this.length]);
    }
  }
  return (q) => {
    const [offset, length] = store.put(q.text);
    return new ParkedQuote(q.articleSlug, q.articleTitle, q.anchor, q.kind, q.date, q.speakerSlug, q.speakerName, offset, length);
  };
}

/** A quote as plain data, text included, in the QuoteRef field order (a parked quote keeps its text off its fields). */
export function quoteData(q: QuoteRef): QuoteRef {
  return { articleSlug: q.articleSlug, articleTitle: q.articleTitle, anchor: q.anchor, text: q.text, kind: q.kind, date: q.date, speakerSlug: q.speakerSlug, speakerName: q.speakerName };
}
