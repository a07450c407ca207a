// Body text → tokens with source offsets, paired quotation marks (across paragraphs) and sentences with quotes masked.
import { VERB_FORM } from './lexicon.ts';
import { scanToken, type Scanned } from './scan.ts';

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const P_RE_1 = /[\p{L}\p{N}.,!?]/u;
const ANY_WORD_CHAR = /[\p{L}\p{N}]/u;
const P_RE_3 = /^(?:\p{Lu}\.){2,}$/u;
const ONE_UPPER = /^\p{Lu}$/u;
const DIGIT_START = /^\p{N}/u;

export interface Tok {
  kind: 'w' | 'p' | 'q';
  text: string;
  lower: string;
  /** Lower-cased, possessive "’s" removed. */
  base: string;
  start: number;
  end: number;
  /** Index of the body paragraph the token sits in. */
  para: number;
  cap: boolean;
  /** Cached by names.ts: could this token be part of a person's name? */
  namey?: boolean;
}

/** A span in quotation marks: marks at start/end-1 (end = paragraph end when unclosed). */
export interface QSpan {
  start: number;
  end: number;
  /** Content between the marks, whitespace-trimmed. */
  cStart: number;
  cEnd: number;
  closed: boolean;
  firstTok: number;
  lastTok: number;
}

/** A sentence unit: a token, or a whole quoted span collapsed into one unit. */
export type Unit = { t: 'w'; tok: Tok; i: number } | { t: 'p'; tok: Tok; i: number } | { t: 'Q'; q: QSpan; i: number };

export interface Sentence {
  units: Unit[];
  start: number;
  end: number;
  para: number;
}

export interface Para {
  start: number;
  end: number;
}

export function tokenize(source: string, paras: Para[]): Tok[] {
  const out: Tok[] = [];
  const m: Scanned = { start: 0, end: 0, kind: 'p' };
  for (let para = 0; para < paras.length; para++) {
    const p = paras[para]!;
    // Scan in place (no slice of a 1 MB paragraph per token).
    let i = p.start;
    while (scanToken(source, i, m) && m.start < p.end) {
      i = m.end;
      const end = m.end > p.end ? p.end : m.end;
      const s = source.slice(m.start, end);
      const isW = m.kind === 'w';
      const lower = isW ? lowerOf(source, m.start, end, s) : s;
      let base = lower;
      if (isW) {
        // Possessive "’s" / "'s" / "s’" mark and a final full stop dropped (by hand: most plurals end in "s").
        let e = lower.length;
        const last = lower.charCodeAt(e - 1);
        if (last === 39 || last === 8217) e--;
        else if (last === 115 && e >= 2 && (lower.charCodeAt(e - 2) === 39 || lower.charCodeAt(e - 2) === 8217)) e -= 2;
        if (lower.charCodeAt(e - 1) === 46) e--;
        if (e !== lower.length) base = lower.slice(0, e);
      }
      const c0 = s.charCodeAt(0);
      const ch = c0 < 128 ? '' : s[0]!;
      out.push({
        kind: m.kind,
        text: s,
        lower,
        base,
        start: m.start,
        end,
        para,
        cap: isW && (c0 < 128 ? c0 >= 65 && c0 <= 90 : ch !== ch.toLowerCase()),
        namey: undefined,
      });
    }
  }
  return out;
}

/** s (= source[start, end)) lower-cased; the usual all-lower-case ASCII word is returned as it is, without the call. */
function lowerOf(source: string, start: number, end: number, s: string): string {
  for (let k = start; k < end; k++) {
    const c = source.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c >= 128) return s.toLowerCase();
  }
  return s;
}

function family(c: string): 'curly' | 'straight' | 'guillemet' {
  if (c === '"') return 'straight';
  if (c === '«' || c === '»') return 'guillemet';
  return 'curly';
}
function isOpener(c: string): boolean {
  return c === '“' || c === '„' || c === '«';
}

const TAIL_WORDS = new Set(['he', 'she', 'the', 'a', 'an', 'also', 'has', 'had', 'later', 'then', 'al', 'el', 'de', 'bin', 'of', 'at',
  'with', 'for', 'and', 'analyst', 'spokesman', 'spokeswoman', 'official', 'minister', 'president', 'chairman', 'director', 'head']);

/**
 * An unclosed quote that ends in ", said Lavrov." / ", Lavrov said." stops before that comma: returns the comma's
 * token index or -1. Looks at the last few tokens only, so it stays linear.
 */
function attributionTail(toks: Tok[], open: number, last: number): number {
  let end = last;
  while (end > open && toks[end]!.kind === 'p') end--;
  for (let c = end; c > open && c >= end - 12; c--) {
    const t = toks[c]!;
    if (t.kind === 'p' && t.text === ',') {
      let verb = false;
      let ok = c < end;
      for (let k = c + 1; k <= end; k++) {
        const w = toks[k]!;
        if (w.kind !== 'w') { ok = false; break; }
        if (!w.cap && VERB_FORM.has(w.lower) && !w.lower.endsWith('ing')) verb = true;
        else if (!w.cap && !TAIL_WORDS.has(w.lower)) { ok = false; break; }
      }
      return ok && verb ? c : -1;
    }
    if (t.kind !== 'w') return -1;
  }
  return -1;
}

/**
 * Pairs quotation marks by family (curly, straight, guillemets); apostrophes are never marks.
 * A quote left open at a paragraph end continues when the next paragraph opens with a mark (the
 * multi-paragraph convention), otherwise it runs to the end of its paragraph. Linear in tokens.
 */
export function pairQuotes(source: string, toks: Tok[], paras: Para[]): QSpan[] {
  const spans: QSpan[] = [];
  let open: { i: number; fam: string } | null = null;
  const trimRange = (a: number, b: number): [number, number] => {
    while (a < b && /\s/.test(source[a]!)) a++;
    while (b > a && /\s/.test(source[b - 1]!)) b--;
    return [a, b];
  };
  const closeAt = (closeTok: number, endsBefore: number, closed: boolean, lastTok: number) => {
    if (!open) return;
    const o = toks[open.i]!;
    if (!closed) {
      const cut = attributionTail(toks, open.i, lastTok);
      if (cut >= 0) { endsBefore = toks[cut]!.start; lastTok = cut - 1; }
    }
    const end = closed ? toks[closeTok]!.end : endsBefore;
    const [cs, ce] = trimRange(o.end, closed ? toks[closeTok]!.start : endsBefore);
    if (ce > cs) spans.push({ start: o.start, end, cStart: cs, cEnd: ce, closed, firstTok: open.i, lastTok });
    open = null;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const prev = toks[i - 1];
    if (open && prev && t.para !== prev.para) {
      // Paragraph boundary with an open quote: continue only if this paragraph opens with a mark of the family.
      const fam = open.fam;
      // A fragment opened inside a clause ('the firm is "planning for …') is a partial quote, which does not run on into the
      // next paragraph's quotation even when the writer forgot to close it.
      const before = toks[open.i - 1];
      const partial = !!before && before.kind === 'w' && before.para === toks[open.i]!.para && !before.cap && !VERB_FORM.has(before.lower);
      if (!partial && t.kind === 'q' && family(t.text) === fam && (isOpener(t.text) || t.text === '"')) continue;
      closeAt(-1, paras[prev.para]!.end, false, i - 1);
    }
    if (t.kind !== 'q') continue;
    const fam = family(t.text);
    if (!open) {
      // A straight mark glued to the word before it and followed by a space or the end ('… dead." The') closes a
      // quotation whose opening mark is missing: pairing it as an opener would shift every later pair.
      const closerShape = fam === 'straight' && P_RE_1.test(source[t.start - 1] ?? ' ') && /[\s]|^$/u.test(source[t.end] ?? '');
      if ((fam === 'straight' && !closerShape) || isOpener(t.text)) open = { i, fam };
      continue;
    }
    if (fam !== open.fam) continue;
    if (fam === 'straight' && /\s/.test(source[t.start - 1] ?? ' ') && ANY_WORD_CHAR.test(source[t.end] ?? ' ') && t.start > toks[open.i]!.end + 1) {
      // `"It's gloomy, said Wyss. "I'm …`: a straight mark glued to the next word opens; the earlier quote was never closed.
      closeAt(-1, t.start, false, i - 1);
      open = { i, fam };
      continue;
    }
    if (fam === 'straight' || !isOpener(t.text)) closeAt(i, 0, true, i);
    else {
      // A second opener in a row: the first was never closed; it ends where the new one begins.
      closeAt(-1, t.start, false, i - 1);
      open = { i, fam };
    }
  }
  if (open) {
    const last = toks[toks.length - 1]!;
    closeAt(-1, paras[last.para]!.end, false, toks.length - 1);
  }
  return spans;
}

const MAX_UNITS = 250;
const ABBREV = new Set(['gen', 'dr', 'mr', 'mrs', 'ms', 'st', 'no', 'lt', 'col', 'maj', 'brig', 'sgt', 'capt', 'prof', 'sen', 'rep',
  'gov', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'vs', 'etc', 'inc', 'corp', 'ltd', 'co',
  'jr', 'sr', 'mt', 'ft', 'h.e', 'approx', 'est', 'fig', 'vol', 'art', 'para']);

/** Capitalised function words that open a sentence and never continue a name ("U.S. But …", "U.N. The …"). */
const SENTENCE_OPENERS = new Set(['But', 'The', 'He', 'She', 'It', 'They', 'We', 'I', 'However', 'This', 'These', 'Those', 'There',
  'His', 'Her', 'Its', 'Their', 'Meanwhile', 'Also', 'And', 'In', 'A', 'An', 'That', 'Some', 'Other', 'Earlier', 'Later']);

/** Token i is "<" or ">" around a capitalised name of two words or more, in one paragraph. */
function nameBracket(toks: Tok[], i: number): boolean {
  const dir = toks[i]!.text === '<' ? 1 : -1;
  const close = dir === 1 ? '>' : '<';
  let words = 0;
  for (let k = i + dir; k >= 0 && k < toks.length && Math.abs(k - i) <= 10; k += dir) {
    const t = toks[k]!;
    if (t.para !== toks[i]!.para) return false;
    if (t.kind === 'p' && t.text === close) return words >= 2 && toks[i + dir]!.cap && toks[k - dir]!.cap;
    if (t.kind !== 'w' && t.text !== '.' && t.text !== '&' && t.text !== '-') return false;
    if (t.kind === 'w') words++;
  }
  return false;
}

/** Splits the body into sentences; quoted spans are single units, so "We agree. We go." stays whole. */
export function splitSentences(toks: Tok[], quotes: QSpan[]): Sentence[] {
  // Token index → 1 + index of the quote opening there (a later quote at the same token wins, as Map#set did).
  const qAt = new Int32Array(toks.length);
  for (let k = 0; k < quotes.length; k++) qAt[quotes[k]!.firstTok] = k + 1;
  const sentences: Sentence[] = [];
  let cur: Unit[] = [];
  const flush = () => {
    if (!cur.length) return;
    const first = cur[0]!;
    const last = cur[cur.length - 1]!;
    const s = first.t === 'Q' ? first.q.start : first.tok.start;
    const e = last.t === 'Q' ? last.q.end : last.tok.end;
    const para = first.t === 'Q' ? toks[first.q.firstTok]!.para : first.tok.para;
    sentences.push({ units: cur, start: s, end: e, para });
    cur = [];
  };
  let lastPara = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.para !== lastPara) { flush(); lastPara = t.para; }
    const q = qAt[i] ? quotes[qAt[i]! - 1] : undefined;
    if (q) {
      cur.push({ t: 'Q', q, i });
      i = q.lastTok;
      lastPara = toks[i]!.para;
      // A quote ending in . ! ? followed by a capitalised word closes the sentence.
      const next = toks[i + 1];
      const inner = toks[q.lastTok - (q.closed ? 1 : 0)];
      if (next && next.para === lastPara && inner && /^[.!?…]$/.test(inner.text) && (next.cap || next.kind === 'q')) flush();
      continue;
    }
    if (t.kind === 'q') continue; // stray mark
    // Reuters marks company names "<Harbour Foods Ltd> said": the brackets are dropped so the name is a plain subject.
    // A one-word ticker after the name ("Harbour Corp <HBR> said") keeps its brackets, which the subject rules step over.
    if (t.kind === 'p' && (t.text === '<' || t.text === '>') && nameBracket(toks, i)) continue;
    cur.push(t.kind === 'w' ? { t: 'w', tok: t, i } : { t: 'p', tok: t, i });
    // "… later in the U.S. But the company …": an initialism ending a sentence carries the period itself.
    if (t.kind === 'w' && t.text.endsWith('.') && P_RE_3.test(t.text)) {
      const next = toks[i + 1];
      if (next && next.para === t.para && next.kind === 'w' && SENTENCE_OPENERS.has(next.text)) { flush(); continue; }
    }
    // Run-on text: no real sentence is this long; cut at a comma so per-sentence rules stay bounded.
    if (cur.length >= MAX_UNITS && (t.text === ',' || cur.length >= 2 * MAX_UNITS)) { flush(); continue; }
    if (t.kind === 'p' && /^[.!?…;]$/.test(t.text) && t.text !== ';') {
      const prev = toks[i - 1];
      const next = toks[i + 1];
      if (t.text === '.' && prev && prev.kind === 'w' && prev.end === t.start &&
        (ABBREV.has(prev.lower) || ONE_UPPER.test(prev.text))) continue;
      if (next && next.start === t.end && DIGIT_START.test(next.text)) continue; // ".125 dlrs"
      // ". [click to enlarge] Russia …", ". (Photo) …": a bracket after a full stop opens new text.
      if (!next || next.para !== t.para || next.cap || next.kind === 'q' || DIGIT_START.test(next.text) || next.text === '[' || next.text === '(') flush();
    }
  }
  flush();
  return sentences;
}
