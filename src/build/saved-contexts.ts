// Each article page's context (what the page reads from the index), saved beside the manifest by the build that made
// them: a fast rebuild reads back the few it renders again instead of the index, and an incremental rebuild skips every
// article whose record and context are both unchanged, since its page and JSON file would come out the same bytes.
import { closeSync, fstatSync, openSync, readdirSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ArticleEntry, SiteIndex } from '../index/site.ts';
import type { Article } from '../model/article.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { sha1 } from '../hash.ts';
import { relatedPositions, type ArticleContext } from '../pages/article.ts';

/** The build-wide facts a fast rebuild's report and routes need. */
export interface SavedHead {
  /** Final slug of each built input, in input order. */
  slugs: string[];
  /** Slug clashes: [position among built inputs, warning] (each belongs in that input's report entry). */
  slugWarnings: [number, Diagnostic][];
  /** Body quotes, speakers and topics in the archive (for the report). */
  quotes: number;
  speakers: number;
  topics: number;
}

/** One article's saved record: its entry and what its page links to, other articles named by slug. */
interface SavedRecord {
  entry: ArticleEntry;
  speakerSlugs: [string, string][];
  placePages: string[];
  related: string[];
  newer: string | null;
  older: string | null;
  /**
   * A hash of each entry the page shows besides its own (newer, older, then related): a page changes when one of
   * them does (a neighbour's new headline), so equal records mean an unchanged page.
   */
  shown: string[];
}

export interface SavedContexts extends SavedHead {
  /** The page context of built input `k`. */
  context(k: number): ArticleContext;
  /** The saved record of the article with this slug, as text (compared with a new build's, see contextRecords). */
  recordOf(slug: string): string | null;
  close(): void;
}

function contextsFile(manifestFile: string, build: string): string {
  return `${manifestFile}.contexts-${build}`;
}

/** Per index: article positions, the slugs of places with a page, and a hash of each entry once made. */
interface RecordCache {
  position: Map<string, number>;
  placePages: Set<string>;
  hashes: (string | undefined)[];
}
const recordCaches = new WeakMap<SiteIndex, RecordCache>();

/**
 * One article's context record as JSON text (`article`: what the index was built from; only its slug and places are
 * read). Pure: the same index gives the same text on any thread (the main thread's or a worker's copy), which is how
 * an incremental build tells that an article page cannot have changed. `related`: its related positions, when known.
 */
export function contextRecord(article: Pick<Article, 'slug' | 'places'>, index: SiteIndex, related = relatedPositions(index.bySlug.get(article.slug)!, index)): string {
  let c = recordCaches.get(index);
  if (!c) recordCaches.set(index, (c = { position: new Map(index.articles.map((a, p) => [a.slug, p])), placePages: new Set(index.places.map((p) => p.slug)), hashes: [] }));
  const cache = c;
  const hashAt = (p: number): string => (cache.hashes[p] ??= sha1(JSON.stringify(index.articles[p]), 'base64url'));
  const p = c.position.get(article.slug) ?? -1;
  const entry = index.articles[p]!;
  const names = index.speakerSlugs.get(article.slug);
  const newer = p > 0 ? p - 1 : -1;
  const older = p >= 0 && p + 1 < index.articles.length ? p + 1 : -1;
  const rec: SavedRecord = {
    entry, speakerSlugs: names ? [...names] : [],
    placePages: article.places.filter((pl) => cache.placePages.has(pl.slug)).map((pl) => pl.slug),
    related: related.map((id) => index.articles[id]!.slug),
    newer: newer < 0 ? null : index.articles[newer]!.slug, older: older < 0 ? null : index.articles[older]!.slug,
    shown: [newer, older, ...related].map((id) => (id < 0 ? '' : hashAt(id))),
  };
  return JSON.stringify(rec);
}

/** Every built article's context record, in input order. */
export function contextRecords(articles: Pick<Article, 'slug' | 'places'>[], index: SiteIndex): string[] {
  return articles.map((a) => contextRecord(a, index));
}

/**
 * Saves the records under build `build`: the records, then a JSON head (with each record's byte offset), then the
 * head's length. Saved before the manifest commits and named by build, so a manifest only finds its own.
 */
export function writeSavedContexts(manifestFile: string, build: string, head: SavedHead, records: string[]): void {
  const writer = openSavedContexts(manifestFile, build);
  try {
    for (const r of records) writer.add(r);
    writer.finish(head);
  } catch (err) {
    writer.abort();
    throw err;
  }
}

/** Saved contexts written one record at a time, in input order (the head, which lists them, comes last). */
export interface SavedContextsWriter {
  add(record: string): void;
  /** Records added so far. */
  readonly count: number;
  finish(head: SavedHead): void;
  /** Deletes the unfinished file. */
  abort(): void;
}

/**
 * Opens build `build`'s saved contexts for records as they are made: a large archive renders its article pages on
 * the main thread one at a time, and its ~1.5 KB a record (150 MB at 100k articles) need not be held until the end.
 */
export function openSavedContexts(manifestFile: string, build: string): SavedContextsWriter {
  const file = contextsFile(manifestFile, build);
  const fd = openSync(file, 'w');
  const offsets: number[] = [0];
  let piece = '';
  let open = true;
  // In pieces of ~1 MB: a write per record is slow, and one string of every record would double the memory they take.
  const flush = (): void => {
    if (piece) writeSync(fd, piece);
    piece = '';
  };
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    add(record) {
      offsets.push(offsets[offsets.length - 1]! + Buffer.byteLength(record));
      piece += record;
      if (piece.length >= 1 << 20) flush();
    },
    get count() {
      return offsets.length - 1;
    },
    finish(head) {
      flush();
      const headBytes = Buffer.from(JSON.stringify({ ...head, offsets }));
      const size = Buffer.alloc(4);
      size.writeUInt32LE(headBytes.length);
      writeSync(fd, headBytes);
      writeSync(fd, size);
      close();
    },
    abort() {
      close();
      rmSync(file, { force: true });
    },
  };
}

/** The contexts build `build` saved, or null when there are none (a large archive saves none) or they are unreadable. */
export function readSavedContexts(manifestFile: string, build: string | undefined): SavedContexts | null {
  if (!build) return null;
  let fd: number;
  try {
    fd = openSync(contextsFile(manifestFile, build), 'r');
  } catch {
    return null;
  }
  // Only the head is read now, and each record when asked for: reading the whole file (13 MB at 10k) cost more than
  // the rest of a one-article rebuild's index stage.
  const readAt = (at: number, length: number): Buffer => {
    const buf = Buffer.allocUnsafe(length);
    if (readSync(fd, buf, 0, length, at) !== length) throw new Error(`${contextsFile(manifestFile, build)}: cut short at ${at}`);
    return buf;
  };
  let head: SavedHead & { offsets: number[] };
  try {
    const size = fstatSync(fd).size;
    const headLength = readAt(size - 4, 4).readUInt32LE(0);
    head = JSON.parse(readAt(size - 4 - headLength, headLength).toString('utf8')) as SavedHead & { offsets: number[] };
    if (head.offsets.length !== head.slugs.length + 1 || head.offsets[head.slugs.length]! + headLength + 4 !== size) throw new Error('size');
  } catch {
    closeSync(fd);
    return null;
  }
  const { offsets, ...rest } = head;
  let bySlug: Map<string, number> | null = null;
  const at = (slug: string): number => (bySlug ??= new Map(rest.slugs.map((s, k) => [s, k]))).get(slug) ?? -1;
  const text = (k: number): string => readAt(offsets[k]!, offsets[k + 1]! - offsets[k]!).toString('utf8');
  const entry = (slug: string | null): ArticleEntry | undefined => (slug === null ? undefined : (JSON.parse(text(at(slug))) as SavedRecord).entry);
  return {
    ...rest,
    context(k) {
      const r = JSON.parse(text(k)) as SavedRecord;
      return { entry: r.entry, newer: entry(r.newer), older: entry(r.older), related: r.related.map((slug) => entry(slug)!), speakerSlugs: r.speakerSlugs, placePages: r.placePages };
    },
    recordOf(slug) {
      const k = at(slug);
      return k < 0 ? null : text(k);
    },
    close() {
      if (fd < 0) return;
      closeSync(fd);
      fd = -1;
    },
  };
}

/** The reuse of saved contexts by the next build: renamed to that build's id, no bytes rewritten. */
export function carrySavedContexts(manifestFile: string, from: string, to: string): void {
  renameSync(contextsFile(manifestFile, from), contextsFile(manifestFile, to));
}

/** Saved contexts of other builds than `keep` (the one the manifest now names) go, as do indexes older versions saved. */
export function pruneSavedContexts(manifestFile: string, keep: string): void {
  const dir = path.dirname(manifestFile);
  const base = path.basename(manifestFile);
  for (const name of readdirSync(dir)) {
    if ((name.startsWith(`${base}.contexts-`) && name !== `${base}.contexts-${keep}`) || name.startsWith(`${base}.index-`)) rmSync(path.join(dir, name), { force: true });
  }
}
