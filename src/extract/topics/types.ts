// Types shared by topic detection (per article) and taxonomy building (per archive).
import type { TopicKind } from '../../model/article.ts';

/** One possible topic of one article, with the evidence used to rank and threshold it. */
export interface TopicCandidate {
  /** Stable key: the slug of the canonical name. */
  slug: string;
  /** Canonical display name ("Saudi Arabia", "Islamic State", "Geneva Communiqué"). */
  name: string;
  kind: TopicKind;
  /** Mentions in the body text. */
  mentions: number;
  /** Mentions in the title (and sub-headings when the caller passes them). */
  titleMentions: number;
  /** True when a mention falls in the lead (first paragraph). */
  inLead: boolean;
  /** Explicit tag from front matter / dataset. */
  fromTag: boolean;
  /** Country of the dateline place. */
  fromDateline: boolean;
  /** Matched a keyword of a user-defined topic (topics.yaml `define`). */
  fromKeyword: boolean;
  /** Offset of the first body mention (-1 when only in title/tags), for stable ranking. */
  firstOffset: number;
  /** Surface forms seen in this article, so topics.yaml can refer to a topic by any of them. */
  forms: string[];
  /** Ranking score: title mentions and frequency first. */
  score: number;
}
