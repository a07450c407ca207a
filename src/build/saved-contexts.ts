// What a fast rebuild reads instead of the index: each article page's context, saved beside the manifest by the build
// that made them and read back one record at a time, for the few articles a body-only edit renders again.
import { closeSync, fstatSync, openSync, readdirSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { ArticleEntry, SiteIndex } from '../index/site.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ArticleContext } from '../pages/article.ts';

/** What rendering an article page found out that the index alone does not say (see articleContext). */
export interface ArticleLinks {
  /** Archive positions (index.articles) of its related articles, best first. */
  related: number[];
  placePages: string[];
}

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

/** One article's saved record: its entry and what its page links to. */
interface SavedRecord {
  entry: ArticleEntry;
  speakerSlugs: [string, string][];
  placePages: string[];
  /** Related articles and neighbours, as built-input positions (records of this file). */
  related: number[];
  newer: number;
  older: number;
}

export interface SavedContexts extends SavedHead {
  /** The page context of built input `k`. */
  context(k: number): ArticleContext;
  close(): void;
}

function contextsFile(manifestFile: string, build: string): string {
  return `${manifestFile}.contexts-${build}`;
}

/**
 * Saves every built article's page context under build `build`: a JSON head (with each record's byte offset) and one
 * JSON record per article. Saved before the manifest commits and named by build, so a manifest only finds its own.
 */
export function writeSavedContexts(manifestFile: string, build: string, head: SavedHead, index: SiteIndex, links: ArticleLinks[]): void {
  // Archive position → built-input position, so records name each other by the latter.
  const order = new Map(head.slugs.map((slug, k) => [slug, k]));
  const byPosition = index.articles.map((a) => order.get(a.slug) ?? -1);
  const atPosition = new Map(index.articles.map((a, p) => [a.slug, p]));
  const records = head.slugs.map((slug, k) => {
    const p = atPosition.get(slug) ?? -1;
    const names = index.speakerSlugs.get(slug);
    const rec: SavedRecord = {
      entry: index.articles[p]!, speakerSlugs: names ? [...names] : [], placePages: links[k]!.placePages,
      related: links[k]!.related.map((id) => byPosition[id]!), newer: p > 0 ? byPosition[p - 1]! : -1, older: p >= 0 && p + 1 < byPosition.length ? byPosition[p + 1]! : -1,
    };
    return Buffer.from(JSON.stringify(rec));
  });
  const offsets: number[] = [0];
  for (const r of records) offsets.push(offsets[offsets.length - 1]! + r.length);
  const headBytes = Buffer.from(JSON.stringify({ ...head, offsets }));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(headBytes.length);
  const fd = openSync(contextsFile(manifestFile, build), 'w');
  try {
    writeSync(fd, size);
    writeSync(fd, headBytes);
    // In pieces of ~1 MB: one Buffer.concat of every record would double the memory they take.
    for (let i = 0; i < records.length;) {
      const piece: Buffer[] = [];
      let bytes = 0;
      for (; i < records.length && bytes < 1 << 20; i++) bytes += piece[piece.push(records[i]!) - 1]!.length;
      writeSync(fd, Buffer.concat(piece, bytes));
    }
  } finally {
    closeSync(fd);
  }
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
  let base: number;
  try {
    const headLength = readAt(0, 4).readUInt32LE(0);
    head = JSON.parse(readAt(4, headLength).toString('utf8')) as SavedHead & { offsets: number[] };
    base = 4 + headLength;
    if (head.offsets.length !== head.slugs.length + 1 || base + head.offsets[head.slugs.length]! !== fstatSync(fd).size) throw new Error('size');
  } catch {
    closeSync(fd);
    return null;
  }
  const { offsets, ...rest } = head;
  const record = (k: number): SavedRecord => JSON.parse(readAt(base + offsets[k]!, offsets[k + 1]! - offsets[k]!).toString('utf8')) as SavedRecord;
  const entry = (k: number): ArticleEntry | undefined => (k < 0 ? undefined : record(k).entry);
  return {
    ...rest,
    context(k) {
      const r = record(k);
      return { entry: r.entry, newer: entry(r.newer), older: entry(r.older), related: r.related.map((id) => entry(id)!), speakerSlugs: r.speakerSlugs, placePages: r.placePages };
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
