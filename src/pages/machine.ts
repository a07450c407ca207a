// Machine-readable outputs besides feeds: sitemap.xml, robots.txt and the static JSON API.
import type { Article } from '../model/article.ts';
import type { QuoteRef, SiteIndex } from '../index/site.ts';
import { escapeHtml, jsonFile, jsonFileChunks } from '../render/escape.ts';
import { routes } from '../routes/permalinks.ts';
import type { MadeFrom, RawFile, SiteContext, TextFile } from './page.ts';
import { quoteData } from '../index/quote-texts.ts';
import { eachFeed } from './feeds.ts';

/** The sitemap protocol's limit of URLs per file (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;

/**
 * sitemap.xml with every page; above `max` URLs it becomes a sitemap index of numbered sitemaps of `max` URLs each,
 * since crawlers ignore a sitemap over the protocol's limit.
 */
export function sitemapFiles(htmlRoutes: string[], site: SiteContext, max = SITEMAP_MAX_URLS): TextFile[] {
  const urls = htmlRoutes.filter((r) => r !== routes.notFound()).map((r) => `  <url><loc>${escapeHtml(site.abs(r))}</loc></url>`);
  const urlset = (part: string[]): string => `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${part.join('\n')}\n</urlset>\n`;
  if (urls.length <= max) return [{ route: routes.sitemap(), content: urlset(urls) }];
  const parts: TextFile[] = [];
  for (let i = 0; i < urls.length; i += max) parts.push({ route: routes.sitemapPart(parts.length + 1), content: urlset(urls.slice(i, i + max)) });
  const index = parts.map((p) => `  <sitemap><loc>${escapeHtml(site.abs(p.route))}</loc></sitemap>`);
  return [{ route: routes.sitemap(), content: `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index.join('\n')}\n</sitemapindex>\n` }, ...parts];
}

export function robotsFile(site: SiteContext): RawFile {
  return { route: routes.robots(), content: `User-agent: *\nAllow: /\n\nSitemap: ${site.abs(routes.sitemap())}\n` };
}

/** The public record of an article: the extraction schema, minus internal fields. */
export function articleRecord(a: Article): object {
  const { source: _source, blocks: _blocks, topic_candidates: _candidates, ...record } = a;
  return record;
}

/**
 * The record's JSON file: articleRecord's bytes without its copy. The internal fields are set to undefined for the
 * one stringify (JSON leaves undefined properties out and keeps the others in order) and put back after; copying the
 * other twenty-odd properties into a new object by rest destructuring cost ~10 us per article in build profiles.
 */
export function articleApiFile(a: Article): RawFile {
  const internal = a as { source?: string; blocks?: Article['blocks']; topic_candidates?: Article['topic_candidates'] };
  const { source, blocks, topic_candidates: candidates } = internal;
  internal.source = internal.blocks = internal.topic_candidates = undefined;
  try {
    return { route: routes.apiArticle(a.slug), content: jsonFile(a) };
  } finally {
    internal.source = source;
    internal.blocks = blocks;
    internal.topic_candidates = candidates;
  }
}

export function indexApiFiles(index: SiteIndex, site: SiteContext): RawFile[] {
  return [...eachIndexApiFile(index, site)];
}

/** One JSON file at a time, so a build can write each as it is made instead of holding them all. */
export function* eachIndexApiFile(index: SiteIndex, site: SiteContext): Generator<RawFile> {
  for (const file of eachIndexApi(index, site)) yield { route: file.route, content: file.make() };
}

/** The feeds, then the index's JSON files, in the order a build makes them. */
export function* eachIndexFile(index: SiteIndex, site: SiteContext): Generator<MadeFrom> {
  yield* eachFeed(index, site);
  yield* eachIndexApi(index, site);
}

/** The index's JSON files, each made only when asked: a rebuild keeps those whose data is the last build's. */
export function* eachIndexApi(index: SiteIndex, site: SiteContext): Generator<MadeFrom> {
  for (const s of index.speakers) {
    // Each quote's public form is made as its batch is written, not as one array per speaker up front.
    // quoteData returns a new object each call: the url is added to it rather than spread into another copy.
    const quote = (q: QuoteRef): object => {
      const data: QuoteRef & { url?: string } = quoteData(q);
      data.url = site.abs(routes.quote(q.articleSlug, q.anchor));
      return data;
    };
    yield { route: routes.apiSpeaker(s.slug), from: s, quotes: true, make: () => jsonFileChunks({ ...s, url: site.abs(routes.speaker(s.slug)) }, 'quotes', quote) };
  }
  for (const t of index.topics) yield { route: routes.apiTopic(t.slug), from: t, make: () => jsonFile({ ...t, url: site.abs(routes.topic(t.slug)) }) };
  yield {
    // Made from quotes too: it gives each speaker's quote count.
    route: routes.apiIndex(), quotes: true,
    from: { articles: index.articles, speakers: index.speakers, topics: index.topics },
    make: () => jsonFileChunks({
      articles: index.articles.map((a) => ({ slug: a.slug, title: a.title, date: a.date, url: site.abs(routes.article(a.slug)), api: site.abs(routes.apiArticle(a.slug)) })),
      speakers: index.speakers.map((s) => ({ slug: s.slug, name: s.name, quotes: s.quotes.length, api: site.abs(routes.apiSpeaker(s.slug)) })),
      topics: index.topics.map((t) => ({ slug: t.slug, name: t.name, kind: t.kind, articles: t.articles.length, api: site.abs(routes.apiTopic(t.slug)) })),
    }, 'articles'),
  };
}
