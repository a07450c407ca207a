import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { City } from '../../src/extract/places/cities.ts';
import { citiesUnder, deserializeTable, serializeTable, tableOf } from '../../src/extract/places/city-table.ts';

const city = (name: string, country: string, population: number, adminCode = '01'): City => ({ name, country, adminCode, population });

describe('city tables', () => {
  const all = [city('Paris', 'FR', 2_100_000), city('Paris', 'US', 25_000, 'TX'), city('Ḩamāh', 'SY', 460_000), city('Zürich', 'CH', 400_000)];
  const index = new Map<string, City | City[]>([['paris', [all[0]!, all[1]!]], ['hamah', all[2]!], ['zurich', all[3]!], ['zuerich', all[3]!]]);
  const table = tableOf(index, all, (c) => all.indexOf(c));

  it('finds every key with its cities in the index order, and no key it does not hold', () => {
    const made = new Map<number, City>();
    expect(citiesUnder(table, 'paris', made)).toEqual([all[0], all[1]]);
    expect(citiesUnder(table, 'hamah', made)).toEqual([all[2]]);
    expect(citiesUnder(table, 'zuerich', made)).toEqual([all[3]]);
    for (const missing of ['', 'a', 'pari', 'parisx', 'zz', 'hamahh']) expect(citiesUnder(table, missing, made)).toBeUndefined();
    // One object per city, whichever key found it.
    expect(citiesUnder(table, 'zurich', made)![0]).toBe(citiesUnder(table, 'zuerich', made)![0]);
  });

  it('reads back what it wrote, and refuses bytes that are not a table', () => {
    const back = deserializeTable(serializeTable(table))!;
    for (const k of index.keys()) expect(citiesUnder(back, k, new Map())).toEqual(citiesUnder(table, k, new Map()));
    expect(deserializeTable(Buffer.from('not a table'))).toBeNull();
    expect(deserializeTable(serializeTable({ ...table, cities: [1, 2] } as never))).toBeNull();
  });

  it('gives what the gazetteer index gives for every one of its names, both indexes', async () => {
    const { cityIndexes } = await import('../../src/extract/places/cities.ts');
    const { exact, skeleton, all: cities, numberOf } = cityIndexes();
    for (const map of [exact, skeleton]) {
      const t = deserializeTable(serializeTable(tableOf(map, cities, numberOf)))!;
      const made = new Map<number, City>();
      let checked = 0;
      for (const [k, v] of map) {
        const want = (Array.isArray(v) ? v : [v]).map(({ name, country, adminCode, population }) => ({ name, country, adminCode, population }));
        const got = citiesUnder(t, k, made);
        if (got?.length !== want.length || got.some((c, i) => c.name !== want[i]!.name || c.country !== want[i]!.country || c.adminCode !== want[i]!.adminCode || c.population !== want[i]!.population)) {
          expect(got, k).toEqual(want);
        }
        checked++;
      }
      expect(checked).toBeGreaterThan(100_000); // the real gazetteer, not an empty or stub index
    }
  }, 60_000);
});

describe('citiesNamed beside a bundle', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('leaves its tables beside the bundle, reads them back in a later run, and replaces a torn one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-cities-'));
    vi.stubEnv('NEWS_ARCHIVE_COMPILED', dir);
    const first = await import('../../src/extract/places/cities.ts');
    const damascus = first.citiesNamed('Damascus');
    const raqqa = first.citiesNamed('Raqqa'); // not a GeoNames spelling: the skeleton table finds it
    expect(damascus[0]).toMatchObject({ name: 'Damascus', country: 'SY' });
    expect(raqqa[0]).toMatchObject({ country: 'SY' });
    const files = readdirSync(dir).sort();
    expect(files).toEqual([expect.stringMatching(/^cities-.+-exact\.v8$/), expect.stringMatching(/^cities-.+-skeleton\.v8$/)]);

    vi.resetModules();
    writeFileSync(path.join(dir, files[1]!), 'torn');
    const later = await import('../../src/extract/places/cities.ts');
    expect(later.citiesNamed('Damascus')).toEqual(damascus);
    expect(later.citiesNamed('Raqqa')).toEqual(raqqa);
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(deserializeTable(readFileSync(path.join(dir, files[1]!)))).not.toBeNull();
  }, 60_000);
});
