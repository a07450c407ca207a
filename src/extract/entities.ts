// Per-article registry of people, organisations and unnamed sources: name linking (surname, fuller form, role descriptions) and the current speaker for pronouns.
import type { SpeakerType } from '../model/article.ts';
import { GENERIC_ORG, ORG_HEADS } from './lexicon.ts';
import type { NP } from './names.ts';

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const P_RE_1 = /[^\p{L}\p{N}]+/u;
const P_RE_2 = /^\S+\s\p{Lu}\p{Ll}+-\p{Ll}+$/u;
const P_RE_3 = /^\p{Lu}\p{Ll}{1,3}\s\p{Lu}\p{Ll}{1,3}\s\p{Lu}\p{Ll}{1,3}$/u;
const P_RE_4 = /^(?:\p{Ll}[\p{L}-]*\s+)*(?:of|for|in|at|on|to)\s/u;
const P_RE_5 = /^(?:\p{Ll}[\p{L}-]*\s+)+(?=\p{Lu})/u;
const UPPER_START = /^\p{Lu}/u;
const P_RE_7 = /[^\p{L}]+/u;

export interface Entity {
  id: number;
  type: SpeakerType;
  name: string;
  roles: string[];
  aliases: Set<string>;
  speaker: boolean;
  /** Title or apposition evidence that this capitalised run is a person (for `mentioned`). */
  evidence: boolean;
  lastPos: number;
}

const GENERIC_PERSON = new Set(['official', 'diplomat', 'politician', 'leader', 'envoy', 'lawmaker', 'guest', 'visitor', 'delegate',
  'statesman', 'veteran', 'expert', 'analyst', 'academic', 'professor', 'scholar', 'cleric', 'activist', 'commander', 'officer',
  'minister', 'president', 'ambassador', 'spokesman', 'spokeswoman', 'chairman', 'governor', 'secretary', 'premier', 'mayor',
  'speaker', 'head', 'chief', 'director', 'representative', 'counterpart', 'democrat', 'republican']);

const PARTICLE_KEYS = new Set(['al', 'el', 'de', 'di', 'da', 'du', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'bint', 'abu', 'abd', 'ben', 'ould', 'del', 'la', 'le',
  // Generational suffixes: "Gallo" is "Nicholas Gallo III".
  'jr', 'sr', 'ii', 'iii', 'iv']);

/** Name tokens for matching: accents and case folded, particles dropped, hyphens split ("Díaz-Canel" → diaz canel). */
const keyCache = new Map<string, string[]>();
export function nameKey(name: string): string[] {
  let k = keyCache.get(name);
  if (!k) {
    if (keyCache.size > 20_000) keyCache.clear();
    k = computeKey(name);
    keyCache.set(name, k);
  }
  return k;
}
function computeKey(name: string): string[] {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’'`´]/g, '')
    .split(P_RE_1).filter((t) => t && !PARTICLE_KEYS.has(t));
}

function endsWith(a: string[], b: string[]): boolean {
  if (b.length > a.length) return false;
  for (let i = 1; i <= b.length; i++) if (a[a.length - i] !== b[b.length - i]) return false;
  return true;
}

/** 0 = different people; higher = better match between person names a (new) and b (known). */
export function personMatch(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  // Keys hold no spaces and no empty tokens, so equal joins are equal arrays (compared without building the strings).
  if (a.length === b.length && endsWith(a, b)) return 4;
  if (a.length < b.length && endsWith(b, a)) return 3;
  if (b.length < a.length && endsWith(a, b)) return 3;
  if (a.length === 1 && b.length >= 2 && b[0] === a[0] && b.length === 2) return 1; // surname-first names ("Hong" of "Hong Lei")
  if (a.length >= 2 && b.length >= 2 && a[a.length - 1] === b[b.length - 1] && a[0]![0] === b[0]![0]) return 2; // Faysal/Fayssal
  return 0;
}

export class Registry {
  ents: Entity[] = [];
  current: Entity | null = null;
  private nextId = 0;

  private create(type: SpeakerType, name: string, roles: string[], pos: number, evidence: boolean): Entity {
    const e: Entity = { id: this.nextId++, type, name, roles: [...roles], aliases: new Set(), speaker: false, evidence, lastPos: pos };
    if (type === 'organization') this.orgCount++;
    this.ents.push(e);
    return e;
  }

  private addRoles(e: Entity, roles: string[]) {
    // A longer role list comes from a fuller title chain: keep its (textual) order first.
    const merged = roles.length >= e.roles.length ? [...roles, ...e.roles] : [...e.roles, ...roles];
    const out: string[] = [];
    for (const r of merged) if (r && !out.some((x) => x.toLowerCase() === r.toLowerCase())) out.push(r);
    e.roles = out;
  }

  /** Person entities by each of their name tokens, so linking a name costs its few candidates, not the whole article. */
  private byToken = new Map<string, Entity[]>();
  private keys = new Map<Entity, string[]>();

  private keyOf(e: Entity): string[] {
    let k = this.keys.get(e);
    if (!k) {
      k = nameKey(e.name);
      this.keys.set(e, k);
      for (const t of k) {
        const list = this.byToken.get(t) ?? [];
        if (!list.includes(e)) list.push(e);
        this.byToken.set(t, list);
      }
    }
    return k;
  }

  private rename(e: Entity, name: string) {
    e.aliases.add(e.name);
    e.name = name;
    this.keys.delete(e);
    this.keyOf(e);
  }

  /** Organisations so far (person linking skips the organisation scan while there are none). */
  private orgCount = 0;
  private orgKeys = new Map<Entity, { name: string; key: string }>();
  /** An organisation's name key, space-terminated, cached by name. */
  private orgKey(e: Entity): string {
    const c = this.orgKeys.get(e);
    if (c && c.name === e.name) return c.key;
    const key = nameKey(e.name).join(' ') + ' ';
    this.orgKeys.set(e, { name: e.name, key });
    return key;
  }

  /** Recent entities only: description matching ("the ministry") looks back a bounded distance. */
  private recent(): Entity[] {
    return this.ents.length > 300 ? this.ents.slice(-300) : this.ents;
  }

  findPerson(name: string): Entity | null {
    const key = nameKey(name);
    let best: Entity | null = null;
    let bestScore = 0;
    const cands = new Set<Entity>();
    for (const t of key) for (const e of this.byToken.get(t) ?? []) cands.add(e);
    for (const e of cands) {
      if (e.type !== 'person') continue;
      const s = personMatch(key, this.keyOf(e));
      const score = s * 10 + (e.speaker ? 2 : 0) + (s ? e.lastPos / 1e9 : 0);
      if (s > 0 && score > bestScore) { best = e; bestScore = score; }
    }
    // "Lho" after "Lho Shin-yong", "Kim" after "Kim Il-sung": a family name written first, before a hyphenated given name.
    if (!best && key.length === 1) {
      for (const e of cands) {
        if (e.type !== 'person' || this.keyOf(e)[0] !== key[0]) continue;
        // … or three short syllables ("Sim" after "Sim Kee Boon", "Goh" after "Goh Chok Tong").
        if (P_RE_2.test(e.name) || P_RE_3.test(e.name)) { best = e; break; }
      }
    }
    return best;
  }

  /** Registers a person, organisation or source description; returns the (possibly merged) entity. */
  add(np: NP, pos: number, surface: string, evidence = false): Entity | null {
    if (np.kind === 'person') {
      // "Computer Terminal said" after "Computer Terminal Systems Inc": a short form of a named organisation.
      if (np.nameLen >= 1 && this.orgCount > 0) {
        // The subject as written counts too: "Security Pacific said" (whose "Security" reads as a title) after "Security Pacific Corp".
        const key = np.roles.length ? '' : nameKey(np.name).join(' ') + ' ';
        const sk = surface !== np.name && surface.includes(' ') ? nameKey(surface).join(' ') + ' ' : '';
        const skey = sk !== key ? sk : '';
        if (key || skey) {
          for (const e of this.recent()) {
            if (e.type !== 'organization') continue;
            const ek = this.orgKey(e);
            // "Labatt said" after "John Labatt Ltd": a one-word name inside a company name (not its legal suffix).
            const byName = !!key && (ek.startsWith(key) || (np.nameLen === 1 && ek.includes(' ' + key) && ek.split(' ').length > 3 &&
              /\b(?:ltd|inc|corp|co|plc|ag|sa|nv|ab|spa|gmbh|holdings|group|industrie|industries) $/.test(ek)));
            if (byName || (skey && ek.startsWith(skey))) { if (np.name !== e.name) e.aliases.add(byName ? np.name : surface); e.lastPos = pos; return e; }
          }
        }
      }
      const hit = this.findPerson(np.name);
      if (hit) {
        if (nameKey(np.name).length > this.keyOf(hit).length) this.rename(hit, np.name);
        else if (np.name !== hit.name) hit.aliases.add(np.name);
        this.addRoles(hit, np.roles);
        hit.evidence ||= evidence || np.roles.length > 0;
        hit.lastPos = pos;
        return hit;
      }
      const e = this.create('person', np.name, np.roles, pos, evidence || np.roles.length > 0);
      this.keyOf(e);
      return e;
    }
    if (np.kind === 'org') {
      // "militant group Harbour Front": lower-case descriptors before a capitalised name are not part of the name.
      // (Not across a preposition: "directorate of health in Idlib province" is not "Idlib province".)
      const bare = P_RE_4.test(np.name) ? np.name : np.name.replace(P_RE_5, '');
      if (bare !== np.name) np = { ...np, name: bare };
      // "Hong said" after "Hong Lei": a one-word "organisation" that is part of a known person's name is that person.
      if (!np.definite && !np.name.includes(' ')) {
        const p = this.findPerson(np.name);
        if (p) { if (np.name !== p.name) p.aliases.add(np.name); p.lastPos = pos; return p; }
      }
      const key = nameKey(np.name).join(' ');
      // "HDB said" after "Harbour Development Bank (HDB)": an acronym alias names the organisation.
      if (!np.definite && !np.name.includes(' ')) {
        for (const e of this.recent()) if (e.type === 'organization' && e.aliases.has(np.name)) { e.lastPos = pos; return e; }
      }
      const bareHead = !np.definite && !key.includes(' ') && ORG_HEADS.has(key);
      for (const e of this.recent()) {
        if (e.type !== 'organization') continue;
        const ek = this.orgKey(e);
        const k2 = ek.slice(0, -1);
        // "Observatory which tracks the war said" after "the Harbour Observatory for Rights": a bare head noun names it too.
        const headOnly = bareHead && (' ' + ek).includes(' ' + key + ' ');
        if (k2 === key || k2.endsWith(' ' + key) || (np.definite && (' ' + ek).includes(' ' + np.head + ' ')) || headOnly) {
          if (np.name !== e.name) {
            if (!np.definite && key.length > k2.length && key.endsWith(k2)) { e.aliases.add(e.name); e.name = np.name; }
            else e.aliases.add(surface);
          }
          e.lastPos = pos;
          return e;
        }
        if (key.endsWith(' ' + k2) && !np.definite) { e.aliases.add(e.name); e.name = np.name; e.lastPos = pos; return e; }
        // "the Harbour Front group" after "Harbour Front": the name with a generic noun after it.
        if (key.startsWith(k2 + ' ') && GENERIC_ORG.has(np.head) && key.split(' ').length === k2.split(' ').length + 1) { e.aliases.add(surface); e.lastPos = pos; return e; }
        // "Harbour Bank said" after "Harbour Bank Holdings Ltd": the short form of a named organisation.
        if (!np.definite && key && (k2 + ' ').startsWith(key + ' ')) { e.aliases.add(np.name); e.lastPos = pos; return e; }
      }
      // "The company said", "the bank holding company said", "the Venezuelan company said": a generic description.
      // "The bank holding company said": lower-case modifiers still describe the story's organisation, but only the one
      // speaking now; with a nationality ("the Syrian interior ministry") the description names a body of its own.
      const words = np.name.split(' ');
      // ("the Britain-based group": a place-based label is a descriptor too.)
      const generic = np.definite && GENERIC_ORG.has(np.head) && words.every((w, i, a) => i === a.length - 1 || !UPPER_START.test(w) || /-based$/i.test(w));
      const modified = words.length > 1;
      if (generic && (!modified || this.current?.type === 'organization')) {
        // "The company said": the organisation the story is about (the current speaker, else the latest named one).
        // "The ministry said" after "the defence ministry in Moscow said" while another group speaks: the latest source
        // whose name holds the noun wins over a current speaker whose name does not.
        const cur = this.current?.type === 'organization' ? this.current : null;
        if ((!cur || !nameKey(cur.name).includes(np.head)) && np.head !== 'company' && np.head !== 'group') {
          let byHead: Entity | null = null;
          for (const e of this.recent()) {
            if ((e.type === 'organization' || e.type === 'unnamed') && e.speaker && nameKey(e.name).includes(np.head) && (!byHead || e.lastPos > byHead.lastPos)) byHead = e;
          }
          if (byHead) { byHead.aliases.add(surface); byHead.lastPos = pos; return byHead; }
        }
        if (cur) { cur.aliases.add(surface); return cur; }
        // Else the story's organisation: the first one named, preferring one whose name holds the noun.
        const orgs = this.ents.filter((e) => e.type === 'organization');
        const e = orgs.find((o) => nameKey(o.name).includes(np.head)) ?? orgs[0];
        if (e) { e.aliases.add(surface); e.lastPos = pos; return e; }
      }
      if (generic && !UPPER_START.test(np.name)) {
        // "the ministry" with no ministry named before: keep the description as written.
        return this.create('organization', surface, [], pos, false);
      }
      return this.create('organization', np.name, [], pos, false);
    }
    if (np.kind === 'unnamed') {
      // A document speaks for the current source; with none known it stays an unnamed source ("the prospectus said").
      if ((np.head === 'statement' && this.current) || (np.head === 'source' && np.definite && this.current?.type === 'organization')) return this.current;
      // "The Port Authority issued a statement on Monday. The statement said …": an organisation named just before.
      if (np.head === 'statement' && np.definite) {
        let near: Entity | null = null;
        for (const e of this.recent()) if (e.type === 'organization' && e.lastPos < pos && e.lastPos >= pos - 300 && (!near || e.lastPos > near.lastPos)) near = e;
        if (near) { near.aliases.add(surface); return near; }
      }
      if (np.definite) {
        const hit = this.byRole(np.head, np.name);
        if (hit) { if (surface !== hit.name) hit.aliases.add(surface); hit.lastPos = pos; return hit; }
        // "“…,” the Armenian official added": a generic description of the person speaking now.
        if (GENERIC_PERSON.has(np.head) && this.current?.type === 'person') { this.current.aliases.add(surface); return this.current; }
      }
      const key = np.name.toLowerCase();
      for (const e of this.recent()) if (e.type === 'unnamed' && e.name.toLowerCase() === key) { e.lastPos = pos; return e; }
      return this.create('unnamed', np.name, [], pos, false);
    }
    return null;
  }

  /** The organisation (of two or more words) whose name starts with this word, if exactly one does. */
  orgByFirstWord(word: string): Entity | null {
    let hit: Entity | null = null;
    for (const e of this.recent()) {
      if (e.type !== 'organization' || !e.name.startsWith(word + ' ')) continue;
      if (hit && hit !== e) return null;
      hit = e;
    }
    if (hit) hit.aliases.add(word);
    return hit;
  }

  /** "The Minister", "the reporter", "the ministry spokesman": the current speaker if the role fits, else the latest fitting one. */
  byRole(head: string, desc: string): Entity | null {
    // Modifiers in the description ("The Iraqi minister") pick between people who share the head noun;
    // a "counterpart" holds the same title as the person it is the counterpart of.
    const mods = desc.toLowerCase().split(P_RE_7).filter((w) => w && w !== head && w !== 'the' && w !== 'a' && w !== 'an');
    let best: Entity | null = null;
    let bestScore = 0;
    for (const e of this.recent()) {
      if (e.type === 'organization') continue;
      const words = new Set([...e.roles, e.type === 'unnamed' ? e.name : ''].join(' ').toLowerCase().split(P_RE_7));
      const headFits = words.has(head) || words.has('counterpart') || (head === 'reporter' && e.name.toLowerCase().includes('reporter'));
      if (!headFits) continue;
      let score = 2;
      for (const m of mods) if (words.has(m)) score += 3;
      if (e === this.current) score += 1;
      if (e.speaker) score += 0.5;
      score += e.lastPos / 1e12;
      if (score > bestScore) { best = e; bestScore = score; }
    }
    return best;
  }

  /** He/She → the current speaker if a person, else the latest person named before pos. It → the current organisation. */
  pronoun(p: string, pos: number): Entity | null {
    if (p === 'he' || p === 'she') {
      if (this.current && this.current.type !== 'organization') return this.current;
      let best: Entity | null = null;
      for (const e of this.recent()) if (e.type === 'person' && e.lastPos <= pos && (!best || e.lastPos > best.lastPos)) best = e;
      return best;
    }
    if (p === 'it' && this.current?.type === 'organization') return this.current;
    // "…," it said: with a person speaking last, "it" is the latest organisation named before pos.
    if (p === 'it') {
      let best: Entity | null = null;
      for (const e of this.recent()) if (e.type === 'organization' && e.lastPos <= pos && (!best || e.lastPos > best.lastPos)) best = e;
      return best;
    }
    // "Analysts noted … . …, they said": a plural source group speaking now.
    if (p === 'they' && this.current?.type === 'unnamed' && /(?:s|men|people|police)$/i.test(this.current.name)) return this.current;
    // "…," said one trading house source. … , they said.": one of a group spoke, the group goes on; else the latest group.
    if (p === 'they') {
      if (this.current?.type === 'unnamed' && /^one\s/i.test(this.current.name)) return this.current;
      let best: Entity | null = null;
      for (const e of this.recent()) if (e.type === 'unnamed' && e.speaker && /(?:s|men|people|police)$/i.test(e.name) && e.lastPos <= pos && (!best || e.lastPos > best.lastPos)) best = e;
      return best;
    }
    return null;
  }
}
