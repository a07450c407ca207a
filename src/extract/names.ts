// Noun phrases around reporting verbs: where a subject starts and ends, and what it is (person name + roles, organisation, unnamed source).
import {
  CHAIN_WORDS, COLLECTIVE, DETERMINERS, HONORIFICS, NAME_PARTICLES, NON_NAME, ORG_HEADS, SOURCE_NOUNS, TITLE_WORDS,
  GENERIC_ORG, GROUP_PLURALS, INTRO_WORDS, KNOWN_ORGS, MONTHS, VERB_FORM, WEEKDAYS, isDemonym, isPlaceName, isPlacePossessive, isPlaceTail, isPlaceWord, isSourceNoun,
} from './lexicon.ts';
import type { Tok, Unit } from './text.ts';

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const P_RE_1 = /^(?:\p{Lu}\.?){2,}$/u;
const UPPER_START = /^\p{Lu}/u;
const ONE_UPPER = /^\p{Lu}$/u;
const P_RE_4 = /^\p{Lu}[\p{Lu}\d&.-]+$/u;
const P_RE_5 = /(?<=\p{L})[’']s$/u;
const P_RE_6 = /^(?:\p{Lu}\.){1,3}$/u;
const P_RE_7 = /^\p{Lu}[’']$/u;

export type NPKind = 'pronoun' | 'person' | 'org' | 'unnamed' | 'none';

export interface NP {
  kind: NPKind;
  /** Person: the bare name; org: the organisation name; unnamed: the description; pronoun: the pronoun. */
  name: string;
  roles: string[];
  /** "the …": a description to resolve against people already seen ("The Minister", "the reporter"). */
  definite: boolean;
  /** Lower-cased head word (last token, possessive stripped). */
  head: string;
  /** Number of name tokens (person). */
  nameLen: number;
  start: number;
  end: number;
  /** A second speaker joined by "and" ("Lavrov and Zarif said"): a co-speaker of the same words. */
  co?: NP;
}

const PARTICLE_HYPHEN = /^(?:al|el|ad|as|ash|at|az|an|ar|abu|abd|bin|ibn|ben|ould)-\p{Lu}/u;

const PARTICLES = new Set(['al', 'el', 'de', 'di', 'da', 'du', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'bint', 'abu', 'abd', 'ben',
  'ould', 'del', 'dos', 'das', 'la', 'le']);
export function isParticle(t: Tok): boolean {
  return t.kind === 'w' && PARTICLES.has(t.lower);
}

function isAcronym(t: Tok): boolean {
  const c1 = t.text[1];
  if (c1 === undefined || (c1 !== '.' && c1 === c1.toLowerCase())) return false;
  return P_RE_1.test(t.text.replace(/[’']s$/, ''));
}

/** A token that can be part of a person's name (not a title, place, organisation head or common capitalised word). */
export function isNamey(t: Tok): boolean {
  let v = t.namey;
  if (v === undefined) { v = computeNamey(t); t.namey = v; }
  return v;
}
function computeNamey(t: Tok): boolean {
  if (t.kind !== 'w') return false;
  // The particle's hyphen sits at index 2, 3 or 4: most words are settled without the regex.
  const tx = t.text;
  if ((tx.charCodeAt(2) === 45 || tx.charCodeAt(3) === 45 || tx.charCodeAt(4) === 45) && PARTICLE_HYPHEN.test(tx)) return true;
  if (!t.cap) return false;
  if (isAcronym(t)) return false;
  const b = t.base.replace(/\.$/, '');
  if (TITLE_WORDS.has(b) || NON_NAME.has(b) || ORG_HEADS.has(b) || HONORIFICS.has(b) || SOURCE_NOUNS.has(b) || KNOWN_ORGS.has(b)) return false;
  if (/\d/.test(b) || b.length < 2) return false;
  if (!tx.includes('-')) {
    if (!UPPER_START.test(tx) && !NAME_PARTICLES.has(tx.toLowerCase())) return false;
  } else for (const part of tx.split('-')) if (part && !UPPER_START.test(part) && !NAME_PARTICLES.has(part.toLowerCase())) return false;
  if (isPlaceWord(b)) return false;
  return true;
}

function isNameyIgnoringPlace(t: Tok): boolean {
  const b = t.base;
  return t.kind === 'w' && t.cap && !isAcronym(t) && !TITLE_WORDS.has(b) && !NON_NAME.has(b) && !ORG_HEADS.has(b) && !HONORIFICS.has(b) &&
    !/\d/.test(b) && !isDemonym(b);
}

/** A token that may sit inside a subject noun phrase. */
function isNPWord(t: Tok): boolean {
  if (t.kind !== 'w') return false;
  if (WEEKDAYS.has(t.lower) || MONTHS.has(t.lower)) return false;
  // Lower-case "who" is the relative pronoun ("said Berg who was …"); only "WHO" is the organisation.
  if (t.text === 'who') return false;
  if (DOCUMENT_NOUNS.has(t.base) || GENERIC_ORG.has(t.base)) return true;
  if (t.cap || PARTICLE_HYPHEN.test(t.text) || isParticle(t)) return true;
  return isSourceNoun(t.base) || TITLE_WORDS.has(t.base) || ORG_HEADS.has(t.base);
}

/** Documents that speak for their issuer ("according to the statement", "the letter said"). */
const DOCUMENT_NOUNS = new Set(['statement', 'letter', 'communique', 'communiqué', 'declaration', 'report', 'prospectus', 'filing', 'circular',
  'memo', 'memorandum', 'release', 'bulletin']);

const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'many', 'some']);
const SENTENCE_ADVERBS = new Set(['but', 'and', 'yet', 'however', 'meanwhile', 'also', 'earlier', 'later', 'separately', 'moreover',
  'furthermore', 'still', 'then', 'so', 'now', 'instead', 'nevertheless', 'recently', 'previously', 'currently', 'initially', 'finally',
  'additionally', 'thus', 'hence', 'indeed', 'notably']);

const NEGATED = new Set(['no', 'any', 'every', 'each']);
const ARABIC_GROUP_WORDS = new Set(['jaysh', 'jaish', 'jabhat', 'harakat', 'ahrar', 'liwa', 'liwaa', 'hayat', 'hayat', 'tahrir', 'ansar', 'jund',
  'kataib', 'saraya', 'faylaq', 'failaq', 'tajamu', 'hizb', 'jamaat', 'jamaa', 'majlis', 'firqat', 'alwiya', 'kataeb']);
const FUNCTION_WORDS = new Set(['after', 'before', 'when', 'while', 'as', 'since', 'because', 'with', 'from', 'by', 'than', 'that', 'which',
  'who', 'where', 'if', 'but', 'or', 'not', 'also', 'only', 'even', 'all', 'more', 'most', 'over', 'under', 'into', 'near', 'about',
  'although', 'though', 'whereas', 'unless', 'until']);
/** Title words that also open organisation names ("National Association of …", "Supreme Council of …"). */
const ORG_ADJECTIVES = new Set(['national', 'international', 'central', 'supreme', 'high', 'higher', 'general', 'joint', 'public', 'state']);

const PRONOUN_SUBJ = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

/**
 * Walks left from unit k over a subject noun phrase ("Russian Foreign Minister Sergei Lavrov", "an official source",
 * "A spokesman for China's Foreign Ministry"). Returns the first unit index of the phrase, or -1.
 */
export function walkBackNP(units: Unit[], k: number, floor = 0): number {
  // "the Syrian Arab News Agency (SANA) reported": step over a bracketed acronym.
  const isPunct = (x: number, ch: string) => units[x]?.t === 'p' && (units[x] as { tok: Tok }).tok.text === ch;
  if (isPunct(k, ')') && isPunct(k - 2, '(') && units[k - 1]?.t === 'w') k -= 3;
  let i = k;
  let first = -1;
  outer: while (i >= floor) {
    const u = units[i]!;
    // "Tom E. Berg": the period of a middle initial is part of the name.
    const pu = units[i - 1];
    if (u.t === 'p' && u.tok.text === '.' && first >= 0 && pu?.t === 'w' && ONE_UPPER.test(pu.tok.text) && pu.tok.end === u.tok.start) { i--; continue; }
    // "a senior Harbour de Vella (HDV) official": an acronym in brackets inside the phrase, after a capitalised name.
    if (u.t === 'p' && (u.tok.text === ')' || u.tok.text === ']') && first >= 0 && (isPunct(i - 2, '(') || isPunct(i - 2, '[')) && pu?.t === 'w' && P_RE_4.test(pu.tok.text) &&
      units[i - 3]?.t === 'w' && (units[i - 3] as { tok: Tok }).tok.cap) { i -= 3; continue; }
    if (u.t !== 'w') break;
    const t = u.tok;
    // "… one broker said": "one" opens the description.
    if (t.lower === 'one' && first >= 0 && !t.cap) { first = i; break; }
    if (DETERMINERS.has(t.lower)) {
      // "Permanent Representative to the UN Bashar al-Jaafari": a "the" inside a title chain is crossed.
      const pv = units[i - 1];
      const pv2 = units[i - 2];
      // ("an official from the forces": "from" joins a source noun to its body too.)
      if (first >= 0 && pv?.t === 'w' && (CHAIN_WORDS.has(pv.tok.lower) || (pv.tok.lower === 'from' && pv2?.t === 'w' && SOURCE_NOUNS.has(pv2.tok.base))) &&
        !DETERMINERS.has(pv.tok.lower) && pv2?.t === 'w' &&
        (pv2.tok.cap || TITLE_WORDS.has(pv2.tok.base) || SOURCE_NOUNS.has(pv2.tok.base))) { i -= 2; continue; }
      // Comma-less apposition "Sami Haddad the group's director said": a two-word name before "the" + role.
      const hd = (units[k] as { tok?: Tok }).tok;
      if (first >= 0 && t.lower === 'the' && hd && (TITLE_WORDS.has(hd.base) || SOURCE_NOUNS.has(hd.base)) && pv?.t === 'w' && pv2?.t === 'w' &&
        isNamey(pv.tok) && isNamey(pv2.tok)) { first = i - 1; i -= 2; continue; }
      if (first >= 0) first = i;
      break;
    }
    // "Earlier state television said", "Meanwhile Lavrov said": a sentence adverb is not part of the subject.
    // ("First Interstate", "First Boston": an ordinal before a name is part of a company's name.)
    if (t.cap && INTRO_WORDS.has(t.lower) && first >= 0 && t.lower !== 'first' && t.lower !== 'second') break;
    // Commas stripped: "… members of the US-led coalition Pentagon officials said": an organisation noun before a
    // capitalised modifier of a lower-case head ends the content.
    if (!t.cap && first === i + 1 && GENERIC_ORG.has(t.base) && i < k - 1 && units[k]?.t === 'w' && !(units[k] as { tok: Tok }).tok.cap &&
      (units[i + 1] as { tok: Tok }).tok.cap) break;
    // "… west of Raqqa Syrian state-run news agency SANA reported": a place before a nationality ends the content.
    if (t.cap && first === i + 1 && isPlaceName(t.base) && units[i + 1]?.t === 'w' && isDemonym((units[i + 1] as { tok: Tok }).tok.base)) break;
    if (isNPWord(t) && !(COLLECTIVE.has(t.lower) && !t.cap)) {
      // Commas stripped: "… on the school in Aleppo state news agency SANA reported": a place after "in" before a
      // lower-case description ends the content, not the subject.
      const nx = units[i + 1];
      const pw = (units[i - 1] as { tok?: Tok })?.tok;
      if (t.cap && first === i + 1 && nx?.t === 'w' && !nx.tok.cap && !isParticle(nx.tok) && !CHAIN_WORDS.has(nx.tok.lower) &&
        (['in', 'at', 'from', 'near'].includes(pw?.lower ?? '') ||
          // "… villages in southern Syria state media said": a place after a lower-case adjective, too.
          (!!pw && pw.kind === 'w' && !pw.cap && !DETERMINERS.has(pw.lower) && isPlaceName(t.base)))) break;
      first = i;
      // Apostrophes stripped: "… events in Syria Russias Foreign Ministry said": a place possessive opens the subject.
      if (t.cap && i < k && isPlacePossessive(t.lower)) break;
      i--;
      continue;
    }
    // "Sergei Lavrov and his Iranian counterpart Javad Zarif said"
    if (first >= 0 && (t.lower === 'his' || t.lower === 'her' || t.lower === 'their') && units[i - 1]?.t === 'w' && (units[i - 1] as { tok: Tok }).tok.lower === 'and') { i--; continue; }
    if (first >= 0 && CHAIN_WORDS.has(t.lower) && !t.cap) {
      const before = units[i - 1];
      if (before && before.t === 'w' && (before.tok.cap || SOURCE_NOUNS.has(before.tok.base) || TITLE_WORDS.has(before.tok.base))) { i--; continue; }
      break;
    }
    // lower-case adjectives inside a source description: "an official source", "…, banking analysts said"
    if (first >= 0 && !t.cap && /^[a-z-]+$/.test(t.lower)) {
      // The head is the phrase's noun, or a lower-case organisation noun before a name ("state-run news agency SANA").
      const kh = (units[k] as { tok?: Tok }).tok;
      const fh = (units[first] as { tok?: Tok }).tok;
      const head = kh && kh.cap && fh && !fh.cap && (GENERIC_ORG.has(fh.base) || ORG_HEADS.has(fh.base)) ? fh : kh;
      // "a monitoring group said", "an official source said": lower-case modifiers of a source or organisation noun.
      if (head && (isSourceNoun(head.base) || ((GENERIC_ORG.has(head.base) || (ORG_HEADS.has(head.base) && !head.cap) || head !== kh) && !DOCUMENT_NOUNS.has(head.base)))) {
        let j = i;
        while (j >= floor && j > i - 3) {
          const v = units[j]!;
          // A comma, or punctuation opening the sentence ("- Syrian human rights groups said"), starts the phrase.
          if (v.t !== 'w') return v.t === 'p' && (v.tok.text === ',' || j === 0) ? j + 1 : first;
          // A nationality before the modifiers belongs to the description ("Syrian human rights groups").
          if (v.tok.cap && isDemonym(v.tok.base) && j < i + 1) {
            const pv = units[j - 1];
            if (j - 1 < floor || !pv || pv.t !== 'w' || pv.tok.cap) return j;
            if (DETERMINERS.has(pv.tok.lower)) return j - 1;
            break;
          }
          // "two residents said", "several diplomats said": a count opens the description like a determiner.
          if (NUMBER_WORDS.has(v.tok.lower) || /^\d+$/.test(v.tok.lower)) return j;
          if (DETERMINERS.has(v.tok.lower)) {
            const n1 = units[j - 1];
            const n2 = units[j - 2];
            // "Sami Haddad the group's director said" (commas stripped)
            if (v.tok.lower === 'the' && n1?.t === 'w' && n2?.t === 'w' && isNamey(n1.tok) && isNamey(n2.tok) && j - 2 >= floor) return j - 2;
            // "a spokesman for the state-run mining company said": the description is the object of the source noun's "for".
            if (n1?.t === 'w' && ['for', 'of', 'at', 'with'].includes(n1.tok.lower) && n2?.t === 'w' && !n2.tok.cap &&
              (SOURCE_NOUNS.has(n2.tok.base) || TITLE_WORDS.has(n2.tok.base)) && j - 2 >= floor) { first = j - 2; i = j - 3; continue outer; }
            // "Obeida Hamawi of the activist-run Media Center said": a person's employer after "of".
            if (n1?.t === 'w' && (n1.tok.lower === 'of' || n1.tok.lower === 'at') && n2?.t === 'w' && isNamey(n2.tok) && j - 2 >= floor) { first = j - 2; i = j - 3; continue outer; }
            return j;
          }
          // A function word is no modifier ("… in Aleppo after regime forces responded").
          if (FUNCTION_WORDS.has(v.tok.lower)) break;
          // "the Harbour Observatory for Rights monitoring group said": a lower-case descriptor after the organisation's name.
          if (v.tok.cap && !SOURCE_NOUNS.has(head.base) && j < i + 1 && isNPWord(v.tok)) { first = j + 1; i = j; continue outer; }
          // "informed sources" ("inform" is also a reporting verb).
          if (v.tok.cap || (VERB_FORM.has(v.tok.lower) && v.tok.lower !== 'informed') || CHAIN_WORDS.has(v.tok.lower)) break;
          j--;
        }
        // "… in Vella informed sources said" (no determiner): the fixed term stays whole; so do lower-case modifiers
        // after a place that ends the content ("… in Hama rights groups said").
        if (j >= floor && units[j + 1]?.t === 'w' && (units[j + 1] as { tok: Tok }).tok.lower === 'informed') return j + 1;
        const vj = units[j];
        if (j >= floor && j < i && vj?.t === 'w' && vj.tok.cap && isPlaceName(vj.tok.base) && !VERB_FORM.has((units[j + 1] as { tok: Tok }).tok.lower)) return j + 1;
        if (j < floor) return floor;
      }
    }
    break;
  }
  return first;
}

/** Walks right from unit k over a noun phrase (inverted "…, said Lavrov addressing …"). Returns the exclusive end, or k. */
export function walkForwardNP(units: Unit[], k: number): number {
  let i = k;
  const u0 = units[i];
  // "said one broker": "one" opens a source description like a determiner.
  const det = !!u0 && u0.t === 'w' && (DETERMINERS.has(u0.tok.lower) || u0.tok.text === 'one');
  if (det) i++;
  let last = -1;
  while (i < units.length) {
    const u = units[i]!;
    // "John F. Bookout": the period of a middle initial inside the name.
    const pu = units[i - 1];
    if (u.t === 'p' && u.tok.text === '.' && last === i - 1 && pu?.t === 'w' && ONE_UPPER.test(pu.tok.text) && pu.tok.end === u.tok.start &&
      units[i + 1]?.t === 'w' && (units[i + 1] as { tok: Tok }).tok.cap) { i++; continue; }
    if (u.t !== 'w') break;
    const t = u.tok;
    if (isNPWord(t)) { last = i; i++; continue; }
    if (last >= 0 && CHAIN_WORDS.has(t.lower) && !t.cap) {
      const nx = units[i + 1];
      const pv = units[i - 1];
      const afterChain = pv && pv.t === 'w' && CHAIN_WORDS.has(pv.tok.lower) && !DETERMINERS.has(pv.tok.lower);
      if (DETERMINERS.has(t.lower) && !afterChain) break;
      // "on Sunday" after a name is time, not part of the phrase
      if (nx && nx.t === 'w' && (WEEKDAYS.has(nx.tok.lower) || MONTHS.has(nx.tok.lower))) break;
      if (nx && nx.t === 'w' && (nx.tok.cap || DETERMINERS.has(nx.tok.lower))) { i++; continue; }
    }
    if (last < 0 && !t.cap && /^[a-z0-9-]+$/.test(t.lower) && det) { i++; continue; }
    break;
  }
  return last >= 0 ? last + 1 : k;
}

/** Whitespace other than single plain spaces. */
const NEEDS_FOLD = /[^\S ]| {2}/;

function sliceText(source: string, toks: Tok[]): string {
  if (!toks.length) return '';
  const s = source.slice(toks[0]!.start, toks[toks.length - 1]!.end);
  // Tokens start and end on non-space characters: only inner runs of whitespace need folding (rare).
  return NEEDS_FOLD.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}

function stripPossessive(s: string): string {
  return s.replace(P_RE_5, '').replace(/(?<=s)[’']$/u, '');
}

/** Classifies a subject noun phrase given as tokens. */
export function analyzeNP(source: string, toksIn: Tok[]): NP {
  // (Most phrases hold words only: no copy then.)
  let allWords = true;
  for (const t of toksIn) if (t.kind !== 'w') { allWords = false; break; }
  let toks = allWords ? toksIn : toksIn.filter((t) => t.kind === 'w');
  const none: NP = { kind: 'none', name: '', roles: [], definite: false, head: '', nameLen: 0, start: toksIn[0]?.start ?? 0, end: toksIn[toksIn.length - 1]?.end ?? 0 };
  if (!toks.length) return none;
  const start = toks[0]!.start;
  const end = toks[toks.length - 1]!.end;
  let definite = false;
  let indefinite = false;
  if (DETERMINERS.has(toks[0]!.lower)) {
    definite = toks[0]!.lower === 'the';
    indefinite = !definite;
    toks = toks.slice(1);
  }
  while (toks.length && CHAIN_WORDS.has(toks[0]!.lower) && !toks[0]!.cap) toks = toks.slice(1);
  // "Nicholas Gallo III", "Tom Hale Jr.": a generational suffix closes the name but is not a name word.
  let suffix = '';
  while (toks.length > 2 && /^(?:II|III|IV|Jr\.?|Sr\.?)$/.test(toks[toks.length - 1]!.text)) {
    suffix = ` ${toks[toks.length - 1]!.text}${suffix}`;
    toks = toks.slice(0, -1);
  }
  if (suffix) {
    // The suffix stays in the name as written; linking ignores it (entities.ts nameKey).
    const np = analyzeNP(source, toks);
    return np.kind === 'person' ? { ...np, name: np.name + suffix, start, end } : { ...np, start, end };
  }
  // "But House Speaker Jim Wright": a sentence-opening conjunction or adverb is not part of a title; nor is a
  // count ("Two World Bank teams").
  while (toks.length > 1 && (SENTENCE_ADVERBS.has(toks[0]!.lower) || (NUMBER_WORDS.has(toks[0]!.lower) && toks[1]!.cap))) toks = toks.slice(1);
  if (!toks.length) return none;
  const last = toks[toks.length - 1]!;
  const head = last.base;
  if (toks.length === 1 && PRONOUN_SUBJ.has(last.lower)) {
    return { ...none, kind: 'pronoun', name: last.lower, head, start, end };
  }
  // "one broker", "one trading house source": one of a group of sources is itself a source.
  const oneSource = toks.length >= 2 && (toks[0]!.lower === 'one' || NUMBER_WORDS.has(toks[0]!.lower) || /^\d+$/.test(toks[0]!.lower)) && isSourceNoun(head);
  if (!oneSource && (toks.some((t) => COLLECTIVE.has(t.lower) && !t.cap) || (toks.length === 1 && COLLECTIVE.has(last.lower)))) return none;
  // "No group claimed …", "Any party …": a negated or universal phrase names nobody.
  if (toks.length > 1 && NEGATED.has(toks[0]!.lower)) return none;

  // "Foreign Minister Sergei Lavrov and his Iranian counterpart Javad Zarif": two people, both speaking.
  for (let c = 1; c < toks.length - 1; c++) {
    if (toks[c]!.lower !== 'and' || toks[c]!.cap || !toks[c - 1]!.cap) continue;
    const left = analyzeNP(source, toks.slice(0, c));
    let rightToks = toks.slice(c + 1);
    if (rightToks[0] && ['his', 'her', 'their'].includes(rightToks[0].lower)) rightToks = rightToks.slice(1);
    const right = analyzeNP(source, rightToks);
    // "Office of Management and Budget Director James Miller", "House Ways and Means Committee Chairman X": a one-word
    // "name" after a title or organisation word is part of an institution's name, not a second person.
    if (left.kind === 'person' && right.kind === 'person' && (left.nameLen >= 2 || !left.roles.length) && right.nameLen >= 1) return { ...left, start, end, co: right };
    if (left.kind === 'org' && right.kind === 'org' && c === 1 && rightToks.length === 1) return { ...left, start, end, co: right };
    break;
  }
  // "Analyst Rosemarie Morbelli of Ingalls and Snyder": a name before of/at/with/from, the employer after it.
  for (let c = 2; c < toks.length - 1; c++) {
    if (!['of', 'at', 'with', 'from'].includes(toks[c]!.lower) || toks[c]!.cap) continue;
    if (!isNamey(toks[c - 1]!) || !(isNamey(toks[c - 2]!) || isParticle(toks[c - 2]!))) break;
    const inner = analyzeNP(source, toks.slice(0, c));
    if (inner.kind !== 'person' || inner.nameLen < 2) break;
    const employer = sliceText(source, toks.slice(c));
    inner.roles = inner.roles.length ? [`${inner.roles[0]} ${employer}`, ...inner.roles.slice(1)] : [employer.replace(/^(?:of|at|with|from)\s+/, '')];
    return { ...inner, start, end };
  }
  // Text without commas: "Sami Haddad head of the Flood Watch Group", "Sami Haddad the group's director": name, then its role.
  for (let c = 2; c < toks.length - 1 && c <= 5; c++) {
    const t = toks[c]!;
    // "Elizabeth Hoff WHO Representative in Syria": an acronym then a title also starts the role.
    const roleStart = (!t.cap && (TITLE_WORDS.has(t.base) || SOURCE_NOUNS.has(t.base) || t.lower === 'the')) ||
      (isAcronym(t) && !!toks[c + 1] && TITLE_WORDS.has(toks[c + 1]!.base));
    if (!roleStart) continue;
    if (!toks.slice(0, c).every((x) => isNamey(x) || isParticle(x)) || !isNamey(toks[c - 1]!)) break;
    const rest = toks.slice(c);
    if (!rest.some((x) => TITLE_WORDS.has(x.base) || SOURCE_NOUNS.has(x.base))) break;
    // "Harbour Lynch analyst Charles Ryan": a title followed by a name is the person's; the words before are the employer.
    if (rest.length >= 3 && isNamey(rest[rest.length - 1]!) && isNamey(rest[rest.length - 2]!)) break;
    const inner = analyzeNP(source, toks.slice(0, c));
    if (inner.kind !== 'person' || inner.nameLen < 2) break;
    return { ...inner, roles: [sliceText(source, rest).replace(/^the\s+/i, '')], start, end };
  }
  // "Jaysh al-Islam", "Ahrar al-Sham", "Jabhat Fatah al-Sham": Arabic words for army, movement, front … open group names.
  if (ARABIC_GROUP_WORDS.has(toks[0]!.lower) && toks[0]!.cap && toks.length >= 2 && toks.every((t) => t.cap || isParticle(t) || /^(?:al|el|ad|as|ash|an|ar|at|az)-/.test(t.lower))) {
    return { kind: 'org', name: sliceText(source, toks), roles: [], definite: false, head, nameLen: 0, start, end };
  }
  // "Economists said", "Dealers said": a plural agent noun opening the sentence is a group of sources, not a name.
  if (toks.length === 1 && last.cap && /(?:ists|ers|ants|ents|ors|eurs|ians|ions)$/.test(last.lower)) {
    return { kind: 'unnamed', name: last.text, roles: [], definite, head, nameLen: 0, start, end };
  }
  // "the White Helmets", "the Harbour Pilots": a capitalised plural after "the" names a group, not a person.
  if (definite && toks.length <= 4 && toks.every((t) => t.cap) && /[^su’']s$/.test(last.text) && !isAcronym(last) && !KNOWN_ORGS.has(head)) {
    return { kind: 'org', name: sliceText(source, toks), roles: [], definite: false, head, nameLen: 0, start, end };
  }
  if (GROUP_PLURALS.has(head) && last.cap) {
    return { kind: 'org', name: sliceText(source, toks), roles: [], definite, head, nameLen: 0, start, end };
  }
  // A lone capitalised adjective or abstract noun opening a sentence ("Domestic …", "Activity …") is no name.
  // ("the Coalition", "the Commission" are organisations, not abstract nouns.)
  if (toks.length === 1 && last.cap && /(?:ic|ive|ous|ary|ly|ment|ness|ity|tion|sion|ism)$/.test(last.lower) && !ORG_HEADS.has(head) && !GENERIC_ORG.has(head)) return none;
  // Person: a trailing run of name tokens, titles before it.
  let k = toks.length;
  let namey = 0;
  while (k > 0) {
    const t = toks[k - 1]!;
    if (isNamey(t)) { namey++; k--; continue; }
    // A surname that is also a city ("Marcelino Medina") is a name when a first name precedes it.
    if (k === toks.length && k >= 2 && t.cap && isNamey(toks[k - 2]!) && isNameyIgnoringPlace(t)) { namey++; k--; continue; }
    // A first name that is also a capital ("Secretary of State Victoria Nuland") after a title word.
    if (namey === 1 && isNameyIgnoringPlace(t)) {
      const b = toks[k - 2];
      if (!b || TITLE_WORDS.has(b.base) || HONORIFICS.has(b.base)) { namey++; k--; continue; }
    }
    if (namey > 0 && isParticle(t) && k - 1 > 0 && isNamey(toks[k - 2]!)) { k--; continue; }
    // Initials inside or before a name: "Tom E. Berg", "A.B. Kent" (not "U.S." before a title, which stops the run first).
    if (namey > 0 && P_RE_6.test(t.text + (source[t.end] === '.' && !t.text.endsWith('.') ? '.' : '')) && (k === 1 || isNamey(toks[k - 2]!) || TITLE_WORDS.has(toks[k - 2]!.base) || HONORIFICS.has(toks[k - 2]!.base))) { namey++; k--; continue; }
    break;
  }
  // A possessive inside the run means the run is not one name ("Putin’s initiative" never reaches here; "Syria’s Lavrov" does).
  let nameToks = toks.slice(k);
  for (let j = nameToks.length - 2; j >= 0; j--) {
    if (/[’']s?$/.test(nameToks[j]!.text) && !P_RE_7.test(nameToks[j]!.text)) { nameToks = nameToks.slice(j + 1); k = toks.length - nameToks.length; break; }
  }
  if (nameToks.length > 5) { nameToks = nameToks.slice(-5); k = toks.length - 5; }
  const roleToks = toks.slice(0, k);
  // The head of "spokesman for China's Foreign Ministry" / "Ministry of Health" is the noun before of/for/to/in.
  const ofAt = toks.findIndex((t, x) => x > 0 && (['of', 'for', 'to', 'in', 'at'].includes(t.lower) || (t.lower === 'from' && SOURCE_NOUNS.has(toks[x - 1]!.base))) && !t.cap);
  const semHead = ofAt > 0 ? toks[ofAt - 1]!.base : head;
  const personHead = ofAt > 0 && (SOURCE_NOUNS.has(semHead) || TITLE_WORDS.has(semHead)) && !ORG_HEADS.has(semHead);
  // "Syrian Observatory for Human Rights", "Ministry of Health": an organisation named by its head noun.
  // "Port Authority of Vella Deputy Administrator Tom Greer": a title then a two-word name ends the phrase, so it is a person.
  const n = toks.length;
  // ("Harbour Observatory for Rights chief Rami Abdel Rahman": any length of name after the title.)
  let nb = n;
  while (nb > 0 && (isNamey(toks[nb - 1]!) || isParticle(toks[nb - 1]!))) nb--;
  const titledName = n >= 4 && n - nb >= 2 && ofAt < nb - 1 && nb > 0 && TITLE_WORDS.has(toks[nb - 1]!.base);
  if (ofAt > 0 && ORG_HEADS.has(semHead) && (!TITLE_WORDS.has(toks[0]!.base) || ORG_ADJECTIVES.has(toks[0]!.base)) && toks[ofAt - 1]!.cap && !titledName) {
    // "British-based Harbour Observatory for Rights monitoring group": the name without its place label and descriptor.
    let a = 0;
    let b = toks.length;
    while (a < ofAt - 1 && /-based$/i.test(toks[a]!.text)) a++;
    while (b > ofAt + 1 && !toks[b - 1]!.cap) b--;
    return { kind: 'org', name: stripPossessive(sliceText(source, toks.slice(a, b))), roles: [], definite, head: semHead, nameLen: 0, start, end };
  }
  const roleHasTitle = roleToks.some((t) => TITLE_WORDS.has(t.base.replace(/\.$/, '')) || HONORIFICS.has(t.base.replace(/\.$/, '')));
  const orgHead = !personHead && (ORG_HEADS.has(semHead) || (toks.length === 1 && isAcronym(last)));
  // "state news agency SANA": an acronym after a lower-case organisation noun.
  const lc = toks.length >= 2 ? toks[toks.length - 2]! : null;
  if (lc && !lc.cap && isAcronym(last) && (GENERIC_ORG.has(lc.base) || ORG_HEADS.has(lc.base)) && !TITLE_WORDS.has(lc.base) && !SOURCE_NOUNS.has(lc.base)) {
    return { kind: 'org', name: stripPossessive(last.text), roles: [], definite: false, head: last.lower, nameLen: 0, start, end };
  }
  // "the state news agency Venpres", "the militant group Harbour Front": a lower-case organisation noun names what follows.
  const rlast = roleToks[roleToks.length - 1];
  if (nameToks.length && rlast && !rlast.cap && (GENERIC_ORG.has(rlast.base) || ORG_HEADS.has(rlast.base)) && !TITLE_WORDS.has(rlast.base) &&
    !DOCUMENT_NOUNS.has(rlast.base) && !SOURCE_NOUNS.has(rlast.base)) {
    return { kind: 'org', name: stripPossessive(sliceText(source, nameToks)), roles: [], definite: false, head: nameToks[nameToks.length - 1]!.base, nameLen: 0, start, end };
  }
  if (nameToks.length && !(ORG_HEADS.has(head))) {
    const lastName = nameToks[nameToks.length - 1]!;
    // A lone capitalised word is a surname only when a title precedes it or nothing else is in the phrase.
    // "Shearson's Tulis said": an employer's possessive before a surname, as a title would be.
    const rl = roleToks[roleToks.length - 1];
    const employerPoss = !!rl && rl.cap && /[’']s$/.test(rl.text) && roleToks.every((t) => t.cap);
    if (nameToks.length >= 1 && (roleToks.length === 0 || roleHasTitle || nameToks.length >= 2 || employerPoss)) {
      const roles: string[] = [];
      // Honorifics directly before the name are dropped from the role ("Secretary General Sayyed Hasan Nasrallah").
      let r = roleToks.slice();
      const ranks: string[] = [];
      while (r.length && HONORIFICS.has(r[r.length - 1]!.base.replace(/\.$/, ''))) {
        const h = r.pop()!;
        // A royal title is also the role later descriptions use ("King X said … The King added").
        if (/^(gen|lt|col|maj|brig|dr|prof|king|queen|prince|princess|emir|sultan)$/.test(h.base.replace(/\.$/, ''))) ranks.unshift(source.slice(h.start, h.end + (source[h.end] === '.' ? 1 : 0)));
      }
      while (r.length && CHAIN_WORDS.has(r[r.length - 1]!.lower)) r.pop();
      const roleText = sliceText(source, r);
      if (roleText && r.some((t) => TITLE_WORDS.has(t.base) || SOURCE_NOUNS.has(t.base) || ORG_HEADS.has(t.base) || t.cap)) roles.push(roleText);
      roles.push(...ranks);
      const name = stripPossessive(source.slice(nameToks[0]!.start, lastName.end));
      return { kind: 'person', name, roles, definite: false, head, nameLen: nameToks.filter((t) => !isParticle(t)).length, start, end };
    }
  }
  if (orgHead) {
    let name = sliceText(source, toks);
    name = stripPossessive(name);
    return { kind: 'org', name, roles: [], definite, head, nameLen: 0, start, end };
  }
  if (definite && GENERIC_ORG.has(head) && !DOCUMENT_NOUNS.has(head) && !SOURCE_NOUNS.has(head) &&
    (toks.length <= 2 || (toks.length <= 4 && toks.slice(0, -1).every((t) => !t.cap || isDemonym(t.base))))) {
    // "The utility said", "the company added": resolved to the story's organisation by the registry.
    return { kind: 'org', name: sliceText(source, toks), roles: [], definite, head, nameLen: 0, start, end };
  }
  // "Dome's statement said", "the ministry's letter said": the document speaks for its owner.
  if (DOCUMENT_NOUNS.has(head) && toks.length >= 2 && toks[toks.length - 2]!.cap && (/[’']s?$/.test(toks[toks.length - 2]!.text) ||
    ['org', 'person'].includes(analyzeNP(source, toks.slice(0, -1)).kind))) {
    const owner = analyzeNP(source, toks.slice(0, -1));
    if (owner.kind === 'person' || owner.kind === 'org') return { ...owner, kind: owner.kind, start, end };
    const ownerName = stripPossessive(sliceText(source, toks.slice(0, -1)));
    return { kind: 'org', name: ownerName, roles: [], definite: false, head: toks[toks.length - 2]!.base, nameLen: 0, start, end };
  }
  if (DOCUMENT_NOUNS.has(head) && toks.length <= 2) {
    return { kind: 'unnamed', name: sliceText(source, toks), roles: [], definite, head: 'statement', nameLen: 0, start, end };
  }
  if (personHead || isSourceNoun(head) || TITLE_WORDS.has(head)) {
    // "SANA’s reporter" → "SANA reporter": an agency possessive names the employer, not a person.
    const parts = toks.map((t) => (!isAcronym(t) ? t.text : source[t.start - 1] === '(' && source[t.end] === ')' ? `(${t.text})` : t.text.replace(/[’']s$/, '')));
    // "SANA reporter in Aleppo": where the source is, not who.
    let keep = parts.length;
    for (let x = 1; x < toks.length - 1; x++) if (toks[x]!.lower === 'in' && toks.slice(x + 1).every((t) => t.cap)) { keep = x; break; }
    let name = parts.slice(0, keep).join(' ');
    if (indefinite) name = `${source.slice(start, toks[0]!.start).trim()} ${name}`.trim();
    return { kind: 'unnamed', name, roles: [], definite, head: personHead ? semHead : head, nameLen: 0, start, end };
  }
  // "the 24-nation OECD": lower-case or numeric modifiers before an acronym.
  if (toks.length > 1 && isAcronym(last) && toks.slice(0, -1).every((t) => !t.cap)) {
    return { kind: 'org', name: stripPossessive(last.text), roles: [], definite: false, head, nameLen: 0, start, end };
  }
  if (toks.length === 1 && last.cap && (isPlaceName(head) || KNOWN_ORGS.has(head) || isAcronym(last))) {
    return { kind: 'org', name: stripPossessive(last.text), roles: [], definite, head, nameLen: 0, start, end };
  }
  // "South Korea proposed …", "New Zealand said": a country of several words speaks as its government.
  if (toks.length >= 2 && toks.length <= 4 && isPlaceTail(last.lower) && toks.every((t) => t.cap) && isPlaceName(toks.map((t) => t.lower).join(' '))) {
    return { kind: 'org', name: sliceText(source, toks), roles: [], definite, head, nameLen: 0, start, end };
  }
  return none;
}

export function unitToks(units: Unit[], a: number, b: number): Tok[] {
  const out: Tok[] = [];
  for (let i = a; i < b; i++) { const u = units[i]; if (u && u.t !== 'Q') out.push(u.tok); }
  return out;
}
