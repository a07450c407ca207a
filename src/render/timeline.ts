// Timeline of counts per month as an inline SVG bar chart (no JavaScript); every month of the span gets a slot.
import { escapeHtml } from './escape.ts';
import { formatMonth } from './format.ts';

export interface MonthCount {
  /** "YYYY-MM". */
  month: string;
  count: number;
}

/** Every month from the first to the last given one, with 0 for months that have no entry, oldest first. */
export function fillMonths(counts: MonthCount[]): MonthCount[] {
  if (!counts.length) return [];
  const byMonth = new Map(counts.map((c) => [c.month, c.count]));
  const sorted = [...byMonth.keys()].sort();
  const [fy, fm] = sorted[0]!.split('-').map(Number) as [number, number];
  const [ly, lm] = sorted.at(-1)!.split('-').map(Number) as [number, number];
  const out: MonthCount[] = [];
  // Capped at 100 years of months so a stray date (year 0001) cannot produce a giant chart.
  for (let y = fy, m = fm; (y < ly || (y === ly && m <= lm)) && out.length < 1200; m === 12 ? ((m = 1), y++) : m++) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    out.push({ month: key, count: byMonth.get(key) ?? 0 });
  }
  return out;
}

/**
 * `label` names what is counted ("Quotes"); `id` must be unique in the page (it ties the SVG to its title).
 * Returns '' when there is nothing dated to draw.
 */
export function timelineSvg(counts: MonthCount[], label: string, id = 'timeline'): string {
  const months = fillMonths(counts);
  if (!months.length) return '';
  const max = Math.max(...months.map((m) => m.count));
  const slot = Math.max(4, Math.min(28, Math.floor(640 / months.length)));
  const gap = slot >= 8 ? 2 : 1;
  const chart = 60;
  const width = months.length * slot + 2;
  const height = chart + 16;
  const first = formatMonth(months[0]!.month);
  const last = formatMonth(months.at(-1)!.month);
  const total = months.reduce((n, m) => n + m.count, 0);
  const bars = months.map((m, i) => {
    const h = m.count ? Math.max(2, Math.round((m.count / max) * chart)) : 0;
    return h ? `<rect x="${i * slot + 1}" y="${chart - h}" width="${slot - gap}" height="${h}"><title>${escapeHtml(`${formatMonth(m.month)}: ${m.count}`)}</title></rect>` : '';
  }).join('');
  // Year labels under each January (and under the first month), so the span can be read without hovering.
  const years = months.map((m, i) => (i === 0 || m.month.endsWith('-01') ? `<text x="${i * slot + 1}" y="${height - 2}">${m.month.slice(0, 4)}</text>` : '')).join('');
  const title = `${label} per month, ${first} to ${last}: ${total} in all, at most ${max} in a month`;
  return `<figure class="timeline"><svg role="img" aria-labelledby="${id}-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`
    + `<title id="${id}-title">${escapeHtml(title)}</title><line x1="0" y1="${chart + 0.5}" x2="${width}" y2="${chart + 0.5}"/>${bars}${years}</svg>`
    + `<figcaption>${escapeHtml(label)} per month, ${escapeHtml(first)} – ${escapeHtml(last)} (highest: ${max})</figcaption></figure>`;
}
