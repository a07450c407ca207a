// The one permalink module: every URL and output path of the site comes from here.
import slugifyLib from '@sindresorhus/slugify';

/** A URL-safe slug: lower-case ASCII words joined by "-"; never empty, never a path. */
export function slugify(text: string, fallback = 'untitled'): string {
  const s = slugifyLib(text.normalize('NFKC'), { decamelize: false }).slice(0, 80).replace(/-+$/, '');
  return s || fallback;
}

/**
 * Site-relative routes (no base path): "/articles/x/". Output files are derived from these, so a route and its
 * file can never disagree. Every segment is a slug, so no route can climb out of the output folder.
 */
export const routes = {
  home: (page = 1): string => (page <= 1 ? '/' : `/page/${page}/`),
  article: (slug: string): string => `/articles/${slug}/`,
  quote: (articleSlug: string, quoteId: string): string => `/articles/${articleSlug}/#${quoteId}`,
  speakers: (): string => '/speakers/',
  /** A–Z page of one initial ("a" … "z", "other"), used when the archive has too many speakers for one index page. */
  speakersLetter: (letter: string): string => `/speakers/a-z/${letter}/`,
  speaker: (slug: string, page = 1): string => (page <= 1 ? `/speakers/${slug}/` : `/speakers/${slug}/page/${page}/`),
  speakerFeed: (slug: string): string => `/speakers/${slug}/atom.xml`,
  topics: (): string => '/topics/',
  topic: (slug: string, page = 1): string => (page <= 1 ? `/topics/${slug}/` : `/topics/${slug}/page/${page}/`),
  topicFeed: (slug: string): string => `/topics/${slug}/atom.xml`,
  places: (): string => '/places/',
  place: (slug: string, page = 1): string => (page <= 1 ? `/places/${slug}/` : `/places/${slug}/page/${page}/`),
  archive: (): string => '/archive/',
  year: (year: string): string => `/archive/${year}/`,
  month: (year: string, month: string, page = 1): string => (page <= 1 ? `/archive/${year}/${month}/` : `/archive/${year}/${month}/page/${page}/`),
  undated: (page = 1): string => (page <= 1 ? '/archive/undated/' : `/archive/undated/page/${page}/`),
  search: (): string => '/search/',
  notFound: (): string => '/404.html',
  feedAtom: (): string => '/feed.xml',
  feedRss: (): string => '/rss.xml',
  feedJson: (): string => '/feed.json',
  sitemap: (): string => '/sitemap.xml',
  /** One part of a split sitemap (archives with more pages than one sitemap may list). */
  sitemapPart: (n: number): string => `/sitemaps/${n}.xml`,
  robots: (): string => '/robots.txt',
  apiIndex: (): string => '/api/index.json',
  apiArticle: (slug: string): string => `/api/articles/${slug}.json`,
  apiSpeaker: (slug: string): string => `/api/speakers/${slug}.json`,
  apiTopic: (slug: string): string => `/api/topics/${slug}.json`,
};

/** The output folder holding every article page ("articles"): what the search index reads. */
export const ARTICLES_DIR = routes.article('x').split('/').filter(Boolean)[0]!;

/** Stable anchor id of the n-th quote (0-based) of an article. */
export function quoteAnchor(index: number): string {
  return `q${index + 1}`;
}

/** Output file for a route: directories get index.html. */
export function routeToFile(route: string): string {
  const clean = route.split('#')[0]!;
  const rel = clean.endsWith('/') ? `${clean}index.html` : clean;
  const file = rel.replace(/^\/+/, '');
  if (file.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) {
    throw new Error(`unsafe route "${route}"`);
  }
  return file;
}

export interface UrlContext {
  basePath: string;
  baseUrl: string;
}

/** Link as written in pages: the base path prepended ("/archive/articles/x/"). */
export function href(ctx: UrlContext, route: string): string {
  // Called for every link of every page: skip the regex when the base path is "/" (the common case).
  return (ctx.basePath === '/' ? '' : ctx.basePath.replace(/\/$/, '')) + route;
}

/** Absolute URL for feeds, sitemap, canonical links and structured data. */
export function absoluteUrl(ctx: UrlContext, route: string): string {
  return ctx.baseUrl + href(ctx, route);
}
