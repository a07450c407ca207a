// Feeds: site-wide Atom and RSS 2.0 and an Atom feed per speaker and per topic through the `feed` package;
// JSON Feed 1.1 written directly (the package only writes version 1, with HTML-typed fields we would have to undo).
import { Feed, type Item } from 'feed';
import type { ArticleEntry, QuoteRef, SiteIndex } from '../index/site.ts';
import { escapeHtml, jsonFile, xmlSafe } from '../render/escape.ts';
import { routes } from '../routes/permalinks.ts';
import type { MadeFrom, SiteContext, TextFile } from './page.ts';

/** Feeds need a timestamp; undated articles have none and are left out rather than given a false one. */
function toDate(iso: string): Date {
  return new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
}

/** Deterministic "updated": the newest item, or the epoch for an empty feed (never the build time). */
function newest(dates: string[]): Date {
  return dates.length ? toDate(dates.reduce((a, b) => (a > b ? a : b))) : new Date(0);
}

function newFeed(site: SiteContext, title: string, route: string, selfRoute: string, dates: string[], extraLinks: Record<string, string> = {}): Feed {
  return new Feed({
    id: site.abs(route), title: xmlSafe(title), link: site.abs(route), description: xmlSafe(site.description), language: site.language,
    updated: newest(dates), generator: 'news-archive', copyright: '',
    feedLinks: { atom: site.abs(selfRoute), ...extraLinks },
  });
}

/** Atom titles and summaries are typed "html" (and RSS descriptions are HTML): article text goes in escaped, so a
 * headline that mentions "<script>" stays text in every reader, and "]]>" can never close the CDATA early. */
function html(text: string): string {
  return escapeHtml(xmlSafe(text));
}

function articleItem(a: ArticleEntry, site: SiteContext): Item {
  return {
    title: html(a.title), id: site.abs(routes.article(a.slug)), link: site.abs(routes.article(a.slug)),
    description: html(a.lead), date: toDate(a.date!), published: toDate(a.date!),
    ...(a.byline ? { author: [{ name: xmlSafe(a.byline) }] } : {}),
    category: a.topics.map((t) => ({ name: xmlSafe(t.name), term: t.slug })),
  };
}

function quoteTitle(q: QuoteRef): string {
  return `${q.speakerName}: “${q.text.length > 120 ? `${q.text.slice(0, 117)}…` : q.text}”`;
}

function quoteItem(q: QuoteRef, site: SiteContext): Item {
  const link = site.abs(routes.quote(q.articleSlug, q.anchor));
  return {
    title: html(quoteTitle(q)), id: link, link, description: html(`${q.text} — ${q.speakerName}, in “${q.articleTitle}”`),
    date: toDate(q.date!), published: toDate(q.date!), author: [{ name: xmlSafe(q.speakerName) }],
  };
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): plain-text title, HTML content, authors as a list. */
export function jsonFeed(items: ArticleEntry[], site: SiteContext): string {
  return jsonFile({
    version: 'https://jsonfeed.org/version/1.1',
    title: site.title,
    home_page_url: site.abs(routes.home()),
    feed_url: site.abs(routes.feedJson()),
    description: site.description,
    language: site.language,
    items: items.map((a) => ({
      id: site.abs(routes.article(a.slug)),
      url: site.abs(routes.article(a.slug)),
      title: a.title,
      content_html: `<p>${escapeHtml(a.lead)}</p>`,
      summary: a.lead,
      date_published: toDate(a.date!).toISOString(),
      ...(a.byline ? { authors: [{ name: a.byline }] } : {}),
      ...(a.topics.length ? { tags: a.topics.map((t) => t.name) } : {}),
    })),
  });
}

export function feedFiles(index: SiteIndex, site: SiteContext): TextFile[] {
  return [...eachFeedFile(index, site)];
}

/** One feed at a time, so a build can write each as it is made (10k+ feeds at once held hundreds of MB). */
export function* eachFeedFile(index: SiteIndex, site: SiteContext): Generator<TextFile> {
  for (const feed of eachFeed(index, site)) yield { route: feed.route, content: feed.make() };
}

/** The feeds, each made only when asked: a rebuild keeps those whose items are the last build's. */
export function* eachFeed(index: SiteIndex, site: SiteContext): Generator<MadeFrom<string>> {
  const latest = index.articles.filter((a) => a.date).slice(0, site.feedSize);
  let main: Feed | null = null;
  // Atom and RSS are two renderings of one Feed object, made once for whichever is asked for first.
  const mainFeed = (): Feed => {
    if (main) return main;
    main = newFeed(site, site.title, routes.home(), routes.feedAtom(), latest.map((a) => a.date!), { rss: site.abs(routes.feedRss()), json: site.abs(routes.feedJson()) });
    for (const a of latest) main.addItem(articleItem(a, site));
    return main;
  };
  yield { route: routes.feedAtom(), from: latest, make: () => mainFeed().atom1() };
  yield { route: routes.feedRss(), from: latest, make: () => mainFeed().rss2() };
  yield { route: routes.feedJson(), from: latest, make: () => jsonFeed(latest, site) };

  for (const s of index.speakers) {
    const quotes = s.quotes.filter((q) => q.date).slice(0, site.feedSize);
    yield {
      route: routes.speakerFeed(s.slug), from: { name: s.name, slug: s.slug, quotes }, quotes: true,
      make: () => atomFeed(site, s.name, routes.speaker(s.slug), routes.speakerFeed(s.slug), quotes.map((q) => q.date!), quotes.map((q) => quoteItem(q, site))),
    };
  }
  for (const t of index.topics) {
    const items = t.articles.map((slug) => index.bySlug.get(slug)!).filter((a) => a.date).slice(0, site.feedSize);
    yield {
      route: routes.topicFeed(t.slug), from: { name: t.name, slug: t.slug, items },
      make: () => atomFeed(site, t.name, routes.topic(t.slug), routes.topicFeed(t.slug), items.map((a) => a.date!), items.map((a) => articleItem(a, site))),
    };
  }
}

/** The Atom feed of one speaker or topic: `name` — the site's title, linking to its page at `route`. */
function atomFeed(site: SiteContext, name: string, route: string, selfRoute: string, dates: string[], items: Item[]): string {
  const feed = newFeed(site, `${name} — ${site.title}`, route, selfRoute, dates);
  for (const item of items) feed.addItem(item);
  return feed.atom1();
}
