// Per-article topic candidates: explicit tags, countries (names, demonyms, dateline), organisations, named things.
import { countryByCode, countryByName, findMentions, type LexiconTarget } from './lexicon.ts';
import { findNamedMentions, isTitleCased, type NamedMention } from './named.ts';
import { foldName, slugify } from './slug.ts';
import type { TopicCandidate } from './types.ts';
import type { KeywordTopic } from './user-taxonomy.ts';

export interface TopicInput {
  title: string;
  /** Body text (boilerplate removed). Paragraphs separated by blank lines; the first is the lead. */
  text: string;
  /** Explicit tags: front matter `tags`/`topics`, the dataset's topics field. */
  tags: string[];
  /** Country of the dateline place (name or ISO alpha-2), from resolvePlace. */
  datelineCountry: string | null;
  /** Sub-headings: section headlines count like the title (they may also appear in `text`). */
  headings?: string[];
  /** Speaker and mentioned-person names, so people never become named-thing topics. */
  people?: string[];
}

export interface DetectOptions {
  /** Keyword-defined topics from topics.yaml (`define`). */
  keywords?: readonly KeywordTopic[];
}

// Title mentions say what the story is about far more than body mentions.
const TITLE_WEIGHT = 3;
const LEAD_BONUS = 1;
const DATELINE_BONUS = 2;
const TAG_BONUS = 3;
// Without paragraph breaks (cleaned datasets), the first few sentences stand in for the lead.
const LEAD_FALLBACK_CHARS = 400;

function leadEnd(text: string): number {
  const start = text.length - text.trimStart().length;
  const m = /\n\s*\n/.exec(text.slice(start));
  return m ? start + m.index : Math.min(text.length, start + LEAD_FALLBACK_CHARS);
}

function blank(slug: string, name: string, kind: TopicCandidate['kind']): TopicCandidate {
  return {
    slug, name, kind, mentions: 0, titleMentions: 0, inLead: false,
    fromTag: false, fromDateline: false, fromKeyword: false, firstOffset: -1, forms: [], score: 0,
  };
}

/**
 * Some sources repeat a title-case headline at the top of the body; its capitals say nothing about names,
 * so it is blanked (same length, offsets kept) before named-thing detection.
 */
function maskRepeatedTitle(title: string, text: string): string {
  const t = title.trim();
  if (t.length < 12 || !isTitleCased(t) || !text.includes(t)) return text;
  return text.split(t).join(' '.repeat(t.length));
}

/** "Communiqué of Geneva" → "Geneva Communiqué", the form news usually prefers. */
function inverted(name: string): string | null {
  const m = /^(\S+(?: \S+)?) of (?:the )?(\S+(?: \S+)?)$/.exec(name);
  return m ? `${m[2]} ${m[1]}` : null;
}

function keywordRegex(keyword: string): RegExp {
  const esc = keyword.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'giu');
}

/** Candidate topics for one article, ranked best first (score, then first mention). */
export function detectTopicCandidates(input: TopicInput, options: DetectOptions = {}): TopicCandidate[] {
  const bySlug = new Map<string, TopicCandidate>();
  const get = (slug: string, name: string, kind: TopicCandidate['kind']): TopicCandidate => {
    let c = bySlug.get(slug);
    if (!c) bySlug.set(slug, (c = blank(slug, name, kind)));
    return c;
  };
  const addForm = (c: TopicCandidate, form: string) => {
    if (!c.forms.includes(form)) c.forms.push(form);
  };
  const lead = leadEnd(input.text);
  const noteBody = (c: TopicCandidate, start: number, form: string) => {
    c.mentions++;
    if (start < lead) c.inLead = true;
    if (c.firstOffset < 0 || start < c.firstOffset) c.firstOffset = start;
    addForm(c, form);
  };
  const fromTarget = (t: LexiconTarget) => get(t.slug, t.name, t.kind);

  const heads = [input.title, ...(input.headings ?? [])].filter((h) => h.trim());
  for (const m of heads.flatMap((h) => findMentions(h))) {
    if (!m.target) continue;
    const c = fromTarget(m.target);
    c.titleMentions++;
    addForm(c, m.form);
  }
  for (const m of findMentions(input.text)) if (m.target) noteBody(fromTarget(m.target), m.start, m.form);

  // Named things: group spellings by folded name; "X of Y" joins "Y X" when both occur.
  const titleNamed = heads.filter((h) => !isTitleCased(h)).flatMap((h) => findNamedMentions(h, input.people));
  const bodyNamed = findNamedMentions(maskRepeatedTitle(input.title, input.text), input.people);
  const seen = new Map<string, string>();
  for (const n of [...titleNamed, ...bodyNamed]) if (!seen.has(foldName(n.name))) seen.set(foldName(n.name), n.name);
  const canonical = (n: NamedMention): string => {
    const inv = inverted(n.name);
    const invSeen = inv ? seen.get(foldName(inv)) : undefined;
    return invSeen ?? seen.get(foldName(n.name)) ?? n.name;
  };
  for (const n of titleNamed) {
    const name = canonical(n);
    const c = get(slugify(name), name, 'named');
    c.titleMentions++;
    addForm(c, n.name);
  }
  for (const n of bodyNamed) {
    const name = canonical(n);
    noteBody(get(slugify(name), name, 'named'), n.start, n.name);
  }

  for (const tag of input.tags) {
    const t = tag.trim();
    if (!t) continue;
    const known = countryByName(t) ?? findMentions(t).find((m) => m.target && m.start === 0 && m.end === t.length)?.target;
    const c = known ? fromTarget(known) : get(slugify(t), t, 'tag');
    if (!c.slug) continue;
    c.fromTag = true;
    addForm(c, t);
  }

  if (input.datelineCountry) {
    const t = countryByName(input.datelineCountry) ?? countryByCode(input.datelineCountry);
    if (t) fromTarget(t).fromDateline = true;
  }

  for (const k of options.keywords ?? []) {
    let hits = 0;
    let first = -1;
    for (const kw of k.keywords) {
      if (!kw.trim()) continue;
      hits += [...input.title.matchAll(keywordRegex(kw))].length;
      for (const m of input.text.matchAll(keywordRegex(kw))) {
        hits++;
        if (first < 0 || m.index < first) first = m.index;
      }
    }
    if (hits === 0) continue;
    const c = get(slugify(k.name), k.name, 'tag');
    c.fromKeyword = true;
    c.mentions += hits;
    if (first >= 0 && (c.firstOffset < 0 || first < c.firstOffset)) c.firstOffset = first;
  }

  const out = [...bySlug.values()].filter((c) => c.slug);
  for (const c of out) {
    if (!c.forms.includes(c.name)) c.forms.unshift(c.name);
    c.score = c.mentions + TITLE_WEIGHT * c.titleMentions + (c.inLead ? LEAD_BONUS : 0) +
      (c.fromDateline ? DATELINE_BONUS : 0) + (c.fromTag ? TAG_BONUS : 0);
  }
  return out.sort(compareCandidates);
}

export function compareCandidates(a: TopicCandidate, b: TopicCandidate): number {
  const pos = (c: TopicCandidate) => (c.firstOffset < 0 ? Number.MAX_SAFE_INTEGER : c.firstOffset);
  return b.score - a.score || pos(a) - pos(b) || a.name.localeCompare(b.name);
}
