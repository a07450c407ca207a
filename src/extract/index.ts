// Extract stage entry: who said what in one article (speakers, mentions, quotes with source offsets).
// PLACEHOLDER: returns nothing until the rule-based extractor lands (issue 3).
import type { Quote, Speaker } from '../model/article.ts';
import type { ParsedText } from '../parse/structure.ts';

export interface Extraction {
  speakers: Speaker[];
  mentioned: string[];
  quotes: Quote[];
}

/**
 * @param source the normalised source text; every quote's start/end index into it.
 * @param parsed the structure parse found (title, blocks with offsets, byline to ignore).
 */
export function extractQuotes(source: string, parsed: ParsedText): Extraction {
  void source;
  void parsed;
  return { speakers: [], mentioned: [], quotes: [] };
}
