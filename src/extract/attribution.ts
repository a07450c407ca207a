// Sentence rules: subject of each reporting verb, its complement (that-clause, bare clause, quotation), inversions, interruptions, "according to", participles.
import type { QuoteKind } from '../model/article.ts';
import { findCues, type Cue } from './cues.ts';
import type { Entity, Registry } from './entities.ts';
import {
  DETERMINERS, FINITE_AUX, GOVERNING, INTRO_WORDS, LOOSE_PARTICIPLES, MONTHS, SOURCE_NOUNS, TAKES_OBJECT, TIME_WORDS, TITLE_WORDS, VERB_ADVERBS, VERB_FORM, WEEKDAYS, isDemonym, isPlaceName,
} from './lexicon.ts';
import { analyzeNP, isNamey, unitToks, walkBackNP, walkForwardNP, type NP } from './names.ts';
import type { QSpan, Sentence, Unit } from './text.ts';

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const ONE_UPPER = /^\p{Lu}$/u;
const ALL_CAPS_WORD = /^\p{Lu}{2,}$/u;
const UPPER_START = /^\p{Lu}/u;
const P_RE_4 = /^(?:al|el|as|ad|an|ar)-\p{Lu}/u;
const ANY_WORD_CHAR = /[\p{L}\p{N}]/u;
const P_RE_6 = /^[\p{Lu}\p{N}(]/u;

export interface RawQuote {
  ent: Entity;
  start: number;
  end: number;
  kind: QuoteKind;
  cue: string;
  para: number;
  /** Weekday or today/yesterday next to the cue ("said Tuesday"), for dating the speech act. */
  when?: string;
}

export interface Ctx {
  source: string;
  reg: Registry;
  quotes: RawQuote[];
  /** Paragraph of the latest attributed quote (for unattributed continuation quotes). */
  lastQuotePara: number;
  /** The previous sentence and whether it produced a quote ("This was stated by X" looks back). */
  prev: { sent: Sentence; quoted: boolean } | null;
  /** "He said:" closing a paragraph: the quotation opening the next one is his. */
  pendingColon?: { ent: Entity; cue: string } | null;
}

const isW = (u: Unit | undefined): u is Extract<Unit, { t: 'w' }> => !!u && u.t === 'w';
const isP = (u: Unit | undefined, ch?: string): boolean => !!u && u.t === 'p' && (ch === undefined || u.tok.text === ch);
const isQ = (u: Unit | undefined): u is Extract<Unit, { t: 'Q' }> => !!u && u.t === 'Q';
const low = (u: Unit | undefined): string => (u && u.t !== 'Q' ? u.tok.lower : '');
const uStart = (u: Unit): number => (u.t === 'Q' ? u.q.start : u.tok.start);
const uEnd = (u: Unit): number => (u.t === 'Q' ? u.q.end : u.tok.end);

const PREPS = new Set(['in', 'on', 'at', 'during', 'to', 'with', 'after', 'before', 'for', 'from', 'via', 'through', 'while',
  'upon', 'following', 'ahead', 'amid', 'over', 'by', 'within', 'before', 'as', 'when', 'addressing', 'speaking']);
const IRREGULAR_PARTICIPLES = new Set(['made', 'done', 'given', 'taken', 'sent', 'held', 'built', 'set', 'put', 'paid', 'said', 'told',
  'found', 'seen', 'known', 'shown', 'brought', 'kept', 'left', 'meant', 'spent', 'won', 'led', 'chosen', 'written', 'driven', 'begun',
  'run', 'sold', 'bought', 'caught', 'taught', 'fought', 'thought', 'felt', 'lost', 'met', 'heard', 'read', 'got', 'gotten']);
const TIME_NOUNS = new Set(['week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'weekend', 'time', 'spring', 'summer',
  'autumn', 'fall', 'winter', 'season', 'quarter']);
/** Simple-past forms that are never participles. */
const PAST_ONLY = new Set(['rose', 'fell', 'grew', 'went', 'came', 'took', 'gave', 'saw', 'began', 'became', 'won', 'knew', 'stood', 'ran',
  'broke', 'spoke', 'wrote', 'drove', 'chose', 'flew', 'threw', 'drew', 'shook', 'froze', 'sank', 'swam', 'forgot', 'did', 'rode',
  'arose', 'hid', 'slid', 'stole', 'strove', 'struck', 'wore', 'tore']);
const WH_WORDS = new Set(['why', 'how', 'whether', 'what', 'where', 'who', 'when', 'which']);
const OBJECT_PREPS = new Set(['of', 'for', 'on', 'with', 'from', 'to', 'by', 'behalf', 'about', 'against', 'towards', 'toward', 'into', 'among', 'between']);
const OBJ_WORDS = new Set(['him', 'her', 'them', 'us', 'me', 'reporters', 'journalists', 'correspondents', 'lawmakers', 'parliament',
  'delegates', 'participants', 'attendees', 'the', 'a', 'an', 'his', 'their', 'its', 'press', 'media', 'audience', 'visitors']);
const CLAUSE_SUBJ = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'there', 'you']);
const SUBORD = new Set(['as', 'because', 'since', 'while', 'when', 'if', 'after', 'before', 'although', 'though', 'until', 'till', 'unless', 'whereas']);
const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'that', 'where', 'when']);
const VERBY_NEXT = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'to', 'that', 'in', 'on', 'with', 'for', 'all', 'no', 'not',
  'any', 'some', 'this', 'these', 'those', 'our', 'more', 'less', 'every', 'by', 'at', 'from', 'into']);
/** Lower-case heads of organisation descriptions that an acronym in brackets can name. */
const GENERIC_ORG_HEADS = new Set(['agency', 'organisation', 'organization', 'body', 'group', 'monitor', 'fund', 'programme', 'program', 'office', 'watchdog', 'commission', 'council', 'committee']);
const PART_VERBS = new Set([...VERB_FORM.keys()].filter((f) => f.endsWith('ing')));

const REPEATED_CUE = new Set(['said', 'added', 'noted', 'stressed', 'told', 'warned', 'explained', 'indicated', 'affirmed', 'asserted', 'emphasized', 'emphasised']);

/** ", several delegates said …" / ", the ministry added": a short subject phrase, then a past-tense reporting verb. */
function newSpeechAfterComma(units: Unit[], k: number): boolean {
  let n = 0;
  // Up to nine words: "the Harbour Council for Workers' Rights said" is a subject too.
  for (let q = k; q < units.length && n < 9; q++, n++) {
    const u = units[q];
    if (!isW(u)) return false;
    const w = u.tok.lower;
    if (q > k && REPEATED_CUE.has(w)) {
      const first = units[k] as Extract<Unit, { t: 'w' }>;
      // a subject: determiner/quantifier or capitalised word first, no verb or relative inside
      return DETERMINERS.has(first.tok.lower) || ['several', 'some', 'many', 'most', 'other', 'another', 'two', 'three'].includes(first.tok.lower) || first.tok.cap;
    }
    if (FINITE_AUX.has(w) || RELATIVE.has(w) || SUBORD.has(w) || (VERB_FORM.has(w) && !u.tok.cap) || w === 'and' || w === 'or') return false;
  }
  return false;
}

/** Verbs of declining after "but"/"and": what follows is the speaker's act, not the reported clause. */
const OWN_ACT = new Set(['declined', 'refused', 'gave', 'offered']);
/** "would not give/say/elaborate …": withholding words is the speaker's act ("and would not hire staff" stays reported). */
const DISCLOSE = new Set(['give', 'say', 'elaborate', 'comment', 'disclose', 'specify', 'name', 'identify', 'confirm', 'provide',
  'discuss', 'reveal', 'detail', 'speculate', 'predict', 'estimate', 'answer', 'explain']);

/** A past-tense reporting verb ("urged", "said", "told"): a finite speech act, not a base form inside a clause. */
function isPastCue(w: string): boolean {
  const lemma = VERB_FORM.get(w);
  return !!lemma && !SKIP_PAST.has(lemma) && (w.endsWith('ed') || w === 'said' || w === 'told' || w === 'wrote');
}
const SKIP_PAST = new Set(['go', 'make', 'continue', 'refer', 'estimate', 'point', 'express', 'voice', 'quote', 'respond', 'report']);

/** Where a reported clause starting at unit a ends (exclusive): before ", adding …", "; ", "and stressed that …", or the sentence end. */
let clauseEndUnits: Unit[] | null = null;
const clauseEndMemo = new Map<number, number>();
function clauseEnd(units: Unit[], a: number): number {
  // The closing-attribution check and the cue loop ask for the same clause: one scan per sentence and start.
  if (units !== clauseEndUnits) { clauseEndUnits = units; clauseEndMemo.clear(); }
  let e = clauseEndMemo.get(a);
  if (e === undefined) { e = scanClauseEnd(units, a); clauseEndMemo.set(a, e); }
  return e;
}
function scanClauseEnd(units: Unit[], a: number): number {
  for (let k = a; k < units.length; k++) {
    const u = units[k]!;
    if (isP(u, ';')) return k;
    if (isP(u, ',') || isP(u, '–') || isP(u, '—')) {
      const n = low(units[k + 1]);
      if (PART_VERBS.has(n) || (n === 'according' && low(units[k + 2]) === 'to')) return k;
      // ", while A …" stays in the reported clause unless it brings its own speaker (", while Y stressed that …").
      if (n === 'while' || n === 'whereas') {
        for (let x = k + 2; x < units.length && x < k + 10; x++) {
          const w = low(units[x]);
          if (VERB_FORM.has(w) && !w.endsWith('ing') && !isP(units[x - 1], ',')) return k;
        }
      }
      // ", he added" inside a clause ends it
      if (CLAUSE_SUBJ.has(n) && VERB_FORM.has(low(units[k + 2])) && (isP(units[k + 3], ',') || isP(units[k + 3], '.') || k + 3 >= units.length)) return k;
      // "Although the bank said A, several delegates said B": a new subject with its own reporting verb starts new speech.
      // (Not after an opening phrase of the clause itself: "said that in a letter, the counsel told …" is nested speech.)
      if (k > a && newSpeechAfterComma(units, k + 1) && !isIntroSeg(units, a, k)) return k;
      // ", but the official said …", ", while the agency reported …": a conjunction, then a new speaker.
      if (k > a && (n === 'but' || n === 'and' || SUBORD.has(n)) && newSpeechAfterComma(units, k + 2)) return k;
    }
    // Commas stripped: "… took place adding that …": a participle with its own that-clause starts a new quote.
    if (isW(u) && k > a && LOOSE_PARTICIPLES.has(u.tok.lower) && !GOVERNING.has(low(units[k - 1])) && (low(units[k + 1]) === 'that' || isQ(units[k + 1]))) return k;
    if (isW(u) && (u.tok.lower === 'and' || u.tok.lower === 'but') && k > a) {
      const n = low(units[k + 1]);
      const n2 = low(units[k + 2]);
      // "said A and said B": a repeated past-tense reporting verb starts the next quote.
      // "said A and he called on B …": a pronoun subject with its own speech verb is a new sentence, not part of A.
      if (['he', 'she', 'they', 'we'].includes(n) && VERB_FORM.has(n2) && !n2.endsWith('ing')) return k;
      // "said A and urged B", "said A and called for B": a second past-tense speech act of the same speaker ends A
      // (not "was signed and announced on Friday", where the verb is a participle of the clause's own subject).
      // "said A, but would not give details", "and declined to comment": the speaker's own act, no reported words.
      if ((OWN_ACT.has(n) && (n2 === 'to' || n2 === 'no' || n2 === 'any')) || (['would', 'did', 'could'].includes(n) && n2 === 'not' && DISCLOSE.has(low(units[k + 3])))) return k;
      if (isPastCue(n) && isW(units[k + 2]) && !PREPS.has(n2) && !TIME_WORDS.has(n2) && !WEEKDAYS.has(n2)) return k;
      // Commas stripped: "… were destroyed and the monitoring group said …" (a new speaker with its own verb).
      const nu = units[k + 1];
      if (isW(nu) && (nu.tok.cap || DETERMINERS.has(n)) && newSpeechAfterComma(units, k + 1)) return k;
      if ((VERB_FORM.has(n) && !n.endsWith('ing') && (n2 === 'that' || isQ(units[k + 2]) || n2 === 'out' || REPEATED_CUE.has(n))) ||
        (VERB_ADVERBS.has(n) && VERB_FORM.has(n2) && low(units[k + 3]) === 'that')) return k;
    }
  }
  return units.length;
}

/** Trims trailing punctuation units; returns [a, b) of content or null. */
function trimRange(units: Unit[], a: number, b: number): [number, number] | null {
  while (b > a && isP(units[b - 1]) && !isP(units[b - 1], ')')) b--;
  while (a < b && isP(units[a]) && !isP(units[a], '(')) a++;
  return b > a ? [a, b] : null;
}

/** A finite clause starts at unit p ("Russia is preparing …", "there are …", "Washington supports …"); noun phrases do not. */
function isClause(units: Unit[], p: number): boolean {
  const u0 = units[p];
  if (!isW(u0)) return false;
  const w0 = u0.tok.lower;
  if (PREPS.has(w0) || SUBORD.has(w0)) return false;
  if (CLAUSE_SUBJ.has(w0)) return isW(units[p + 1]) && !isP(units[p + 1]);
  if (['this', 'these', 'those', 'that'].includes(w0)) {
    // "said this was due to …", "said this indicated a move …" (but not "reiterated this stance")
    const n = low(units[p + 1]);
    return FINITE_AUX.has(n) || (/(?:ed|[^s]s)$/.test(n) && VERBY_NEXT.has(low(units[p + 2])) && !TIME_WORDS.has(n));
  }
  let lim = p + 12;
  let skipped = false;
  for (let q = p; q < units.length && q < lim; q++) {
    const u = units[q]!;
    if (isQ(u)) continue;
    // Right after a skipped parenthetical a past-tense verb is the clause's ("M-2, which measures …, fell to …").
    if (skipped && isP(units[q - 1], ',') && isW(u) && !u.tok.cap && (PAST_ONLY.has(u.tok.lower) || /[^e]ed$/.test(u.tok.lower))) return true;
    // "his tour, which ends today, showed …", "Vella, the largest port, was …":
    // a comma-bounded relative clause or appositive after the subject is skipped.
    if (isP(u, ',') && q > p) {
      const n = low(units[q + 1]);
      const nu = units[q + 1];
      // Also a parenthetical phrase: "the company, among other things, was …", "the firm, although it knew, was …".
      // An age or a role: "F. Ross Berg, 55, president and chief executive, will …".
      const age = /^\d{1,3}$/.test(n);
      // … or a participle phrase: "Mikul's remarks, taken with those of his ministers, could be …".
      if (n === 'which' || n === 'who' || DETERMINERS.has(n) || (isW(nu) && nu.tok.cap) || PREPS.has(n) || SUBORD.has(n) || n === 'among' ||
        n === 'including' || age || TITLE_WORDS.has(n) || SOURCE_NOUNS.has(n) || ((/[^e]ed$/.test(n) || IRREGULAR_PARTICIPLES.has(n)) && !VERB_FORM.has(n))) {
        let c = q + 2;
        // A capitalised appositive is a name ("the unit, Harbour Works Inc., was …"): no verb inside it.
        // (A relative clause may run longer than an appositive.)
        const span = n === 'which' || n === 'who' ? 22 : 14;
        while (c < units.length && c < q + span && (!isP(units[c]) || isP(units[c], '.')) && !(isW(nu) && nu.tok.cap && (FINITE_AUX.has(low(units[c])) || VERB_FORM.has(low(units[c]))))) c++;
        // After an age a role often follows in its own commas: look at the closing comma again.
        // (One capitalised word is enough for an acronym appositive: "the Group of Seven nations, G-7, can …".)
        if (isP(units[c], ',') && (c > q + 2 || age || (isW(nu) && nu.tok.cap))) { lim += c - q + 1; skipped = true; q = age ? c - 1 : c; continue; }
      }
      break;
    }
    // "James O. Welch was …": the period of a middle initial.
    if (isP(u, '.') && q > p && isW(units[q - 1]) && ONE_UPPER.test((units[q - 1] as Extract<Unit, { t: 'w' }>).tok.text) && isW(units[q + 1])) continue;
    if (!isW(u)) break;
    const w = u.tok.lower;
    if (q > p && (RELATIVE.has(w) || SUBORD.has(w))) break;
    if (w === 'to' && q > p) break;
    if (FINITE_AUX.has(w) && q > p) return !['to'].includes(low(units[q - 1]));
    // A present-tense verb before "to" + verb: "the military police continue to patrol …" (not "the need to", "Syria's right to").
    const afterTo = low(units[q + 2]);
    if (q > p && !u.tok.cap && low(units[q + 1]) === 'to' && isW(units[q + 2]) && !(units[q + 2] as { tok: { cap: boolean } }).tok.cap &&
      /^[a-z]+$/.test(afterTo) && !/(?:s|ment|tion|ness|ity)$/.test(afterTo) && !DETERMINERS.has(afterTo) &&
      !['his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those', 'all', 'some', 'any'].includes(afterTo) &&
      !/(?:ness|ment|tion|sion|ity|ance|ence|ure|ing|al|ive|ous|ful|able|ible)$/.test(w)) {
      const pv = units[q - 1];
      // "-ed" before "to" is usually a participle ("the efforts made to help") unless a name or pronoun precedes it.
      const edOk = !(/ed$/.test(w) || IRREGULAR_PARTICIPLES.has(w)) || (isW(pv) && (pv.tok.cap || CLAUSE_SUBJ.has(pv.tok.lower)));
      if (edOk && isW(pv) && !DETERMINERS.has(pv.tok.lower) && !/[’']s?$/.test(pv.tok.text) && !PREPS.has(pv.tok.lower) && !OBJECT_PREPS.has(pv.tok.lower) &&
        !['his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'no', 'any', 'every', 'each', 'and', 'or'].includes(pv.tok.lower)) return true;
    }
    // Irregular simple past after a noun: "said prices rose", "said output fell by …".
    if (q > p && PAST_ONLY.has(w)) {
      const pv = units[q - 1];
      if (isW(pv) && !DETERMINERS.has(pv.tok.lower) && !PREPS.has(pv.tok.lower) && !OBJECT_PREPS.has(pv.tok.lower)) return true;
    }
    // A past-tense verb with its object or time right after it: "aircrafts of the coalition bombed Wednesday …".
    if (q > p && /[^e]ed$/.test(w) && !u.tok.cap) {
      const pv = low(units[q - 1]);
      const nx = units[q + 1];
      const nl = low(nx);
      // (A pronoun inside the phrase opens a relative clause: "part of a campaign they started this month".)
      if (!DETERMINERS.has(pv) && !['to', 'been', 'be', 'being', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'and', 'or'].includes(pv) &&
        !(CLAUSE_SUBJ.has(pv) && q > p + 1) &&
        isW(nx) && (DETERMINERS.has(nl) || ['his', 'her', 'its', 'their', 'our', 'him', 'them', 'it'].includes(nl) || /^\d/.test(nl) || WEEKDAYS.has(nl) ||
          (TIME_WORDS.has(nl) && (nl !== 'on' || WEEKDAYS.has(low(units[q + 2])))))) return true;
    }
  }
  // Proper-noun subject + verb in -s/-ed: "Washington supports the …", "Iran succeeded in …".
  const u1 = units[p + 1];
  if (u0.tok.cap && !/[’']s?$/.test(u0.tok.text) && !isDemonym(u0.tok.base) && !TITLE_WORDS.has(u0.tok.base) && isW(u1) && !u1.tok.cap &&
    /(?:[^s]s|ed)$/.test(u1.tok.lower) && VERBY_NEXT.has(low(units[p + 2]))) return true;
  return false;
}

interface Subject { np: NP; s: number; e: number }

function npAt(ctx: Ctx, units: Unit[], s: number, e: number): NP {
  return analyzeNP(ctx.source, unitToks(units, s, e));
}

/** Role-only segment just before a subject ("Russian President’s Special Envoy to the Middle East, Deputy … Bogdanov said"). */
function roleBefore(ctx: Ctx, units: Unit[], s: number): string | null {
  if (!isP(units[s - 1], ',')) return null;
  let b = s - 2;
  while (b >= 0 && isW(units[b])) b--;
  const seg = unitToks(units, b + 1, s - 1);
  if (!seg.length || seg.length > 16) return null;
  if (INTRO_WORDS.has(seg[0]!.lower)) return null;
  if (!seg.some((t) => TITLE_WORDS.has(t.base))) return null;
  if (seg.some((t) => !t.cap && !['of', 'for', 'to', 'the', 'and', 'in', 'at', 'on'].includes(t.lower) && !TITLE_WORDS.has(t.base))) return null;
  const np = analyzeNP(ctx.source, seg);
  if (np.kind === 'person') return null;
  return ctx.source.slice(seg[0]!.start, seg[seg.length - 1]!.end);
}

function isIntroSeg(units: Unit[], a: number, b: number): boolean {
  const u = units[a];
  if (!isW(u)) return true;
  const w = u.tok.lower;
  if (INTRO_WORDS.has(w) && !(w === 'the')) return true;
  if (w.endsWith('ing') && !u.tok.cap) return true;
  if (/ing$/.test(w) && u.tok.cap && VERB_FORM.has(w)) return true;
  if (/^(commenting|speaking|addressing|responding|meeting|receiving|referring)$/.test(w)) return true;
  let allTime = true;
  for (let k = a; k < b; k++) if (!TIME_WORDS.has(low(units[k])) && !WEEKDAYS.has(low(units[k]))) allTime = false;
  return allTime;
}

/** Subject in comma segments before unit k: the first segment that is not an intro ("In a statement,", "Meanwhile,"). */
function segmentSubject(ctx: Ctx, units: Unit[], k: number): Subject | null {
  let s0 = 0;
  for (let x = k; x >= 0; x--) if (isQ(units[x]) || isP(units[x], ';') || isP(units[x], ':')) { s0 = x + 1; break; }
  const segs: [number, number][] = [];
  let a = s0;
  // k itself closes the last segment (a comma, or the period of "… Lehman Bros. said" that stands for one).
  for (let x = s0; x <= k; x++) if (isP(units[x], ',') || x === k) { if (x > a) segs.push([a, x]); a = x + 1; }
  for (let f = 0; f < segs.length; f++) {
    let [sa, sb] = segs[f]!;
    // "But House Speaker Jim Wright, a Texas Democrat, said": a conjunction opening the subject segment is no intro.
    if (['but', 'and', 'yet'].includes(low(units[sa])) && sb - sa > 1 && walkForwardNP(units, sa + 1) === sb) sa++;
    else if (isIntroSeg(units, sa, sb)) continue;
    if (low(units[sa]) === 'who' || low(units[sa]) === 'which') continue;
    const e = walkForwardNP(units, sa);
    if (e !== sb) {
      const t = trailingNamedSubject(ctx, units, segs);
      if (t) return t;
      // '"…," based on strong cash flow, Florjancic said': the last segment alone names the speaker; "…, the OECD,
      // which hosted the talks, said": a relative segment after it is skipped.
      let last = segs.length - 1;
      if (last >= 2 && ['which', 'who'].includes(low(units[segs[last]![0]]))) last--;
      const [la, lb] = segs[last]!;
      if (last >= 1 && walkForwardNP(units, la) === lb) {
        const np = npAt(ctx, units, la, lb);
        if (np.kind === 'person' || np.kind === 'org' || (np.kind === 'unnamed' && last < segs.length - 1)) return { np, s: la, e: lb };
      }
      return null;
    }
    const np = npAt(ctx, units, sa, sb);
    if (np.kind === 'person' || np.kind === 'pronoun') return { np, s: sa, e: sb };
    // A chain of role segments ended by the name: "Chief of Staff, Deputy Commander, Minister of Defense, General Ali Ayoub, said".
    const roles: string[] = [];
    for (let g = f; g < segs.length && g < f + 5; g++) {
      const [ga, gb] = segs[g]!;
      if (walkForwardNP(units, ga) !== gb) break;
      const npg = g === f ? np : npAt(ctx, units, ga, gb);
      if (npg.kind === 'person' && g > f) {
        npg.roles.unshift(...roles);
        return { np: npg, s: sa, e: gb };
      }
      if (!unitToks(units, ga, gb).some((t) => TITLE_WORDS.has(t.base))) break;
      roles.push(ctx.source.slice(uStart(units[ga]!), uEnd(units[gb - 1]!)).replace(/^(?:the|a|an)\s+/i, ''));
    }
    if (np.kind === 'unnamed' || np.kind === 'org') return { np, s: sa, e: sb };
    return null;
  }
  return null;
}

const NOT_BEFORE_SUBJECT = new Set([...DETERMINERS, 'that', 'what', 'which', 'who', 'whom', 'whose', 'where', 'when', 'why', 'how', 'whether',
  'if', 'and', 'or', 'but', 'as', 'than', 'because', 'so', 'not', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'about',
  'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'this', 'these', 'those', 'all', 'everything', 'anything']);

/** Content of five words or more, with a finite verb, right before unit k, and nothing that makes k part of it. */
function bareContentBefore(units: Unit[], k: number): boolean {
  const pre = units[k - 1];
  // "… killed in Aleppo after regime forces responded …": a subordinator opens a clause, not the attribution.
  if (!isW(pre) || NOT_BEFORE_SUBJECT.has(pre.tok.lower) || SUBORD.has(pre.tok.lower) || PREPS.has(pre.tok.lower)) return false;
  let words = 0;
  let verb = false;
  for (let x = 0; x < k; x++) {
    const u = units[x]!;
    if (isW(u)) {
      words++;
      const w = u.tok.lower;
      // "A second rocket hit a house killing three" (commas stripped): irregular past and -ing verbs count too.
      if (!u.tok.cap && (FINITE_AUX.has(w) || /ed$/.test(w) || IRREGULAR_PAST.has(w) || (/[^n]ing$/.test(w) && w.length > 5 && x > 0))) verb = true;
      // "Crews try to find …": an infinitive shows a verb phrase too.
      else if (w === 'to' && x > 0 && isW(units[x + 1]) && !(units[x + 1] as Extract<Unit, { t: 'w' }>).tok.cap && !NOT_NOUN_BEFORE.has(low(units[x + 1]))) verb = true;
    }
    if (isQ(u)) { words += 2; verb = true; }
    if (verb && words >= 5) return true;
  }
  return false;
}

/** After a cue: time words ("on Wednesday", "today") are skipped; returns where the rest starts. */
function tailAfterCue(units: Unit[], t: number): number {
  // ("on a visit to …" is a place phrase: "on" is time only before a weekday.)
  while (t < units.length && isW(units[t]) && (TIME_WORDS.has(low(units[t])) || WEEKDAYS.has(low(units[t])) || VERB_ADVERBS.has(low(units[t]))) &&
    !(low(units[t]) === 'on' && !WEEKDAYS.has(low(units[t + 1])))) t++;
  return t;
}

/** Nothing but closing punctuation, a statement phrase or a relative clause about the subject follows unit e. */
function sentenceEndsAt(units: Unit[], e: number): boolean {
  const t = tailAfterCue(units, e);
  if (!trimRange(units, t, units.length)) return true;
  const w = low(units[t]);
  if (w === 'which' || w === 'who') return true;
  // "… Steifo said adding that …": a participle starts the next quote; "… said Friday giving an updated toll" is an
  // adjunct of the attribution.
  if (PART_VERBS.has(w) || (/[^n]ing$/.test(w) && w.length > 5 && isW(units[t]) && !(units[t] as Extract<Unit, { t: 'w' }>).tok.cap)) return true;
  // "… state media said on Saturday part of a campaign …": an apposition to the whole sentence.
  if ((w === 'part' || w === 'one') && low(units[t + 1]) === 'of') return true;
  // "… the minister said at a TV interview on Sunday.": a short place or occasion phrase without a verb closes the sentence.
  if (!['in', 'at', 'during', 'on', 'after', 'before', 'from', 'to', 'via', 'through', 'despite', 'amid', 'following', 'with', 'without'].includes(w)) return false;
  const r = trimRange(units, t, units.length);
  if (!r || r[1] - r[0] > 9) return false;
  for (let k = r[0] + 1; k < r[1]; k++) {
    const u = units[k]!;
    // A short quotation may sit in it ('despite a "de-escalation zone" in place there').
    if (isQ(u)) continue;
    if (!isW(u) || FINITE_AUX.has(u.tok.lower) || RELATIVE.has(u.tok.lower) || (!u.tok.cap && (VERB_FORM.has(u.tok.lower) || /[^e]ed$/.test(u.tok.lower)))) return false;
  }
  return true;
}

/** A role phrase between commas: "the president of the city's stock exchange" (title word, no verb, short). */
function isRoleSeg(units: Unit[], a: number, b: number): boolean {
  if (b - a > 14) return false;
  const toks = unitToks(units, a, b);
  if (toks.length !== b - a) return false;
  if (!toks.some((t) => TITLE_WORDS.has(t.base) || SOURCE_NOUNS.has(t.base))) return false;
  return !toks.some((t) => !t.cap && (FINITE_AUX.has(t.lower) || (VERB_FORM.has(t.lower) && !TITLE_WORDS.has(t.lower) && !SOURCE_NOUNS.has(t.lower))));
}

/** "Content, the head of the port authority, Ana Ruiz, said": the name closing the segments, its roles just before it. */
function trailingNamedSubject(ctx: Ctx, units: Unit[], segs: [number, number][]): Subject | null {
  if (segs.length < 2) return null;
  const [la, lb] = segs[segs.length - 1]!;
  if (walkForwardNP(units, la) !== lb) return null;
  const np = npAt(ctx, units, la, lb);
  if (np.kind !== 'person') return null;
  let s = la;
  const roles: string[] = [];
  // Segment 0 is usually the reported content ("Content, role, Name, said"); with two segments it is the role
  // itself ("One of their leaders, Name, told …").
  for (let g = segs.length - 2; g >= (segs.length === 2 ? 0 : 1) && g >= segs.length - 3; g--) {
    const [ga, gb] = segs[g]!;
    if (!isRoleSeg(units, ga, gb)) break;
    roles.unshift(ctx.source.slice(uStart(units[ga]!), uEnd(units[gb - 1]!)).replace(/^(?:the|a|an)\s+/i, ''));
    s = ga;
  }
  if (s === la) return null;
  np.roles.unshift(...roles);
  return { np, s, e: lb };
}

/**
 * "Content, Roland Dumas, head of the trade committee said.": wire copy often drops the comma that closes an appositive
 * role before the verb. The segment ending at unit k is a role and the one before it a person's name.
 */
function closingAppositive(ctx: Ctx, units: Unit[], k: number): Subject | null {
  if (!isW(units[k])) return null;
  let a = k;
  while (a > 0 && !isP(units[a - 1], ',') && (isW(units[a - 1]) || isP(units[a - 1], '/')) && k - a < 14) a--;
  if (a < 2 || !isP(units[a - 1], ',') || !isRoleSeg(units, a, k + 1)) return null;
  let n = a - 1;
  while (n > 0 && isW(units[n - 1]) && a - n < 7) n--;
  if (n === a - 1 || walkForwardNP(units, n) !== a - 1) return null;
  // The name segment is the subject ("Dumas, head of …, said" after content, or at the sentence start).
  if (n > 0 && !isP(units[n - 1], ',')) return null;
  const np = npAt(ctx, units, n, a - 1);
  if (np.kind !== 'person') return null;
  np.roles.push(ctx.source.slice(uStart(units[a]!), uEnd(units[k]!)).replace(/^(?:the|a|an)\s+/i, ''));
  return { np, s: n, e: k + 1 };
}

/** Commas stripped: "The Observatory which tracks the war said …": the subject is the phrase before "which"/"who". */
function relativeSubject(ctx: Ctx, units: Unit[], k: number, c: number): Subject | null {
  // "… near the airport said the Observatory which …": an inverted subject after the verb comes first.
  const capAt = (x: number) => isW(units[x]) && (units[x] as Extract<Unit, { t: 'w' }>).tok.cap;
  const named = capAt(c + 1) || (DETERMINERS.has(low(units[c + 1])) && capAt(c + 2));
  if (named) {
    const r = walkForwardNP(units, c + 1);
    if (r > c + 1 && npAt(ctx, units, c + 1, r).kind !== 'none' && sentenceEndsAt(units, r)) return null;
  }
  for (let x = k; x > 0 && x > k - 10; x--) {
    const u = units[x];
    if (!isW(u) || FINITE_AUX.has(u.tok.lower) && x === k) return null;
    if (u.tok.lower !== 'which' && u.tok.lower !== 'who') { if (VERB_FORM.has(u.tok.lower) && !u.tok.cap && x < k) return null; continue; }
    const s = walkBackNP(units, x - 1);
    if (s < 0 || s === x) return null;
    const np = npAt(ctx, units, s, x);
    return np.kind === 'person' || np.kind === 'org' || np.kind === 'unnamed' ? { np, s, e: x } : null;
  }
  return null;
}

/** Subject to the left of the cue at unit c. */
function leftSubject(ctx: Ctx, units: Unit[], c: number): Subject | null {
  let k = c - 1;
  // "X went on to say", "X continued to stress"
  if (low(units[k]) === 'to' && ['on', 'continued', 'proceeded'].includes(low(units[k - 1]))) k -= low(units[k - 1]) === 'on' ? 3 : 2;
  // "Delegates here said", "Officials there said": a place adverb between subject and verb.
  while (k >= 0 && isW(units[k]) && (VERB_ADVERBS.has(low(units[k])) || WEEKDAYS.has(low(units[k])) || ((low(units[k]) === 'here' || low(units[k]) === 'there') && isW(units[k - 1]) && !NOT_BEFORE_SUBJECT.has(low(units[k - 1]))))) {
    if (WEEKDAYS.has(low(units[k])) && low(units[k - 1]) === 'on') k--;
    k--;
  }
  // "McDonnell Douglas last month claimed …", "the union earlier this week said …".
  if (TIME_NOUNS.has(low(units[k])) && ['last', 'this', 'next'].includes(low(units[k - 1])) && isW(units[k - 2]) && (units[k - 2] as Extract<Unit, { t: 'w' }>).tok.cap) k -= 2;
  // "Abrams -- the highest-ranking official to testify -- said": a dashed apposition between subject and verb.
  if (isP(units[k], '-') || isP(units[k], '—') || isP(units[k], '–')) {
    let b = k - 1;
    while (b > 0 && (isP(units[b], '-') || isP(units[b], '—') || isP(units[b], '–'))) b--;
    let x = b;
    while (x > 0 && k - x < 30 && !isP(units[x], '-') && !isP(units[x], '—') && !isP(units[x], '–') && !isQ(units[x])) x--;
    if (x > 0 && x < b && (isP(units[x], '-') || isP(units[x], '—') || isP(units[x], '–'))) {
      while (x > 0 && (isP(units[x - 1], '-') || isP(units[x - 1], '—') || isP(units[x - 1], '–'))) x--;
      const s0 = walkBackNP(units, x - 1);
      if (s0 >= 0 && s0 < x) {
        const np = npAt(ctx, units, s0, x);
        if (np.kind === 'person' || np.kind === 'org' || np.kind === 'unnamed') return { np, s: s0, e: x };
      }
    }
  }
  // "… Agency (SANA) reported", "Fisons Plc <FISN.L> said": step over a bracketed acronym or ticker.
  const close = isP(units[k], ')') ? '(' : isP(units[k], '>') ? '<' : isP(units[k], ']') ? '[' : '';
  let acronym: Extract<Unit, { t: 'w' }> | null = null;
  if (close) {
    const ac = units[k - 1];
    if (close === '(' && isP(units[k - 2], '(') && isW(ac) && ALL_CAPS_WORD.test(ac.tok.text)) acronym = ac;
    for (let b = k - 1; b >= 0 && b >= k - 6; b--) if (isP(units[b], close)) { k = b - 1; break; }
  }
  // "the regional shipping agency (RSA) said": a lower-case description is named by its acronym.
  if (acronym && isW(units[k]) && !(units[k] as { tok: { cap: boolean } }).tok.cap && GENERIC_ORG_HEADS.has(low(units[k]))) {
    const ac = acronym;
    let s0 = k;
    while (s0 > 0 && isW(units[s0 - 1]) && !isP(units[s0 - 1]) && s0 > k - 8 && !VERB_FORM.has(low(units[s0 - 1])) && !FINITE_AUX.has(low(units[s0 - 1]))) s0--;
    const np: NP = { kind: 'org', name: ac.tok.text, roles: [], definite: false, head: ac.tok.lower, nameLen: 0, start: ac.tok.start, end: ac.tok.end };
    return { np, s: Math.max(s0, 0), e: k + 1 };
  }
  if (k < 0) return null;
  const app = closingAppositive(ctx, units, k);
  if (app) return app;
  const u = units[k]!;
  // "…, an analyst with Shearson Lehman Bros. said": the abbreviation's period also closes the appositive.
  const pw = units[k - 1];
  if (u.t === 'p' && u.tok.text === '.' && isW(pw) && pw.tok.end === u.tok.start && pw.tok.cap) {
    for (let x = k - 1; x >= 0 && !isQ(units[x]); x--) if (isP(units[x], ',')) return segmentSubject(ctx, units, k);
    return null;
  }
  if (isP(u, ',')) {
    // "Lavrov, who noted …" is handled by the caller; here: "Role, Name, said" / "Name, for his part, said".
    return segmentSubject(ctx, units, k);
  }
  if (!isW(u)) return null;
  if (['he', 'she', 'it', 'they'].includes(u.tok.lower)) return { np: npAt(ctx, units, k, k + 1), s: k, e: k + 1 };
  if (u.tok.lower === 'who' && isP(units[k - 1], ',')) {
    const s = walkBackNP(units, k - 2);
    if (s < 0) return null;
    return { np: npAt(ctx, units, s, k - 1), s, e: k - 1 };
  }
  let s = walkBackNP(units, k);
  if (s < 0) return relativeSubject(ctx, units, k, c);
  // "… should remain in office Turkish Foreign Minister Ana Ruiz said" (commas stripped): a lower-case noun before the
  // title run belongs to the content.
  if (isW(units[s]) && !(units[s] as Extract<Unit, { t: 'w' }>).tok.cap && !DETERMINERS.has(low(units[s])) && s < k) {
    let f = s + 1;
    while (f <= k && isW(units[f]) && !(units[f] as Extract<Unit, { t: 'w' }>).tok.cap) f++;
    // Not a role of its own: "local journalist Nawrouz Uthman" keeps "local journalist".
    if (f <= k && f > s && !SOURCE_NOUNS.has(low(units[f - 1])) && npAt(ctx, units, f, k + 1).kind === 'person' && npAt(ctx, units, s, k + 1).kind === 'person') s = f;
  }
  // "… one of the officials said": the one speaking is unnamed, described by the group.
  if (low(units[s - 1]) === 'of' && low(units[s - 2]) === 'one' && DETERMINERS.has(low(units[s]))) {
    const np = npAt(ctx, units, s, k + 1);
    if (np.kind === 'unnamed') {
      const d: NP = { ...np, name: ctx.source.slice(uStart(units[s - 2]!), uEnd(units[k]!)), definite: false, start: uStart(units[s - 2]!) };
      return { np: d, s: s - 2, e: k + 1 };
    }
  }
  // "… the civil defence known as the White Helmets have said": the name after "known as" is the speaker; its
  // description before belongs to the subject, not the content.
  if (low(units[s - 1]) === 'as' && ['known', 'called', 'dubbed', 'nicknamed'].includes(low(units[s - 2]))) {
    let d = walkBackNP(units, s - 3);
    // "the civil defence": lower-case modifiers back to the determiner.
    let b = d;
    while (b > 0 && b > d - 3 && isW(units[b - 1]) && !(units[b - 1] as Extract<Unit, { t: 'w' }>).tok.cap && !DETERMINERS.has(low(units[b - 1])) &&
      !VERB_FORM.has(low(units[b - 1])) && !NOT_BEFORE_SUBJECT.has(low(units[b - 1]))) b--;
    if (d >= 0 && DETERMINERS.has(low(units[b - 1]))) d = b - 1;
    const np = npAt(ctx, units, s, k + 1);
    if (d >= 0 && np.kind !== 'none') return { np, s: d, e: k + 1 };
  }
  // Commas stripped: "The Harbour Observatory a Britain-based monitoring group said", "Colonel John Dorr a coalition
  // spokesman told": an indefinite description right after a name is its apposition; the name is the subject.
  if (['a', 'an'].includes(low(units[s])) && s > 0 && isW(units[s - 1]) && (units[s - 1] as Extract<Unit, { t: 'w' }>).tok.cap) {
    const n = walkBackNP(units, s - 1);
    const named = n >= 0 ? npAt(ctx, units, n, s) : null;
    const desc = npAt(ctx, units, s, k + 1);
    // Not a place ("… in the province of Aleppo a monitor said"): that is the end of the content.
    // A person needs a full name ("… met Putin an official said" ends the content with "Putin").
    if (named && ((named.kind === 'person' && named.nameLen >= 2) || (named.kind === 'org' && !isPlaceName(named.name.toLowerCase()))) &&
      (desc.kind === 'unnamed' || desc.kind === 'org')) {
      if (named.kind === 'person') named.roles.push(ctx.source.slice(uStart(units[s + 1]!), uEnd(units[k]!)));
      return { np: named, s: n, e: k + 1 };
    }
  }
  // "The Harbour Observatory a monitoring group based in the UK reported": the place of a description is not the subject.
  if (low(units[s - 1]) === 'in' && ['based', 'headquartered'].includes(low(units[s - 2]))) {
    const d = walkBackNP(units, s - 3);
    if (d >= 0) {
      const o = d > 0 && isW(units[d - 1]) ? walkBackNP(units, d - 1) : -1;
      const org = o >= 0 ? npAt(ctx, units, o, d) : null;
      if (org && org.kind === 'org') return { np: org, s: o, e: k + 1 };
      return { np: npAt(ctx, units, d, s - 2), s: d, e: k + 1 };
    }
  }
  // "Several economists contacted by Reuters said": the agent of a participle is not the subject.
  if (low(units[s - 1]) === 'by' && isW(units[s - 2]) && /ed$/.test(low(units[s - 2]))) {
    const s2 = walkBackNP(units, s - 3);
    if (s2 >= 0) return { np: npAt(ctx, units, s2, s - 2), s: s2, e: s - 2 };
  }
  // "a spokesman for a company working for the Soviet Union said": an object of a preposition is not the subject.
  if (s > 0 && isW(units[s - 1]) && OBJECT_PREPS.has(low(units[s - 1]))) return null;
  // "The union headquarters in Porto de Galinhas said": a capitalised run after a common noun and "in"/"at" is the
  // place of the source, not a person; the source is the whole description.
  for (let x = Math.max(s - 1, 1); x < k; x++) {
    const w = low(units[x]);
    if (w !== 'in' && w !== 'at') continue;
    const pv = units[x - 1];
    const run = unitToks(units, x + 1, k + 1);
    if (!isW(pv) || pv.tok.cap || !run.every((t) => t.cap || ['de', 'da', 'do', 'dos', 'del', 'la', 'el', 'al'].includes(t.lower))) break;
    // "its partners in Kenya UNHCR said" (commas stripped): an acronym ends the run, so it names the speaker.
    if (run.some((t) => ALL_CAPS_WORD.test(t.text))) break;
    let s2 = x - 1 > s ? s : walkBackNP(units, x - 1);
    if (x < s && isW(units[x - 1]) && OBJECT_PREPS.has(low(units[x - 1]))) break;
    if (s2 < 0) {
      // "the national strike headquarters": lower-case modifiers back to a determiner.
      let b = x - 1;
      while (b > 0 && b > x - 5 && isW(units[b - 1]) && !(units[b - 1] as { tok: { cap: boolean } }).tok.cap && !DETERMINERS.has(low(units[b - 1])) && !NOT_BEFORE_SUBJECT.has(low(units[b - 1]))) b--;
      if (!DETERMINERS.has(low(units[b - 1]))) return null;
      s2 = b - 1;
    }
    const inner = npAt(ctx, units, s2, x);
    if (inner.kind === 'person' || inner.kind === 'pronoun') return null;
    const desc = ctx.source.slice(uStart(units[s2]!), uEnd(units[k]!));
    // A named organisation stays ("the Red Cross office in Geneva"); a generic one is the description with its place.
    const np: NP = inner.kind === 'none' || (inner.kind === 'org' && !UPPER_START.test(inner.name))
      ? { kind: 'unnamed', name: desc, roles: [], definite: low(units[s2]) === 'the', head: pv.tok.lower, nameLen: 0, start: uStart(units[s2]!), end: uEnd(units[k]!) }
      : inner;
    return { np, s: s2, e: k + 1 };
  }
  let np = npAt(ctx, units, s, k + 1);
  // "Moody's said", "Lloyd's said": a subject can't end in a possessive, so the 's is part of a company's name.
  const kt = units[k];
  if (isW(kt) && kt.tok.cap && /[’']s$/.test(kt.tok.text) && np.kind === 'person' && np.nameLen === 1) {
    np = { ...np, kind: 'org', name: ctx.source.slice(uStart(units[s]!), kt.tok.end).replace(/^(?:the|a|an)\s+/i, ''), roles: [] };
  }
  if (np.kind === 'none') {
    // "In a statement Rostenkowski said": fall back to the capitalised run right before the verb.
    let r = k;
    while (r - 1 >= s && isW(units[r - 1]) && (units[r - 1] as { tok: { cap: boolean } }).tok.cap) r--;
    if (r > s && r <= k) { s = r; np = npAt(ctx, units, s, k + 1); }
  }
  if (np.kind === 'person') {
    const role = roleBefore(ctx, units, s);
    if (role) np.roles.unshift(role);
  }
  if (np.kind === 'none' && !isP(units[s - 1], ',') && s > 0) return null;
  return { np, s, e: k + 1 };
}

/** Subject right after the cue ("…, said Lavrov addressing …"). */
function rightSubject(ctx: Ctx, units: Unit[], j: number): Subject | null {
  const u = units[j];
  if (!isW(u)) return null;
  if (u.tok.lower === 'he' || u.tok.lower === 'she') return { np: npAt(ctx, units, j, j + 1), s: j, e: j + 1 };
  const e = walkForwardNP(units, j);
  if (e <= j) return null;
  const np = npAt(ctx, units, j, e);
  if (np.kind === 'none' || np.kind === 'pronoun') return null;
  return { np, s: j, e };
}

/** The sentence's grammatical subject (for participles hanging off a non-reporting main verb). */
function mainSubject(ctx: Ctx, units: Unit[], before: number): Subject | null {
  let a = 0;
  for (let x = 0; x <= before; x++) {
    if (x === before || isP(units[x], ',')) {
      // "But Moscow which holds a veto defended …": a conjunction before a named subject is no intro.
      if (['but', 'and'].includes(low(units[a])) && isW(units[a + 1]) && (units[a + 1] as Extract<Unit, { t: 'w' }>).tok.cap && x > a + 1) a++;
      if (x > a && !isIntroSeg(units, a, x)) {
        const e = walkForwardNP(units, a);
        // "Loosening the tie … would reduce …": a gerund opening the sentence is no subject.
        const w0 = units[a];
        if (e === a + 1 && isW(w0) && /ing$/.test(w0.tok.lower) && isW(units[e]) && !(units[e] as { tok: { cap: boolean } }).tok.cap) return null;
        if (e > a) {
          const np = npAt(ctx, units, a, e);
          if (np.kind !== 'none') return { np, s: a, e };
          if (isP(units[e], ',')) {
            // "Role, Name, …"
            const e2 = walkForwardNP(units, e + 1);
            const np2 = npAt(ctx, units, e + 1, e2);
            if (np2.kind === 'person') { np2.roles.unshift(ctx.source.slice(uStart(units[a]!), uEnd(units[e - 1]!))); return { np: np2, s: a, e: e2 }; }
          }
        }
        return null;
      }
      a = x + 1;
    }
  }
  return null;
}

function resolve(ctx: Ctx, sub: Subject | null, units: Unit[]): Entity | null {
  if (!sub) return null;
  const { np } = sub;
  const pos = uStart(units[sub.s]!);
  if (np.kind === 'pronoun') {
    // "Iowa Beef, a unit of Harbour Corp, closed the plant because it said …": "it" inside a sentence whose subject is
    // an organisation is that organisation (not the latest one named).
    if (np.name === 'it' && sub.s > 2) {
      const ms = mainSubject(ctx, units, sub.s);
      if (ms && ms.e <= sub.s && ms.np.kind !== 'pronoun') {
        const e = resolve(ctx, ms, units);
        if (e?.type === 'organization') return e;
      }
    }
    return ctx.reg.pronoun(np.name, pos);
  }
  if (np.kind === 'none') {
    // "Entertainment said …" after "Entertainment Marketing Inc": a lone word that opens a known company's name.
    const u = units[sub.s];
    if (sub.e === sub.s + 1 && isW(u) && u.tok.cap) return ctx.reg.orgByFirstWord(u.tok.text);
    return null;
  }
  const surface = ctx.source.slice(pos, uEnd(units[sub.e - 1]!));
  if (np.co) {
    const main = ctx.reg.add({ ...np, co: undefined }, pos, np.name, true);
    const co = ctx.reg.add(np.co, pos, np.co.name, true);
    if (co) co.speaker = true;
    return main;
  }
  return ctx.reg.add(np, pos, surface.replace(/[’']s$/, ''), true);
}

type Comp = { a: number; b: number } | null;

/** The reported complement of a cue: that-clause, colon, quotation, or bare finite clause. */
function complement(units: Unit[], cue: Cue): Comp {
  let p = cue.j;
  if (cue.speakerOnly || cue.lemma === 'describe') return null;
  if (TAKES_OBJECT.has(cue.lemma)) {
    const w = low(units[p]);
    // "told al-Manar that …": an Arabic article before a capitalised name counts as capitalised.
    const named = isW(units[p]) && ((units[p] as Extract<Unit, { t: 'w' }>).tok.cap || P_RE_4.test((units[p] as Extract<Unit, { t: 'w' }>).tok.text));
    if (OBJ_WORDS.has(w) || named) {
      if (DETERMINERS.has(w) || ['his', 'their', 'its'].includes(w)) { let n = 0; p++; while (isW(units[p]) && n < 3 && !['that', 'in', 'on', 'at'].includes(low(units[p]))) { p++; n++; } }
      else if (named) p = Math.max(p + 1, walkForwardNP(units, p));
      else p++;
    }
    if (['to', 'of', 'against', 'about'].includes(low(units[p]))) return null;
    // "told a congress of the Union of Young Communists here that …": a long audience before "that".
    if (low(units[p]) !== 'that') {
      for (let q = p; q < units.length && q < p + 14; q++) {
        const u = units[q]!;
        if (!isW(u) || FINITE_AUX.has(u.tok.lower) || (VERB_FORM.has(u.tok.lower) && !u.tok.cap)) break;
        if (u.tok.lower === 'that') { if (isClause(units, q + 1) || longSubjectClause(units, q + 1)) return { a: q + 1, b: clauseEnd(units, q + 1) }; break; }
      }
    }
  }
  const first = units[p];
  // "… the ministry said adding that …": the participle brings its own clause.
  if (isW(first) && PART_VERBS.has(first.tok.lower) && first.tok.lower !== 'citing' && first.tok.lower !== 'quoting') return null;
  // "reported citing the interior ministry that …": a source phrase between the verb and its clause.
  const citing = low(first) === 'citing' || low(first) === 'quoting';
  const adverbial = !first || isQ(first) || isP(first, ',') || isP(first, ':') || PREPS.has(low(first)) || TIME_WORDS.has(low(first)) || low(first) === 'that' || citing ||
    low(first) === 'then' || (/ly$/.test(low(first)) && VERB_ADVERBS.has(low(first)));
  if (adverbial) {
    for (let q = p; q < units.length && q < p + 30; q++) {
      const u = units[q]!;
      if (isQ(u)) return { a: q, b: clauseEnd(units, q) };
      if (isW(u) && u.tok.lower === 'that') {
        const n = units[q + 1];
        if (isW(n) && (FINITE_AUX.has(n.tok.lower) || /ed$/.test(n.tok.lower))) break; // relative "that were taken"
        return { a: q + 1, b: clauseEnd(units, q + 1) };
      }
      if (isP(u, ':')) return { a: q + 1, b: clauseEnd(units, q + 1) };
      if (isP(u, ',')) {
        const n = units[q + 1];
        if (isQ(n) || low(n) === 'that') continue;
        // "stressed, during a meeting with …, that …": a parenthetical place or time between verb and clause.
        const nl = low(n);
        if (isW(n) && (PREPS.has(nl) || TIME_WORDS.has(nl)) && !VERB_FORM.has(nl)) continue;
        break;
      }
      if (isP(u, '.') || isP(u, ';') || isP(u, '!') || isP(u, '?')) break;
      if (isW(u) && (FINITE_AUX.has(u.tok.lower) || (VERB_FORM.has(u.tok.lower) && q > p && !(citing && q === p)))) break;
    }
  }
  while (p < units.length && (TIME_WORDS.has(low(units[p])) || (low(units[p]) === 'on' && WEEKDAYS.has(low(units[p + 1]))) ||
    (VERB_ADVERBS.has(low(units[p])) && /ly$/.test(low(units[p]))))) {
    if (isQ(units[p])) break;
    // "this week" is time; "this indicated …" is the clause's subject.
    const w = low(units[p]);
    if ((w === 'this' || w === 'last' || w === 'on') && !TIME_NOUNS.has(low(units[p + 1])) && !WEEKDAYS.has(low(units[p + 1]))) break;
    p++;
  }
  if (isP(units[p], ',') && isQ(units[p + 1])) p++;
  if (isQ(units[p])) return { a: p, b: clauseEnd(units, p) };
  // "wondered why …", "asked whether …": the question is the reported clause.
  const wh = low(units[p]);
  if ((wh === 'why' || wh === 'how' || wh === 'whether' || ((cue.lemma === 'wonder' || cue.lemma === 'ask') && (WH_WORDS.has(wh) || wh === 'if'))) && isW(units[p + 1])) return { a: p, b: clauseEnd(units, p) };
  // "proposed new rules to curb noise": a proposal's object and purpose, not a reported clause (only "proposed that …" is).
  if ((cue.lemma === 'propose' || cue.lemma === 'suggest') && !CLAUSE_SUBJ.has(low(units[p]))) return null;
  if (isClause(units, p)) return { a: p, b: clauseEnd(units, p) };
  if ((cue.lemma === 'say' || cue.lemma === 'add' || (cue.lemma === 'tell' && p > cue.j)) && longSubjectClause(units, p)) return { a: p, b: clauseEnd(units, p) };
  // "said if the talks fail, the port will close": a conditional or concessive clause opens the reported speech
  // (not "said as he left", which tells when the words were spoken).
  if (CLAUSE_FIRST_SUBORD.has(wh) && isClause(units, p + 1)) return { a: p, b: clauseEnd(units, p) };
  // "said in a speech last night the rate is too high", "said in a statement it will …": an occasion phrase, then the clause.
  if (PREPS.has(wh) && !VERB_FORM.has(wh) && !(SUBORD.has(wh) && CLAUSE_SUBJ.has(low(units[p + 1])))) {
    for (let q = p + 2; q < units.length && q < p + 10; q++) {
      const u = units[q];
      if (!isW(u) || FINITE_AUX.has(u.tok.lower) || RELATIVE.has(u.tok.lower)) break;
      // A verb inside means the phrase was a clause of its own ("as she left the quay …").
      if (!u.tok.cap && (VERB_FORM.has(u.tok.lower) || IRREGULAR_PAST.has(u.tok.lower) || /[^e]ed$/.test(u.tok.lower))) break;
      const w = u.tok.lower;
      const pv = units[q - 1] as Extract<Unit, { t: 'w' }>;
      // "said in the prospectus special arrangements were made": a bare plural noun phrase may open the clause too.
      const start = (CLAUSE_SUBJ.has(w) || w === 'the' || u.tok.cap || /^\d/.test(w) || (q >= p + 3 && isW(pv) && !pv.tok.cap && FINITE_AUX.has(low(units[q + 2])))) &&
        !TIME_WORDS.has(w) && !WEEKDAYS.has(w) &&
        !DETERMINERS.has(pv.tok.lower) && !PREPS.has(pv.tok.lower) && !OBJECT_PREPS.has(pv.tok.lower) && !(u.tok.cap && pv.tok.cap);
      if (start && (isClause(units, q) || (cue.lemma === 'say' && longSubjectClause(units, q)))) return { a: q, b: clauseEnd(units, q) };
    }
  }
  return null;
}
const CLAUSE_FIRST_SUBORD = new Set(['if', 'unless', 'once', 'because', 'although', 'though']);

/**
 * "said Monday's volume of 15 mln shares compared to an average of 53 mln was a sign …": a long noun phrase, then a finite
 * verb before any comma or relative word. "say" takes no noun object in news copy, so what follows is its clause.
 */
function longSubjectClause(units: Unit[], p: number): boolean {
  const u0 = units[p];
  if (!isW(u0)) return false;
  const w0 = u0.tok.lower;
  if (PREPS.has(w0) || SUBORD.has(w0) || WH_WORDS.has(w0) || FINITE_AUX.has(w0) || (VERB_FORM.has(w0) && !u0.tok.cap)) return false;
  let prep = false;
  let relative = false;
  for (let q = p + 1; q < units.length && q < p + 30; q++) {
    const u = units[q]!;
    if (!isW(u)) { if (isP(u, '(') || isP(u, ')') || isP(u, '-')) continue; return false; }
    const w = u.tok.lower;
    // "said the reception by the envoys with whom he met was warm": a relative inside the subject is crossed, and its
    // own verb is not the clause's ("the plan that was approved" alone stays a noun phrase).
    if (RELATIVE.has(w) || WH_WORDS.has(w)) { if (q < p + 2) return false; relative = true; continue; }
    if (relative && (FINITE_AUX.has(w) || (!u.tok.cap && (/[^e]ed$/.test(w) || IRREGULAR_PAST.has(w))))) { relative = false; prep = true; continue; }
    if (FINITE_AUX.has(w)) return !['to', 'and', 'or'].includes(low(units[q - 1]));
    // "said its offer of 4 dlrs for the firm still stands": a pre-verbal adverb, then a verb in -s or -ed.
    if (!relative && PRE_VERB_ADVERBS.has(low(units[q - 1])) && !u.tok.cap && /(?:[^s']s|ed)$/.test(w) && q > p + 1) return true;
    if (PREPS.has(w) || OBJECT_PREPS.has(w)) prep = true;
    // "said IBP's offer included …", "said a report by a rival broker hurt the stock", "said the plan includes …":
    // a noun, then a verb in -ed or -s. "say" takes no noun object in news copy, so the words after it are its clause.
    const pv = units[q - 1];
    const pl = low(pv);
    const nounBefore = isW(pv) && !NOT_NOUN_BEFORE.has(pl) && !PREPS.has(pl) && !OBJECT_PREPS.has(pl) && !FINITE_AUX.has(pl) &&
      !/ly$/.test(pl) && !/^\d/.test(pl);
    const next = units[q + 1];
    const atEnd = !next || isP(next, '.') || isP(next, ';');
    if (!relative && !u.tok.cap && nounBefore && (isW(next) || atEnd) && !VERB_FORM.has(w)) {
      if ((/[^e]ed$/.test(w) || IRREGULAR_PAST.has(w)) && !(low(next) === 'by' && !/^\d/.test(low(units[q + 2])))) return true;
      // (Short subjects only, or longer ones when a preposition or determiner follows: "the price for each share consists of …".)
      const nl = low(next);
      if ((q <= p + 4 || (q <= p + 8 && (nl === 'of' || nl === 'to' || nl === 'on' || DETERMINERS.has(nl)))) && isW(next) && /[^su’']s$/.test(w) &&
        !/[’']s?$/.test(pv.tok.text) && !/[^sui]s$/.test(pl)) return true;
    }
  }
  return false;
}
const NOT_NOUN_BEFORE = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those',
  'some', 'any', 'no', 'all', 'each', 'every', 'both', 'two', 'three', 'four', 'five', 'several', 'many', 'few', 'other', 'such',
  // A pronoun inside a noun phrase is the subject of a relative clause ("part of a campaign they started").
  'they', 'he', 'she', 'it', 'we', 'i', 'you']);
const PRE_VERB_ADVERBS = new Set(['still', 'already', 'now', 'never', 'also', 'only', 'often', 'usually', 'generally', 'actually']);
const IRREGULAR_PAST = new Set([...PAST_ONLY, 'brought', 'sent', 'held', 'built', 'paid', 'found', 'kept', 'left', 'meant', 'spent', 'led',
  'sold', 'bought', 'caught', 'fought', 'thought', 'felt', 'lost', 'met', 'got', 'cut', 'hit', 'put', 'set', 'made', 'hurt', 'cost', 'shut',
  'spread', 'split', 'fled', 'rose', 'fell']);

const AGENCIES = new Set(['afp', 'reuters', 'ap', 'sana', 'xinhua', 'tass', 'irna', 'anadolu', 'dpa', 'efe', 'ria']);
const DATE_WORD = (w: string): boolean => /^\d{1,4}(?:st|nd|rd|th)?$/.test(w) || MONTHS.has(w) || WEEKDAYS.has(w) || MONTHS.has(w.replace(/\.$/, '')) ||
  /^(?:mon|tue|wed|thu|fri|sat|sun)$/.test(w);

/**
 * Web-page furniture glued before the first sentence of copy without paragraphs: "Date of publication 3 April 2017 …",
 * "Tags Syria Damascus Airstrikes At least 19 …", "… AFP Thursday 25 Sep 2014 A series of …". Returns where the
 * sentence proper starts (a when there is no such prefix).
 */
function furnitureEnd(units: Unit[], a: number, b: number): number {
  // Cheap gate: every prefix handled here has a year, a "URL", or a furniture word first.
  const w0a = low(units[a]);
  let marker = w0a === 'date' || w0a === 'published' || w0a === 'updated' || w0a === 'posted' || w0a === 'tags';
  for (let k = a; !marker && k < b && k < a + 60; k++) {
    const u = units[k];
    if (isW(u) && (u.tok.lower === 'url' || (u.tok.text.length === 4 && /^\d{4}$/.test(u.tok.text)))) marker = true;
  }
  if (!marker) return a;
  let x = a;
  // A dated agency slug: "… AFP Thursday 25 Sep 2014", within the first words.
  for (let k = a; k < b && k < a + 40; k++) {
    if (!AGENCIES.has(low(units[k])) || !isW(units[k]) || !(units[k] as Extract<Unit, { t: 'w' }>).tok.cap) continue;
    let e = k + 1;
    while (e < b && isW(units[e]) && DATE_WORD(low(units[e]))) e++;
    if (e - k >= 3 && /^\d{4}$/.test(low(units[e - 1]))) x = e;
  }
  // Sputnik pages: "… Get short URL 1285 The army …".
  for (let k = x; k + 3 < b && k < a + 60; k++) {
    if (low(units[k]) === 'short' && low(units[k + 1]) === 'url' && /^\d+$/.test(low(units[k + 2]))) { x = k + 3; break; }
  }
  const w0 = low(units[x]);
  if ((w0 === 'date' && low(units[x + 1]) === 'of' && low(units[x + 2]) === 'publication') || w0 === 'published' || w0 === 'updated' || w0 === 'posted') {
    let e = x + (w0 === 'date' ? 3 : 1);
    if (low(units[e]) === 'on') e++;
    const d0 = e;
    while (e < b && isW(units[e]) && DATE_WORD(low(units[e]))) e++;
    if (e > d0) x = e;
  }
  if (low(units[x]) === 'tags' && isW(units[x]) && (units[x] as Extract<Unit, { t: 'w' }>).tok.cap) {
    // Tags are capitalised words; the sentence starts at the last one before the first lower-case word.
    let e = x + 1;
    while (e < b && (isW(units[e]) && (units[e] as Extract<Unit, { t: 'w' }>).tok.cap || (isW(units[e]) && /^(?:al|el|of|and)$|^al-/.test(low(units[e]))))) e++;
    if (e < b && e - 1 > x + 1) x = e - 1;
  }
  return x < b ? x : a;
}

function emit(ctx: Ctx, ent: Entity, units: Unit[], a: number, b: number, cue: string, para: number): boolean {
  const r = trimRange(units, a, b);
  if (!r) return false;
  const [x0, y] = r;
  const x = x0 === 0 ? furnitureEnd(units, x0, y) : x0;
  const only = units[x]!;
  // "said “We go” and left": the marks close the speaker's words; a verb right after them ("“the army” is …") does not.
  const after = units[x + 1];
  const qEnds = isQ(only) && y - x > 1 && (isP(after) || ['and', 'but', 'as', 'in', 'on', 'at', 'during', 'while', 'after', 'before', 'to', 'he', 'she', 'they', 'before', 'when'].includes(low(after)) ||
    // '"… vehicles from Iraq" that the militants seized …': a relative tail after a long quotation stays outside it.
    (['that', 'which', 'who'].includes(low(after)) && qWords(ctx, (only as Extract<Unit, { t: 'Q' }>).q).length >= 6) ||
    // '"We can pay," based on cash flow, Hale said': a quotation closed by its own comma is a whole utterance.
    (/[,.!?]$/.test(ctx.source.slice((only as Extract<Unit, { t: 'Q' }>).q.cStart, (only as Extract<Unit, { t: 'Q' }>).q.cEnd)) &&
      qWords(ctx, (only as Extract<Unit, { t: 'Q' }>).q).length >= 4));
  if ((y - x === 1 || qEnds) && isQ(only)) {
    ctx.quotes.push({ ent, start: only.q.cStart, end: only.q.cEnd, kind: 'direct', cue, para });
  } else {
    let words = 0;
    for (let k = x; k < y; k++) if (isW(units[k]) || isQ(units[k])) words++;
    if (words < 2) return false;
    ctx.quotes.push({ ent, start: uStart(units[x]!), end: uEnd(units[y - 1]!), kind: 'indirect', cue, para });
  }
  ent.speaker = true;
  ctx.lastQuotePara = para;
  return true;
}

function emitDirect(ctx: Ctx, ent: Entity, q: QSpan, cue: string, para: number): void {
  ctx.quotes.push({ ent, start: q.cStart, end: q.cEnd, kind: 'direct', cue, para });
  ent.speaker = true;
  ctx.lastQuotePara = para;
}

function qWords(ctx: Ctx, q: QSpan): string[] {
  return ctx.source.slice(q.cStart, q.cEnd).split(/\s+/).filter((w) => ANY_WORD_CHAR.test(w));
}

/** A quoted fragment that is the speaker's words, not a scare quote or a name in marks. */
function isPartialQuote(ctx: Ctx, units: Unit[], k: number): boolean {
  const q = (units[k] as Extract<Unit, { t: 'Q' }>).q;
  const words = qWords(ctx, q);
  if (!words.length) return false;
  const small = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'to', 'a', 'an', 'at', 'de', 'al']);
  const titleCase = words.every((w) => P_RE_6.test(w) || small.has(w.toLowerCase()));
  if (titleCase && words.length <= 6) return false;
  if (low(units[k - 1]) === 'as') return true;
  const text = ctx.source.slice(q.cStart, q.cEnd);
  return words.length >= 4 || (/[.!?,]$/.test(text) && words.length >= 2);
}

const QUOTE_RE = /^(?:quoted|quoting)$/;

/** What follows an inverted cue is a place, time, manner or audience, never an object ("underlined the necessity …"). */
function tailIsCircumstance(units: Unit[], t: number, cue: Cue): boolean {
  const tw = units[t];
  if ((low(tw) === 'part' || low(tw) === 'one') && low(units[t + 1]) === 'of') return true;
  if (['despite', 'amid', 'following', 'without'].includes(low(tw))) return true;
  // "said Berg who was in town …": a relative clause about the speaker, as after a comma.
  return !(tw && isW(tw) && !PREPS.has(tw.tok.lower) && !tw.tok.lower.endsWith('ing') && tw.tok.lower !== 'who' && tw.tok.lower !== 'which' &&
    !(TAKES_OBJECT.has(cue.lemma) && (OBJ_WORDS.has(tw.tok.lower) || tw.tok.cap)));
}

/** Units [a, b) are one short opening adverbial ("In the meantime", "On Monday", "However"), no clause. */
function introOnly(units: Unit[], a: number, b: number): boolean {
  if (b <= a || b - a > 6 || !isIntroSeg(units, a, b)) return false;
  for (let k = a; k < b; k++) {
    const u = units[k];
    if (!isW(u) || FINITE_AUX.has(u.tok.lower) || (k > a && VERB_FORM.has(u.tok.lower))) return false;
  }
  return true;
}

/** End of content before a comma-less "… he said" closing the sentence at b (exclusive); b when there is none. */
function trailingPronounCue(units: Unit[], b: number): number {
  const v = low(units[b - 1]);
  const s = low(units[b - 2]);
  return b - 2 > 0 && ['he', 'she', 'they', 'it'].includes(s) && VERB_FORM.has(v) && !v.endsWith('ing') ? b - 2 : b;
}

/** The left subject of the last finite cue, computed once per sentence (closingAttribution and the cue loop both ask). */
interface SubjectMemo { i: number; sub: Subject | null }

/** Unit index where the content of a sentence-final attribution ends (its comma), or -1. */
function closingAttribution(ctx: Ctx, units: Unit[], cues: Cue[], memo: SubjectMemo): number {
  let last: Cue | undefined;
  for (const c of cues) if (!c.participle && !c.speakerOnly) last = c;
  if (!last || last.i < 3) return -1;
  let subjStart = -1;
  let tailStart = last.j;
  const sub = leftSubject(ctx, units, last.i);
  memo.i = last.i;
  memo.sub = sub;
  if (sub && sub.np.kind !== 'none') subjStart = sub.s;
  else if (isP(units[last.i - 1], ',')) {
    const r = rightSubject(ctx, units, last.j);
    if (r) { subjStart = last.i; tailStart = r.e; }
  }
  if (subjStart < 2 || !isP(units[subjStart - 1], ',')) return -1;
  if (complement(units, { ...last, j: tailStart })) return -1;
  let t = tailStart;
  while (t < units.length && isW(units[t]) && (TIME_WORDS.has(low(units[t])) || VERB_ADVERBS.has(low(units[t])))) t++;
  if (!tailIsCircumstance(units, t, last)) return -1;
  for (let k = t; k < units.length; k++) if (isQ(units[k]) || low(units[k]) === 'that') return -1;
  return subjStart - 1;
}

export function attributeSentence(ctx: Ctx, sent: Sentence): void {
  const units = sent.units;
  const cues = findCues(units);
  const covered: [number, number][] = [];
  const inCovered = (k: number): boolean => {
    for (const r of covered) if (k >= r[0] && k < r[1]) return true;
    return false;
  };
  let sentSpeaker: Entity | null = null;
  let sentCue: string | null = null;
  let unresolvedCue = false;
  let quoted = false;
  const skip = new Set<number>();
  const before = ctx.quotes.length;

  const pending = ctx.pendingColon;
  ctx.pendingColon = null;
  if (pending && isQ(units[0])) {
    emitDirect(ctx, pending.ent, units[0].q, pending.cue, sent.para);
    covered.push([0, 1]);
    quoted = true;
  }

  // A closing attribution ("…, the ministry said.") owns everything before it: reporting verbs inside that
  // content ("Syria strongly condemns …") are reported words, not speech acts of their subjects.
  const memo: SubjectMemo = { i: -1, sub: null };
  const contentEnd = closingAttribution(ctx, units, cues, memo);
  for (const cue of cues) {
    if (skip.has(cue.i) || inCovered(cue.i) || cue.i < contentEnd) continue;
    let sub: Subject | null = null;
    let ent: Entity | null = null;
    let inverted = false;
    if (QUOTE_RE.test(low(units[cue.i]))) {
      // "SANA quoted X as saying (that) …": the speaker is X.
      let asAt = -1;
      for (let k = cue.j; k < units.length && k < cue.j + 12; k++) if (low(units[k]) === 'as' && /^(saying|telling|stating)$/.test(low(units[k + 1]))) { asAt = k; break; }
      if (asAt < 0) continue;
      let e: Entity | null;
      let quoteBefore: QSpan | null = null;
      let passiveSubj = -1;
      if (['was', 'were', 'is', 'being'].includes(low(units[cue.i - 1]))) {
        // Passive "X was quoted (by AFP) as saying": the subject of "was" is the speaker; the agent is only the medium.
        const sub2 = leftSubject(ctx, units, cue.i - 1);
        if (sub2) passiveSubj = sub2.s;
        const qb = sub2 ? units[sub2.s - 1] : undefined;
        if (isQ(qb) || (isP(qb, ',') && isQ(units[sub2!.s - 2]))) quoteBefore = (units[sub2!.s - (isQ(qb) ? 1 : 2)] as Extract<Unit, { t: 'Q' }>).q;
        e = sub2 && sub2.np.kind !== 'none' ? resolve(ctx, sub2, units) : null;
        if (low(units[cue.j]) === 'by' && cue.j + 1 < asAt) {
          const agent = npAt(ctx, units, cue.j + 1, asAt);
          if (agent.kind === 'org') ctx.reg.add(agent, uStart(units[cue.j + 1]!), agent.name, true);
        }
      } else {
        const np = npAt(ctx, units, cue.j, asAt);
        e = resolve(ctx, { np, s: cue.j, e: asAt }, units);
      }
      if (!e) continue;
      const say = cues.find((c) => c.i === asAt + 1);
      if (say) skip.add(say.i);
      const comp = complement(units, { i: asAt + 1, j: asAt + 2, lemma: 'say', text: 'saying', participle: true, speakerOnly: false });
      e.speaker = true;
      ctx.reg.current = e;
      sentSpeaker = e;
      if (comp && emit(ctx, e, units, comp.a, comp.b, `${low(units[cue.i])} … as saying`, sent.para)) { covered.push([cue.i, comp.b]); quoted = true; }
      else if (!comp && quoteBefore) { emitDirect(ctx, e, quoteBefore, 'quoted … as saying', sent.para); quoted = true; }
      else if (!comp && passiveSubj > 1 && isP(units[passiveSubj - 1], ',') && !trimRange(units, asAt + 2, units.length)) {
        // "Yugoslavia will not suspend repayments, Prime Minister X was quoted as saying.": the content comes first.
        if (emit(ctx, e, units, 0, passiveSubj - 1, 'quoted … as saying', sent.para)) { covered.push([0, passiveSubj]); quoted = true; }
      }
      continue;
    }
    if (cue.participle) {
      // "…, they said, noting …": the participle belongs to the unresolved "they", not to the sentence's first noun.
      if (!sentSpeaker && unresolvedCue) continue;
      ent = sentSpeaker;
      if (!ent) ent = resolve(ctx, mainSubject(ctx, units, cue.i), units);
      if (!ent) ent = ctx.reg.current;
    } else {
      // leftSubject builds fresh phrases and the registry copies what it keeps, so the memo is as good as a new call.
      sub = memo.i === cue.i ? memo.sub : leftSubject(ctx, units, cue.i);
      if (!sub || sub.np.kind === 'none') {
        const prevU = units[cue.i - 1];
        if (!prevU || isP(prevU, ',') || isQ(prevU)) {
          const r = rightSubject(ctx, units, cue.j);
          if (r) { sub = r; inverted = true; }
        } else if (!cue.participle && bareContentBefore(units, cue.i)) {
          // Text stripped of commas: "… on Friday said a monitoring group." The subject must close the sentence.
          const r = rightSubject(ctx, units, cue.j);
          if (r && r.np.kind !== 'pronoun' && sentenceEndsAt(units, r.e)) { sub = r; inverted = true; }
        }
      }
      ent = resolve(ctx, sub, units);
      // "X said A and said B": a coordinated reporting verb shares the sentence's speaker.
      if (!ent && sentSpeaker && (!sub || sub.np.kind === 'none') && ['and', 'but'].includes(low(units[cue.i - 1]))) ent = sentSpeaker;
      // "Yeutter gave no details but told journalists …": a verb coordinated with the main verb shares its subject.
      if (!ent && !sentSpeaker && (!sub || sub.np.kind === 'none') && ['and', 'but'].includes(low(units[cue.i - 1])) && !cue.participle) {
        const ms = mainSubject(ctx, units, cue.i - 1);
        if (ms && (ms.np.kind === 'person' || ms.np.kind === 'org' || ms.np.kind === 'pronoun')) ent = resolve(ctx, ms, units);
      }
      if (!ent) unresolvedCue = true;
    }
    if (!ent) continue;
    ent.speaker = true;
    ctx.reg.current = ent;
    sentSpeaker = ent;
    sentCue = cue.text;
    // "…, said Lavrov addressing the reporters": after an inverted subject comes no clause of his.
    // "the five airlines that the consortium said it needed": in an object relative the reported clause has a gap.
    const rel = sub && !inverted ? low(units[sub.s - 1]) : '';
    const gapped = (rel === 'which' || rel === 'whom' || (rel === 'that' && isW(units[sub!.s - 2]) && !VERB_FORM.has(low(units[sub!.s - 2])) &&
      !FINITE_AUX.has(low(units[sub!.s - 2])) && !/ly$/.test(low(units[sub!.s - 2]))));
    const comp = inverted || gapped ? null : complement(units, cue);
    if (comp && comp.a >= units.length && isP(units[units.length - 1], ':')) {
      ctx.pendingColon = { ent, cue: cue.text };
      continue;
    }
    if (comp) {
      if (emit(ctx, ent, units, comp.a, comp.b, cue.text, sent.para)) { covered.push([cue.i, comp.b]); quoted = true; }
      // Partial quotes after "described … as": handled below as fragments.
      continue;
    }
    if (cue.participle || cue.speakerOnly) continue;
    // Inversion "Content, X said." / "“…,” said X" and interruption "Russia, Bogdanov said, is willing …".
    const subjStart = inverted ? cue.i : sub ? sub.s : cue.i;
    const tailStart = inverted && sub ? sub.e : cue.j;
    const pre = units[subjStart - 1];
    // Commas stripped: "… and wounded 22 it said." closes the sentence with a pronoun subject too.
    // "… a military source told Sputnik Sunday.": the audience of "told" is part of the closing attribution.
    let audienceEnd = tailStart;
    if (TAKES_OBJECT.has(cue.lemma) && isW(units[tailStart]) && (OBJ_WORDS.has(low(units[tailStart])) || (units[tailStart] as Extract<Unit, { t: 'w' }>).tok.cap)) {
      audienceEnd = Math.max(tailStart + 1, walkForwardNP(units, tailStart));
    }
    const bare = !inverted && isW(pre) && (sub?.np.kind !== 'pronoun' || subjStart === cue.i - 1) && bareContentBefore(units, subjStart) &&
      sentenceEndsAt(units, tailAfterCue(units, audienceEnd));
    if (!(isP(pre, ',') || isQ(pre) || isP(pre, '–') || bare || (inverted && isW(pre)))) continue;
    let cs = 0;
    for (const [, b] of covered) cs = Math.max(cs, b);
    if (cs >= subjStart) continue;
    // Interruption: the sentence goes on after ", X said," with more of the content.
    let t = tailStart;
    // ("on a visit to Ramallah": "on" is time only before a weekday.)
    while (t < units.length && isW(units[t]) && (TIME_WORDS.has(low(units[t])) || VERB_ADVERBS.has(low(units[t]))) &&
      !(low(units[t]) === 'on' && !WEEKDAYS.has(low(units[t + 1])))) t++;
    // What follows an inverted cue is a place, time, manner or audience, never an object ("underlined the necessity …").
    if (!tailIsCircumstance(units, t, cue)) continue;
    const rest = trimRange(units, t + 1, units.length);
    const r1 = units[t + 1];
    const resumes = isQ(r1) || (isW(r1) && !r1.tok.cap && !VERB_FORM.has(r1.tok.lower) && !PREPS.has(r1.tok.lower) && !TITLE_WORDS.has(r1.tok.base) && !DETERMINERS.has(r1.tok.lower));
    // "In the meantime, he said, prices will …": an opening adverbial before the attribution is no reported content;
    // the speech is what follows it (a comma-less repeated "he said" closing the sentence is dropped).
    if (!inverted && isP(units[t], ',') && rest && isP(pre, ',') && introOnly(units, cs, subjStart - 1)) {
      const b = trailingPronounCue(units, rest[1]);
      if (emit(ctx, ent, units, t + 1, b, cue.text, sent.para)) { covered.push([cs, units.length]); quoted = true; }
      continue;
    }
    if (!inverted && isP(units[t], ',') && rest && resumes) {
      const leftIsQ = isQ(units[cs]) && subjStart - 1 - cs <= 1;
      const rightQ = units[t + 1];
      if (leftIsQ && isQ(rightQ)) {
        emitDirect(ctx, ent, (units[cs] as Extract<Unit, { t: 'Q' }>).q, cue.text, sent.para);
        emitDirect(ctx, ent, rightQ.q, cue.text, sent.para);
      } else {
        emit(ctx, ent, units, cs, units.length, cue.text, sent.para);
      }
      covered.push([cs, units.length]);
      quoted = true;
      continue;
    }
    if (emit(ctx, ent, units, cs, subjStart, cue.text, sent.para)) { covered.push([cs, subjStart]); quoted = true; }
  }

  // A named person doing something else ("Wyss cautioned …", "Mahmoud expressed …") becomes who "he" refers to.
  // (Only a sentence with a name word can have a person as subject: skip the phrase analysis otherwise.)
  let hasName = false;
  if (!cues.length) for (const u of units) if (isW(u) && isNamey(u.tok)) { hasName = true; break; }
  if (hasName) {
    const ms = mainSubject(ctx, units, units.length);
    if (ms && ms.np.kind === 'person') {
      const e = ctx.reg.findPerson(ms.np.name);
      if (e) ctx.reg.current = e;
    }
  }

  // "according to X": the rest of the sentence is X's.
  for (let k = 0; k + 1 < units.length; k++) {
    if (low(units[k]) !== 'according' || low(units[k + 1]) !== 'to' || inCovered(k)) continue;
    let e = walkForwardNP(units, k + 2);
    let np: NP | null = null;
    if (k === 0 && (e <= k + 2 || !isP(units[e], ','))) {
      // "According to official port records filed in …, the average wage is …": a bare plural source noun phrase,
      // named up to its first preposition or participle.
      let x = k + 2;
      while (x < units.length && x < k + 7 && isW(units[x]) && !(units[x] as { tok: { cap: boolean } }).tok.cap && !PREPS.has(low(units[x])) &&
        !OBJECT_PREPS.has(low(units[x])) && !/(?:able|ible|ed|ing)$/.test(low(units[x])) && !DETERMINERS.has(low(units[x])) && !FINITE_AUX.has(low(units[x]))) x++;
      let c = x;
      while (c < units.length && c < k + 16 && !isP(units[c])) c++;
      if (x >= k + 3 && /s$/.test(low(units[x - 1])) && isP(units[c], ',')) {
        const name = ctx.source.slice(uStart(units[k + 2]!), uEnd(units[x - 1]!));
        np = { kind: 'unnamed', name, roles: [], definite: false, head: low(units[x - 1]), nameLen: 0, start: uStart(units[k + 2]!), end: uEnd(units[x - 1]!) };
        e = c;
      }
    }
    // "… according to the directorate of health in Idlib province.", "… according to UN estimates.": a few lower-case
    // words closing the sentence still belong to the source.
    if (!np && e > k + 1 && k > 0) {
      const r = trimRange(units, e, units.length);
      if (r && r[1] - r[0] <= 6 && r[1] === units.length - (isP(units[units.length - 1]) ? 1 : 0)) {
        let ok = true;
        for (let x = r[0]; x < r[1]; x++) {
          const u = units[x];
          if (!isW(u) || VERB_FORM.has(u.tok.lower) || FINITE_AUX.has(u.tok.lower) || RELATIVE.has(u.tok.lower) || (!u.tok.cap && /[^e]ed$/.test(u.tok.lower))) ok = false;
        }
        if (ok) e = r[1];
      }
    }
    if (e <= k + 2) continue;
    np ??= npAt(ctx, units, k + 2, e);
    if (np.kind === 'none' || np.kind === 'pronoun') continue;
    const ent = resolve(ctx, { np, s: k + 2, e }, units);
    if (!ent) continue;
    ent.speaker = true;
    ctx.reg.current = ent;
    // "…, according to A.B. Kent, vice president of sales." : a role closing the sentence belongs to the source.
    const rest = isP(units[e], ',') ? trimRange(units, e + 1, units.length) : null;
    const tailRole = !!rest && isRoleSeg(units, rest[0], rest[1]);
    if (k === 0 || (k === 1 && isP(units[0]))) {
      if (isP(units[e], ',') && emit(ctx, ent, units, e + 1, clauseEnd(units, e + 1), 'according to', sent.para)) quoted = true;
    } else if (isP(units[k - 1], ',') && isP(units[e], ',') && rest && !tailRole) {
      // "The terrorists, according to the statement, targeted …": the whole sentence, attribution inside (as "X, he said, is …").
      let cs = 0;
      for (const [, b] of covered) cs = Math.max(cs, b);
      if (cs < k && emit(ctx, ent, units, cs, units.length, 'according to', sent.para)) quoted = true;
    } else if (isP(units[k - 1], ',') || !trimRange(units, e, units.length)) {
      // ", according to X" (or "… according to the sources." closing the sentence)
      let cs = 0;
      for (const [, b] of covered) cs = Math.max(cs, b);
      if (cs < k && emit(ctx, ent, units, cs, isP(units[k - 1], ',') ? k - 1 : k, 'according to', sent.para)) quoted = true;
    }
    covered.push([0, units.length]);
  }

  // "This was stated by X …": the previous sentence is X's.
  const w0 = low(units[0]);
  if ((w0 === 'this' || w0 === 'that' || w0 === 'these') && ['was', 'were'].includes(low(units[1])) && VERB_FORM.has(low(units[2])) && low(units[3]) === 'by') {
    const e = walkForwardNP(units, 4);
    const np = npAt(ctx, units, 4, e);
    const ent = e > 4 ? resolve(ctx, { np, s: 4, e }, units) : null;
    if (ent && ctx.prev && !ctx.prev.quoted) {
      const pu = ctx.prev.sent.units;
      if (emit(ctx, ent, pu, 0, pu.length, low(units[2]), ctx.prev.sent.para)) { ctx.reg.current = ent; quoted = true; }
    }
  }

  // Quoted fragments: partial quotes in an attributed sentence, or whole-sentence quotes continuing the current speaker.
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (!isQ(u) || inCovered(k)) continue;
    let inside = false;
    for (let x = before; x < ctx.quotes.length; x++) { const q = ctx.quotes[x]!; if (q.start <= u.q.cStart && q.end >= u.q.cEnd) inside = true; }
    if (inside) continue;
    if (sentSpeaker && isPartialQuote(ctx, units, k)) {
      emitDirect(ctx, sentSpeaker, u.q, low(units[k - 1]) === 'as' ? `${sentCue ?? 'described'} … as` : sentCue ?? 'said', sent.para);
      quoted = true;
      continue;
    }
    if (!cues.length && ctx.reg.current && ctx.lastQuotePara >= sent.para - 1 && ctx.lastQuotePara >= 0) {
      let words = 0;
      for (const v of units) if (isW(v)) words++;
      const qn = qWords(ctx, u.q).length;
      if (qn >= 4 && qn >= words * 1.5) { emitDirect(ctx, ctx.reg.current, u.q, 'said', sent.para); quoted = true; }
    }
  }
  // "said Tuesday", "on Monday, Lavrov said", "told reporters today": the day of the speech act.
  if (ctx.quotes.length > before) {
    let when: string | undefined;
    for (const c of cues) {
      for (let k = Math.max(0, c.i - 4); k < Math.min(units.length, c.j + 4) && !when; k++) {
        const w = low(units[k]);
        if (WEEKDAYS.has(w) || w === 'today' || w === 'yesterday') when = w;
      }
      if (when) break;
    }
    if (when) for (let x = before; x < ctx.quotes.length; x++) ctx.quotes[x]!.when = when;
  }
  ctx.prev = { sent, quoted };
}
