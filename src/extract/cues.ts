// Reporting-verb cues in a sentence: which words attribute speech, in which form (finite, participle), and with which fixed companions.
import { DETERMINERS, EXPRESS_NOUNS, GOVERNING, LOOSE_PARTICIPLES, SOURCE_NOUNS, VERB_FORM } from './lexicon.ts';
import type { Unit } from './text.ts';

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const P_RE_1 = /^(?:al|el|ad|as|an|ar|at|az|ash)-\p{Lu}/u;

export interface Cue {
  /** First unit of the cue and the unit after it (complement search starts at j). */
  i: number;
  j: number;
  lemma: string;
  /** Cue as written ("said", "pointed out", "expressed hope"). */
  text: string;
  participle: boolean;
  /** The verb names a speech act but takes no clause here ("called for", "called on … to"). */
  speakerOnly: boolean;
}

const AMBIGUOUS_BASE = new Set(['note', 'notes', 'state', 'states', 'report', 'reports', 'claim', 'claims', 'comment', 'comments',
  'remark', 'remarks', 'point', 'points', 'call', 'calls', 'quote', 'quotes', 'stress', 'warning', 'estimate', 'estimates',
  'demand', 'demands', 'pledge', 'pledges', 'vow', 'vows', 'recall', 'recalls', 'tweet', 'tweets', 'reply', 'replies', 'mention',
  'mentions', 'highlight', 'highlights', 'voice', 'voices', 'express', 'continue', 'continues', 'continued', 'continuing',
  'go', 'goes', 'going', 'went', 'make', 'makes', 'making', 'made', 'refer', 'refers', 'referred', 'referring', 'write', 'writing',
  'wrote', 'writes', 'report', 'reporting', 'reported', 'estimated', 'estimating', 'inform', 'informs', 'state', 'respond', 'responds',
  'comment', 'commenting', 'quoting', 'remark', 'deny', 'admit', 'argue', 'reveal', 'declare', 'claim', 'urge', 'warn', 'say', 'add',
  'tell', 'affirm', 'assert', 'indicate', 'underline', 'underscore', 'reiterate', 'explain', 'clarify', 'announce', 'confirm',
  'describe', 'hail', 'praise', 'criticize', 'criticise', 'condemn', 'denounce', 'wonder', 'emphasize', 'emphasise', 'insist',
  'acknowledge', 'assure', 'predict', 'mention', 'recall']);
const PARTICIPLE_PREV = new Set([',', ':', 'and', 'also', 'while', 'on', 'after', 'before', 'as', 'further', 'again', 'then', 'by', '(', '–', '—', '-']);
const PASSIVE_PREV = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'to', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might']);
const NP_OBJECTS = new Set(['reports', 'report', 'rumours', 'rumors', 'rumour', 'rumor', 'allegations', 'allegation', 'claims', 'claim',
  'charges', 'accusations', 'accusation', 'speculation', 'suggestions']);
const SKIP_LEMMAS = new Set(['go', 'continue', 'refer', 'estimate']);

const PAST_SPEECH = new Set(['said', 'told', 'added', 'reported', 'announced', 'stated', 'noted', 'warned', 'confirmed', 'denied']);

function low(u: Unit | undefined): string {
  return u && u.t !== 'Q' ? u.tok.lower : '';
}

export function findCues(units: Unit[]): Cue[] {
  const cues: Cue[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.t !== 'w' || u.tok.cap) continue;
    const w = u.tok.lower;
    const lemma = VERB_FORM.get(w);
    if (!lemma || SKIP_LEMMAS.has(lemma)) continue;
    const prev = low(units[i - 1]);
    const participle = w.endsWith('ing');
    if (DETERMINERS.has(prev) || prev === 'its' || prev === 'his' || prev === 'her' || prev === 'their' || prev === 'our') continue;
    // "went on to say that …" is speech; "to stress" elsewhere is an infinitive.
    const goesOn = prev === 'to' && ['on', 'continued', 'proceeded'].includes(low(units[i - 2]));
    // "X was quoted as saying" is the one passive that reports speech.
    if (PASSIVE_PREV.has(prev) && !participle && !goesOn && !(w === 'quoted' && ['was', 'were', 'is'].includes(prev))) continue;
    // "Medina’s remarks", "the minister’s statement": a possessive makes the word a noun.
    // ("Moody's said": an unambiguous past form after a name in 's is a verb, the name a company's.)
    const pu = units[i - 1];
    if (pu && pu.t === 'w' && /[’']s?$/.test(pu.tok.text) && !(PAST_SPEECH.has(w) && pu.tok.cap)) continue;
    // Base forms that are also nouns ("the stress", "notes") only count after a pronoun or name.
    if (!participle && !goesOn && !/(?:ed|ld|ote|aid|old)$/.test(w) && AMBIGUOUS_BASE.has(w)) {
      const p = units[i - 1];
      if (!(p && p.t === 'w' && (p.tok.cap || P_RE_1.test(p.tok.text) || SOURCE_NOUNS.has(p.tok.base) ||
        ['he', 'she', 'they', 'we', 'i', 'it', 'also'].includes(p.tok.lower)))) continue;
    }
    // Commas stripped: "… Steifo said adding that …": a participle right after a finite reporting verb.
    // … or one with its own that-clause or quotation ("… took place adding that …").
    if (participle && !PARTICIPLE_PREV.has(prev) && !(units[i - 1]?.t === 'p') && !(VERB_FORM.has(prev) && !prev.endsWith('ing')) &&
      !(LOOSE_PARTICIPLES.has(w) && !GOVERNING.has(prev) && (low(units[i + 1]) === 'that' || units[i + 1]?.t === 'Q'))) continue;
    let j = i + 1;
    let text = u.tok.text;
    let speakerOnly = false;
    const next = low(units[i + 1]);
    if (lemma === 'point') {
      if (next !== 'out') continue;
      j = i + 2; text = `${text} out`;
    } else if (lemma === 'express' || lemma === 'voice') {
      let k = i + 1;
      if (['his', 'her', 'its', 'their', 'the', 'a', 'deep', 'strong', 'great', 'full'].includes(low(units[k]))) k++;
      if (!EXPRESS_NOUNS.has(low(units[k]))) continue;
      text = `${text} ${low(units[k])}`;
      j = k + 1;
    } else if (lemma === 'make') {
      if (next === 'clear') { j = i + 2; text = `${text} clear`; }
      else if (next === 'it' && low(units[i + 2]) === 'clear') { j = i + 3; text = `${text} it clear`; }
      else continue;
    } else if (lemma === 'call') {
      if (next === 'for' || next === 'on' || next === 'upon') speakerOnly = true;
      else continue;
    } else if (lemma === 'quote') {
      if (!(w === 'quoted' || w === 'quoting')) continue;
    } else if (lemma === 'urge' || lemma === 'demand' || lemma === 'pledge' || lemma === 'vow' || lemma === 'praise' || lemma === 'hail' || lemma === 'condemn' || lemma === 'denounce' || lemma === 'criticize') {
      // Speech acts that rarely take a clause: speakers, and quotes only with "that".
      if (next !== 'that') speakerOnly = true;
    } else if (lemma === 'deny' && NP_OBJECTS.has(next.replace(/[’']s$/, '')) || (lemma === 'deny' && ['press', 'media', 'newspaper', 'the', 'these', 'those', 'such', 'any'].includes(next) && NP_OBJECTS.has(low(units[i + 2])))) {
      // "denied press reports suggesting …", "denied the allegations": a noun-phrase object, not a reported clause.
      speakerOnly = true;
    } else if (lemma === 'maintain' || lemma === 'forecast') {
      // "maintained its dividend", "forecast a loss": only a that-clause makes these speech.
      if (next !== 'that') continue;
    } else if (lemma === 'ask') {
      // "asked whether …" is a reported question; "asked him to …", "asked about …" are not.
      if (!['whether', 'why', 'how', 'if', 'what', 'when', 'where'].includes(next)) continue;
    } else if (lemma === 'respond' && next === 'to') {
      // "responded to the fall in trade by cutting jobs": a reaction, not a speech act.
      continue;
    } else if (lemma === 'warn' && (next === 'of' || next === 'against')) {
      speakerOnly = true;
    }
    cues.push({ i, j, lemma, text, participle, speakerOnly });
  }
  return cues;
}
