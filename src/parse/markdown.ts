// Markdown body → structure: headline from the first level-1 heading, paragraphs and sub-headings with offsets.
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Block, Dateline } from '../model/article.ts';
import { matchDateline } from './dateline.ts';
import { plainMarkdownBlocks, type PlainBlock } from './plain-markdown.ts';
import type { ParsedText } from './structure.ts';

const parser = unified().use(remarkParse);

export function parseMarkdown(source: string): ParsedText {
  const blocks: Block[] = [];
  let title = '';
  let titleStart = -1;
  for (const node of plainMarkdownBlocks(source) ?? remarkBlocks(source)) {
    if (node.kind === 'heading' && node.depth === 1 && titleStart < 0 && blocks.length === 0) {
      title = node.text;
      titleStart = node.start;
    } else blocks.push({ kind: node.kind === 'heading' ? 'subheading' : 'paragraph', text: node.text, start: node.start, line: node.line });
  }
  // Wire copy pasted into Markdown keeps its opener ("GENEVA, SANA – …"): same rule as raw text, first paragraph only.
  let dateline: Dateline | null = null;
  let date: string | null = null;
  const first = blocks[0];
  if (first && first.kind === 'paragraph') {
    const m = matchDateline(first.text);
    if (m && m.end < first.text.length) {
      dateline = { raw: m.raw, place: m.place, agency: m.agency };
      date = m.date;
      blocks[0] = { ...first, text: first.text.slice(m.end), start: first.start + m.end };
    }
  }
  return { title, titleStart, dateline, date, blocks, byline: null, boilerplate_lines: [] };
}

/** Paragraphs (block quotes and lists read as paragraphs) and headings of any Markdown, through remark. */
export function remarkBlocks(source: string): PlainBlock[] {
  const tree = parser.parse(source) as Root;
  const out: PlainBlock[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading' && node.type !== 'paragraph' && node.type !== 'blockquote' && node.type !== 'list') continue;
    const span = innerSpan(node, source);
    if (!span) continue;
    const text = source.slice(span.start, span.end);
    if (!text.trim()) continue;
    out.push({ kind: node.type === 'heading' ? 'heading' : 'paragraph', depth: node.type === 'heading' ? node.depth : 0, text, start: span.start, line: span.line });
  }
  return out;
}

/** The source span of a block's content (a heading without its #'s), trimmed. */
function innerSpan(node: RootContent, source: string): { start: number; end: number; line: number } | null {
  const pos = node.position;
  if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return null;
  let start = pos.start.offset;
  let end = pos.end.offset;
  if (node.type === 'heading') {
    const kids = (node as Heading).children;
    const first = kids[0]?.position?.start.offset;
    const last = kids[kids.length - 1]?.position?.end.offset;
    if (first === undefined || last === undefined) return null;
    start = first;
    end = last;
  } else if (node.type === 'paragraph') {
    const kids = (node as Paragraph).children;
    start = kids[0]?.position?.start.offset ?? start;
  }
  while (start < end && /\s/.test(source[start]!)) start++;
  while (end > start && /\s/.test(source[end - 1]!)) end--;
  return { start, end, line: pos.start.line };
}
