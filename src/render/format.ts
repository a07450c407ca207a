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
