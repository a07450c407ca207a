// Display formatting of stored dates for pages ("26 November 2026"), independent of the host time zone.
import { format } from 'date-fns/format';

function calendarDay(iso: string): Date | null {
  // A stored timestamp is already wall-clock time in the archive's zone: its date part is the day to show.
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  return d.getDate() === Number(m[3]) ? d : null;
}

/** "26 November 2026"; '' for null or unreadable input. */
export function formatLongDate(iso: string | null): string {
  const d = iso ? calendarDay(iso) : null;
  return d ? format(d, 'd MMMM yyyy') : '';
}

/** "26 Nov 2026". */
export function formatShortDate(iso: string | null): string {
  const d = iso ? calendarDay(iso) : null;
  return d ? format(d, 'd MMM yyyy') : '';
}

/** "November 2026", for monthly archive headings. */
export function formatMonthYear(iso: string | null): string {
  const d = iso ? calendarDay(iso) : null;
  return d ? format(d, 'MMMM yyyy') : '';
}

/** The YYYY-MM-DD part of a stored date or timestamp (for <time datetime> and archive grouping). */
export function isoDay(iso: string | null): string | null {
  const m = iso ? /^\d{4}-\d{2}-\d{2}/.exec(iso) : null;
  return m ? m[0] : null;
}
