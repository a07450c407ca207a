// Load → parse → extract for every input: the per-article half of the pipeline, shared by build and extract.
import type { Config } from '../config.ts';
import { extractQuotes } from '../extract/index.ts';
import { readInput } from '../load/read.ts';
import type { SourceFile } from '../load/source.ts';
import { walkInputs, type InputEntry } from '../load/walk.ts';
import type { Article } from '../model/article.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import { parseSource } from '../parse/index.ts';
import { enrichArticle, withTopicKeywords, type EnrichConfig } from './enrich.ts';
import type { ProgressFn } from '../progress.ts';
import type { InputReport } from './report.ts';

export interface ProcessedInputs {
  articles: Article[];
  entries: InputReport[];
}

/** Milliseconds spent per per-article stage in this thread since it started (the bench reports them). */
export const stageMs = { parse: 0, extract: 0, enrich: 0 };

/** Extraction must never take the build down: a crash becomes a warning and the article keeps its text. */
export function processSource(src: SourceFile, config: EnrichConfig): { article: Article; diagnostics: Diagnostic[] } {
  let t = performance.now();
  const lap = (stage: keyof typeof stageMs): void => {
    const now = performance.now();
    stageMs[stage] += now - t;
    t = now;
  };
  const { article, parsed, meta, diagnostics } = parseSource(src);
  lap('parse');
  try {
    // strict: a rule bug throws here, so it becomes a visible warning below rather than silently no quotes.
    const found = extractQuotes(article.source, parsed, { strict: true });
    article.speakers = found.speakers;
    article.mentioned = found.mentioned;
    article.quotes = found.quotes;
  } catch (err) {
    diagnostics.push({ severity: 'warning', code: 'extract-crash', file: src.file, line: 1, message: `quote extraction failed (${(err as Error).message}); built without quotes`, hint: 'please report this article to the news-archive maintainers' });
  }
  lap('extract');
  diagnostics.push(...enrichArticle(article, parsed, meta, src, config));
  lap('enrich');
  return { article, diagnostics };
}

export function processInputs(entries: InputEntry[], walkSkipped: { rel: string; reason: Diagnostic }[], config: EnrichConfig & Pick<Config, 'maxArticleBytes'>, onProgress?: ProgressFn): ProcessedInputs {
  const articles: Article[] = [];
  const reports: InputReport[] = walkSkipped.map((s) => ({ file: s.rel, outcome: 'skipped', reason: s.reason.message, diagnostics: [s.reason] }));
  let done = 0;
  const enrich = withTopicKeywords(config);
  onProgress?.('articles', 0, entries.length);
  for (const entry of entries) {
    if (done++) onProgress?.('articles', done - 1, entries.length);
    const loaded = readInput(entry, { maxBytes: config.maxArticleBytes });
    if (!loaded.ok) {
      reports.push({ file: entry.rel, outcome: 'skipped', reason: loaded.skipped.reason.message, diagnostics: [loaded.skipped.reason] });
      continue;
    }
    const { article, diagnostics } = processSource(loaded.source, enrich);
    articles.push(article);
    reports.push({ file: entry.rel, outcome: diagnostics.some((d) => d.severity === 'warning' || d.severity === 'error') ? 'built-with-warnings' : 'built', slug: article.slug, diagnostics });
  }
  if (entries.length) onProgress?.('articles', entries.length, entries.length);
  return { articles, entries: reports };
}

export function loadAndProcess(inputDir: string, config: EnrichConfig & Pick<Config, 'maxArticleBytes'>, onProgress?: ProgressFn): ProcessedInputs {
  const walked = walkInputs(inputDir);
  return processInputs(walked.entries, walked.skipped, config, onProgress);
}

export function outcomeOf(diagnostics: Diagnostic[]): 'built' | 'built-with-warnings' {
  return diagnostics.some((d) => d.severity === 'warning' || d.severity === 'error') ? 'built-with-warnings' : 'built';
}

/** leadOf reads at most this many characters of the first paragraph; the slim record keeps one more so "longer" stays true. */
const LEAD_CHARS = 281;

/**
 * What the index needs of a record: everything but the body text (source, blocks, body, later paragraphs) and quote
 * offsets, so 100k of them fit in memory and an edit that only moves text leaves the slim record unchanged.
 */
export function slimArticle(a: Article): Article {
  const first = a.paragraphs[0];
  return {
    ...a,
    paragraphs: first === undefined ? [] : [first.length > LEAD_CHARS ? first.slice(0, LEAD_CHARS) : first],
    subheadings: [], body: '', boilerplate_lines: [], source: '', blocks: [],
    quotes: a.quotes.map((q) => ({ ...q, start: 0, end: 0 })),
  };
}
