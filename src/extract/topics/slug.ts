// The one slug function for topics and places, so a name always maps to the same URL segment.
import slugifyLib from '@sindresorhus/slugify';

// English readers expect "turkiye", not the German "tuerkiye" transliteration slugify defaults to.
const REPLACEMENTS: [string, string][] = [
  ['ä', 'a'], ['ö', 'o'], ['ü', 'u'], ['Ä', 'A'], ['Ö', 'O'], ['Ü', 'U'], ['&', ' and '],
];

export function slugify(name: string): string {
  return slugifyLib(name, { decamelize: false, customReplacements: REPLACEMENTS });
}

/** Case- and accent-insensitive key for comparing names ("Communiqué" = "communique"). */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
