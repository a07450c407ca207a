// Fingerprints of what an output file is made from (a list page's data, a feed's items): a rebuild with the last
// build's page version (code, templates, config) keeps a file whose fingerprint is unchanged without rendering it.
import { sha1 } from '../hash.ts';
import type { SiteIndex } from '../index/site.ts';

/** The fingerprint of the data an output file is made from. */
export type Fingerprint = (value: unknown) => string;

/** How deep shared objects are looked for: a page's data, a list in it, an item in the list (letters nest one more). */
const SHARED_DEPTH = 5;
/**
 * Lists this long are hashed once per list object, like shared objects: a speaker's or topic's timeline is one list
 * on each of their pages (~270 months on each page made most of what was serialised in a trial at 100k articles).
 */
const LONG_LIST = 32;
/**
 * Long lists are serialised this many items at a time: all the quotes of a much quoted speaker as one JSON string
 * (~300 MB in a trial at 100k) stay until a full collection; pieces this small go in the young generation.
 */
const CHUNK = 128;

/** Slices marked by markSlice: the list each is part of, and where it starts. */
const slices = new WeakMap<readonly unknown[], { of: readonly unknown[]; at: number }>();

/**
 * Marks `slice` as the part of `list` that starts at `at`: a fingerprint names it by the list's reference (made once
 * per list) and its place, instead of serialising it again. Only for a slice whose output holds the list anyway, as a
 * speaker's page holds the speaker with all of their quotes: a change anywhere in the list changes that output's
 * fingerprint either way. (A speaker's pages of quotes were ~80 MB of JSON at 10k articles, serialised a second time.)
 */
export function markSlice(slice: readonly unknown[], list: readonly unknown[], at: number): void {
  if (list.length >= LONG_LIST) slices.set(slice, { of: list, at });
}

/**
 * `shared`: objects that many outputs include (an article on every list that has it, a speaker on each of their
 * pages): each is serialised once and stands in the others by its hash. The rest goes through JSON.stringify as it
 * is (a JavaScript replacer made fingerprints cost as much as rendering), so what outputs are made from must be plain
 * data, as JSON sees it: test/pages/fingerprint.test.ts checks every kind of output with notPlainData.
 */
export function fingerprinter(shared: ReadonlySet<object>): Fingerprint {
  // Weak: long lists made for one page are garbage once it is done.
  const memo = new WeakMap<object, string>();
  /** A reference to `v`, made once per object from `text` (its JSON, or the hashes of its pieces). */
  const ref = (v: object, text: () => string): string => {
    let h = memo.get(v);
    // A leading NUL: no text of an article can pass for a reference (the JSON escapes it as \u0000).
    if (h === undefined) memo.set(v, (h = `\u0000${sha1(text(), 'base64url')}`));
    return h;
  };
  const items = (v: unknown[], depth: number): unknown[] => {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const e = v[i] as unknown;
      // Most values are strings and numbers: they are skipped here, without a call each.
      if (typeof e !== 'object' || e === null) continue;
      const x = swap(e, depth - 1);
      if (x !== e) (out ??= v.slice())[i] = x;
    }
    return out ?? v;
  };
  /** The hashes (fixed length, so their order and number say it all) of a long list's pieces. */
  const pieces = (v: unknown[], depth: number): string => {
    let hashes = '';
    for (let i = 0; i < v.length; i += CHUNK) hashes += sha1(JSON.stringify(items(v.slice(i, i + CHUNK), depth)), 'base64url');
    return hashes;
  };
  /** `v` with what it holds swapped: shared objects and long lists for their references, copied only where one is. */
  const inner = (v: object, depth: number): unknown => {
    if (Array.isArray(v)) {
      const slice = slices.get(v);
      if (slice) return [ref(slice.of, () => pieces(slice.of as unknown[], depth)), slice.at, v.length];
      return v.length >= LONG_LIST ? ref(v, () => pieces(v, depth)) : items(v, depth);
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) return v;
    const o = v as Record<string, unknown>;
    let out: Record<string, unknown> | null = null;
    for (const k in o) {
      const e = o[k];
      if (typeof e !== 'object' || e === null) continue;
      const x = swap(e, depth - 1);
      if (x !== e) (out ??= { ...o })[k] = x;
    }
    return out ?? v;
  };
  const swap = (v: object, depth: number): unknown => {
    // A shared object's own lists are swapped too: a speaker's record holds all of their quotes.
    if (shared.has(v)) return ref(v, () => JSON.stringify(inner(v, SHARED_DEPTH)));
    return depth === 0 ? v : inner(v, depth);
  };
  return (value) => sha1(JSON.stringify(typeof value === 'object' && value !== null ? swap(value, SHARED_DEPTH) : value) ?? '', 'base64url').slice(0, 22);
}

/** A fingerprinter for outputs made from `index`: its articles, speakers, topics, places and months are shared. */
export function indexFingerprinter(index: Pick<SiteIndex, 'articles' | 'speakers' | 'topics' | 'places' | 'months'>): Fingerprint {
  return fingerprinter(new Set<object>([...index.articles, ...index.speakers, ...index.topics, ...index.places, ...index.months]));
}

/**
 * Where `value` holds something JSON would not keep as it is (undefined or NaN in a list, a Map, a Set, a function,
 * a class instance without toJSON), or null when it is plain data: such a value could change without changing its
 * fingerprint. For tests; a build trusts its own page code.
 */
export function notPlainData(value: unknown, at = '$'): string | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : at;
    case 'object': {
      if (value === null) return null;
      const json = (value as { toJSON?: unknown }).toJSON;
      if (typeof json === 'function') return value instanceof Date ? null : notPlainData((value as { toJSON(): unknown }).toJSON(), at);
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const bad = value[i] === undefined ? `${at}[${i}]` : notPlainData(value[i], `${at}[${i}]`);
          if (bad) return bad;
        }
        return null;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return at;
      for (const [k, v] of Object.entries(value)) {
        const bad = v === undefined ? null : notPlainData(v, `${at}.${k}`);
        if (bad) return bad;
      }
      return null;
    }
    default:
      return at;
  }
}
