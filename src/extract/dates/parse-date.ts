// One date value (front matter, sidecar, dataset, file name, page text) → ISO date or zoned timestamp, or a reason.
import { isValid } from 'date-fns/isValid';
import { instantToZonedIso, wallClockToInstant } from './timezone.ts';

export type DateParse = { ok: true; iso: string } | { ok: false; reason: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY_PREFIX = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
// Wire feeds glue desk codes to fractional seconds ("00:02:59.13RM", "02:17:09.88T C"); not a zone, so dropped.
const TIME_RE = '(?:[ T,]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+(?:[A-Z]{1,3}(?: [A-Z]{1,3})*)?)?)?)?';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function validDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return isValid(dt) && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1000;
}

function fromParts(y: number, m: number, d: number, time: (string | undefined)[], timeZone: string): DateParse {
  if (!validDay(y, m, d)) return { ok: false, reason: `no such calendar day ${y}-${pad(m)}-${pad(d)}` };
  const [h, mi, s] = time;
  if (h === undefined) return { ok: true, iso: `${pad(y, 4)}-${pad(m)}-${pad(d)}` };
  const hour = Number(h), minute = Number(mi), second = Number(s ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, reason: `no such time ${h}:${mi}` };
  const ms = wallClockToInstant({ year: y, month: m, day: d, hour, minute, second }, timeZone);
  return { ok: true, iso: instantToZonedIso(ms, timeZone) };
}

/**
 * Parses the date formats archives actually carry: ISO dates and timestamps (with or without offset),
 * YAML dates, "M/D/YYYY", "26-FEB-1987 15:01:01.79", "August 11, 2015", "Tue 11 Aug 2015".
 * Date-only values stay dates; timestamps are expressed in `timeZone` (no offset = wall clock there).
 */
export function parseDateValue(value: unknown, timeZone: string): DateParse {
  if (value instanceof Date) {
    if (!isValid(value)) return { ok: false, reason: 'invalid date' };
    // YAML and gray-matter turn "date: 2015-08-11" into midnight UTC: that is a calendar date, not an instant.
    if (value.getTime() % 86_400_000 === 0) return { ok: true, iso: value.toISOString().slice(0, 10) };
    return { ok: true, iso: instantToZonedIso(value.getTime(), timeZone) };
  }
  if (typeof value !== 'string') return { ok: false, reason: `expected a date, got ${value === null ? 'null' : typeof value}` };
  const s = value.trim();
  if (!s) return { ok: false, reason: 'empty date' };
  let m: RegExpExecArray | null;

  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[7]) {
      if (!validDay(y, mo, d)) return { ok: false, reason: `no such calendar day ${m[1]}-${m[2]}-${m[3]}` };
      const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7].toUpperCase() === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`);
      if (Number.isNaN(ms)) return { ok: false, reason: `unreadable timestamp "${s}"` };
      return { ok: true, iso: instantToZonedIso(ms, timeZone) };
    }
    return fromParts(y, mo, d, [m[4], m[5], m[6]], timeZone);
  }

  // US order unless the first number cannot be a month (then day/month/year).
  m = new RegExp(`^(\\d{1,2})/(\\d{1,2})/(\\d{4})${TIME_RE}$`).exec(s);
  if (m) {
    let [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) [a, b] = [b, a];
    return fromParts(Number(m[3]), a, b, [m[4], m[5], m[6]], timeZone);
  }

  m = new RegExp(`^${WEEKDAY_PREFIX}(\\d{1,2})(?:-|\\s+)${MONTH_RE}(?:-|\\s+|,\\s*)(\\d{4})${TIME_RE}$`, 'i').exec(s);
  if (m) return fromParts(Number(m[3]), monthIndex(m[2]!), Number(m[1]), [m[4], m[5], m[6]], timeZone);

  m = new RegExp(`^${WEEKDAY_PREFIX}${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME_RE}$`, 'i').exec(s);
  if (m) return fromParts(Number(m[3]), monthIndex(m[1]!), Number(m[2]), [m[4], m[5], m[6]], timeZone);

  return { ok: false, reason: `unrecognised date "${s}"` };
}
