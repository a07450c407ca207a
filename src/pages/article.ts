// Article page: the record's body with anchored quotes, its speakers, topics, place, related and prev/next.
import type { Article } from '../model/article.ts';
import { compareCodePoints } from '../load/walk.ts';
import { RELATED_POOL, type ArticleEntry, type SiteIndex } from '../index/site.ts';
import { renderMarkdownBody, renderWireBody, type QuoteMark } from '../render/body.ts';
import { quoteAnchor, routes } from '../routes/permalinks.ts';
import type { Page, SiteContext } from './page.ts';

/**
 * All an article page reads from the archive index, as plain data: a fast rebuild saves one per article and reads back
 * only those it renders again (see src/index/contexts.ts), instead of the whole index.
 */
export interface ArticleContext {
  entry: ArticleEntry;
  newer: ArticleEntry | undefined;
  older: ArticleEntry | undefined;
  related: ArticleEntry[];
  /** Speaker name in this record → archive-wide speaker slug. */
  speakerSlugs: [name: string, slug: string][];
  /** The article's place slugs that have a place page. */
  placePages: string[];
}

/** The context of an article (by its final slug), and the archive positions of its related articles. */
export function articleContext(article: Pick<Article, 'slug' | 'places'>, index: SiteIndex): { context: ArticleContext; related: number[] } {
  const { slug } = article;
  const entry = index.bySlug.get(slug)!;
  const position = positionOf(index, entry);
  const related = relatedPositions(entry, index);
  let known = placeSlugs.get(index);
  if (!known) placeSlugs.set(index, (known = new Set(index.places.map((p) => p.slug))));
  const names = index.speakerSlugs.get(slug);
  const context: ArticleContext = {
    entry,
    newer: position > 0 ? index.articles[position - 1] : undefined,
    older: position >= 0 ? index.articles[position + 1] : undefined,
    related: related.map((id) => index.articles[id]!),
    speakerSlugs: names ? [...names] : [],
    placePages: article.places.filter((p) => known.has(p.slug)).map((p) => p.slug),
  };
  return { context, related };
}

export function articlePage(article: Article, ctx: ArticleContext, site: SiteContext): Page {
  const { entry } = ctx;
  const slugs = new Map(ctx.speakerSlugs);
  const speakerSlug = (name: string | null): string | null => (name ? slugs.get(name) ?? null : null);
  const bodyQuotes = article.quotes.filter((q) => q.kind !== 'headline');
  const marks: QuoteMark[] = bodyQuotes.map((quote, i) => {
    const slug = speakerSlug(quote.speaker);
    return { quote, id: quoteAnchor(i), speakerHref: slug ? site.href(routes.speaker(slug)) : null };
  });
  const bodyHtml = article.format === 'md'
    ? renderMarkdownBody(article.source, marks, { title: article.title, datelineRaw: article.dateline?.raw ?? null })
    : renderWireBody(article, marks);
  // A quote the body could not mark (offsets outside rendered text) keeps its anchor on its entry in the quote box.
  // One pass over the body for every id it holds: a search per quote was quadratic on huge articles.
  const idsInBody = new Set(Array.from(bodyHtml.matchAll(/ id="([^"]+)"/g), (m) => m[1]!));
  const inBody = new Set(marks.map((m) => m.id).filter((id) => idsInBody.has(id)));
  const speakers = plainList(article.speakers
    // Object.assign, not spread: spreading records of many shapes measured ~15x slower (190k quotes at 10k articles).
    .map((s) => Object.assign({}, s, { slug: speakerSlug(s.name), quoteCount: bodyQuotes.filter((q) => q.speaker === s.name).length }))
    .filter((s) => s.slug));
  const quotes = plainList(bodyQuotes.map((q, i) => {
    const anchor = quoteAnchor(i);
    // Every quote gets a date key, set or not, so all of them reach the template with one shape.
    return Object.assign({ speaker: null, text: '', kind: 'direct', cue: null, start: 0, end: 0, date: undefined }, q, { anchor, inBody: inBody.has(anchor), speakerSlug: speakerSlug(q.speaker) });
  }));
  const url = site.abs(routes.article(article.slug));
  return {
    route: routes.article(article.slug),
    template: 'article',
    title: article.title,
    description: entry.lead,
    jsonLd: [newsArticleLd(article, site, url), ...quotes.filter((q) => q.speaker).map((q) => ({
      '@context': 'https://schema.org', '@type': 'Quotation', text: q.text, url: `${url}#${q.anchor}`,
      creator: { '@type': 'Person', name: q.speaker }, isBasedOn: url, ...(q.date ?? article.date ? { dateCreated: q.date ?? article.date } : {}),
    }))],
    data: { article, entry, bodyHtml, speakers, quotes, places: plainList(articlePlaces(article, ctx.placePages)), related: plainList(ctx.related), newer: ctx.newer, older: ctx.older },
  };
}

/**
 * The lists an article page hands its template, copied into arrays made in one place. Arrays made by map() and filter()
 * change kind (V8's elements kind, part of an array's hidden class) once the code making them is optimised, and each
 * new kind reaching the optimised article template made V8 throw its code away and compile it again (~120 ms, five
 * times per worker in a cold 10k build); arrays grown by push from one literal share one kind.
 */
function plainList<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) out.push(items[i]!);
  return out;
}

const positions = new WeakMap<SiteIndex, Map<ArticleEntry, number>>();

/** Position in the archive order from a map built once per index: indexOf per page made the build quadratic. */
function positionOf(index: SiteIndex, entry: ArticleEntry): number {
  let map = positions.get(index);
  if (!map) positions.set(index, (map = new Map(index.articles.map((a, i) => [a, i]))));
  return map.get(entry) ?? -1;
}

const placeSlugs = new WeakMap<SiteIndex, Set<string>>();

/** The article's places; only those with a page (the index files an article under its first place) get a slug. */
function articlePlaces(article: Article, placePages: string[]): { name: string; country: string | null; slug: string | null }[] {
  const known = new Set(placePages);
  const seen = new Set<string>();
  return article.places.filter((p) => !seen.has(p.slug) && seen.add(p.slug)).map((p) => ({ name: p.name, country: p.country, slug: known.has(p.slug) ? p.slug : null }));
}

function newsArticleLd(article: Article, site: SiteContext, url: string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    url,
    mainEntityOfPage: url,
    ...(article.date ? { datePublished: article.date } : {}),
    // No byline: the agency or, failing that, the archive itself stands as author (Google expects one).
    author: article.byline ? { '@type': 'Person', name: article.byline } : { '@type': 'Organization', name: article.dateline?.agency ?? site.title },
    publisher: { '@type': 'Organization', name: site.title, url: site.abs(routes.home()) },
    ...(article.dateline?.place ? { locationCreated: { '@type': 'Place', name: article.places[0]?.name ?? article.dateline.place } } : {}),
    about: [...article.topics.map((t) => ({ '@type': 'Thing', name: t.name })), ...article.speakers.map((s) => ({ '@type': s.type === 'person' ? 'Person' : 'Organization', name: s.name }))],
  };
}

/** Per index: article positions, each speaker's/topic's first RELATED_POOL articles as positions, reusable score and touched arrays. */
interface RelatedCache {
  ids: Map<string, number>;
  speakers: Map<string, Int32Array>;
  topics: Map<string, Int32Array>;
  scores: Int32Array;
  /** Positions given a score by the current call, in the order first scored (at most 2 × RELATED_POOL per name). */
  touched: Int32Array;
}
const relatedCaches = new WeakMap<SiteIndex, RelatedCache>();

function relatedCache(index: SiteIndex): RelatedCache {
  let c = relatedCaches.get(index);
  if (!c) {
    const n = index.articles.length;
    relatedCaches.set(index, (c = { ids: new Map(index.articles.map((a, i) => [a.slug, i])), speakers: new Map(), topics: new Map(), scores: new Int32Array(n), touched: new Int32Array(n) }));
  }
  return c;
}

function firstArticles(c: RelatedCache, lists: Map<string, Int32Array>, slug: string, slugs: string[] | undefined): Int32Array {
  let ids = lists.get(slug);
  if (!ids) {
    const first = (slugs ?? []).slice(0, RELATED_POOL).map((s) => c.ids.get(s) ?? -1).filter((id) => id >= 0);
    lists.set(slug, (ids = Int32Array.from(first)));
  }
  return ids;
}

/**
 * Articles sharing speakers (weight 2) and topics (weight 1), as positions in the archive order (index.articles);
 * ties by date then slug, so the ranking is stable. Scores live in a typed array indexed by archive position (a Map of
 * slugs per page was the top cost at 10k).
 */
export function relatedPositions(entry: ArticleEntry, index: SiteIndex, limit = 5): number[] {
  if (limit <= 0) return [];
  const c = relatedCache(index);
  const { scores, touched } = c;
  let count = 0;
  // Typed arrays and a counter, no closure or per-call array: this ran for every article page (~0.1 ms each at 10k).
  for (let pass = 0; pass < 2; pass++) {
    const names = pass === 0 ? entry.speakers : entry.topics;
    const weight = pass === 0 ? 2 : 1;
    for (const name of names) {
      const ids = pass === 0
        ? firstArticles(c, c.speakers, name.slug, index.speakerBySlug.get(name.slug)?.articles)
        : firstArticles(c, c.topics, name.slug, index.topicBySlug.get(name.slug)?.articles);
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (scores[id] === 0) touched[count++] = id;
        scores[id] = scores[id]! + weight;
      }
    }
  }
  const self = c.ids.get(entry.slug) ?? -1;
  // The best `limit` in one pass over plain numbers: ties go to the lower archive position, which is exactly newest
  // date first, then slug (the archive's own order, see compareArticles), so no dates or slugs are compared here.
  const topIds: number[] = [];
  const topScores: number[] = [];
  for (let t = 0; t < count; t++) {
    const id = touched[t]!;
    const score = scores[id]!;
    scores[id] = 0;
    if (id === self) continue;
    let i = topIds.length;
    if (i === limit) {
      const lastScore = topScores[limit - 1]!;
      if (score < lastScore || (score === lastScore && id > topIds[limit - 1]!)) continue;
      i = limit - 1;
    }
    while (i > 0 && (score > topScores[i - 1]! || (score === topScores[i - 1]! && id < topIds[i - 1]!))) {
      topIds[i] = topIds[i - 1]!;
      topScores[i] = topScores[i - 1]!;
      i--;
    }
    topIds[i] = id;
    topScores[i] = score;
  }
  return topIds;
}
