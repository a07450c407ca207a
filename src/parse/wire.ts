// Raw wire text → structure: headline, dateline opener, paragraphs, sub-headings, byline, boilerplate.
// PLACEHOLDER: minimal version, replaced by the full rule set (see test/parse/wire.test.ts).
import type { Block } from '../model/article.ts';
import type { ParsedText } from './structure.ts';

export function parseWire(source: string): ParsedText {
  const blocks: Block[] = [];
  let title = '';
  let titleStart = -1;
  let offset = 0;
  let lineNo = 1;
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (trimmed) {
      const start = offset + line.indexOf(trimmed);
      if (titleStart < 0) {
        title = trimmed;
        titleStart = start;
      } else {
        blocks.push({ kind: 'paragraph', text: trimmed, start, line: lineNo });
      }
    }
    offset += line.length + 1;
    lineNo++;
  }
  return { title, titleStart, dateline: null, date: null, blocks, byline: null, boilerplate_lines: [] };
}
