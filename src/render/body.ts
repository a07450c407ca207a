// Article body → safe HTML with every body quote wrapped in an anchored <q>/<span> linked to its speaker.
import type { Root as HastRoot } from 'hast';
import type { Root, RootContent, PhrasingContent, Text } from 'mdast';
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import remarkHtml from 'remark-html';
import remarkParse from 'remark-parse';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { unified } from 'unified';
import { plainMarkdownBlocks, type PlainBlock } from '../parse/plain-markdown.ts';
import type { Article, Quote } from '../model/article.ts';
import { escapeHtml } from './escape.ts';

export interface QuoteMark {
  quote: Quote;
  /** Anchor id, stable per article ("q3"). */
  id: string;
  /** Link to the speaker page, or null when the speaker has no page. */
  speakerHref: string | null;
}

/** Sanitizer schema: GitHub's defaults plus our quote marks (ids kept as-is: they are ours, not the author's). */
const schema: Schema = {
  ...defaultSchema,
  // Ids in Markdown output are ours (quote anchors); footnote ids are already prefixed by mdast-util-to-hast.
  clobber: ['name'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
  attributes: {
    ...defaultSchema.attributes,
    mark: ['id', ['className', 'quote', 'quote-direct', 'quote-indirect']],
    // One className rule per tag: the sanitizer reads only the first, so ours joins GitHub's footnote class.
    a: [...(defaultSchema.attributes?.a ?? []).filter((x) => !(Array.isArray(x) && x[0] === 'className')), ['className', 'data-footnote-backref', 'quote-speaker']],
    span: [...(defaultSchema.attributes?.span ?? []), ['className', 'visually-hidden'], 'ariaHidden'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};

export interface MarkdownBodyOptions {
  /** The page shows the headline in its own header: a leading level-1 heading with this text is not repeated. */
  title?: string;
  /** The page shows the dateline in its header: this opener ("Beirut, SANA –") is cut from the first paragraph. */
  datelineRaw?: string | null;
}

/** Markdown inputs: remark renders (sanitized, raw HTML dropped); quote spans become <mark> around the text nodes. */
export function renderMarkdownBody(source: string, marks: QuoteMark[], options: MarkdownBodyOptions = {}): string {
  const plain = plainMarkdownBlocks(source);
  return plain ? renderPlainMarkdown(plain, marks, options) : renderMarkdownBodyRemark(source, marks, options);
}

/** Any Markdown through remark; exported so the tests can hold the plain path to it. */
export function renderMarkdownBodyRemark(source: string, marks: QuoteMark[], options: MarkdownBodyOptions = {}): string {
  const processor = unified()
    .use(remarkParse)
    .use(() => (tree: Root) => {
      dropRepeatedHeader(tree, options);
      wrapQuotes(tree, marks);
    })
    .use(remarkHtml, { sanitize: schema });
  return String(processor.processSync(source));
}

/**
 * Markdown without syntax (see src/parse/plain-markdown.ts): the same HTML remark-html writes for it, byte for byte,
 * without building the trees; test/render/body.test.ts compares the two on generated documents.
 */
function renderPlainMarkdown(blocks: PlainBlock[], marks: QuoteMark[], options: MarkdownBodyOptions): string {
  let from = 0;
  const first = blocks[0];
  if (first?.kind === 'heading' && first.depth === 1 && options.title !== undefined && first.text === options.title.trim()) from = 1;
  const raw = options.datelineRaw?.trim();
  const lead = blocks.findIndex((b, i) => i >= from && b.kind === 'paragraph');
  let html = '';
  for (let i = from; i < blocks.length; i++) {
    let { text, start } = blocks[i]!;
    if (i === lead && raw && text.startsWith(raw)) {
      const cut = raw.length + (/^\s*/.exec(text.slice(raw.length))?.[0].length ?? 0);
      text = text.slice(cut);
      start += cut;
    }
    const tag = blocks[i]!.kind === 'heading' ? `h${blocks[i]!.depth}` : 'p';
    html += `<${tag}>${markPlain(text, start, marks)}</${tag}>\n`;
  }
  return html;
}

/** splitText's rule on one plain block: marks in quote order, overlaps skipped, the id on the piece holding the start. */
function markPlain(text: string, start: number, marks: QuoteMark[]): string {
  const end = start + text.length;
  let html = '';
  let pos = 0;
  for (const m of marks) {
    const s = Math.max(0, m.quote.start - start);
    const e = Math.min(text.length, m.quote.end - start);
    if (e <= s || s < pos) continue;
    html += hastText(text.slice(pos, s));
    const id = m.quote.start >= start ? ` id="${hastAttr(m.id)}"` : '';
    html += `<mark class="quote quote-${m.quote.kind}"${id}>${hastText(text.slice(s, e))}</mark>`;
    if (m.quote.end <= end && m.speakerHref) {
      const who = m.quote.speaker ?? '';
      html += `<a href="${speakerHrefAttr(m.speakerHref)}" title="${hastAttr(who)}" class="quote-speaker"><span class="visually-hidden">(quote by ${hastText(who)})</span><span aria-hidden="true">↗</span></a>`;
    }
    pos = e;
  }
  return html + hastText(text.slice(pos));
}

// hast-util-to-html's escapes, so both paths print the same bytes; most text has nothing to escape, and a check is
// cheaper than a replace that finds nothing (two includes() measured 2x faster than /[&<]/ on body text).
const hastText = (s: string): string => (s.includes('&') || s.includes('<') ? s.replace(HAST_TEXT_ALL, (c) => (c === '&' ? '&#x26;' : '&#x3C;')) : s);
const hastAttr = (s: string): string => (HAST_ATTR.test(s) ? s.replace(HAST_ATTR_ALL, (c) => (c === '&' ? '&#x26;' : c === '"' ? '&#x22;' : '&#x27;')) : s);
const HAST_TEXT_ALL = /[&<]/g;
const HAST_ATTR = /["&']/;
const HAST_ATTR_ALL = /["&']/g;

/**
 * A speaker link's href attribute: a few hundred speakers, linked from every quote of every article. Each href
 * arrives as a new string, which a map lookup has to flatten and hash: the last one is compared first, since an
 * article quotes the same speaker several times in a row.
 */
function speakerHrefAttr(href: string): string {
  if (href === lastHref.href) return lastHref.attr;
  let attr = speakerHrefs.get(href);
  if (attr === undefined) {
    if (speakerHrefs.size >= 10_000) speakerHrefs.clear();
    speakerHrefs.set(href, (attr = hastAttr(normalizeUri(href))));
  }
  lastHref.href = href;
  lastHref.attr = attr;
  return attr;
}
const speakerHrefs = new Map<string, string>();
const lastHref = { href: '', attr: '' };

function dropRepeatedHeader(tree: Root, options: MarkdownBodyOptions): void {
  const first = tree.children[0];
  if (first?.type === 'heading' && first.depth === 1 && options.title !== undefined && plainText(first) === options.title.trim()) tree.children.shift();
  const raw = options.datelineRaw?.trim();
  const para = tree.children.find((n) => n.type === 'paragraph');
  const lead = para?.type === 'paragraph' ? para.children[0] : undefined;
  if (!raw || lead?.type !== 'text' || !lead.value.startsWith(raw)) return;
  const cut = raw.length + (/^\s*/.exec(lead.value.slice(raw.length))?.[0].length ?? 0);
  lead.value = lead.value.slice(cut);
  // Keep offsets true to the source so quote marks can still be placed in the shortened node.
  if (lead.position?.start.offset !== undefined) lead.position.start.offset += cut;
}

function plainText(node: { type: string; value?: string; children?: unknown[] }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((c) => plainText(c as { type: string })).join('').trim();
}

/** Raw wire text: paragraphs and sub-headings from the parsed blocks, every character escaped. */
export function renderWireBody(article: Pick<Article, 'blocks'>, marks: QuoteMark[]): string {
  const out: string[] = [];
  for (const block of article.blocks) {
    const end = block.start + block.text.length;
    const inner = markRange(block.text, block.start, marks.filter((m) => m.quote.start < end && m.quote.end > block.start));
    out.push(block.kind === 'subheading' ? `<h2>${inner}</h2>` : `<p>${inner}</p>`);
  }
  return out.join('\n');
}

function markRange(text: string, offset: number, marks: QuoteMark[]): string {
  let html = '';
  let pos = 0;
  for (const m of [...marks].sort((a, b) => a.quote.start - b.quote.start)) {
    const s = Math.max(0, m.quote.start - offset);
    const e = Math.min(text.length, m.quote.end - offset);
    if (s < pos || e <= s) continue; // overlapping marks: the earlier one wins
    html += escapeHtml(text.slice(pos, s));
    // The id goes on the first piece only, so a quote spanning paragraphs keeps one anchor.
    const idAttr = m.quote.start - offset === s ? ` id="${m.id}"` : '';
    html += `<mark class="quote quote-${m.quote.kind}"${idAttr}>${escapeHtml(text.slice(s, e))}</mark>`;
    if (m.quote.end - offset <= text.length && m.speakerHref) html += speakerLink(m);
    pos = e;
  }
  return html + escapeHtml(text.slice(pos));
}

function speakerLink(m: QuoteMark): string {
  return `<a class="quote-speaker" href="${escapeHtml(m.speakerHref!)}" title="${escapeHtml(m.quote.speaker ?? '')}"><span class="visually-hidden">(quote by ${escapeHtml(m.quote.speaker ?? '')})</span><span aria-hidden="true">↗</span></a>`;
}

/** The same speaker link as an mdast node, so the sanitizer sees it like any other link. */
function speakerLinkNode(m: QuoteMark): PhrasingContent {
  const speaker = m.quote.speaker ?? '';
  return {
    type: 'link', url: m.speakerHref!, title: speaker,
    data: { hProperties: { className: ['quote-speaker'] } },
    children: [
      { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['visually-hidden'] } }, children: [{ type: 'text', value: `(quote by ${speaker})` }] },
      { type: 'emphasis', data: { hName: 'span', hProperties: { ariaHidden: 'true' } }, children: [{ type: 'text', value: '↗' }] },
    ],
  };
}

/** Splits text nodes at quote boundaries and wraps the inside in mark nodes (mdast offsets point into `source`). */
function wrapQuotes(tree: Root, marks: QuoteMark[]): void {
  if (!marks.length) return;
  const visit = (parent: { children: (RootContent | PhrasingContent)[] }): void => {
    const next: (RootContent | PhrasingContent)[] = [];
    for (const child of parent.children) {
      if (child.type === 'text' && child.position?.start.offset !== undefined) next.push(...splitText(child, marks));
      else {
        if ('children' in child && child.type !== 'link') visit(child as { children: (RootContent | PhrasingContent)[] });
        next.push(child);
      }
    }
    parent.children = next;
  };
  visit(tree as unknown as { children: RootContent[] });
}

function splitText(node: Text, marks: QuoteMark[]): PhrasingContent[] {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  // Only plain text nodes whose value equals their source slice can be split by offset (no escapes inside).
  if (end - start !== node.value.length) return [node];
  const pieces: PhrasingContent[] = [];
  let pos = 0;
  for (const m of marks) {
    const s = Math.max(0, m.quote.start - start);
    const e = Math.min(node.value.length, m.quote.end - start);
    if (e <= s || s < pos) continue;
    if (s > pos) pieces.push({ type: 'text', value: node.value.slice(pos, s) });
    pieces.push({
      type: 'emphasis', // rendered as <mark> through hName; emphasis is just a phrasing container here
      data: { hName: 'mark', hProperties: { className: ['quote', `quote-${m.quote.kind}`], ...(m.quote.start >= start ? { id: m.id } : {}) } },
      children: [{ type: 'text', value: node.value.slice(s, e) }],
    });
    if (m.quote.end <= end && m.speakerHref) pieces.push(speakerLinkNode(m));
    pos = e;
  }
  if (!pieces.length) return [node];
  if (pos < node.value.length) pieces.push({ type: 'text', value: node.value.slice(pos) });
  return pieces;
}

export type { HastRoot };
