// The shape parse produces from one input's text: structure only, no speakers or topics yet.
import type { Block, Dateline } from '../model/article.ts';

export interface ParsedText {
  /** Headline; '' when the input has none (the caller decides what to do). */
  title: string;
  /** Offset of the headline in the source text, -1 when absent. */
  titleStart: number;
  dateline: Dateline | null;
  /** Full ISO date printed in the page (e.g. "Tehran, Dec 31, 2015, IRNA", "Updated: 2013-03-19"), else null. */
  date: string | null;
  /** Body blocks in order: paragraphs (dateline opener removed from the first) and sub-headings. */
  blocks: Block[];
  byline: string | null;
  /** Whole lines removed from the body as site furniture (Check Also teaser, share widgets, breadcrumbs …). */
  boilerplate_lines: string[];
}
