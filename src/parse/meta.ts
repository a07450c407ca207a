// Validates front-matter / sidecar / dataset metadata into typed fields; wrong types become warnings, not crashes.
import type { Diagnostic } from '../model/diagnostic.ts';
import { metaLine } from '../load/frontmatter.ts';
import type { RawMeta } from '../load/source.ts';
import { slugify } from '../routes/permalinks.ts';

export interface ArticleMeta {
  title?: string;
  /** Raw date value as given (string, or Date from YAML); validated by the date stage. */
  date?: unknown;
  slug?: string;
  tags: string[];
  author?: string;
  dateline?: string;
  place?: string;
  agency?: string;
  summary?: string;
}

const STRING_KEYS = ['title', 'slug', 'author', 'dateline', 'place', 'agency', 'summary'] as const;
/** Path syntax in a slug: separators, dot segments, percent escapes, leading dots or NUL — someone aiming outside the site. */
const UNSAFE_SLUG = /[\/\\\0%]|^\.|\.\./;

const KNOWN = new Set<string>([...STRING_KEYS, 'date', 'tags', 'topics', 'byline', 'lang', 'draft']);

export function validateMeta(raw: RawMeta, file: string, line = 1): { meta: ArticleMeta; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const warn = (code: string, message: string, hint: string, key?: string): void => {
    diagnostics.push({ severity: 'warning', code, file, line: (key !== undefined ? metaLine(raw, key) : undefined) ?? line, message, hint });
  };
  const meta: ArticleMeta = { tags: [] };
  for (const key of STRING_KEYS) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string' || typeof v === 'number') {
      const s = String(v).trim();
      if (s) meta[key] = s;
    } else {
      warn('meta-type', `"${key}" should be text, got ${describe(v)}; ignored`, `write it as ${key}: "…"`, key);
    }
  }
  if (raw.byline !== undefined && meta.author === undefined && typeof raw.byline === 'string') meta.author = raw.byline.trim();
  if (meta.slug !== undefined && UNSAFE_SLUG.test(meta.slug)) {
    warn('slug-unsafe', `slug ${JSON.stringify(meta.slug)} looks like a path, not a URL slug; ignored, the slug comes from the title`, 'write the slug as lower-case words joined by "-", e.g. slug: council-approves-budget', 'slug');
    delete meta.slug;
  } else if (meta.slug !== undefined && !slugify(meta.slug, '')) {
    warn('slug-unsafe', `slug ${JSON.stringify(meta.slug)} has no letters or digits; ignored, the slug comes from the title`, 'write the slug as lower-case words joined by "-"', 'slug');
    delete meta.slug;
  }
  const date = raw.date;
  if (date === undefined || date === null) {
    // no date given
  } else if (date instanceof Date ? Number.isNaN(date.getTime()) : typeof date !== 'string') {
    warn('meta-type', `"date" should be a calendar date, got ${describe(date)}; ignored, the article date comes from the file name or text`, 'write it as date: YYYY-MM-DD', 'date');
  } else if (typeof date === 'string' && !/\d/.test(date)) {
    // Words only ("yesterday", "soon"): never a date; later stages accept the formats that carry digits.
    warn('bad-date', `date ${JSON.stringify(date)} is not a calendar date; ignored, the article date comes from the file name or text`, 'write it as date: YYYY-MM-DD', 'date');
  } else meta.date = date;
  for (const key of ['tags', 'topics'] as const) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') meta.tags.push(...v.split(',').map((s) => s.trim()).filter(Boolean));
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) meta.tags.push(...v.map((x) => String(x).trim()).filter(Boolean));
    else warn('meta-type', `"${key}" should be a list of names, got ${describe(v)}; ignored`, `write it as ${key}: [Syria, Diplomacy]`, key);
  }
  meta.tags = [...new Set(meta.tags)];
  for (const key of Object.keys(raw)) {
    if (!KNOWN.has(key)) warn('meta-unknown-key', `unknown metadata key "${key}"; ignored`, `known keys: ${[...KNOWN].join(', ')}`, key);
  }
  return { meta, diagnostics };
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date';
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
}
