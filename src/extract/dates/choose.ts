// Publication date precedence: front matter, sidecar, dataset field, file name, full date printed in the text.
import type { DateSource } from '../../model/article.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { parseDateValue } from './parse-date.ts';
import { isValidTimeZone } from './timezone.ts';

export interface DateSources {
  /** The front matter `date` value (or the whole front matter object, whose `date` is read). */
  frontMatter?: unknown;
  /** The sidecar's `date` value (or the sidecar object). */
  sidecar?: unknown;
  /** The dataset's date field ("4/5/2017", "26-FEB-1987 15:01:01.79"). */
  dataset?: unknown;
  /** Input path or basename; "2015-08-11-talks.md" gives 2015-08-11. */
  fileName: string;
  /** Full date the parser found printed in the page (ISO), or null. */
  text: string | null;
}

export interface ChosenDate {
  /** YYYY-MM-DD, or an ISO timestamp with offset in the configured zone; null when undated. */
  date: string | null;
  date_source: DateSource;
  diagnostics: Diagnostic[];
}

const DATE_KEYS = ['date', 'published', 'pubDate', 'publishDate', 'published_at'];

function unwrap(v: unknown): unknown {
  if (v && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const key = DATE_KEYS.find((k) => o[k] !== undefined && o[k] !== null);
    return key ? o[key] : undefined;
  }
  return v;
}

const absent = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && !v.trim());

/**
 * The first usable source wins. A declared but unreadable value ("date: yesterday") is reported and
 * skipped, so a lower source may still date the article; nothing is ever dated "today" by default.
 * An unknown time zone is reported and UTC is used instead.
 */
export function choosePublicationDate(sources: DateSources, timezone = 'UTC'): ChosenDate {
  const diagnostics: Diagnostic[] = [];
  const file = sources.fileName;
  let zone = timezone;
  if (!isValidTimeZone(zone)) {
    diagnostics.push({
      severity: 'error', code: 'bad-timezone', file, message: `unknown time zone "${timezone}"; using UTC`,
      hint: 'Use an IANA name such as "UTC", "Europe/London" or "Asia/Damascus".',
    });
    zone = 'UTC';
  }
  const declared: [DateSource, unknown, string][] = [
    ['front-matter', unwrap(sources.frontMatter), 'front matter'],
    ['sidecar', unwrap(sources.sidecar), 'sidecar'],
    ['dataset', sources.dataset, 'dataset date field'],
  ];
  for (const [source, value, where] of declared) {
    if (absent(value)) continue;
    const r = parseDateValue(value, zone);
    if (r.ok) return { date: r.iso, date_source: source, diagnostics };
    diagnostics.push({
      severity: 'warning', code: 'bad-date', file, message: `${where}: ${r.reason}; the value is ignored`,
      hint: 'Write the date as YYYY-MM-DD or a full ISO timestamp such as 2015-08-11T14:30:00+03:00.',
    });
  }

  const base = sources.fileName.split(/[\\/]/).pop() ?? '';
  const fm = /(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/.exec(base);
  if (fm) {
    const r = parseDateValue(fm[1], zone);
    if (r.ok) return { date: r.iso, date_source: 'filename', diagnostics };
  }

  if (!absent(sources.text)) {
    const r = parseDateValue(sources.text, zone);
    if (r.ok) return { date: r.iso, date_source: 'text', diagnostics };
  }
  return { date: null, date_source: null, diagnostics };
}
