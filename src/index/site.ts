// Index stage: one pass over all records builds every listing pages need (by speaker, topic, place, date), sorted.
import type { Article, Place, QuoteKind, SpeakerType, Topic } from '../model/article.ts';
import { compareCodePoints } from '../load/walk.ts';
import { quoteAnchor, slugify } from '../routes/permalinks.ts';

/** What listing pages need of an article; never the body. */
export interface ArticleEntry {
  slug: string;
  title: string;
  date: string | null;
  place: Place | null;
  lead: string;
  byline: string | null;
  topics: Topic[];
  speakers: { slug: string; name: string }[];
  quoteCount: number;
}

export interface QuoteRef {
  articleSlug: string;
  articleTitle: string;
  anchor: string;
  text: string;
  kind: QuoteKind;
  date: string | null;
  speakerSlug: string;
  speakerName: string;
}

export interface RoleSeen {
  role: string;
  first: string | null;
  last: string | null;
}

export interface SpeakerEntry {
  slug: string;
  name: string;
  type: SpeakerType;
  roles: RoleSeen[];
  aliases: string[];
  /** Body quotes, newest first. */
  quotes: QuoteRef[];
  articles: string[];
  topics: { slug: string; name: string; count: number }[];
  coSpeakers: { slug: string; name: string; count: number }[];
}

export interface TopicEntry {
  slug: string;
  name: string;
  kind: Topic['kind'];
  articles: string[];
  speakers: { slug: string; name: string; count: number }[];
}

export interface PlaceEntry {
  slug: string;
  name: string;
  country: string | null;
  articles: string[];
}

export interface MonthEntry {
  year: string;
  month: string;
  articles: string[];
}

export interface SiteIndex {
  /** Dated articles newest first, then undated ones by title. */
  articles: ArticleEntry[];
  bySlug: Map<string, ArticleEntry>;
  speakers: SpeakerEntry[];
  speakerBySlug: Map<string, SpeakerEntry>;
  /** For an article slug and a speaker name in its record, the archive-wide speaker slug. */
  speakerSlugFor: (articleSlug: string, name: string) => string | null;
  /** The table speakerSlugFor reads: article slug → speaker name → speaker slug (plain data, so the index can be copied). */
  speakerSlugs: Map<string, Map<string, string>>;
  topics: TopicEntry[];
  topicBySlug: Map<string, TopicEntry>;
  places: PlaceEntry[];
  months: MonthEntry[];
  undated: string[];
}

/** A speaker's quotes: as compareArticles by the quote's date and article, then in article order (no allocation: 150k quotes at 10k articles). */
function compareQuotes(x: QuoteRef, y: QuoteRef): number {
  const a = x.date;
  const b = y.date;
  if (a && b && a !== b) return a < b ? 1 : -1;
  if (a && !b) return -1;
  if (!a && b) return 1;
  return compareCodePoints(x.articleSlug, y.articleSlug) || anchorNumber(x.anchor) - anchorNumber(y.anchor);
}

/** The number in a quote anchor ("q12" → 12). */
function anchorNumber(anchor: string): number {
  let n = 0;
  for (let i = 1; i < anchor.length; i++) n = n * 10 + anchor.charCodeAt(i) - 48;
  return n;
}

/** Related-article ranking reads each shared speaker's and topic's first this-many articles (the newest). */
export const RELATED_POOL = 200;

/** Newest first; undated last; ties broken by slug so the order never depends on input order. */
export function compareArticles(a: { date: string | null; slug: string }, b: { date: string | null; slug: string }): number {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.date && !b.date) return -1;
  if (!a.date && b.date) return 1;
  return compareCodePoints(a.slug, b.slug);
}

export function leadOf(article: Pick<Article, 'summary' | 'paragraphs'>, max = 280): string {
  const text = article.summary ?? article.paragraphs[0] ?? '';
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))} …`;
}

export interface IdentityResolver {
  /** Archive-wide identity for a speaker name used in one article. */
  resolve(articleId: string, name: string): { slug: string; name: string } | null;
}

/** Default identity: one speaker page per canonical name (the identity module refines this). */
export const nameIdentity: IdentityResolver = {
  resolve: (_articleId, name) => ({ slug: slugify(name, 'speaker'), name }),
};

/**
 * `records` is read once, in order, so a large build can stream them in rather than hold them all; `keepQuote` may
 * swap each speaker quote for a lighter one as it is indexed (a large build parks the texts in a file).
 */
export function buildSiteIndex(records: Iterable<Article>, identity: IdentityResolver = nameIdentity, keepQuote: (q: QuoteRef) => QuoteRef = (q) => q): SiteIndex {
  const articles: ArticleEntry[] = [];
  const speakerMap = new Map<string, SpeakerEntry & { topicCounts: Map<string, { name: string; count: number }>; coCounts: Map<string, { name: string; count: number }> }>();
  const topicMap = new Map<string, TopicEntry & { speakerCounts: Map<string, { name: string; count: number }> }>();
  const placeMap = new Map<string, PlaceEntry>();
  const monthMap = new Map<string, MonthEntry>();
  const undated: string[] = [];
  const slugNames = new Map<string, Map<string, string>>();
  // One object per distinct speaker identity and topic, shared by every article that has it: at 100k articles the
  // per-article copies were a few hundred thousand small objects.
  const shared = new Map<string, { slug: string; name: string }>();
  const sharedTopics = new Map<string, Topic>();
  const intern = <T extends { slug: string; name: string }>(pool: Map<string, T>, x: T, kind = ''): T => {
    const key = `${x.slug}\0${x.name}\0${kind}`;
    const have = pool.get(key);
    if (have) return have;
    pool.set(key, x);
    return x;
  };

  for (const a of records) {
    const place = a.places[0] ?? null;
    const names = new Map<string, { slug: string; name: string }>();
    for (const sp of a.speakers) {
      const id = identity.resolve(a.id, sp.name);
      if (id) names.set(sp.name, intern(shared, id));
    }
    const topics = a.topics.map((t) => intern(sharedTopics, t, t.kind));
    slugNames.set(a.slug, new Map([...names].map(([n, id]) => [n, id.slug])));
    const speakersHere = [...new Map([...names.values()].map((s) => [s.slug, s])).values()];
    articles.push({
      slug: a.slug, title: a.title, date: a.date, place, lead: leadOf(a), byline: a.byline, topics,
      speakers: speakersHere, quoteCount: a.quotes.filter((q) => q.kind !== 'headline').length,
    });

    for (const sp of a.speakers) {
      const id = names.get(sp.name);
      if (!id) continue;
      let entry = speakerMap.get(id.slug);
      if (!entry) {
        entry = { slug: id.slug, name: id.name, type: sp.type, roles: [], aliases: [], quotes: [], articles: [], topics: [], coSpeakers: [], topicCounts: new Map(), coCounts: new Map() };
        speakerMap.set(id.slug, entry);
      }
      // An article's speakers are indexed together, so a repeat can only be the last slug (includes() was quadratic).
      if (entry.articles[entry.articles.length - 1] !== a.slug) entry.articles.push(a.slug);
      for (const role of sp.roles) {
        const seen = entry.roles.find((r) => r.role === role);
        if (!seen) entry.roles.push({ role, first: a.date, last: a.date });
        else if (a.date) {
          if (!seen.first || a.date < seen.first) seen.first = a.date;
          if (!seen.last || a.date > seen.last) seen.last = a.date;
        }
      }
      for (const alias of [sp.name, ...sp.aliases]) if (alias !== entry.name && !entry.aliases.includes(alias)) entry.aliases.push(alias);
      for (const t of a.topics) bump(entry.topicCounts, t.slug, t.name);
      for (const other of speakersHere) if (other.slug !== id.slug) bump(entry.coCounts, other.slug, other.name);
    }
    let qi = 0;
    // Quotes per speaker here, in order of their first quote: each topic's counts grow once per speaker, not per quote.
    const quoted = new Map<string, { name: string; count: number }>();
    for (const q of a.quotes) {
      if (q.kind === 'headline') continue;
      const anchor = quoteAnchor(qi++);
      const id = q.speaker ? names.get(q.speaker) : undefined;
      if (!id) continue;
      const entry = speakerMap.get(id.slug)!;
      entry.quotes.push(keepQuote({ articleSlug: a.slug, articleTitle: a.title, anchor, text: q.text, kind: q.kind, date: q.date ?? a.date, speakerSlug: id.slug, speakerName: entry.name }));
      bump(quoted, id.slug, entry.name);
    }
    if (quoted.size) {
      for (const t of a.topics) {
        const topic = topicEntry(topicMap, t);
        for (const [slug, { name, count }] of quoted) bump(topic.speakerCounts, slug, name, count);
      }
    }
    for (const t of a.topics) topicEntry(topicMap, t).articles.push(a.slug);
    if (place) {
      let p = placeMap.get(place.slug);
      if (!p) placeMap.set(place.slug, (p = { slug: place.slug, name: place.name, country: place.country, articles: [] }));
      p.articles.push(a.slug);
    }
    if (a.date) {
      const [year, month] = a.date.slice(0, 7).split('-') as [string, string];
      const key = `${year}-${month}`;
      let m = monthMap.get(key);
      if (!m) monthMap.set(key, (m = { year, month, articles: [] }));
      m.articles.push(a.slug);
    } else {
      undated.push(a.slug);
    }
  }

  articles.sort(compareArticles);
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  const order = new Map(articles.map((a, i) => [a.slug, i]));
  const byOrder = (x: string, y: string): number => order.get(x)! - order.get(y)!;
  const byCount = (x: { count: number; name: string }, y: { count: number; name: string }): number => y.count - x.count || compareCodePoints(x.name, y.name);

  const speakers = [...speakerMap.values()].map(({ topicCounts, coCounts, ...s }) => {
    s.articles.sort(byOrder);
    s.quotes.sort(compareQuotes);
    s.aliases.sort(compareCodePoints);
    s.topics = [...topicCounts].map(([slug, v]) => ({ slug, ...v })).sort(byCount);
    s.coSpeakers = [...coCounts].map(([slug, v]) => ({ slug, ...v })).sort(byCount);
    return s;
  }).sort((x, y) => compareCodePoints(x.slug, y.slug));
  const topics = [...topicMap.values()].map(({ speakerCounts, ...t }) => {
    t.articles.sort(byOrder);
    t.speakers = [...speakerCounts].map(([slug, v]) => ({ slug, ...v })).sort(byCount);
    return t;
  }).sort((x, y) => compareCodePoints(x.slug, y.slug));
  const places = [...placeMap.values()].sort((x, y) => compareCodePoints(x.slug, y.slug));
  for (const p of places) p.articles.sort(byOrder);
  const months = [...monthMap.values()].sort((x, y) => compareCodePoints(`${y.year}-${y.month}`, `${x.year}-${x.month}`));
  for (const m of months) m.articles.sort(byOrder);
  undated.sort(byOrder);
  return {
    articles, bySlug, speakers, speakerBySlug: new Map(speakers.map((s) => [s.slug, s])),
    speakerSlugFor: slugLookup(slugNames), speakerSlugs: slugNames,
    topics, topicBySlug: new Map(topics.map((t) => [t.slug, t])), places, months, undated,
  };
}

/** speakerSlugFor over a slug table (also used when an index is rebuilt from a copy, see src/index/transfer.ts). */
export function slugLookup(table: Map<string, Map<string, string>>): SiteIndex['speakerSlugFor'] {
  return (articleSlug, name) => table.get(articleSlug)?.get(name) ?? null;
}

function bump(map: Map<string, { name: string; count: number }>, slug: string, name: string, by = 1): void {
  const v = map.get(slug);
  if (v) v.count += by;
  else map.set(slug, { name, count: by });
}

function topicEntry(map: Map<string, TopicEntry & { speakerCounts: Map<string, { name: string; count: number }> }>, t: Topic) {
  let e = map.get(t.slug);
  if (!e) map.set(t.slug, (e = { slug: t.slug, name: t.name, kind: t.kind, articles: [], speakers: [], speakerCounts: new Map() }));
  return e;
}
