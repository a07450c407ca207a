// Hand-made Article records for page tests: the test controls speakers, quotes and offsets, not the extractor.
import type { Article, Block, Quote, Speaker, Topic } from '../../src/model/article.ts';
import { defaultConfig } from '../../src/config.ts';
import { siteContext, type SiteContext } from '../../src/pages/page.ts';
import { slugify } from '../../src/routes/permalinks.ts';

export interface RecordSpec {
  title: string;
  date?: string | null;
  /** Paragraphs of the wire body, in order. */
  paragraphs: string[];
  /** Quotes by exact text (first occurrence in the body) and speaker name. */
  quotes?: { text: string; speaker: string | null; kind?: Quote['kind'] }[];
  speakers?: (Partial<Speaker> & { name: string })[];
  topics?: string[];
  place?: string;
  byline?: string | null;
  format?: 'txt' | 'md';
  /** Markdown source (format md); paragraphs then only feed the lead. */
  markdown?: string;
}

export function makeArticle(spec: RecordSpec): Article {
  let source = `${spec.title}\n\n`;
  const blocks: Block[] = [];
  spec.paragraphs.forEach((text, i) => {
    blocks.push({ kind: 'paragraph', text, start: source.length, line: 3 + i * 2 });
    source += `${text}\n\n`;
  });
  if (spec.format === 'md') source = spec.markdown ?? '';
  const quotes: Quote[] = (spec.quotes ?? []).map((q) => {
    const start = source.indexOf(q.text);
    if (start < 0) throw new Error(`quote not in source: ${q.text}`);
    return { speaker: q.speaker, text: q.text, kind: q.kind ?? 'direct', cue: 'said', start, end: start + q.text.length };
  });
  const topics: Topic[] = (spec.topics ?? []).map((name) => ({ slug: slugify(name), name, kind: 'tag' }));
  const slug = slugify(spec.title);
  return {
    file: `${slug}.${spec.format ?? 'txt'}`, id: slug, slug, title: spec.title,
    dateline: spec.place ? { raw: `${spec.place}, SANA –`, place: spec.place, agency: 'SANA' } : null,
    date: spec.date ?? null, date_source: spec.date ? 'front-matter' : null, weekday: null,
    byline: spec.byline ?? null, summary: null, subheadings: [], paragraphs: spec.paragraphs, body: spec.paragraphs.join('\n\n'),
    boilerplate_lines: [], topics,
    places: spec.place ? [{ name: spec.place, slug: slugify(spec.place), country: null }] : [],
    speakers: (spec.speakers ?? []).map((s) => ({ type: 'person', roles: [], aliases: [], ...s })),
    mentioned: [], quotes, source, blocks, format: spec.format ?? 'txt', tags: spec.topics ?? [],
  };
}

export function testSite(overrides: Partial<ReturnType<typeof defaultConfig>> = {}): SiteContext {
  return siteContext({ ...defaultConfig('/tmp/na-test'), baseUrl: 'https://example.org', ...overrides });
}
