// Per-article enrichment after extraction: publication date, dateline place, quote dates, topic candidates.
import type { Config } from '../config.ts';
import { choosePublicationDate, findWeekdayCue, resolveWeekday } from '../extract/dates/index.ts';
import { resolvePlace } from '../extract/places/index.ts';
import { detectTopicCandidates, type KeywordTopic } from '../extract/topics/index.ts';
import type { SourceFile } from '../load/source.ts';
import { loadOverrides } from '../load/overrides.ts';
import type { Article } from '../model/article.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ArticleMeta } from '../parse/meta.ts';
import type { ParsedText } from '../parse/structure.ts';

/**
 * Override files are optional here so tools and tests can enrich without a project around them. `topicKeywords`:
 * the topics file's keyword topics, read once for a build (see withTopicKeywords); otherwise the file is looked at
 * for each article.
 */
export type EnrichConfig = Pick<Config, 'timezone'> & Partial<Pick<Config, 'speakersFile' | 'topicsFile'>> & { topicKeywords?: KeywordTopic[] };

/** `config` with its topics file's keyword topics read now: a build enriches every article with what it read first. */
export function withTopicKeywords<C extends EnrichConfig>(config: C): C {
  return { ...config, topicKeywords: loadOverrides(config).topics.define };
}

export function enrichArticle(article: Article, parsed: ParsedText, meta: ArticleMeta, src: SourceFile, config: EnrichConfig): Diagnostic[] {
  const declared = meta.date;
  const chosen = choosePublicationDate({
    frontMatter: src.metaSource === 'front-matter' ? declared : undefined,
    sidecar: src.metaSource === 'sidecar' ? declared : undefined,
    dataset: src.metaSource === 'dataset' ? declared : undefined,
    fileName: src.file,
    text: parsed.date,
  }, config.timezone);
  article.date = chosen.date;
  article.date_source = chosen.date_source;
  const diagnostics = chosen.diagnostics.map((d) => ({ ...d, file: src.file, line: d.line ?? src.lineOffset + 1 }));

  const place = resolvePlace(article.dateline, article.paragraphs.slice(0, 3).join('\n'));
  article.places = place ? [place] : [];

  const lead = article.paragraphs[0] ?? '';
  article.weekday = findWeekdayCue(firstSentence(lead));
  if (article.date) {
    for (const q of article.quotes) {
      const day = findWeekdayCue(sentenceAround(article.source, q.start, q.end));
      const resolved = day ? resolveWeekday(day, article.date) : null;
      if (resolved) q.date = resolved;
    }
  }

  const people = [...article.speakers.filter((s) => s.type === 'person').flatMap((s) => [s.name, ...s.aliases]), ...article.mentioned];
  article.topic_candidates = detectTopicCandidates(
    { title: article.title, text: article.paragraphs.join('\n\n'), tags: article.tags, datelineCountry: place?.country_code ?? place?.country ?? null, headings: article.subheadings, people },
    { keywords: config.topicKeywords ?? loadOverrides(config).topics.define },
  );
  return diagnostics;
}

function firstSentence(text: string): string {
  const m = /[.!?](?:\s|$)/.exec(text);
  return m ? text.slice(0, m.index + 1) : text;
}

/** The sentence (within its paragraph) that holds a quote, with the attribution around it: where "said Tuesday" sits. */
function sentenceAround(source: string, start: number, end: number): string {
  const paraStart = source.lastIndexOf('\n', start) + 1;
  const nl = source.indexOf('\n', end);
  const paraEnd = nl < 0 ? source.length : nl;
  const before = source.slice(paraStart, start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('.” '), before.lastIndexOf('." '));
  const after = source.slice(end, paraEnd);
  const stop = /[.!?](?:["”’]?)(?:\s|$)/.exec(after);
  return source.slice(cut >= 0 ? paraStart + cut + 2 : paraStart, stop ? end + stop.index + 1 : paraEnd);
}
