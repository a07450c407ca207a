// Test helper: builds a ParsedText from a headline and paragraphs without the wire parser, then runs the extractor.
import type { Block } from '../../src/model/article.ts';
import type { ParsedText } from '../../src/parse/structure.ts';
import { extractQuotes, type Extraction } from '../../src/extract/index.ts';

export interface Run extends Extraction {
  source: string;
}

/** title + blank line + paragraphs separated by blank lines; `opts.subheadings` lists paragraphs that are sub-headings. */
export function run(title: string, paragraphs: string[], opts: { byline?: string; subheadings?: string[]; date?: string } = {}): Run {
  const lines = [title, '', ...paragraphs.flatMap((p) => [p, '']), ...(opts.byline ? [opts.byline] : [])];
  const source = lines.join('\n');
  const blocks: Block[] = [];
  let off = title.length + 2;
  let line = 3;
  for (const p of paragraphs) {
    blocks.push({ kind: opts.subheadings?.includes(p) ? 'subheading' : 'paragraph', text: p, start: off, line });
    off += p.length + 2;
    line += 2;
  }
  if (opts.byline) blocks.push({ kind: 'paragraph', text: opts.byline, start: off, line });
  const parsed: ParsedText = {
    title, titleStart: 0, dateline: null, date: opts.date ?? null, blocks, byline: opts.byline ?? null, boilerplate_lines: [],
  };
  return { source, ...extractQuotes(source, parsed, { strict: true }) };
}

export function body(r: Run) {
  return r.quotes.filter((q) => q.kind !== 'headline');
}
