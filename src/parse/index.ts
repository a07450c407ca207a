// Parse stage entry: a SourceFile becomes an Article record (no speakers or topics yet); metadata overrides inference.
import type { Article, Dateline } from '../model/article.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { SourceFile } from '../load/source.ts';
import { slugify } from '../routes/permalinks.ts';
import { parseMarkdown } from './markdown.ts';
import { validateMeta, type ArticleMeta } from './meta.ts';
import type { ParsedText } from './structure.ts';
import { parseWire } from './wire.ts';

export interface ParseResult {
  article: Article;
  parsed: ParsedText;
  meta: ArticleMeta;
  diagnostics: Diagnostic[];
}

export function parseSource(src: SourceFile): ParseResult {
  const { meta, diagnostics } = validateMeta(src.meta, src.metaSource === 'sidecar' ? src.file.replace(/\.[^.]+$/, '.yaml') : src.file);
  diagnostics.push(...src.diagnostics);
  const parsed = src.format === 'md' ? parseMarkdown(src.text) : parseWire(src.text);
  const title = meta.title ?? parsed.title;
  if (!title) {
    diagnostics.push({ severity: 'warning', code: 'no-headline', file: src.file, line: src.lineOffset + 1, message: 'no headline found; the file name is used as the title', hint: 'put the headline on the first line (or "title:" in front matter)' });
  }
  if (!parsed.blocks.length) {
    diagnostics.push({ severity: 'warning', code: 'no-body', file: src.file, line: src.lineOffset + 1, message: 'only a headline, no article text', hint: 'add the article paragraphs below the headline' });
  }
  const paragraphs = parsed.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
  const subheadings = parsed.blocks.filter((b) => b.kind === 'subheading').map((b) => b.text);
  const body = src.format === 'md' ? src.text : parsed.blocks.map((b) => (b.kind === 'subheading' ? `## ${b.text}` : b.text)).join('\n\n');
  const article: Article = {
    file: src.file,
    id: src.id,
    // The file-name fallback is only slugified when the slug comes out empty (slugify costs ~20 µs).
    slug: slugify(meta.slug ? meta.slug : title || src.id, '') || slugify(src.id),
    title: title || src.id,
    dateline: mergeDateline(parsed.dateline, meta),
    date: null,
    date_source: null,
    weekday: null,
    byline: meta.author ?? parsed.byline,
    summary: meta.summary ?? null,
    subheadings,
    paragraphs,
    body,
    boilerplate_lines: parsed.boilerplate_lines,
    topics: [],
    places: [],
    speakers: [],
    mentioned: [],
    quotes: [],
    source: src.text,
    blocks: parsed.blocks,
    format: src.format,
    tags: meta.tags,
  };
  return { article, parsed: { ...parsed, title: article.title }, meta, diagnostics };
}

function mergeDateline(inferred: Dateline | null, meta: ArticleMeta): Dateline | null {
  if (meta.dateline === undefined && meta.place === undefined && meta.agency === undefined) return inferred;
  return {
    raw: meta.dateline ?? inferred?.raw ?? [meta.place, meta.agency].filter(Boolean).join(', '),
    place: meta.place ?? inferred?.place ?? null,
    agency: meta.agency ?? inferred?.agency ?? null,
  };
}
