// The Page type: a route, the template that renders it and the typed data it needs.
import type { Config } from '../config.ts';
import { absoluteUrl, href, routes } from '../routes/permalinks.ts';

export interface Page {
  route: string;
  template: string;
  title: string;
  /** Meta description. */
  description?: string;
  /** JSON-LD objects for the page head. */
  jsonLd?: object[];
  /** Alternate feed link for the page head. */
  feed?: string;
  data: object;
}

/** A RawFile whose content is one string (feeds, small JSON). */
export interface TextFile {
  route: string;
  content: string;
}

/** A non-HTML output (feed, sitemap, JSON) — already serialised. */
export interface RawFile {
  route: string;
  /** Text, or text in pieces for files too large to hold as one string (a big speaker's JSON). */
  content: string | Iterable<string>;
}

/**
 * A file made from index data, made only when asked: its route, what it is made from (which the build fingerprints,
 * see madeOrKept) and how to make it. Feeds and the index's JSON files.
 */
export interface MadeFrom<C extends RawFile['content'] = RawFile['content']> {
  route: string;
  from: unknown;
  make: () => C;
  /** Made from the speakers' quotes, which only the main thread's index holds (see workerIndex). */
  quotes?: true;
}

export interface SiteContext {
  title: string;
  description: string;
  language: string;
  timezone: string;
  baseUrl: string;
  basePath: string;
  pageSize: number;
  feedSize: number;
  href: (route: string) => string;
  abs: (route: string) => string;
  routes: typeof routes;
}

export function siteContext(config: Config): SiteContext {
  const ctx = { basePath: config.basePath, baseUrl: config.baseUrl };
  return {
    title: config.title, description: config.description, language: config.language, timezone: config.timezone,
    baseUrl: config.baseUrl, basePath: config.basePath, pageSize: config.pageSize, feedSize: config.feedSize,
    href: (route) => href(ctx, route), abs: (route) => absoluteUrl(ctx, route), routes,
  };
}

/** Splits a list into pages of `size` (at least one page, even when empty). */
export function paginate<T>(items: T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}
