// Dateline openers at the start of the first body paragraph ("Moscow, SANA –", "SALVADOR, Feb 26 -", "WASHINGTON (Reuters) -").
import type { Dateline } from '../model/article.ts';
import { knownAgency, parenAgency } from './agency.ts';
import { isoDate, monthNumber } from './dates.ts';

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const P_RE_1 = /^\s{1,3}["“‘']?\p{Lu}/u;
const P_RE_2 = /^\(? {0,2}\p{L}/u;

export interface DatelineMatch extends Dateline {
  /** Full date printed in the opener ("Tehran, Dec 31, 2015, IRNA –"), else null. */
  date: string | null;
  /** Length of the opener plus the whitespace after it: the body text starts here. */
  end: number;
}

// Every piece is bounded and the parser only looks at a short window, so no input can make it backtrack badly.
const WINDOW = 200;
const TOK = /(?:(?:al|el|ad|as|ar|an|at|ash|az)-)?\p{Lu}[\p{L}\p{M}'’.]{0,30}(?:[-/]\p{L}[\p{L}\p{M}'’.]{0,30}){0,3}/uy;
const TOK_SEP = / {1,2}(?:(?:de|del|la|le|el|al|of|upon|on|sur|am|da|do|dos|das|du|di|des|van|von) )?/y;
const DATE_MD = /(\p{L}{3,9}\.?) {1,3}(\d{1,2})(?!\d)/uy;
const DATE_DM = /(\d{1,2}) {1,3}(\p{L}{3,9})\.?(?!\p{L})/uy;
const YEAR = /,? {0,3}(\d{4})(?!\d)/y;
const COMMA = / {0,2}, {0,3}/y;
const OPT_COMMA = / {0,2},? {0,3}/y;
const PAREN = /\( {0,2}([^()\n]{1,30}?) {0,2}\)/y;
const AGENCY_WORDS = /\p{L}[\p{L}.]{0,24}(?:[ -]\p{L}[\p{L}.]{0,24}){0,3}/uy;
const DASH = /,?(\s{0,3})(?:--|[-–—_‒―])/y;
const OPEN_PAREN = /\( {0,2}/y;

// Words that open a story like a place would but are labels, not places.
const NOT_PLACES = new Set(['breaking', 'exclusive', 'update', 'updated', 'watch', 'video', 'photos', 'photo', 'analysis', 'opinion',
  'editorial', 'commentary', 'urgent', 'flash', 'review', 'interview', 'feature', 'meanwhile', 'however', 'earlier', 'today',
  'yesterday', 'also', 'note', 'correction', 'corrected', 'repeat', 'refile', 'recasts', 'live', 'news', 'report', 'the', 'a', 'an', 'in', 'on', 'at', 'he', 'she', 'it', 'they', 'we']);

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** Possible end offsets of a run of capitalised place words starting at `at`, longest first. */
function placeEnds(w: string, at: number): number[] {
  const ends: number[] = [];
  let p = at;
  for (let k = 0; k < 6; k++) {
    const t = sticky(TOK, w, p);
    if (!t) break;
    p += t[0].length;
    ends.push(p);
    const s = sticky(TOK_SEP, w, p);
    if (!s || !sticky(TOK, w, p + s[0].length)) break;
    p += s[0].length;
  }
  return ends.reverse();
}

interface Rest {
  date: string | null;
  hasDate: boolean;
  agency: string | null;
  dashStart: number;
  dashEnd: number;
  spacedBefore: boolean;
}

/** Parses `[, date [, year]] [, agency | (agency)] dash` at `at`. */
function parseRest(w: string, at: number): Rest | null {
  let p = at;
  let date: string | null = null;
  let hasDate = false;
  const c = sticky(OPT_COMMA, w, p)!;
  const md = sticky(DATE_MD, w, p + c[0].length);
  const dm = md ? null : sticky(DATE_DM, w, p + c[0].length);
  const dmatch = md ?? dm;
  if (dmatch) {
    const month = monthNumber(md ? md[1]! : dm![2]!);
    const day = Number(md ? md[2] : dm![1]);
    if (month !== null && day >= 1 && day <= 31) {
      hasDate = true;
      p += c[0].length + dmatch[0].length;
      const y = sticky(YEAR, w, p);
      if (y) {
        date = isoDate(Number(y[1]), month, day);
        p += y[0].length;
      }
    }
  }
  let agency: string | null = null;
  const c2 = sticky(OPT_COMMA, w, p)!;
  const paren = sticky(PAREN, w, p + c2[0].length);
  if (paren && parenAgency(paren[1]!)) {
    agency = parenAgency(paren[1]!);
    p += c2[0].length + paren[0].length;
  } else {
    const comma = sticky(COMMA, w, p);
    const words = comma ? sticky(AGENCY_WORDS, w, p + comma[0].length) : null;
    if (comma && words) {
      // Try the longest word prefix that names a known agency and is followed by a dash.
      const text = words[0];
      const cuts: number[] = [text.length];
      for (let i = text.length - 1; i > 0; i--) if (text[i] === ' ' || text[i] === '-') cuts.push(i);
      for (const cut of cuts) {
        const code = knownAgency(text.slice(0, cut));
        const after = p + comma[0].length + cut;
        if (code && sticky(DASH, w, after)) {
          agency = code;
          p = after;
          break;
        }
      }
    }
  }
  const d = sticky(DASH, w, p);
  if (!d) return null;
  return { date, hasDate, agency, dashStart: p, dashEnd: p + d[0].length, spacedBefore: d[1]!.length > 0 };
}

function letters(s: string): string {
  return s.replace(/[^\p{L}]/gu, '');
}

/** A place-only opener ("BEIJING -", "( Baghdad –") needs stronger evidence than one with a date or agency. */
function placeOnlyAllowed(place: string, paren: boolean, spacedBefore: boolean, w: string, dashEnd: number): boolean {
  const words = place.split(/\s+/);
  if (words.some((x) => NOT_PLACES.has(x.toLowerCase().replace(/[.]/g, '')))) return false;
  if (paren) return true;
  if (!spacedBefore) return false;
  const L = letters(place);
  if (L.length >= 3 && L === L.toUpperCase()) return true;
  // A Title-case place with a spaced dash ("Gaza – ") is accepted only when a capitalised sentence follows.
  return words.length <= 3 && P_RE_1.test(w.slice(dashEnd, dashEnd + 6));
}

/** The dateline opener at the start of `text` (a trimmed first paragraph), or null when it has none. */
export function matchDateline(text: string): DatelineMatch | null {
  if (!P_RE_2.test(text)) return null;
  const w = text.slice(0, WINDOW);
  const open = sticky(OPEN_PAREN, w, 0);
  const placeStart = open ? open[0].length : 0;
  for (const end of placeEnds(w, placeStart)) {
    const place = w.slice(placeStart, end);
    // With a region ("SANTA CRUZ, Calif., Feb 26 -") a date or agency must follow, or it is just a list of names.
    const comma = sticky(COMMA, w, end);
    if (comma) {
      for (const rEnd of placeEnds(w, end + comma[0].length)) {
        const rest = parseRest(w, rEnd);
        if (rest && (rest.hasDate || rest.agency)) return build(text, placeStart, rEnd, rest);
      }
    }
    const rest = parseRest(w, end);
    if (rest && (rest.hasDate || rest.agency)) return build(text, placeStart, end, rest);
    // An upper-case place with a region and nothing else ("WOODBRIDGE, N.J. -").
    if (comma) {
      for (const rEnd of placeEnds(w, end + comma[0].length)) {
        const r = parseRest(w, rEnd);
        const full = w.slice(placeStart, rEnd);
        if (r && letters(full) === letters(full).toUpperCase() && placeOnlyAllowed(full, open !== null, r.spacedBefore, w, r.dashEnd)) {
          return build(text, placeStart, rEnd, r);
        }
      }
    }
    if (rest && placeOnlyAllowed(place, open !== null, rest.spacedBefore, w, rest.dashEnd)) return build(text, placeStart, end, rest);
  }
  return null;
}

function build(text: string, placeStart: number, placeEnd: number, rest: Rest): DatelineMatch {
  const w = text;
  const after = /^\s{0,200}/.exec(text.slice(rest.dashEnd, rest.dashEnd + 200))![0].length;
  return {
    raw: w.slice(0, rest.dashEnd),
    place: w.slice(placeStart, placeEnd),
    agency: rest.agency,
    date: rest.date,
    end: rest.dashEnd + after,
  };
}
