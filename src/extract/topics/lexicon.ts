// Gazetteer of countries (names, codes, demonyms) and organisations, built once, lazily, from the installed packages.
import { createRequire } from 'node:module';
import type { TopicKind } from '../../model/article.ts';
import { COUNTRY_BLOCKERS, COUNTRY_CODE_FORMS, EXTRA_COUNTRY_ALIASES } from './country-aliases.ts';
import { ORGANIZATIONS } from './organizations.ts';
import { slugify } from './slug.ts';

const require = createRequire(import.meta.url);

export interface LexiconTarget {
  slug: string;
  name: string;
  kind: TopicKind;
  /** ISO alpha-2 for countries. */
  code?: string;
}

export interface Mention {
  start: number;
  end: number;
  form: string;
  /** null for blockers ("New Mexico"): consumed so "Mexico" inside it is not a country. */
  target: LexiconTarget | null;
}

interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  independent?: boolean | null;
  demonyms?: { eng?: { m: string; f: string } };
}

interface Lexicon {
  forms: Map<string, LexiconTarget | null>;
  countriesByCode: Map<string, LexiconTarget>;
  /** Matches every form, longest first, case-sensitive. */
  regex: RegExp;
  /** For ALL-CAPS headlines: long forms only, case-insensitive. */
  capsRegex: RegExp;
  capsForms: Map<string, LexiconTarget | null>;
  formsBySlug: Map<string, string[]>;
}

let cached: Lexicon | null = null;

/** A form is usable when it is a plain proper name: starts upper-case, no commas or brackets. */
function usableForm(form: string): boolean {
  if (!/^\p{Lu}/u.test(form)) return false;
  if (/[,()\[\]]| - /.test(form)) return false;
  // Bare two/three-letter codes ("SA", "IN") collide with ordinary words; safe ones are listed explicitly.
  if (/^[A-Z.]{1,4}$/.test(form)) return false;
  return true;
}

function pluralDemonym(d: string): string | null {
  return /(an|i)$/.test(d) ? `${d}s` : null;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function build(): Lexicon {
  const world = require('world-countries') as WorldCountry[];
  const iso = require('i18n-iso-countries') as { getNames(l: string, o: { select: 'all' }): Record<string, string[]> };
  const nat = require('i18n-nationality') as {
    registerLocale(d: unknown): void;
    getNames(l: string): Record<string, string>;
  };
  nat.registerLocale(require('i18n-nationality/langs/en.json'));

  const countriesByCode = new Map<string, LexiconTarget>();
  const independent = new Set(world.filter((c) => c.independent).map((c) => c.cca2));
  for (const c of world) {
    countriesByCode.set(c.cca2, { slug: slugify(c.name.common), name: c.name.common, kind: 'country', code: c.cca2 });
  }

  // Priority tiers: a form claimed by two countries in the same tier is ambiguous ("Congolese") and dropped;
  // a lower tier never overrides a higher one ("French" of French Guiana loses to France).
  const forms = new Map<string, LexiconTarget | null>();
  const addTier = (pairs: [string, string][]) => {
    const tier = new Map<string, Set<string>>();
    for (const [form, code] of pairs) {
      const f = form.trim();
      if (!f || forms.has(f)) continue;
      if (!tier.has(f)) tier.set(f, new Set());
      tier.get(f)!.add(code);
    }
    for (const [f, all] of tier) {
      // A territory sharing a demonym with its sovereign ("American": Northern Mariana Islands) yields to it.
      const sovereign = [...all].filter((c) => independent.has(c));
      const codes = all.size > 1 && sovereign.length === 1 ? sovereign : [...all];
      if (codes.length !== 1) continue;
      const target = countriesByCode.get(codes[0]!);
      if (target) forms.set(f, target);
    }
  };

  addTier([...Object.entries(EXTRA_COUNTRY_ALIASES), ...Object.entries(COUNTRY_CODE_FORMS)]);
  const tier1: [string, string][] = [];
  const tier2: [string, string][] = [];
  for (const c of world) {
    tier1.push([c.name.common, c.cca2], [c.name.official, c.cca2]);
    for (const alt of c.altSpellings) if (usableForm(alt)) tier1.push([alt, c.cca2]);
    const dem = c.demonyms?.eng;
    if (dem) {
      for (const d of new Set([dem.m, dem.f])) {
        if (!usableForm(d)) continue;
        tier1.push([d, c.cca2]);
        const pl = pluralDemonym(d);
        if (pl) tier2.push([pl, c.cca2]);
      }
    }
  }
  addTier(tier1.filter(([f]) => usableForm(f)));
  for (const [code, names] of Object.entries(iso.getNames('en', { select: 'all' }))) {
    for (const n of names) if (usableForm(n)) tier2.push([n, code]);
  }
  for (const [code, n] of Object.entries(nat.getNames('en'))) {
    if (!usableForm(n)) continue;
    tier2.push([n, code]);
    const pl = pluralDemonym(n);
    if (pl) tier2.push([pl, code]);
  }
  addTier(tier2);

  for (const b of COUNTRY_BLOCKERS) forms.set(b, null);

  for (const org of ORGANIZATIONS) {
    const target: LexiconTarget = { slug: slugify(org.name), name: org.name, kind: 'organization' };
    for (const f of [org.name, ...(org.aliases ?? []), ...(org.acronyms ?? [])]) forms.set(f, target);
  }

  const sorted = [...forms.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const alternation = sorted.map(escapeRe).join('|');
  // Letters/digits on either side mean the form is part of a longer word ("Omani" vs "Oman").
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'gu');

  const capsForms = new Map<string, LexiconTarget | null>();
  for (const [f, t] of forms) {
    const letters = f.replace(/[^\p{L}]/gu, '');
    // In a shouted headline "WHO", "US" or "IS" are ordinary words; keep dotted codes and long names.
    if (letters.length >= 4 || /\./.test(f)) capsForms.set(f.toUpperCase(), t);
  }
  const capsAlt = [...capsForms.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
  const capsRegex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${capsAlt})(?![\\p{L}\\p{N}])`, 'gu');

  const formsBySlug = new Map<string, string[]>();
  for (const [f, t] of forms) {
    if (!t) continue;
    if (!formsBySlug.has(t.slug)) formsBySlug.set(t.slug, []);
    formsBySlug.get(t.slug)!.push(f);
  }
  return { forms, countriesByCode, regex, capsRegex, capsForms, formsBySlug };
}

function lexicon(): Lexicon {
  cached ??= build();
  return cached;
}

/** True when a line is written in capitals (wire headlines), where case says nothing about names. */
export function isShouted(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

/** Country and organisation mentions in `text`, longest match first, non-overlapping. */
export function findMentions(text: string): Mention[] {
  const lex = lexicon();
  const shouted = isShouted(text);
  const re = new RegExp(shouted ? lex.capsRegex : lex.regex);
  const table = shouted ? lex.capsForms : lex.forms;
  const out: Mention[] = [];
  const source = shouted ? text.toUpperCase() : text;
  for (const m of source.matchAll(re)) {
    const form = m[0];
    if (!table.has(form)) continue;
    out.push({ start: m.index, end: m.index + form.length, form: text.slice(m.index, m.index + form.length), target: table.get(form) ?? null });
  }
  return out;
}

/** Country by ISO alpha-2 code. */
export function countryByCode(code: string): LexiconTarget | null {
  return lexicon().countriesByCode.get(code.toUpperCase()) ?? null;
}

/** Country named exactly by `name` ("Syria", "Syrian Arab Republic", "SYRIA"), else null. */
export function countryByName(name: string): LexiconTarget | null {
  const lex = lexicon();
  const t = lex.forms.get(name.trim()) ?? lex.capsForms.get(name.trim().toUpperCase());
  if (t && t.kind === 'country') return t;
  // Display names too long or punctuated to be matched in running text ("Cocos (Keeling) Islands").
  for (const c of lex.countriesByCode.values()) if (c.name === name.trim()) return c;
  return null;
}

/** True when `word` is a country demonym or adjective ("Syrian", "Saudi"). Used by named-thing rules. */
export function isCountryForm(form: string): boolean {
  const t = lexicon().forms.get(form);
  return t !== undefined && t !== null && t.kind === 'country';
}

/** True when `form` names a country, organisation or blocker exactly. */
export function isKnownForm(form: string): boolean {
  return lexicon().forms.has(form);
}

/** Every known name of a country or organisation topic ("islamic-state" → ISIS, ISIL, Daesh …); [] otherwise. */
export function knownFormsOf(slug: string): readonly string[] {
  return lexicon().formsBySlug.get(slug) ?? [];
}
