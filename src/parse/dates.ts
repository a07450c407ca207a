// Full calendar dates printed in a page ("2013-03-19", "Dec 31, 2015", "3 March 1987") → ISO YYYY-MM-DD.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

/** Month number (1–12) of an English month name or abbreviation in any case ("FEb", "Sept."), else null. */
export function monthNumber(word: string): number | null {
  return MONTHS[word.replace(/\.$/, '').toLowerCase()] ?? null;
}

/** ISO date string when year/month/day form a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const MONTH_ALT = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
// Each pattern is a flat sequence of bounded pieces, so scanning a long line stays linear.
const PATTERNS: { re: RegExp; build: (m: RegExpExecArray) => string | null }[] = [
  { re: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g, build: (m) => isoDate(+m[1]!, +m[2]!, +m[3]!) },
  {
    re: new RegExp(`\\b${MONTH_ALT}\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}(\\d{4})(?!\\d)`, 'gi'),
    build: (m) => isoDate(+m[3]!, monthNumber(m[1]!) ?? 0, +m[2]!),
  },
  {
    re: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?${MONTH_ALT}\\.?,?\\s{1,3}(\\d{4})(?!\\d)`, 'gi'),
    build: (m) => isoDate(+m[3]!, monthNumber(m[2]!) ?? 0, +m[1]!),
  },
];

/** The earliest full date (year included) in `text` as ISO YYYY-MM-DD, or null. Weekdays alone are not dates. */
export function findFullDate(text: string): string | null {
  let best: { index: number; iso: string } | null = null;
  for (const { re, build } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const iso = build(m);
      if (iso) {
        if (!best || m.index < best.index) best = { index: m.index, iso };
        break;
      }
    }
  }
  return best ? best.iso : null;
}

const DATE_WORDS = /^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?|at|on|gmt|utc|am|pm|a\.m\.|p\.m\.)$/i;

/** True when a line holds a full date and nothing but date/time words ("Tuesday, 19 March 2013 10:05"). */
export function isDateOnlyLine(line: string): boolean {
  if (line.length > 60 || !findFullDate(line)) return false;
  const leftover = line
    .replace(/\d{1,4}(?::\d{2}){0,2}/g, ' ')
    .split(/[\s,/.\-–|:()]+/)
    .filter((w) => w && monthNumber(w) === null && !DATE_WORDS.test(w) && !/^(?:st|nd|rd|th|of)$/i.test(w));
  return leftover.length === 0;
}
