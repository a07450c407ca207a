// Data fingerprints: equal data gives equal fingerprints in any build, any change to what an output is made from
// changes them, and every kind of output is made from plain data (what JSON keeps is all there is).
import { describe, expect, it } from 'vitest';
import { quoteParker } from '../../src/index/quote-texts.ts';
import { buildSiteIndex, type SiteIndex } from '../../src/index/site.ts';
import type { Article } from '../../src/model/article.ts';
import { eachFeed } from '../../src/pages/feeds.ts';
import { fingerprinter, indexFingerprinter, markSlice, notPlainData } from '../../src/pages/fingerprint.ts';
import { eachListPage, INLINE_SPEAKERS } from '../../src/pages/lists.ts';
import { eachIndexApi } from '../../src/pages/machine.ts';
import { routes } from '../../src/routes/permalinks.ts';
import { makeArticle, testSite } from './records.ts';

const site = testSite();

/** Enough speakers for the A–Z letter pages, dated and undated stories, several topics and places. */
function records(headline = 'Water plan agreed'): Article[] {
  const out = [
    makeArticle({
      title: headline, date: '2023-11-14', topics: ['Water', 'Diplomacy'], place: 'Damascus',
      paragraphs: ['“The plan protects farmers,” said Hana Qasim.'], speakers: [{ name: 'Hana Qasim', roles: ['Water Minister'] }],
      quotes: [{ text: 'The plan protects farmers,', speaker: 'Hana Qasim' }],
    }),
    makeArticle({ title: 'Market traders return', paragraphs: ['Traders returned to the market.'], place: 'Homs' }),
  ];
  for (let i = 0; i <= INLINE_SPEAKERS; i++) {
    const name = `Speaker ${String.fromCharCode(65 + (i % 26))}${i} Person`;
    out.push(makeArticle({
      title: `Story number ${i}`, date: `2024-0${1 + (i % 9)}-1${i % 10}`, topics: [i % 2 ? 'Trade' : 'Water'], place: i % 3 ? 'Hama' : 'Aleppo',
      paragraphs: [`“We will build ${i} bridges,” said ${name}.`], speakers: [{ name, roles: ['Minister'] }],
      quotes: [{ text: `We will build ${i} bridges,`, speaker: name }],
    }));
  }
  return out;
}

/** Every output made from the index, as [route, what it is made from]. */
function outputs(index: SiteIndex): [string, unknown][] {
  return [
    ...[...eachListPage(index, site)].map((p): [string, unknown] => [p.route, p]),
    ...[...eachFeed(index, site)].map((f): [string, unknown] => [f.route, f.from]),
    ...[...eachIndexApi(index, site)].map((f): [string, unknown] => [f.route, f.from]),
  ];
}

const fingerprints = (index: SiteIndex): Map<string, string> => {
  const fp = indexFingerprinter(index);
  return new Map(outputs(index).map(([route, from]) => [route, fp(from)]));
};

describe('fingerprints of outputs made from the index', () => {
  it('are made from plain data only, for every kind of output (letter pages included)', () => {
    const index = buildSiteIndex(records());
    const all = outputs(index);
    expect(all.map(([route]) => route)).toContain(routes.speakersLetter('p'));
    for (const [route, from] of all) expect(notPlainData(from), route).toBeNull();
  });

  it('are the same for the same data in another build (a new index, new objects)', () => {
    const a = fingerprints(buildSiteIndex(records()));
    const b = fingerprints(buildSiteIndex(records()));
    expect(a.size).toBeGreaterThan(INLINE_SPEAKERS);
    expect(b).toEqual(a);
  });

  it('change for the outputs that show a changed headline, not for the others', () => {
    const a = fingerprints(buildSiteIndex(records()));
    const indexB = buildSiteIndex(records('Water plan signed'));
    const b = fingerprints(indexB);
    const changed = [...b.keys()].filter((route) => a.get(route) !== b.get(route));
    const home = [...eachListPage(indexB, site)].find((p) => p.template === 'home' && (p.data as { articles: { title: string }[] }).articles.some((x) => x.title === 'Water plan signed'))!;
    expect(home.route).not.toBe('/'); // the story is older than the first page's
    for (const route of [home.route, '/topics/water/', '/topics/diplomacy/', '/places/damascus/', '/archive/2023/11/', '/speakers/hana-qasim/', '/api/index.json']) expect(changed, route).toContain(route);
    for (const route of ['/', '/feed.xml', '/topics/trade/', '/places/hama/', '/archive/2024/01/', '/speakers/speaker-a0-person/', '/search/']) expect(changed, route).not.toContain(route);
  });

  it('cannot see parked quotes (archives over 30k keep their text out of their fields), so those archives use none', () => {
    const texts: string[] = [];
    const store = { put: (t: string): [number, number] => [texts.push(t) - 1, t.length], get: ([at]: [number, number]) => texts[at]! };
    const index = buildSiteIndex(records(), undefined, quoteParker(store));
    const page = [...eachListPage(index, site)].find((p) => p.route === '/speakers/hana-qasim/')!;
    expect(notPlainData(page)).toMatch(/^\$\.data\.speaker\.quotes\[0\]|^\$\.data\.quotes\[0\]/);
  });
});

describe('fingerprinter', () => {
  it('tells apart every change a page could show: a nested field, order, a type, a shared object', () => {
    const entry = { slug: 'a', title: 'A', topics: [{ slug: 't', name: 'T' }] };
    const fp = fingerprinter(new Set([entry]));
    const page = (data: object): object => ({ route: '/', template: 'home', data });
    const base = fp(page({ articles: [entry], n: 1 }));
    expect(fp(page({ articles: [entry], n: 1 }))).toBe(base);
    expect(fp(page({ articles: [entry], n: '1' }))).not.toBe(base);
    expect(fp(page({ articles: [entry, entry], n: 1 }))).not.toBe(base);
    // A shared object is hashed once per fingerprinter: a changed copy in a new build's index gives a new fingerprint.
    const edited = { ...entry, topics: [{ slug: 't', name: 'T2' }] };
    expect(fingerprinter(new Set([edited]))(page({ articles: [edited], n: 1 }))).not.toBe(base);
    // A long list (a timeline, the top speakers) is hashed once per list: a change to it, or to a shared object in
    // it, is still seen.
    const long = (name: string): object[] => Array.from({ length: 40 }, (_, i) => (i === 39 ? { ...entry, title: name } : { month: i }));
    expect(fp(page({ timeline: long('A') }))).not.toBe(fp(page({ timeline: long('B') })));
    const entries = Array.from({ length: 40 }, () => entry);
    expect(fp(page({ top: entries }))).not.toBe(fingerprinter(new Set([edited]))(page({ top: entries.map(() => edited) })));
    // Lists longer than a piece (a speaker's quotes) are hashed piece by piece: a change in a later piece, or one more
    // item, is seen.
    const many = (n: number, last: string): object => page({ quotes: Array.from({ length: n }, (_, i) => ({ text: i === n - 1 ? last : `q${i}` })) });
    expect(fp(many(300, 'a'))).toBe(fp(many(300, 'a')));
    expect(fp(many(300, 'a'))).not.toBe(fp(many(300, 'b')));
    expect(fp(many(300, 'a'))).not.toBe(fp(many(301, 'a')));
    // Deeper than shared objects are looked for, objects are serialised whole: still seen.
    const deep = (name: string): object => page({ a: { b: { c: { d: { e: { f: { name } } } } } } });
    expect(fp(deep('x'))).not.toBe(fp(deep('y')));
  });

  it('names a marked slice by its list and place, without serialising its items again; changes are still seen', () => {
    let serialised = 0;
    /** A list whose items count how often JSON serialises them. */
    const list = (last: string, n = 100): object[] => Array.from({ length: n }, (_, i) => ({ toJSON: () => (serialised++, { text: i === n - 1 ? last : `q${i}` }) }));
    const sliceOf = (l: object[], at: number, mark = true): object[] => {
      const s = l.slice(at, at + 20);
      if (mark) markSlice(s, l, at);
      return s;
    };
    const page = (l: object[], at: number, mark = true): object => ({ data: { speaker: { quotes: l }, quotes: sliceOf(l, at, mark) } });
    const a = list('a');
    const base = fingerprinter(new Set())(page(a, 80));
    expect(serialised).toBe(100);
    fingerprinter(new Set())(page(a, 80, false));
    expect(serialised).toBe(220);
    expect(fingerprinter(new Set())(page(list('a'), 80))).toBe(base); // the same data in other objects
    expect(fingerprinter(new Set())(page(list('b'), 80))).not.toBe(base); // an item of the slice
    expect(fingerprinter(new Set())(page(a, 60))).not.toBe(base); // another place
    // A short list is serialised as it is (so is a slice of it, marked or not).
    const short = list('a', 10);
    expect(fingerprinter(new Set())(page(short, 0))).toBe(fingerprinter(new Set())(page(short, 0, false)));
  });

  it('names what is not plain data', () => {
    expect(notPlainData({ a: [1, undefined] })).toBe('$.a[1]');
    expect(notPlainData({ m: new Map() })).toBe('$.m');
    expect(notPlainData({ s: [new Set()] })).toBe('$.s[0]');
    expect(notPlainData({ f: () => 1 })).toBe('$.f');
    expect(notPlainData({ n: Number.NaN })).toBe('$.n');
    expect(notPlainData({ d: new Date(0), u: undefined, x: null, o: Object.create(null) })).toBeNull();
    class Thing {
      get text(): string {
        return 'hidden from JSON';
      }
    }
    expect(notPlainData({ t: new Thing() })).toBe('$.t');
  });
});
