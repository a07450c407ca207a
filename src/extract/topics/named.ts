// Candidate named things in one text: multi-word proper nouns ("Geneva Communiqué") and "<demonym> opposition" groups.
import { cpAt, cpFlags, cpWidth, LETTER, MARK, NUMBER, SPACE, UPPER } from '../unicode.ts';
import { isCountryForm, isKnownForm, isShouted } from './lexicon.ts';

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const GLUED_SENTENCE = /^(.+)-(\p{Lu}\p{Ll}*)$/u;
const LOWER_HYPHEN_TAIL = /-\p{Ll}+$/u;
const UPPER_START = /^\p{Lu}/u;
// Global, but only used with String#match, which starts from 0 every time.
const LONG_WORDS = /\p{L}{4,}/gu;

export interface NamedMention {
  /** The name as written, leading articles removed ("National Coalition"). */
  name: string;
  start: number;
  end: number;
}

export interface Token {
  text: string;
  /** text.toLowerCase(). */
  lower: string;
  start: number;
  end: number;
  cap: boolean;
  /** Preceded by sentence punctuation or the start of a line. */
  sentenceStart: boolean;
  /** Ended in a possessive ("President’s"): a name cannot continue past it. */
  possessive: boolean;
}

// Function words that are capitalised only because they open a sentence or a headline.
const STOP = new Set(
  ('a an the this that these those in on at by for from with without to of and or but as after before during ' +
    'while when where if then than meanwhile however also moreover furthermore besides he she it they we i you ' +
    'his her its their our my your there here what which who whom whose why how all both each every some any no ' +
    'not since until upon over under about against between into through among amid despite yesterday today ' +
    'tomorrow mr mrs ms dr sir said says according further other another last next such more most many ' +
    'later earlier then now still only even just once again thus hence so yet instead indeed')
    .split(' '),
);

// Titles and roles: a capitalised run holding one of these is a person's title or a title plus a name
// ("Foreign Minister Sergei Lavrov"), which belongs to speakers, not topics.
const ROLE = new Set(
  ('minister ministers president presidents vice premier chancellor secretary envoy ambassador spokesman ' +
    'spokeswoman spokesperson chairman chairwoman chair director governor mayor king queen prince princess ' +
    'sheikh emir sultan general gen lieutenant colonel col major maj captain commander chief head deputy ' +
    'undersecretary under-secretary representative senator sen congressman congresswoman mp lawmaker judge ' +
    'pope patriarch bishop archbishop imam mufti ayatollah president-elect counterpart adviser advisor ' +
    'official officials fm acting charge chargé chargée attache attaché dr professor prof mr mrs ms coordinator rapporteur commissioner ceo founder')
    .split(' '),
);

const CALENDAR = new Set(
  ('january february march april may june july august september october november december jan feb mar apr jun ' +
    'jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday')
    .split(' '),
);

// Company-form suffixes: "Texaco Inc" is the company Texaco; a run made only of suffixes is a fragment.
const CORPORATE = new Set(['co', 'inc', 'corp', 'ltd', 'plc', 'llc', 'cos', 'lp', 'nv', 'ag', 'sa', 'spa', 'bhd', 'pty']);

// Heads of institution names that may contain "and" ("Securities and Exchange Commission").
const INSTITUTION_HEAD = new Set(
  ('commission committee council organization organisation party front forces force agency bank ministry department ' +
    'union association authority company corporation fund group office court board army movement institute ' +
    'university foundation alliance coalition administration service exchange trust league federation conference ' +
    'center centre program programme society industries holdings bureau assembly parliament')
    .split(' '),
);

// Group adjectives that, like demonyms, make "Syrian Arab" or "Kurdish Muslim" a description, not a name.
const GROUP_ADJECTIVE = new Set(
  ('arab arabs kurdish kurds muslim muslims christian christians jewish jews western eastern islamic sunni ' +
    'shiite shia shiites european african asian latin gulf')
    .split(' '),
);

// Arabic name elements: a run built on them is a person's name ("Rami Abdel Rahman").
const NAME_PARTICLE = new Set(['abdel', 'abdul', 'abd', 'abu', 'bin', 'ibn', 'umm', 'abdullah']);

const WORD_CONT = LETTER | MARK | NUMBER;

/**
 * Words as the regex /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*\/gu finds them, scanned by hand over cached code-point classes
 * (the regex and its match objects were a fifth of topic detection). test/extract/topics/named.test.ts holds the
 * tokens to the regex-based version on generated text.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  scanWords(text, (w) => out.push(copyOf(w)));
  return out;
}

function copyOf(w: Token): Token {
  return { text: w.text, lower: w.lower, start: w.start, end: w.end, cap: w.cap, sentenceStart: w.sentenceStart, possessive: w.possessive };
}

/**
 * Calls `each` with every word of the text in turn, as one scratch token that the next word overwrites: most words are
 * lower-case and only looked at once, so an object per word (a fifth of the bytes extraction allocates) is not needed.
 */
function scanWords(text: string, each: (w: Token) => void): void {
  const w: Token = { text: '', lower: '', start: 0, end: 0, cap: false, sentenceStart: false, possessive: false };
  let first = true;
  let prevEnd = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) { i++; continue; }
    } else {
      const cp = cpAt(text, i);
      if (!(cpFlags(cp) & (LETTER | NUMBER))) { i += cpWidth(cp); continue; }
    }
    let j = i;
    let hyphen = false;
    // Only ASCII lower-case letters, digits and apostrophes: the word is its own lower-case form.
    let plain = true;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d < 128) {
        if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 39) { j++; continue; }
        if (d >= 65 && d <= 90) { plain = false; j++; continue; }
        if (d === 45) { hyphen = true; j++; continue; }
        break;
      }
      if (d === 0x2019) { j++; continue; }
      const cp = cpAt(text, j);
      if (!(cpFlags(cp) & WORD_CONT)) break;
      plain = false;
      j += cpWidth(cp);
    }
    const whole = text.slice(i, j);
    // "SANA-The Cuban …": an agency glued to the next sentence's first word; split it there.
    const glued = hyphen ? GLUED_SENTENCE.exec(whole) : null;
    if (glued && STOP.has(glued[2]!.toLowerCase())) {
      fillWord(w, first, text, glued[1]!, i, prevEnd, hyphen, false, false);
      each(w);
      const at = i + glued[1]!.length + 1;
      fillWord(w, false, text, glued[2]!, at, at - 1, hyphen, true, false);
      each(w);
    } else {
      fillWord(w, first, text, whole, i, prevEnd, hyphen, false, plain);
      each(w);
    }
    first = false;
    prevEnd = j;
    i = j;
  }
}

function fillWord(w: Token, first: boolean, text: string, raw: string, index: number, prevEnd: number, hyphen: boolean, forceStart: boolean, plain: boolean): void {
  let word = raw;
  const possessive = endsPossessive(word);
  if (possessive) word = word.slice(0, -2);
  const lastCode = word.charCodeAt(word.length - 1);
  if (lastCode === 39 || lastCode === 0x2019 || lastCode === 45) word = word.replace(/['’\-]+$/, '');
  // A single space (the common case) never marks a sentence start.
  const sentenceStart = first || (!(index - prevEnd === 1 && text.charCodeAt(prevEnd) === 32) && gapOpensSentence(text, prevEnd, index));
  // A capital needs a second letter ("A" alone is not a name); "Britain-based", "Saudi-led" are adjectives built on
  // a name, not part of one.
  const c0 = word.charCodeAt(0);
  const upper = c0 >= 65 && c0 <= 90 ? true : c0 < 128 ? false : (cpFlags(cpAt(word, 0)) & UPPER) !== 0;
  const cap = upper && word.length >= 2 && !(hyphen && LOWER_HYPHEN_TAIL.test(word));
  // Cleaned datasets drop apostrophes ("Syrias Aleppo"): a country name plus "s" is a possessive. Only capitalised
  // words can be one, and only they can sit in a run that a possessive ends.
  const bare = cap && !possessive && word.charCodeAt(word.length - 1) === 115 && isCountryForm(word.slice(0, -1));
  w.text = word;
  w.lower = plain ? word : word.toLowerCase();
  w.start = index;
  w.end = index + word.length;
  w.cap = cap;
  w.sentenceStart = sentenceStart || forceStart;
  w.possessive = possessive || bare;
}

/** The text between two words ends in sentence punctuation (then spaces) or holds a line break: /[.!?:;"“”\n]\s*$/ or "\n". */
function gapOpensSentence(text: string, from: number, to: number): boolean {
  let k = to - 1;
  for (; k >= from; k--) {
    const c = text.charCodeAt(k);
    if (c === 10) return true;
    if (!(c === 32 || (c >= 9 && c <= 13) || (c >= 128 && cpFlags(c) & SPACE))) break;
  }
  if (k < from) return false;
  const c = text.charCodeAt(k);
  if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 34 || c === 0x201c || c === 0x201d) return true;
  const nl = text.indexOf('\n', from);
  return nl >= 0 && nl < k;
}

/** "President's" or "President’s". */
function endsPossessive(word: string): boolean {
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== 115) return false;
  const q = word.charCodeAt(n - 2);
  return q === 39 || q === 0x2019;
}

function isConnector(t: Token): boolean {
  return t.text === 'of' || t.text === 'for' || t.text === 'the' || t.text === 'and';
}

/**
 * Runs of capitalised tokens joined by single spaces, allowing "of"/"for"/"of the" inside, straight from the word
 * scanner: only words that join a run become objects. Each lower-case word's lower-case form goes to `lowers`.
 */
function runs(text: string, lowers: string[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  // Most tokens are lower-case words that flush an empty run: no new array then, and no cur[-1] read (a negative index
  // is a named-property lookup in V8, not an array read).
  const flush = () => {
    if (!cur.length) return;
    while (cur.length && isConnector(cur[cur.length - 1]!)) cur.pop();
    if (cur.length) {
      out.push(cur);
      cur = [];
    }
  };
  scanWords(text, (t) => {
    if (!t.cap) lowers.push(t.lower);
    const prev = cur.length ? cur[cur.length - 1] : undefined;
    const adjacent = prev !== undefined && t.start - prev.end === 1 && text.charCodeAt(prev.end) === 32 && !prev.possessive;
    if (cur.length && !adjacent) flush();
    if (t.cap && !CALENDAR.has(t.lower)) {
      cur.push(copyOf(t));
    } else if (cur.length && isConnector(t) && !(t.text === 'the' && cur[cur.length - 1]!.text !== 'of') && !(t.text === 'and' && isConnector(cur[cur.length - 1]!))) {
      cur.push(copyOf(t));
    } else {
      flush();
    }
    if (t.possessive) flush();
  });
  flush();
  return out;
}

/** "Civilians Killed In Air Strike": a headline in title case, where capitals say nothing about names. */
export function isTitleCased(text: string): boolean {
  const words = text.match(LONG_WORDS) ?? [];
  if (words.length < 3) return false;
  return words.every((w) => UPPER_START.test(w));
}

function runText(text: string, r: Token[]): string {
  return text.slice(r[0]!.start, r[r.length - 1]!.end);
}

/** "Securities and Exchange Commission" stays whole; "Lavrov and Kerry" splits into its parts. */
function splitAtAnd(run: Token[]): Token[][] {
  if (!run.some((t) => t.text === 'and')) return [run];
  const last = run[run.length - 1]!;
  if (INSTITUTION_HEAD.has(last.lower)) return [run];
  const parts: Token[][] = [[]];
  for (const t of run) {
    if (t.text === 'and') parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  return parts.filter((p) => p.length);
}

/**
 * Multi-word proper nouns that may be recurring named things. Countries, organisations, titles and
 * people (a run whose last word also appears alone, "Lavrov" after "Sergei Lavrov") are left out.
 */
export function findNamedMentions(text: string, people: readonly string[] = []): NamedMention[] {
  if (isShouted(text)) return [];
  const lowers: string[] = [];
  const all = runs(text, lowers);
  // The sets below are built on first use: most runs are single words, which accept() turns down before asking.
  // "Is this word also written in lower case here?" is asked a few times per text: a scan per distinct question is
  // cheaper than a set of every lower-case word.
  const lowerAnswers = new Map<string, boolean>();
  const writtenLower = (w: string): boolean => {
    let found = lowerAnswers.get(w);
    if (found === undefined) {
      found = lowers.includes(w);
      lowerAnswers.set(w, found);
    }
    return found;
  };
  // Capitalised words or pairs used on their own mid-sentence: surnames re-used after a full name.
  let tailSet: Set<string> | null = null;
  const tails = (): Set<string> =>
    (tailSet ??= new Set(all.filter((r) => r.length <= 2 && !r[0]!.sentenceStart).map((r) => r.map((t) => t.text).join(' '))));
  // Person names from the quote extractor: a run holding a full name, or ending in a known surname, is a person.
  const fullNames = people.map((p) => p.trim()).filter((p) => /\s/.test(p));
  const surnames = new Set(fullNames.map((p) => p.split(/\s+/).pop()!).filter((w) => UPPER_START.test(w)));
  const isPerson = (name: string, caps: Token[]) =>
    fullNames.some((p) => name.includes(p)) || surnames.has(caps[caps.length - 1]!.text);

  // Runs seen mid-sentence: a sentence-initial run with the same words is a name, not a capitalised phrase.
  let midSet: Set<string> | null = null;
  const midSentence = (): Set<string> => (midSet ??= new Set(all.filter((r) => !r[0]!.sentenceStart).map((r) => runText(text, r))));

  const accept = (run: Token[]): NamedMention | 'person' | null => {
    // Fewer than two capitalised words can only shrink further below: not a name.
    let capCount = 0;
    for (const t of run) if (!isConnector(t)) capCount++;
    if (capCount < 2) return null;
    let r = run;
    const keepInitial = r[0]!.sentenceStart && midSentence().has(runText(text, r));
    while (r.length && (STOP.has(r[0]!.lower) || isConnector(r[0]!) ||
      (r[0]!.sentenceStart && !keepInitial && writtenLower(r[0]!.lower)))) {
      const wasInitial = r[0]!.sentenceStart;
      r = r.slice(1);
      // Stripping "The" from a sentence start leaves the next word sentence-initial in effect.
      if (wasInitial && r[0]) r = [{ ...r[0], sentenceStart: true }, ...r.slice(1)];
    }
    while (r.length && (CORPORATE.has(r[r.length - 1]!.lower) || isConnector(r[r.length - 1]!))) r = r.slice(0, -1);
    const caps = r.filter((t) => !isConnector(t));
    if (caps.length < 2 || caps.length > 7) return null;
    const name = runText(text, r);
    if (caps.some((t) => ROLE.has(t.lower) || NAME_PARTICLE.has(t.lower)) || isPerson(name, caps)) return 'person';
    if (isKnownForm(name)) return null;
    if (caps.every((t) => isCountryForm(t.text) || STOP.has(t.lower) || GROUP_ADJECTIVE.has(t.lower))) return null;
    // A shorter tail used on its own ("Lavrov" after "Sergei Lavrov") marks a person's name.
    if (caps.length <= 4 && !INSTITUTION_HEAD.has(caps[caps.length - 1]!.lower) &&
      caps.slice(1).some((_, i) => tails().has(caps.slice(i + 1).map((t) => t.text).join(' ')))) return null;
    return { name, start: r[0]!.start, end: r[r.length - 1]!.end };
  };

  const out: NamedMention[] = [];
  for (const whole of all) {
    for (const run of splitAtAnd(whole)) {
      const got = accept(run);
      if (got && got !== 'person') out.push(got);
      if (got !== 'person') continue;
      // "Tomas Erikssen of the Harbour Workers Union", "Chairman of Socialist Party of Chile": the person or
      // title goes, the institution stays (without "the", only when the rest ends like an institution or a country).
      const at = run.findIndex((t) => t.text === 'of' || t.text === 'for');
      if (at <= 0) continue;
      const withThe = run[at + 1]?.text === 'the';
      const rest = accept(run.slice(at + (withThe ? 2 : 1)));
      if (!rest || rest === 'person') continue;
      const lastWord = rest.name.split(' ').pop()!;
      if (withThe || INSTITUTION_HEAD.has(lastWord.toLowerCase()) || isCountryForm(lastWord)) out.push(rest);
    }
  }

  // "<demonym> opposition/rebels" names a recurring political actor even in lower case ("the Syrian opposition").
  if (text.includes(' opposition') || text.includes(' rebels')) for (const m of text.matchAll(/(?<![\p{L}])(\p{Lu}[\p{L}]+) (opposition|rebels)(?![\p{L}])/gu)) {
    if (isCountryForm(m[1]!)) out.push({ name: `${m[1]} ${m[2]}`, start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}
