// Archive-level topic taxonomy: merges per-article candidates, applies thresholds and topics.yaml, ranks and caps.
import type { Topic, TopicKind } from '../model/article.ts';
import { compareCandidates } from '../extract/topics/candidates.ts';
import { knownFormsOf } from '../extract/topics/lexicon.ts';
import { slugify } from '../extract/topics/slug.ts';
import type { TopicCandidate } from '../extract/topics/types.ts';
import type { UserTaxonomy } from '../extract/topics/user-taxonomy.ts';

export interface TaxonomyOptions {
  /** A named thing becomes a topic when it occurs in at least this many articles (or in a title, or prominently). */
  minArticles: number;
  /** At most this many topics per article, best first. */
  maxPerArticle: number;
  /**
   * Body mentions an automatic topic needs in one article when it is not in the title, the dateline or the
   * tags. One passing mention of a country is mostly noise (measured on Reuters-21578); two is not.
   */
  minMentions?: number;
}

export const DEFAULT_TAXONOMY_OPTIONS: Required<TaxonomyOptions> = { minArticles: 2, maxPerArticle: 8, minMentions: 2 };

export interface Taxonomy {
  /** Every topic used by at least one article, most articles first, then by name. */
  topics: Topic[];
  /** The ranked, deduplicated, capped topic list of one article ([] for unknown ids). */
  topicsFor(id: string): Topic[];
  /** Article ids carrying a topic, in input order. */
  articlesFor(slug: string): string[];
}

const KIND_RANK: Record<TopicKind, number> = { country: 0, organization: 1, named: 2, tag: 3 };

interface Group {
  slug: string;
  name: string;
  kind: TopicKind;
  userNamed: boolean;
}

/** Merge two candidates of one article that end up in the same topic. */
function combine(a: TopicCandidate, b: TopicCandidate): TopicCandidate {
  const first = [a.firstOffset, b.firstOffset].filter((x) => x >= 0);
  return {
    ...a,
    mentions: a.mentions + b.mentions,
    titleMentions: a.titleMentions + b.titleMentions,
    inLead: a.inLead || b.inLead,
    fromTag: a.fromTag || b.fromTag,
    fromDateline: a.fromDateline || b.fromDateline,
    fromKeyword: a.fromKeyword || b.fromKeyword,
    firstOffset: first.length ? Math.min(...first) : -1,
    forms: [...new Set([...a.forms, ...b.forms])],
    score: a.score + b.score,
  };
}

export function buildTaxonomy(
  perArticle: readonly { id: string; candidates: readonly TopicCandidate[] }[],
  options: TaxonomyOptions = DEFAULT_TAXONOMY_OPTIONS,
  userTaxonomy?: UserTaxonomy,
): Taxonomy {
  const minMentions = options.minMentions ?? DEFAULT_TAXONOMY_OPTIONS.minMentions;

  // Every name a topic goes by, so topics.yaml can refer to it by any of them.
  const names = new Map<string, { kind: TopicKind; nameCounts: Map<string, number> }>();
  const bySlugOfForm = new Map<string, Set<string>>();
  const indexForm = (form: string, slug: string) => {
    const k = slugify(form);
    if (!k) return;
    if (!bySlugOfForm.has(k)) bySlugOfForm.set(k, new Set());
    bySlugOfForm.get(k)!.add(slug);
  };
  for (const { candidates } of perArticle) {
    for (const c of candidates) {
      let info = names.get(c.slug);
      if (!info) {
        names.set(c.slug, (info = { kind: c.kind, nameCounts: new Map() }));
        indexForm(c.slug, c.slug);
        for (const f of knownFormsOf(c.slug)) indexForm(f, c.slug);
      }
      if (KIND_RANK[c.kind] < KIND_RANK[info.kind]) info.kind = c.kind;
      info.nameCounts.set(c.name, (info.nameCounts.get(c.name) ?? 0) + 1);
      for (const f of c.forms) indexForm(f, c.slug);
    }
  }
  const lookup = (key: string): string[] => [...(bySlugOfForm.get(slugify(key)) ?? [])];

  // topics.yaml: renames first, then merges (which may name a renamed topic by its new name).
  const userName = new Map<string, string>();
  for (const r of userTaxonomy?.rename ?? []) {
    for (const s of lookup(r.from)) {
      userName.set(s, r.to);
      indexForm(r.to, s);
    }
  }
  for (const m of userTaxonomy?.merge ?? []) {
    const members = [m.into, ...m.from].flatMap(lookup);
    for (const s of members) userName.set(s, m.into);
  }
  const hidden = new Set<string>();
  for (const h of userTaxonomy?.hide ?? []) {
    hidden.add(slugify(h));
    for (const s of lookup(h)) hidden.add(userName.has(s) ? slugify(userName.get(s)!) : s);
  }

  const groupOf = new Map<string, Group>();
  const groups = new Map<string, Group>();
  for (const [slug, info] of names) {
    const uname = userName.get(slug);
    const display = uname ?? [...info.nameCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    const gslug = uname ? slugify(uname) : slug;
    let g = groups.get(gslug);
    if (!g) groups.set(gslug, (g = { slug: gslug, name: display, kind: info.kind, userNamed: uname !== undefined }));
    if (KIND_RANK[info.kind] < KIND_RANK[g.kind]) g.kind = info.kind;
    groupOf.set(slug, g);
  }
  // A country or organisation keeps its gazetteer name unless the user renamed it.
  for (const [slug, g] of groupOf) {
    if (!g.userNamed && g.slug === slug && (g.kind === 'country' || g.kind === 'organization')) {
      const canonical = [...names.get(slug)!.nameCounts.keys()].find((n) => slugify(n) === slug);
      if (canonical) g.name = canonical;
    }
  }

  // Per article, one merged candidate per group.
  const merged: { id: string; cands: Map<string, TopicCandidate> }[] = perArticle.map(({ id, candidates }) => {
    const cands = new Map<string, TopicCandidate>();
    for (const c of candidates) {
      const g = groupOf.get(c.slug)!;
      const prev = cands.get(g.slug);
      cands.set(g.slug, prev ? combine(prev, c) : { ...c, slug: g.slug, name: g.name, kind: g.kind });
    }
    return { id, cands };
  });

  // Archive-wide: a named thing qualifies when it recurs, is in a title, or is prominent in one story.
  const articleCount = new Map<string, number>();
  const qualifies = new Set<string>();
  for (const { cands } of merged) {
    for (const c of cands.values()) {
      articleCount.set(c.slug, (articleCount.get(c.slug) ?? 0) + 1);
      if (c.titleMentions > 0 || c.fromTag || c.fromKeyword || (c.inLead && c.mentions >= minMentions)) qualifies.add(c.slug);
    }
  }
  for (const [slug, n] of articleCount) if (n >= options.minArticles) qualifies.add(slug);
  for (const g of groups.values()) if (g.userNamed) qualifies.add(g.slug);

  const keep = (c: TopicCandidate): boolean => {
    if (hidden.has(c.slug)) return false;
    if (c.fromTag || c.fromKeyword) return true;
    if (c.kind === 'named' || c.kind === 'tag') return qualifies.has(c.slug);
    return c.fromDateline || c.titleMentions > 0 || c.mentions >= minMentions;
  };

  const perId = new Map<string, Topic[]>();
  const members = new Map<string, string[]>();
  for (const { id, cands } of merged) {
    const ranked = [...cands.values()].filter(keep).sort(compareCandidates).slice(0, Math.max(0, options.maxPerArticle));
    const topics = ranked.map((c) => ({ slug: c.slug, name: c.name, kind: c.kind }));
    perId.set(id, topics);
    for (const t of topics) {
      if (!members.has(t.slug)) members.set(t.slug, []);
      members.get(t.slug)!.push(id);
    }
  }

  const topics = [...members.keys()]
    .map((slug) => groups.get(slug)!)
    .sort((a, b) => members.get(b.slug)!.length - members.get(a.slug)!.length || a.name.localeCompare(b.name))
    .map((g) => ({ slug: g.slug, name: g.name, kind: g.kind }));

  return {
    topics,
    topicsFor: (id) => perId.get(id) ?? [],
    articlesFor: (slug) => members.get(slug) ?? [],
  };
}
