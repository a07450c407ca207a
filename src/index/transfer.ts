// The archive index as bytes, so worker threads get the main thread's index instead of building their own.
import v8 from 'node:v8';
import { slugLookup, type SiteIndex } from './site.ts';

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
