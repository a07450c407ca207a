// Builds Article records for tests without running parse/extract: only the fields a test cares about.
import type { Article } from '../../src/model/article.ts';

export function makeArticle(over: Partial<Article> & { slug: string }): Article {
  return {
    file: `${over.slug}.txt`, id: over.slug, title: over.slug, dateline: null, date: null, date_source: null, weekday: null,
    byline: null, summary: null, subheadings: [], paragraphs: ['Lead paragraph.'], body: 'Lead paragraph.', boilerplate_lines: [],
    topics: [], places: [], speakers: [], mentioned: [], quotes: [], source: 'Lead paragraph.', blocks: [], format: 'txt', tags: [],
    ...over,
  };
}
