// Extract stage entry: who said what in one article (speakers, mentions, quotes with source offsets).
import type { Quote, Speaker } from '../model/article.ts';
import type { ParsedText } from '../parse/structure.ts';
import { attributeSentence, type Ctx } from './attribution.ts';
import { Registry, type Entity } from './entities.ts';
import { headlineQuote } from './headline.ts';
import { FURNITURE_MARKER, TITLE_WORDS, VERB_FORM, isDemonym } from './lexicon.ts';
import { collectMentions } from './mentions.ts';
import { pairQuotes, splitSentences, tokenize, type Para } from './text.ts';

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const UPPER_START = /^\p{Lu}/u;
const ANY_UPPER = /\p{Lu}/u;

export interface Extraction {
  speakers: Speaker[];
  mentioned: string[];
  quotes: Quote[];
}

// A dateline opener left on the first paragraph ("Moscow, SANA –", "BEIJING -", "( Baghdad –") when parse did not strip it.
const DATELINE_RE = /^(?:\(?\s*\p{Lu}[\p{L}.'’ ]{1,40}?,\s*\(?\p{Lu}[\p{Lu}.]{1,12}\)?\s*[-–—_]+|\p{Lu}[\p{Lu}.'’ ]{1,40}?\s+[-–—]\s|\(\s*\p{Lu}[\p{L}]{1,30}\s+[-–—]\s)\s*/u;

const CLOSING_PUNCT = new Set([...'.!?…:;"”’)'].map((c) => c.charCodeAt(0)));

/** A short line without closing punctuation (credit line, sub-heading); a long one is a body paragraph missing its period. */
function isHeadingLike(text: string): boolean {
  const t = text.trim();
  // The last character only (a $-anchored regex is tried at every position of the paragraph).
  if (CLOSING_PUNCT.has(t.charCodeAt(t.length - 1))) return false;
  const words = t.split(/\s+/);
  if (words.length > 25) return false;
  // "Bogdanov: We are preparing …" stays a heading; "… Lavrov said that the talks resume" (no period) is body.
  if (/^[^:]{2,60}:\s/.test(t)) return true;
  // Words carry their punctuation ("said." before a trailing "Reuter"): compare the letters only.
  const speech = () => words.some((w) => { const b = w.replace(/[^\p{L}]+/gu, ''); return b === b.toLowerCase() && VERB_FORM.has(b); });
  // A full sentence with a short trailer glued on ("… Avon said the offer will wait. Reuter", "… Read Also") is body.
  const tail = /[.!?]["”’]?\s+\S+(?:\s+\S+){0,2}$/.exec(t);
  if (tail && t.slice(0, tail.index).split(/\s+/).length >= 6 && speech()) return false;
  return words.length <= 12 || !speech();
}

/**
 * @param source the normalised source text; every quote's start/end index into it.
 * @param parsed the structure parse found (title, blocks with offsets, byline to ignore).
 * @param opts.strict let internal errors surface (tests); by default a failing article yields no quotes.
 */
export function extractQuotes(source: string, parsed: ParsedText, opts: { strict?: boolean } = {}): Extraction {
  if (opts.strict) return extract(source, parsed);
  try {
    return extract(source, parsed);
  } catch {
    // A rule bug must never fail a build: an article without quotes is better than no article (tests run strict).
    return { speakers: [], mentioned: [], quotes: [] };
  }
}

function extract(source: string, parsed: ParsedText): Extraction {
  const reg = new Registry();
  const byline = parsed.byline?.trim() ?? null;
  const boiler = new Set(parsed.boilerplate_lines.map((l) => l.trim()));
  const paras: Para[] = [];
  const headings: { start: number; text: string }[] = [];
  let first = true;
  for (const b of parsed.blocks) {
    const text = b.text.trim();
    if (!text) continue;
    if (FURNITURE_MARKER.test(text)) break;
    if (text === byline || (boiler.size > 0 && boiler.has(text))) continue;
    const start = b.start + b.text.indexOf(text);
    if (b.kind === 'subheading') { headings.push({ start, text }); continue; }
    // Credit lines ("Haifa Said", "Shaza/Mazen") and sub-heading-like lines carry no body speech.
    if (isHeadingLike(text)) { headings.push({ start, text }); continue; }
    let s = start;
    if (first) {
      const raw = parsed.dateline?.raw;
      if (raw && text.startsWith(raw)) s += raw.length;
      else if (!raw && repeatedTitleEnd(text, parsed.title) > 0) s += repeatedTitleEnd(text, parsed.title);
      else if (!raw) { const m = DATELINE_RE.exec(text); if (m && m[0].length < 50) s += m[0].length; }
      first = false;
    }
    paras.push({ start: s, end: start + text.length });
  }

  const toks = tokenize(source, paras);
  const qspans = pairQuotes(source, toks, paras);
  const sentences = splitSentences(toks, qspans);
  const ctx: Ctx = { source, reg, quotes: [], lastQuotePara: -99, prev: null };
  for (const sent of sentences) {
    collectMentions(source, sent, reg);
    attributeSentence(ctx, sent);
  }

  // Headline and sub-heading quotes: kind "headline", never body quotes.
  const heads: { ent: Entity; start: number; end: number }[] = [];
  if (parsed.title && parsed.titleStart >= 0) {
    const h = headlineQuote(source, parsed.titleStart, parsed.title, reg);
    if (h) heads.push(h);
  }
  for (const hd of headings) {
    const h = headlineQuote(source, hd.start, hd.text, reg);
    if (h) heads.push(h);
  }
  for (const h of heads) h.ent.speaker = true;

  mergeDescriptions(reg);

  const quotes: Quote[] = [];
  // start:end as one number (offsets stay far below 2^26): a template string per quote was most of this loop.
  const seen = new Set<number>();
  for (const q of ctx.quotes) {
    const key = q.start * 0x4000000 + q.end;
    if (seen.has(key) || q.end <= q.start) continue;
    seen.add(key);
    const date = q.when ? speechDate(q.when, parsed.date) : null;
    quotes.push({ speaker: q.ent.name, text: source.slice(q.start, q.end), kind: q.kind, cue: q.cue, start: q.start, end: q.end, ...(date ? { date } : {}) });
  }
  for (const h of heads) {
    quotes.push({ speaker: h.ent.name, text: source.slice(h.start, h.end), kind: 'headline', cue: ':', start: h.start, end: h.end });
  }
  quotes.sort((a, b) => a.start - b.start);

  const speakers: Speaker[] = reg.ents.filter((e) => e.speaker).map((e) => ({
    name: e.name,
    type: e.type,
    roles: e.roles,
    aliases: [...e.aliases].filter((a) => a && a !== e.name && !/^(he|she|it|they)$/i.test(a)),
  }));
  const mentioned = reg.ents.filter((e) => !e.speaker && e.type === 'person' && e.evidence && e.name.split(/\s+/).length >= 2).map((e) => e.name);
  return { speakers, mentioned, quotes };
}

const WEEKDAY_INDEX: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

/** "said Tuesday" in a story dated 2015-08-12 → the latest Tuesday on or before that date; null without a story date. */
export function speechDate(when: string, storyDate: string | null): string | null {
  const m = storyDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(storyDate) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return null;
  if (when === 'yesterday') d.setUTCDate(d.getUTCDate() - 1);
  else if (when !== 'today') {
    const want = WEEKDAY_INDEX[when];
    if (want === undefined) return null;
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() - want + 7) % 7));
  }
  return d.toISOString().slice(0, 10);
}

const DESC_HEADS = new Set(['official', 'executive', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'chairman', 'president', 'head', 'chief']);

/**
 * Wire leads name the source by description first ("a senior State Bank official said"), then by name with a role
 * ("Ivan Petrov, managing director of the State Bank, said"). The description is that person when its proper-noun
 * words (titles and nationalities aside) all occur in the role of exactly one named speaker introduced after it.
 */
function mergeLeadDescriptions(reg: Registry): void {
  for (const u of reg.ents) {
    if (u.type !== 'unnamed' || !u.speaker) continue;
    const words = u.name.split(/\s+/);
    if (!DESC_HEADS.has(words[words.length - 1]!.toLowerCase())) continue;
    const caps = words.filter((w) => UPPER_START.test(w) && !TITLE_WORDS.has(w.toLowerCase()) && !isDemonym(w.toLowerCase()) && !/^(?:A|An|The)$/.test(w));
    if (!caps.length) continue;
    const hits = reg.ents.filter((e) => e.type === 'person' && e.speaker && e.id > u.id &&
      e.roles.some((r) => caps.every((c) => new RegExp(`\\b${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(r))));
    if (hits.length !== 1) continue;
    const p = hits[0]!;
    p.aliases.add(u.name);
    for (const a of u.aliases) p.aliases.add(a);
    u.speaker = false;
    u.name = p.name;
  }
}

const ORG_DESC_HEADS = new Set(['group', 'monitor', 'watchdog', 'organisation', 'organization', 'body', 'ngo', 'charity']);

/**
 * Agency leads name a source by description and only then by name ("… killed, a monitoring group said. "…," the Harbour
 * Observatory for Rights said."): an indefinite lower-case organisation description is the first named organisation that
 * speaks after it (else the first named one mentioned after it).
 */
function mergeForwardOrgDescriptions(reg: Registry): void {
  for (const u of reg.ents) {
    if (!u.speaker || u.type === 'person' || /^the\s/i.test(u.name) || ANY_UPPER.test(u.name)) continue;
    const words = u.name.split(/\s+/);
    if (!ORG_DESC_HEADS.has(words[words.length - 1]!.toLowerCase())) continue;
    // A proper name: every word capitalised or a joining word ("No group announced …" is no name).
    const later = reg.ents.filter((e) => e.id > u.id && e.type === 'organization' && e.name.includes(' ') &&
      e.name.split(/\s+/).every((w) => UPPER_START.test(w) || /^(?:of|for|and|the|al|el|de|in|on)$/.test(w)) && !/^(?:No|Any|Each|Every|Some|All)\s/.test(e.name));
    const target = later.find((e) => e.speaker) ?? later[0];
    if (!target) continue;
    target.aliases.add(u.name);
    for (const a of u.aliases) target.aliases.add(a);
    target.speaker = true;
    u.speaker = false;
    u.name = target.name;
  }
}

/** "A spokesman for China's Foreign Ministry" then "Spokesman Hong Lei": one person when exactly one named speaker holds that role. */
function mergeDescriptions(reg: Registry): void {
  mergeLeadDescriptions(reg);
  mergeForwardOrgDescriptions(reg);
  for (const u of reg.ents) {
    if (u.type !== 'unnamed' || !u.speaker) continue;
    const head = u.name.toLowerCase().split(/\s+/).find((w) => /^(spokesman|spokeswoman|spokesperson|minister|ambassador|envoy|chairman|president)$/.test(w));
    if (!head) continue;
    const hits = reg.ents.filter((e) => e.type === 'person' && e.speaker && e.roles.some((r) => r.toLowerCase().split(/\s+/).includes(head)));
    if (hits.length !== 1) continue;
    const p = hits[0]!;
    p.aliases.add(u.name);
    u.speaker = false;
    // Quotes hold the entity and read its name at output: the description now names the person.
    u.name = p.name;
  }
}

/** Matches the date, agency and "title:" furniture around a headline repeated at the start of the body. */
const TITLE_TAIL_RE = /^\s*[.:]?\s*(?:(?:AFP|AP|Reuters|Xinhua|SANA)\s+)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\s+)?(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}\s+)?/;

/**
 * Pages that repeat the headline at the start of the body ("dd-mm-yyyy title: Headline. Body…", "Headline AFP Monday
 * 3 Mar 2014 Body…"): the body speech starts after the headline copy, so the headline's words are never a subject.
 * Returns the offset in text where the body proper starts, or 0.
 */
export function repeatedTitleEnd(text: string, title: string | null | undefined): number {
  const t = title?.trim();
  if (!t || t.length < 12) return 0;
  const idx = text.indexOf(t);
  if (idx < 0 || idx > 40) return 0;
  const end = idx + t.length;
  const m = TITLE_TAIL_RE.exec(text.slice(end));
  const off = end + (m ? m[0].length : 0);
  return off < text.length - 20 ? off : 0;
}
