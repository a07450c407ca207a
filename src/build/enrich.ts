// Per-article enrichment after extraction: publication date, dateline place, explicit tags as topics.
// First version; the topics/places/dates modules (issue 5) replace the simple rules here.
import type { Config } from '../config.ts';
import type { SourceFile } from '../load/source.ts';
import type { Article } from '../model/article.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ArticleMeta } from '../parse/meta.ts';
import type { ParsedText } from '../parse/structure.ts';
import { slugify } from '../routes/permalinks.ts';

export function enrichArticle(article: Article, parsed: ParsedText, meta: ArticleMeta, src: SourceFile, _config: Pick<Config, 'timezone'>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const fromMeta = meta.date === undefined ? null : isoDate(meta.date);
  if (meta.date !== undefined && !fromMeta) {
    diagnostics.push({ severity: 'warning', code: 'bad-date', file: src.file, line: 1, message: `date ${JSON.stringify(String(meta.date))} is not a calendar date; the article is treated as undated`, hint: 'write dates as YYYY-MM-DD' });
  }
  const fromName = /^(\d{4}-\d{2}-\d{2})/.exec(src.id)?.[1] ?? null;
  if (fromMeta) {
    article.date = fromMeta;
    article.date_source = src.metaSource === 'sidecar' ? 'sidecar' : src.metaSource === 'dataset' ? 'dataset' : 'front-matter';
  } else if (fromName && isoDate(fromName)) {
    article.date = fromName;
    article.date_source = 'filename';
  } else if (parsed.date) {
    article.date = parsed.date;
    article.date_source = 'text';
  }
  const place = article.dateline?.place;
  if (place) {
    const name = place.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
    article.places = [{ name, slug: slugify(name, 'place'), country: null }];
  }
  article.topics = meta.tags.map((t) => ({ slug: slugify(t, 'topic'), name: t, kind: 'tag' as const }));
  return diagnostics;
}

function isoDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}` ? null : `${m[1]}-${m[2]}-${m[3]}`;
}
