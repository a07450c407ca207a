// The one slug function for topics and places, so a name always maps to the same URL segment.
import slugifyLib from '@sindresorhus/slugify';

// English readers expect "turkiye", not the German "tuerkiye" transliteration slugify defaults to.
const REPLACEMENTS: [string, string][] = [
  ['ä', 'a'], ['ö', 'o'], ['ü', 'u'], ['Ä', 'A'], ['Ö', 'O'], ['Ü', 'U'], ['&', ' and '],
];

// Both functions are pure and see the same few thousand names over and over in a build; the caches are
// cleared when full so memory stays bounded on open-ended input.
const CACHE_LIMIT = 50_000;
const slugCache = new Map<string, string>();
const foldCache = new Map<string, string>();

function remember(cache: Map<string, string>, key: string, value: string): string {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

export function slugify(name: string): string {
  return slugCache.get(name) ?? remember(slugCache, name, slugifyLib(name, { decamelize: false, customReplacements: REPLACEMENTS }));
}

/** Case- and accent-insensitive key for comparing names ("Communiqué" = "communique"). */
export function foldName(name: string): string {
  return foldCache.get(name) ?? remember(foldCache, name, foldUncached(name));
}

// Printable ASCII words separated by single spaces: folding is lower-casing (and the backtick).
const PLAIN_ASCII = /^[!-~]+(?: [!-~]+)*$/;

// Module-level: a \p literal inside the function is rebuilt per call once bundled (global, but replace() starts at 0).
const MARKS = /\p{M}+/gu;

/** foldName without the cache, for one-off bulk keys (the city gazetteer) that would only churn it. */
export function foldUncached(name: string): string {
  if (PLAIN_ASCII.test(name)) return name.replace(/`/g, "'").toLowerCase();
  return name
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
