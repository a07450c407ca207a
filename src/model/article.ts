// The Article record: the one typed shape every stage after parse reads and writes.
// Field names follow the gold JSON schema of the extraction dev set so records can be scored as-is.
import type { TopicCandidate } from '../extract/topics/types.ts';

/** Where a story was filed from, as printed in its opening words ("Moscow, SANA –"). */
export interface Dateline {
  /** The opener exactly as written, e.g. "Moscow, SANA –". */
  raw: string;
  /** The place as written ("MOSCOW" stays upper-case here; normalisation happens in places). */
  place: string | null;
  /** Normalised agency code (SANA, ST, Xinhua, IRNA …) or null. */
  agency: string | null;
}

export type SpeakerType = 'person' | 'organization' | 'unnamed';

export interface Speaker {
  /** Canonical name: the fullest form used in the article. */
  name: string;
  type: SpeakerType;
  roles: string[];
  /** Other non-pronoun forms used for this speaker in the article (surname, role descriptions). */
  aliases: string[];
}

export type QuoteKind = 'direct' | 'indirect' | 'headline';

export interface Quote {
  /** Canonical name of the speaker (matches a Speaker.name), or null when unattributed. */
  speaker: string | null;
  /** Exact source text: `source.slice(start, end) === text`. */
  text: string;
  kind: QuoteKind;
  /** The attribution cue ("said", "told reporters", "according to"). */
  cue: string | null;
  /** Character offsets into the article's source text (after BOM/line-ending normalisation). */
  start: number;
  end: number;
  /** ISO calendar date of the speech act when resolvable (e.g. "said Tuesday"), else absent. */
  date?: string | null;
}

export type TopicKind = 'tag' | 'country' | 'organization' | 'named';

export interface Topic {
  slug: string;
  name: string;
  kind: TopicKind;
}

export interface Place {
  /** Display name, normalised case ("Moscow"). */
  name: string;
  slug: string;
  /** Country name when resolved by the gazetteer. */
  country: string | null;
  /** ISO 3166-1 alpha-2 code when resolved. */
  country_code?: string | null;
}

export type DateSource = 'front-matter' | 'sidecar' | 'dataset' | 'filename' | 'text' | null;

/** Where a paragraph or heading sits in the source text, so later stages can map offsets. */
export interface Block {
  kind: 'paragraph' | 'subheading';
  text: string;
  /** Offset of `text` in the source. */
  start: number;
  /** 1-based line number in the source file. */
  line: number;
}

export interface Article {
  /** Path of the input relative to the input folder, with forward slashes. */
  file: string;
  /** Basename without extension; the stable identity of the input. */
  id: string;
  slug: string;
  title: string;
  dateline: Dateline | null;
  /** ISO date (YYYY-MM-DD) or full ISO timestamp with offset; null when unknown. */
  date: string | null;
  date_source: DateSource;
  /** A weekday named in the lead ("said Tuesday"), lower-case, or null. */
  weekday: string | null;
  byline: string | null;
  summary: string | null;
  subheadings: string[];
  paragraphs: string[];
  /** Body as Markdown (for .md inputs, the author's Markdown; for .txt, paragraphs joined). */
  body: string;
  boilerplate_lines: string[];
  topics: Topic[];
  places: Place[];
  speakers: Speaker[];
  /** People named but never credited with speech. */
  mentioned: string[];
  quotes: Quote[];
  /** The normalised source text that quote offsets point into. */
  source: string;
  /** Source blocks with offsets (paragraphs and sub-headings in order). */
  blocks: Block[];
  /** Original input format. */
  format: 'txt' | 'md' | 'dataset';
  /** Explicit tags from front matter / sidecar / dataset, before topic merging. */
  tags: string[];
  /** Internal: per-article topic evidence, turned into `topics` by the archive-wide taxonomy; not exported. */
  topic_candidates?: TopicCandidate[];
}
