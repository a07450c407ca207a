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
  /** Every form, case-sensitive, for longest-match scanning. */
  trie: TrieNode;
  /** For ALL-CAPS headlines: long forms only, upper-cased. */
  capsTrie: TrieNode;
  capsForms: Map<string, LexiconTarget | null>;
  formsBySlug: Map<string, string[]>;
  /** Country display name → country (the first in code order when two share one). */
  countriesByDisplayName: Map<string, LexiconTarget>;
}

/** Character trie over forms: one walk per word start finds every form beginning there. */
interface TrieNode {
  next: Map<number, TrieNode>;
  /** The form ending at this node, if any. */
  form: string | null;
  /** On the root only: 1 at every UTF-16 code that starts a form, so the scan skips other characters with one load. */
  starts?: Uint8Array;
}

let cached: Lexicon | null = null;

function buildTrie(forms: Iterable<string>): TrieNode {
  const root: TrieNode = { next: new Map(), form: null };
  for (const f of forms) {
    let node = root;
    for (let i = 0; i < f.length; i++) {
      const c = f.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), form: null }));
      node = child;
    }
    node.form = f;
  }
  root.starts = new Uint8Array(65536);
  for (const c of root.next.keys()) root.starts[c] = 1;
  return root;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when the code point ending just before `i` is a letter or digit (the regex lookbehind it replaces). */
function wordBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return WORD_CHAR.test(text.slice(i - 2, i));
  }
  return lo < 0x80 ? isAsciiWord(lo) : WORD_CHAR.test(text[i - 1]!);
}

/** True when the code point starting at `i` is a letter or digit (the regex lookahead it replaces). */
function wordAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiWord(c);
  return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}

function isAsciiWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Longest form starting at `start` that is not followed by a letter or digit, else null. Same result as
 * trying a longest-first alternation there: equal-length forms at one position are the same string.
 */
function longestAt(root: TrieNode, text: string, start: number): string | null {
  let node: TrieNode | undefined = root;
  let best: string | null = null;
  for (let i = start; node; i++) {
    if (node.form !== null && !wordAt(text, i)) best = node.form;
    if (i >= text.length) break;
    node = node.next.get(text.charCodeAt(i));
  }
  return best;
}

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

function build(): Lexicon {
  const world = require('world-countries') as WorldCountry[];
  // The libraries without their Node entries, which load every language shipped (80 files for i18n-iso-countries,
  // ~40 ms of every thread's first article); only the English names are read, so only those are registered.
  const iso = require('i18n-iso-countries/index') as {
    registerLocale(d: unknown): void;
    getNames(l: string, o: { select: 'all' }): Record<string, string[]>;
  };
  iso.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const nat = require('i18n-nationality/index') as {
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

  const trie = buildTrie(forms.keys());

  const capsForms = new Map<string, LexiconTarget | null>();
  for (const [f, t] of forms) {
    const letters = f.replace(/[^\p{L}]/gu, '');
    // In a shouted headline "WHO", "US" or "IS" are ordinary words; keep dotted codes and long names.
    if (letters.length >= 4 || /\./.test(f)) capsForms.set(f.toUpperCase(), t);
  }
  const capsTrie = buildTrie(capsForms.keys());

  const formsBySlug = new Map<string, string[]>();
  for (const [f, t] of forms) {
    if (!t) continue;
    if (!formsBySlug.has(t.slug)) formsBySlug.set(t.slug, []);
    formsBySlug.get(t.slug)!.push(f);
  }
  const countriesByDisplayName = new Map<string, LexiconTarget>();
  for (const c of countriesByCode.values()) if (!countriesByDisplayName.has(c.name)) countriesByDisplayName.set(c.name, c);
  return { forms, countriesByCode, trie, capsTrie, capsForms, formsBySlug, countriesByDisplayName };
}

function lexicon(): Lexicon {
  cached ??= build();
  return cached;
}

/** True when a line is written in capitals (wire headlines), where case says nothing about names. */
export function isShouted(text: string): boolean {
  // Any ASCII lower-case letter settles it without copying the text.
  if (/[a-z]/.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

/** Country and organisation mentions in `text`, longest match first, non-overlapping. */
export function findMentions(text: string): Mention[] {
  const lex = lexicon();
  const shouted = isShouted(text);
  const root = shouted ? lex.capsTrie : lex.trie;
  const table = shouted ? lex.capsForms : lex.forms;
  const out: Mention[] = [];
  const source = shouted ? text.toUpperCase() : text;
  // Letters/digits on either side mean the form is part of a longer word ("Omani" vs "Oman").
  const starts = root.starts!;
  const n = source.length;
  let i = 0;
  while (i < n) {
    if (starts[source.charCodeAt(i)] === 1 && !wordBefore(source, i)) {
      const form = longestAt(root, source, i);
      if (form !== null) {
        out.push({ start: i, end: i + form.length, form: text.slice(i, i + form.length), target: table.get(form) ?? null });
        i += form.length;
        continue;
      }
    }
    i++;
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
  return lex.countriesByDisplayName.get(name.trim()) ?? null;
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
