// Human date formats for pages (date-fns); ISO in, "26 November 2026" out, "undated" for null.
// Subpath imports: the date-fns index pulls in ~300 modules (~0.4 s of start-up under tsx).
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The patterns pages use, without date-fns: it cost ~0.1 ms per call, and list pages call this for every entry.
 * Returns null for other patterns (date-fns handles those) and for invalid dates.
 */
function fastFormat(day: string, pattern: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  const month = MONTHS[mo - 1]!;
  if (pattern === 'd MMMM yyyy') return `${d} ${month} ${m[1]}`;
  if (pattern === 'MMMM yyyy') return `${month} ${m[1]}`;
  if (pattern === 'MMM') return month.slice(0, 3);
  return null;
}

export function formatDate(iso: string | null | undefined, pattern = DEFAULT_PATTERN): string {
  if (!iso) return 'undated';
  // List pages print the same few thousand days over and over (every quote and article entry has one), mostly in
  // runs of the same day (lists are sorted by date): the last answer first, then a memo per pattern.
  if (iso === last.iso && pattern === last.pattern) return last.text;
  let memo = pattern === DEFAULT_PATTERN ? defaultMemo : formatted.get(pattern);
  if (!memo) formatted.set(pattern, (memo = new Map()));
  let text = memo.get(iso);
  if (text === undefined) {
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(iso, (text = formatUncached(iso, pattern)));
  }
  last.iso = iso;
  last.pattern = pattern;
  last.text = text;
  return text;
}
const DEFAULT_PATTERN = 'd MMMM yyyy';
const defaultMemo = new Map<string, string>();
const formatted = new Map<string, Map<string, string>>([[DEFAULT_PATTERN, defaultMemo]]);
const last = { iso: '', pattern: '', text: '' };
/** Bounds the memo for inputs with timestamps (every value distinct); days alone are ~365 a year. */
const MEMO_MAX = 100_000;

function formatUncached(iso: string, pattern: string): string {
  const fast = fastFormat(iso.slice(0, 10), pattern);
  if (fast !== null) return fast;
  const d = parseISO(iso.slice(0, 10));
  return Number.isNaN(d.getTime()) ? iso : format(d, pattern);
}

export function formatMonth(yearMonth: string): string {
  return fastFormat(`${yearMonth}-01`, 'MMMM yyyy') ?? format(parseISO(`${yearMonth}-01`), 'MMMM yyyy');
}

/** The <title>: "Page — Site" within `max` characters (longer titles are cut at a word, the site name dropped first). */
export function documentTitle(page: string, site: string, max = 70): string {
  if (page === site) return clip(site, max);
  const full = `${page} — ${site}`;
  return full.length <= max ? full : clip(page, max);
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
