// One identity per person across the archive: spelling variants, titles and particles folded, plus speakers.yaml overrides.
//
// speakers.yaml — how to correct speaker identities by hand (every key is optional):
//
//   merge:                        # these names are one identity
//     - [Fayssal Mikdad, Faisal Mekdad, Faysal Miqdad]
//     - names: [Hasan Nasrallah, Hassan Nasrallah]
//       name: Hassan Nasrallah    # display name (default: the fullest form found)
//   rename:                       # display name for an identity, found by any of its names
//     Sergey Lavrov: Sergei Lavrov
//   split:                        # keep apart what automatic matching would join
//     - [Ali Mahmoud, Adnan Mahmoud]        # never the same identity
//     - name: Mohammed Ali                  # one written name, two people:
//       as: Mohammed Ali (Iraqi MP)         #   in these articles it is this other identity
//       articles: [2019-03-02-baghdad, 2019-04-11-mosul]
//   ignore:                       # never an identity (dropped from speaker pages)
//     - SANA reporter
//
// Names are compared case-, accent- and punctuation-insensitively, with titles (President, Dr, Sayyed …) and
// Arabic particles (al-, el-) ignored, so "Sayyed Hasan Nasrallah" in the file matches "Hasan Nasrallah" in text.
import slugify from '@sindresorhus/slugify';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Speaker, SpeakerType } from '../model/article.ts';
import { HONORIFICS, TITLE_WORDS, isDemonym } from './lexicon.ts';

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const P_RE_1 = /[^\p{L}\p{N}]+/u;

export interface Identity {
  /** Stable, slug-safe key ("sergei-lavrov"). */
  id: string;
  name: string;
  type: SpeakerType;
  roles: string[];
  aliases: string[];
}

export interface SpeakerOverrides {
  merge: { names: string[]; name?: string }[];
  rename: Record<string, string>;
  /** Groups of names that must never share an identity. */
  keepApart: string[][];
  /** A written name that means another identity in the listed articles. */
  splitByArticle: { name: string; as: string; articles: string[] }[];
  ignore: string[];
}

export const emptyOverrides = (): SpeakerOverrides => ({ merge: [], rename: {}, keepApart: [], splitByArticle: [], ignore: [] });

export interface IdentityIndex {
  identities: Identity[];
  lookup(articleId: string, name: string): Identity | null;
}

const PARTICLES = new Set(['al', 'el', 'ad', 'as', 'ash', 'at', 'az', 'an', 'ar', 'de', 'di', 'da', 'du', 'van', 'von', 'der', 'den', 'le', 'la']);
const DROP = new Set([...HONORIFICS, ...TITLE_WORDS, 'the', 'h', 'e', 'his', 'her', 'excellency', 'mr', 'mrs', 'dr']);

/** Spelling-folded token: doubled letters collapsed, y→i, ou→u, ph→f, kh→h, so Sergey/Sergei and Fayssal/Faysal meet. */
function fold(t: string): string {
  return t.replace(/ph/g, 'f').replace(/kh/g, 'h').replace(/ou/g, 'u').replace(/ee/g, 'i').replace(/y/g, 'i').replace(/(.)\1+/g, '$1');
}

function plainTokens(name: string): string[] {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’'`´]/g, '')
    .split(P_RE_1).filter(Boolean);
}

/** Name tokens for person matching: titles, honorifics, demonyms and particles dropped, spelling folded. */
export function personKey(name: string): string[] {
  const toks = plainTokens(name);
  // Titles only lead a name ("Russian Foreign Minister Sergei Lavrov"); keep at least one token.
  let i = 0;
  while (i < toks.length - 1 && (DROP.has(toks[i]!) || isDemonym(toks[i]!))) i++;
  return toks.slice(i).filter((t) => !PARTICLES.has(t)).map(fold);
}

function editDistanceAtMost1(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let diff = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i++; j++; continue; }
    if (++diff > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else { i++; j++; }
  }
  return diff + (a.length - i) + (b.length - j) <= 1;
}

/** Same person name: every token equal, or one vowel-level spelling difference in long tokens (Mikdad/Mekdad). */
function sameName(a: string[], b: string[]): boolean {
  if (a.length !== b.length || !a.length) return false;
  return a.every((t, k) => t === b[k] || (t.length >= 5 && b[k]!.length >= 5 && t[0] === b[k]![0] && editDistanceAtMost1(t, b[k]!)));
}

const orgKey = (name: string) => plainTokens(name).filter((t) => t !== 'the').join(' ');

interface Variant {
  key: string;
  type: SpeakerType;
  name: string;
  tokens: string[];
  count: number;
  roles: Map<string, number>;
  aliases: Set<string>;
  /** How often each written form of this key was a canonical name (Fayssal ×3, Faysal ×1). */
  spellings: Map<string, number>;
}

class UnionFind {
  parent = new Map<string, string>();
  find(x: string): string {
    let r = x;
    while (this.parent.get(r) !== undefined && this.parent.get(r) !== r) r = this.parent.get(r)!;
    this.parent.set(x, r);
    return r;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * Groups the per-article speakers into archive-wide identities. Pure: the same input gives the same ids.
 * Surname-only speakers join the one full name with that surname; if two people share it they stay apart.
 */
export function resolveIdentities(
  perArticle: { articleId: string; speakers: Speaker[] }[],
  overrides: SpeakerOverrides = emptyOverrides(),
): IdentityIndex {
  const variantKey = (type: SpeakerType, name: string) => (type === 'person' ? `p:${personKey(name).join(' ')}` : `${type[0]}:${orgKey(name)}`);
  const ignored = new Set(overrides.ignore.flatMap((n) => [variantKey('person', n), variantKey('organization', n), variantKey('unnamed', n)]));
  const variants = new Map<string, Variant>();
  const occurrence: { articleId: string; names: string[]; key: string }[] = [];

  const splitFor = new Map<string, { as: string; articles: Set<string> }>();
  for (const s of overrides.splitByArticle) splitFor.set(variantKey('person', s.name), { as: s.as, articles: new Set(s.articles) });

  for (const { articleId, speakers } of perArticle) {
    for (const sp of speakers) {
      let name = sp.name;
      let key = variantKey(sp.type, name);
      const split = splitFor.get(key);
      if (split && split.articles.has(articleId)) { name = split.as; key = `${key}#${split.as}`; }
      if (ignored.has(key) || !name.trim()) continue;
      let v = variants.get(key);
      if (!v) {
        v = { key, type: sp.type, name, tokens: sp.type === 'person' ? personKey(name) : [], count: 0, roles: new Map(), aliases: new Set(), spellings: new Map() };
        variants.set(key, v);
      }
      v.count++;
      v.spellings.set(name, (v.spellings.get(name) ?? 0) + 1);
      v.name = commonest(v.spellings);
      for (const r of sp.roles) v.roles.set(r, (v.roles.get(r) ?? 0) + 1);
      for (const a of [sp.name, ...sp.aliases]) v.aliases.add(a);
      occurrence.push({ articleId, names: [sp.name, ...sp.aliases], key });
    }
  }

  // Keep-apart constraints: variant keys that may never end up in one group.
  const apart: Set<string>[] = overrides.keepApart.map((g) => new Set(g.map((n) => variantKey('person', n))));
  for (const s of overrides.splitByArticle) apart.push(new Set([variantKey('person', s.name), `${variantKey('person', s.name)}#${s.as}`]));
  const uf = new UnionFind();
  const members = new Map<string, Set<string>>();
  for (const k of variants.keys()) { uf.find(k); members.set(k, new Set([k])); }
  const tryUnion = (a: string, b: string): boolean => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return true;
    const ma = members.get(ra)!;
    const mb = members.get(rb)!;
    for (const g of apart) {
      let inA = false;
      let inB = false;
      for (const k of g) { if (ma.has(k)) inA = true; if (mb.has(k)) inB = true; }
      if (inA && inB) return false;
    }
    uf.union(ra, rb);
    for (const k of mb) ma.add(k);
    members.delete(rb);
    return true;
  };

  // 1. Forced merges from the file.
  for (const m of overrides.merge) {
    const keys = m.names.flatMap((n) => [...variants.keys()].filter((k) => k === variantKey('person', n) || k === variantKey('organization', n) || k === variantKey('unnamed', n)));
    for (let k = 1; k < keys.length; k++) tryUnion(keys[0]!, keys[k]!);
  }
  // 2. Same full name up to spelling (bucketed by surname so this stays near-linear).
  const persons = [...variants.values()].filter((v) => v.type === 'person' && v.tokens.length);
  const bySurname = new Map<string, Variant[]>();
  for (const v of persons) {
    const s = v.tokens[v.tokens.length - 1]!;
    const bucket = bySurname.get(s[0] + s.length.toString()) ?? [];
    bucket.push(v);
    bySurname.set(s[0] + s.length.toString(), bucket);
  }
  const multi = persons.filter((v) => v.tokens.length >= 2);
  for (const v of multi) {
    const s = v.tokens[v.tokens.length - 1]!;
    for (const len of [s.length - 1, s.length, s.length + 1]) {
      for (const w of bySurname.get(s[0] + len.toString()) ?? []) {
        if (w !== v && w.tokens.length >= 2 && sameName(v.tokens, w.tokens)) tryUnion(v.key, w.key);
      }
    }
  }
  // 3. Surname-only (or shorter) forms join the single longer identity that ends with them.
  const byTail = new Map<string, Variant[]>();
  for (const w of multi) {
    for (let n = 1; n < w.tokens.length; n++) {
      const t = w.tokens.slice(w.tokens.length - n).join(' ');
      const list = byTail.get(t) ?? [];
      list.push(w);
      byTail.set(t, list);
    }
  }
  for (const v of persons) {
    const roots = new Set<string>();
    for (const w of byTail.get(v.tokens.join(' ')) ?? []) if (w !== v) roots.add(uf.find(w.key));
    if (roots.size === 1) tryUnion([...roots][0]!, v.key);
  }
  // 4. Organisations and unnamed sources: same normalised name (already one variant key).

  // Build identities.
  const groups = new Map<string, Variant[]>();
  for (const v of variants.values()) {
    const r = uf.find(v.key);
    const g = groups.get(r) ?? [];
    g.push(v);
    groups.set(r, g);
  }
  const renameByKey = new Map<string, string>();
  for (const [from, to] of Object.entries(overrides.rename)) {
    for (const t of ['person', 'organization', 'unnamed'] as const) renameByKey.set(variantKey(t, from), to);
  }
  const mergeName = new Map<string, string>();
  for (const m of overrides.merge) if (m.name) for (const n of m.names) for (const t of ['person', 'organization', 'unnamed'] as const) mergeName.set(variantKey(t, n), m.name);

  const identities: Identity[] = [];
  const byVariant = new Map<string, Identity>();
  const usedIds = new Set<string>();
  const sortedGroups = [...groups.values()].sort((a, b) => best(a).name.localeCompare(best(b).name));
  for (const g of sortedGroups) {
    const top = best(g);
    let name = top.name;
    for (const v of g) { const n = mergeName.get(v.key); if (n) name = n; }
    for (const v of g) { const n = renameByKey.get(v.key); if (n) name = n; }
    const roleCount = new Map<string, number>();
    for (const v of g) for (const [r, c] of v.roles) roleCount.set(r, (roleCount.get(r) ?? 0) + c);
    const roles = dedupeCi([...roleCount].sort((a, b) => b[1] - a[1]).map(([r]) => r));
    const aliases = dedupeCi(g.flatMap((v) => [v.name, ...v.aliases])).filter((a) => a !== name).sort();
    let id = slugify(name) || 'speaker';
    if (usedIds.has(id)) { let n = 2; while (usedIds.has(`${id}-${n}`)) n++; id = `${id}-${n}`; }
    usedIds.add(id);
    const ident: Identity = { id, name, type: top.type, roles, aliases };
    identities.push(ident);
    for (const v of g) byVariant.set(v.key, ident);
  }

  const table = new Map<string, Identity>();
  for (const o of occurrence) {
    const ident = byVariant.get(o.key);
    if (!ident) continue;
    for (const n of o.names) table.set(`${o.articleId}\u0000${n}`, ident);
  }
  return {
    identities,
    lookup(articleId: string, name: string): Identity | null {
      return table.get(`${articleId}\u0000${name}`) ?? null;
    },
  };
}

function best(g: Variant[]): Variant {
  // The fullest form wins; then the most used; then alphabetical for stability.
  return [...g].sort((a, b) => b.tokens.length - a.tokens.length || plainTokens(b.name).length - plainTokens(a.name).length ||
    b.count - a.count || a.name.localeCompare(b.name))[0]!;
}

/** The most used written form; ties go to the longer form, then alphabetical order (stable ids). */
function commonest(spellings: Map<string, number>): string {
  let best = '';
  let bestN = -1;
  for (const [n, c] of spellings) {
    if (c > bestN || (c === bestN && (n.length > best.length || (n.length === best.length && n < best)))) { best = n; bestN = c; }
  }
  return best;
}

function dedupeCi(xs: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) { const k = x.toLowerCase(); if (!seen.has(k)) { seen.add(k); out.push(x); } }
  return out;
}

/** Reads speakers.yaml; every problem is a diagnostic with file and line, never an exception. */
export function parseSpeakerOverrides(yamlText: string, file: string): { overrides: SpeakerOverrides; diagnostics: Diagnostic[] } {
  const overrides = emptyOverrides();
  const diagnostics: Diagnostic[] = [];
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, prettyErrors: false });
  const lineOf = (node: unknown): number | undefined => {
    const r = (node as { range?: [number, number, number] } | null)?.range;
    return r ? lc.linePos(r[0]).line : undefined;
  };
  const warn = (node: unknown, code: string, message: string, hint?: string) =>
    diagnostics.push({ severity: 'warning', code, file, line: lineOf(node), message, ...(hint ? { hint } : {}) });
  for (const e of doc.errors) {
    diagnostics.push({ severity: 'error', code: 'yaml-syntax', file, line: e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line, message: e.message.split('\n')[0]!, hint: 'Fix the YAML syntax; the file was not applied past this point.' });
  }
  if (doc.errors.length) return { overrides, diagnostics };
  const root = doc.contents;
  if (root === null || root === undefined) return { overrides, diagnostics };
  if (!isMap(root)) {
    warn(root, 'speakers-shape', 'speakers.yaml must be a mapping with merge / rename / split / ignore keys.');
    return { overrides, diagnostics };
  }
  const strList = (node: YamlNode | null | undefined, what: string): string[] | null => {
    if (!isSeq(node)) { warn(node, 'speakers-shape', `${what} must be a list of names.`); return null; }
    const out: string[] = [];
    for (const it of node.items) {
      if (isScalar(it) && typeof it.value === 'string' && it.value.trim()) out.push(it.value.trim());
      else warn(it, 'speakers-shape', `${what}: every entry must be a name (text).`);
    }
    return out;
  };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const val = pair.value as YamlNode | null;
    if (key === 'merge') {
      if (!isSeq(val)) { warn(val ?? pair.key, 'speakers-shape', 'merge must be a list of name lists.'); continue; }
      for (const it of val.items) {
        if (isSeq(it)) {
          const names = strList(it, 'merge');
          if (names && names.length >= 2) overrides.merge.push({ names });
          else if (names) warn(it, 'speakers-merge-short', 'A merge needs at least two names.');
        } else if (isMap(it)) {
          const names = strList(it.get('names', true) as YamlNode, 'merge.names');
          const name = it.get('name');
          if (names && names.length) overrides.merge.push({ names, ...(typeof name === 'string' ? { name } : {}) });
        } else warn(it, 'speakers-shape', 'merge entries are lists of names or {names, name}.');
      }
    } else if (key === 'rename') {
      if (!isMap(val)) { warn(val ?? pair.key, 'speakers-shape', 'rename must map an old name to a new name.'); continue; }
      for (const p of val.items) {
        const from = isScalar(p.key) ? String(p.key.value) : '';
        const to = isScalar(p.value) ? String(p.value.value) : '';
        if (from && to) overrides.rename[from] = to;
        else warn(p.key, 'speakers-shape', 'rename entries are "Old Name: New Name".');
      }
    } else if (key === 'split') {
      if (!isSeq(val)) { warn(val ?? pair.key, 'speakers-shape', 'split must be a list.'); continue; }
      for (const it of val.items) {
        if (isSeq(it)) {
          const names = strList(it, 'split');
          if (names && names.length >= 2) overrides.keepApart.push(names);
        } else if (isMap(it)) {
          const name = it.get('name');
          const as = it.get('as');
          const articles = strList(it.get('articles', true) as YamlNode, 'split.articles');
          if (typeof name === 'string' && typeof as === 'string' && articles) overrides.splitByArticle.push({ name, as, articles });
          else warn(it, 'speakers-shape', 'A split by article needs name, as and articles.');
        } else warn(it, 'speakers-shape', 'split entries are lists of names or {name, as, articles}.');
      }
    } else if (key === 'ignore') {
      const names = strList(val, 'ignore');
      if (names) overrides.ignore.push(...names);
    } else {
      warn(pair.key, 'speakers-unknown-key', `Unknown key "${key}" in speakers.yaml.`, 'Use merge, rename, split or ignore.');
    }
  }
  return { overrides, diagnostics };
}
