// Human date formats for pages (date-fns); ISO in, "26 November 2026" out, "undated" for null.
import { format, parseISO } from 'date-fns';

export function formatDate(iso: string | null | undefined, pattern = 'd MMMM yyyy'): string {
  if (!iso) return 'undated';
  const d = parseISO(iso.slice(0, 10));
  return Number.isNaN(d.getTime()) ? iso : format(d, pattern);
}

export function formatMonth(yearMonth: string): string {
  return format(parseISO(`${yearMonth}-01`), 'MMMM yyyy');
}
