// Validates front-matter / sidecar / dataset metadata into typed fields; wrong types become warnings, not crashes.
import type { Diagnostic } from '../model/diagnostic.ts';
import type { RawMeta } from '../load/source.ts';

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
const KNOWN = new Set<string>([...STRING_KEYS, 'date', 'tags', 'topics', 'byline', 'lang', 'draft']);

export function validateMeta(raw: RawMeta, file: string, line = 1): { meta: ArticleMeta; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const warn = (code: string, message: string, hint: string): void => {
    diagnostics.push({ severity: 'warning', code, file, line, message, hint });
  };
  const meta: ArticleMeta = { tags: [] };
  for (const key of STRING_KEYS) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string' || typeof v === 'number') {
      const s = String(v).trim();
      if (s) meta[key] = s;
    } else {
      warn('meta-type', `"${key}" should be text, got ${describe(v)}; ignored`, `write it as ${key}: "…"`);
    }
  }
  if (raw.byline !== undefined && meta.author === undefined && typeof raw.byline === 'string') meta.author = raw.byline.trim();
  if (raw.date !== undefined && raw.date !== null) meta.date = raw.date;
  for (const key of ['tags', 'topics'] as const) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') meta.tags.push(...v.split(',').map((s) => s.trim()).filter(Boolean));
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) meta.tags.push(...v.map((x) => String(x).trim()).filter(Boolean));
    else warn('meta-type', `"${key}" should be a list of names, got ${describe(v)}; ignored`, `write it as ${key}: [Syria, Diplomacy]`);
  }
  meta.tags = [...new Set(meta.tags)];
  for (const key of Object.keys(raw)) {
    if (!KNOWN.has(key)) warn('meta-unknown-key', `unknown metadata key "${key}"; ignored`, `known keys: ${[...KNOWN].join(', ')}`);
  }
  return { meta, diagnostics };
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date';
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
}
