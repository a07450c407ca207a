// Listing pages built from the index alone: home, speakers, topics, places, date archives, undated, search, 404.
import type { ArticleEntry, SiteIndex, SpeakerEntry } from '../index/site.ts';
import { compareCodePoints } from '../load/walk.ts';
import { formatMonth } from '../render/format.ts';
import { routes } from '../routes/permalinks.ts';
import { markSlice } from './fingerprint.ts';
import { paginate, type Page, type SiteContext } from './page.ts';

export function listPages(index: SiteIndex, site: SiteContext): Page[] {
  return [...eachListPage(index, site)];
}

/** The same pages one at a time, so a build renders and drops each instead of holding every page's data at once. */
export function* eachListPage(index: SiteIndex, site: SiteContext): Generator<Page> {
  const pick = (slugs: string[]): ArticleEntry[] => slugs.map((s) => index.bySlug.get(s)!);

  const homePages = paginate(index.articles, site.pageSize);
  for (const [i, items] of homePages.entries()) {
    yield {
      route: routes.home(i + 1), template: 'home', title: i === 0 ? site.title : `${site.title} — page ${i + 1}`,
      description: site.description, feed: routes.feedAtom(),
      data: { articles: items, pager: pager(i + 1, homePages.length, routes.home) },
    };
  }

  const byName = [...index.speakers].sort((a, b) => compareCodePoints(sortKey(a.name), sortKey(b.name)));
  const byQuotes = [...index.speakers].sort((a, b) => b.quotes.length - a.quotes.length || compareCodePoints(a.slug, b.slug));
  const letters = new Map<string, typeof byName>();
  for (const s of byName) {
    const letter = /^[a-z]/i.test(sortKey(s.name)) ? sortKey(s.name)[0]!.toUpperCase() : '#';
    const list = letters.get(letter);
    if (list) list.push(s);
    else letters.set(letter, [s]);
  }
  // Small archives list everyone A–Z on the index; large ones get one page per initial so no index page grows unbounded.
  const inline = index.speakers.length <= INLINE_SPEAKERS;
  const letterList = [...letters].map(([letter, speakers]) => ({ letter, key: letter === '#' ? 'other' : letter.toLowerCase(), count: speakers.length, speakers }));
  const nav = letterList.map(({ letter, key, count }) => ({ letter, key, count, href: inline ? `#letter-${key}` : site.href(routes.speakersLetter(key)) }));
  yield {
    route: routes.speakers(), template: 'speakers', title: 'Speakers', description: `${index.speakers.length} people and organisations quoted in the archive.`,
    data: { letters: inline ? letterList : [], nav, byQuotes: byQuotes.slice(0, TOP_SPEAKERS), total: index.speakers.length },
  };
  if (!inline) {
    for (const l of letterList) {
      yield {
        route: routes.speakersLetter(l.key), template: 'speakers-letter', title: `Speakers: ${l.letter}`,
        description: `${l.count} speakers whose names file under ${l.letter}.`, data: { letter: l, nav: nav.map((n) => ({ ...n, current: n.key === l.key })) },
      };
    }
  }
  for (const s of index.speakers) yield* speakerPages(s, site, pick);

  // The overview (timeline, who is quoted) is on a topic's first page only: repeated on every page of a big topic
  // it was most of each page's bytes.
  yield { route: routes.topics(), template: 'topics', title: 'Topics', data: { topics: [...index.topics].sort((a, b) => b.articles.length - a.articles.length || compareCodePoints(a.slug, b.slug)) } };
  for (const t of index.topics) {
    const chunks = paginate(t.articles, site.pageSize);
    // Once per topic, not per page: recounting every page made topic pages quadratic in the topic's size.
    const timeline = monthlyCounts(t.articles.map((s) => index.bySlug.get(s)!.date));
    for (const [i, slugs] of chunks.entries()) {
      yield {
        route: routes.topic(t.slug, i + 1), template: 'topic', title: i === 0 ? t.name : `${t.name} — page ${i + 1}`, feed: routes.topicFeed(t.slug),
        data: { topic: t, articles: pick(slugs), pager: pager(i + 1, chunks.length, (n) => routes.topic(t.slug, n)), timeline, speakerLimit: TOPIC_SPEAKERS_SHOWN },
      };
    }
  }

  yield { route: routes.places(), template: 'places', title: 'Places', data: { places: index.places } };
  for (const p of index.places) {
    yield* (paged(p.articles, site.pageSize, (n) => routes.place(p.slug, n), (slugs, pg) => ({
      template: 'place', title: pg.page === 1 ? p.name : `${p.name} — page ${pg.page}`, description: `Articles datelined ${p.name}.`,
      data: { place: p, articles: pick(slugs), pager: pg },
    })));
  }

  const years = calendar(index);
  yield { route: routes.archive(), template: 'archive', title: 'Archive', description: 'Articles by year and month.', data: { years, undatedCount: index.undated.length } };
  for (const y of years) {
    yield { route: routes.year(y.year), template: 'year', title: y.year, description: `${y.count} articles from ${y.year}.`, data: { year: y } };
  }
  for (const [i, m] of index.months.entries()) {
    const newer = index.months[i - 1];
    const older = index.months[i + 1];
    const label = formatMonth(`${m.year}-${m.month}`);
    const months = {
      newer: newer ? { route: routes.month(newer.year, newer.month), label: formatMonth(`${newer.year}-${newer.month}`) } : null,
      older: older ? { route: routes.month(older.year, older.month), label: formatMonth(`${older.year}-${older.month}`) } : null,
    };
    yield* (paged(m.articles, site.pageSize, (n) => routes.month(m.year, m.month, n), (slugs, pg) => ({
      template: 'month', title: pg.page === 1 ? label : `${label} — page ${pg.page}`, description: `Articles from ${label}.`,
      data: { month: m, label, articles: pick(slugs), pager: pg, ...months },
    })));
  }
  yield* (paged(index.undated, site.pageSize, routes.undated, (slugs, pg) => ({
    template: 'undated', title: pg.page === 1 ? 'Undated articles' : `Undated articles — page ${pg.page}`, description: 'Articles without a publication date.',
    data: { articles: pick(slugs), pager: pg, total: index.undated.length },
  })));
  yield { route: routes.search(), template: 'search', title: 'Search', data: {} };
  yield { route: routes.notFound(), template: '404', title: 'Page not found', data: {} };
}

export interface CalendarYear {
  year: string;
  count: number;
  /** Always twelve cells, January first; months without articles have count 0 and no page. */
  months: { month: string; count: number; hasPage: boolean }[];
}

/** Years newest first, each as a twelve-month grid, from the index's month list (no article scan). */
export function calendar(index: Pick<SiteIndex, 'months'>): CalendarYear[] {
  const byYear = new Map<string, Map<string, number>>();
  for (const m of index.months) {
    if (!byYear.has(m.year)) byYear.set(m.year, new Map());
    byYear.get(m.year)!.set(m.month, m.articles.length);
  }
  return [...byYear].sort((a, b) => compareCodePoints(b[0], a[0])).map(([year, counts]) => {
    const months = Array.from({ length: 12 }, (_, i) => {
      const month = String(i + 1).padStart(2, '0');
      const count = counts.get(month) ?? 0;
      return { month, count, hasPage: count > 0 };
    });
    return { year, count: months.reduce((n, m) => n + m.count, 0), months };
  });
}

/** A topic's overview names its most quoted voices; the speaker index has everyone. */
const TOPIC_SPEAKERS_SHOWN = 60;
/** The "by number of quotes" ranking shows the top of the list; the A–Z list above it has everyone. */
const TOP_SPEAKERS = 100;
/** Up to this many speakers the index lists all of them A–Z; above it, each initial gets its own page. */
export const INLINE_SPEAKERS = 300;

/**
 * A speaker's quotes, newest first, `pageSize` per page; the first page also carries the timeline, topics,
 * co-speakers and latest articles (capped: every article is one click away through its quotes).
 */
function speakerPages(s: SpeakerEntry, site: SiteContext, pick: (slugs: string[]) => ArticleEntry[]): Page[] {
  const chunks = paginate(s.quotes, site.pageSize);
  // Each page holds the speaker, all of their quotes included: its slice is fingerprinted as a place in that list.
  chunks.forEach((quotes, i) => markSlice(quotes, s.quotes, i * site.pageSize));
  const ld = { '@context': 'https://schema.org', '@type': s.type === 'person' ? 'Person' : 'Organization', name: s.name, url: site.abs(routes.speaker(s.slug)), ...(s.roles[0] ? { jobTitle: s.roles[0].role } : {}), ...(s.aliases.length ? { alternateName: s.aliases } : {}) };
  const timeline = monthlyCounts(s.quotes.map((q) => q.date));
  return chunks.map((quotes, i) => ({
    route: routes.speaker(s.slug, i + 1), template: 'speaker', title: i === 0 ? s.name : `${s.name} — page ${i + 1}`, feed: routes.speakerFeed(s.slug),
    description: `${s.quotes.length} ${s.quotes.length === 1 ? 'quote' : 'quotes'} by ${s.name}${s.roles[0] ? `, ${s.roles[0].role}` : ''}.`,
    ...(i === 0 ? { jsonLd: [ld] } : {}),
    data: {
      speaker: s, quotes, first: i === 0, timeline,
      articles: i === 0 ? pick(s.articles.slice(0, site.pageSize)) : [], moreArticles: Math.max(0, s.articles.length - site.pageSize),
      pager: pager(i + 1, chunks.length, (n) => routes.speaker(s.slug, n)),
    },
  }));
}

/** Surname-first key for A–Z ("Sergei Lavrov" → "lavrov sergei"). */
function sortKey(name: string): string {
  const parts = name.toLowerCase().split(/\s+/);
  return parts.length > 1 ? `${parts[parts.length - 1]} ${parts.slice(0, -1).join(' ')}` : parts[0] ?? '';
}

/** Pages of `size` slugs at `route(n)`, each made by `make` with its pager (at least one page, even when empty). */
function paged(slugs: string[], size: number, route: (n: number) => string, make: (slugs: string[], pg: Pager) => Omit<Page, 'route'>): Page[] {
  const chunks = paginate(slugs, size);
  return chunks.map((chunk, i) => ({ route: route(i + 1), ...make(chunk, pager(i + 1, chunks.length, route)) }));
}

export interface Pager {
  page: number;
  pages: number;
  prev: string | null;
  next: string | null;
}

function pager(page: number, pages: number, route: (n: number) => string): Pager {
  return { page, pages, prev: page > 1 ? route(page - 1) : null, next: page < pages ? route(page + 1) : null };
}

/** Quote or article counts per month ("2015-08" → n), oldest first, for the timeline SVG. */
export function monthlyCounts(dates: (string | null)[]): { month: string; count: number }[] {
  const counts = new Map<string, number>();
  // Lists come sorted by date, so a run of dates shares one month: it is counted on a running total and the map
  // touched once per run, not sliced and looked up per date (a speaker's timeline covers all of their quotes).
  let month: string | null = null;
  let run = 0;
  for (const d of dates) {
    if (!d) continue;
    // d.slice(0, 7) === month, without making the slice.
    if (month !== null && (month.length === 7 ? d.startsWith(month) : d === month)) {
      run++;
      continue;
    }
    if (month !== null) counts.set(month, (counts.get(month) ?? 0) + run);
    month = d.slice(0, 7);
    run = 1;
  }
  if (month !== null) counts.set(month, (counts.get(month) ?? 0) + run);
  return [...counts].sort((a, b) => compareCodePoints(a[0], b[0])).map(([m, count]) => ({ month: m, count }));
}
