// The archive index as bytes, so worker threads get the main thread's index instead of building their own.
import v8 from 'node:v8';
import { RELATED_POOL, slugLookup, type SiteIndex } from './site.ts';

/** A packed index: its bytes in shared memory, and an id (each message delivers a new SharedArrayBuffer object). */
export interface PackedIndex {
  id: string;
  bytes: SharedArrayBuffer;
}

let packed = 0;

/**
 * One copy for every worker: the bytes live in shared memory, so sending them in each task costs nothing. v8's
 * serializer keeps shared objects shared (an entry in `articles` is the same object in `bySlug`), which code keyed by
 * identity relies on (see positionOf in src/pages/article.ts).
 */
export function packIndex(index: SiteIndex): PackedIndex {
  const { speakerSlugFor: _fn, ...data } = index;
  const bytes = v8.serialize(data);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return { id: `${process.pid}-${++packed}`, bytes: shared };
}

export function unpackIndex(index: PackedIndex | Uint8Array): SiteIndex {
  const data = v8.deserialize(index instanceof Uint8Array ? index : new Uint8Array(index.bytes)) as Omit<SiteIndex, 'speakerSlugFor'>;
  return { ...data, speakerSlugFor: slugLookup(data.speakerSlugs) };
}

/**
 * The index the workers render with: everything but the speakers' quotes (three quarters of the bytes at 10k).
 * Pages that show quotes (speaker pages and the speaker indexes, see SPEAKER_PAGE_TEMPLATES) are made on the main
 * thread, which has the whole index.
 */
export function workerIndex(index: SiteIndex): SiteIndex {
  const speakers = index.speakers.map((s) => ({ ...s, quotes: [] }));
  return { ...index, speakers, speakerBySlug: new Map(speakers.map((s) => [s.slug, s])) };
}

/**
 * The index as article pages see it, and no more: the articles in order, speaker slugs, which places have pages, and
 * for each speaker and topic the first RELATED_POOL articles that related-article ranking reads (see
 * relatedArticles); no quotes, counts, months or list-page data. It is what a fast rebuild reads back to re-render
 * the articles that changed, so its size is most of that rebuild's index time.
 */
export function articleIndex(index: SiteIndex): SiteIndex {
  const speakers = index.speakers.map((s) => ({ ...s, quotes: [], roles: [], aliases: [], topics: [], coSpeakers: [], articles: s.articles.slice(0, RELATED_POOL) }));
  const topics = index.topics.map((t) => ({ ...t, speakers: [], articles: t.articles.slice(0, RELATED_POOL) }));
  return {
    ...index, speakers, speakerBySlug: new Map(speakers.map((s) => [s.slug, s])),
    topics, topicBySlug: new Map(topics.map((t) => [t.slug, t])),
    places: index.places.map((p) => ({ ...p, articles: [] })), months: [], undated: [],
  };
}
