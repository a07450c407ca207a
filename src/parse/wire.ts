// Raw wire text → structure: composes the headline, furniture, paragraph, dateline, byline and sub-heading rules.
import type { Block } from '../model/article.ts';
import { creditAgency } from './agency.ts';
import { isCaptionLine, isHeaderFurniture, isShortLine, isTailMarker, isWidgetLine } from './boilerplate.ts';
import { isBylineShape, isHeaderByline } from './byline.ts';
import { matchDateline } from './dateline.ts';
import { findFullDate } from './dates.ts';
import { groupRuns, splitLines, type SourceLine } from './lines.ts';
import type { ParsedText } from './structure.ts';
import { isSubheadingShape, markdownHeadingOffset } from './subheading.ts';

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const ANY_LOWER = /\p{Ll}/u;

interface Draft {
  block: Block;
  /** The block is a single line with blank lines or furniture on both sides. */
  standalone: boolean;
  singleLine: boolean;
}

/** A first line that is already story text (a dateline opener, or a long finished sentence) is not a headline. */
export function looksLikeBodyStart(line: string): boolean {
  const m = matchDateline(line);
  // An all-capitals remainder is a headline with a dash in it ("MARKET SPOTLIGHT - BANKS RALLY").
  if (m && (ANY_LOWER.test(line.slice(m.end, m.end + 200)) || (m.end >= line.length && (m.agency !== null || /\d/.test(m.raw))))) return true;
  return line.length > 200 && /[.!?"”’]$/.test(line);
}

export function parseWire(source: string): ParsedText {
  const lines = splitLines(source);
  const nonBlank = lines.filter((l) => l.text !== '');
  const boilerplate: string[] = [];
  const seen = new Set<string>();
  const dropLine = (l: SourceLine): void => {
    if (!seen.has(l.text)) {
      seen.add(l.text);
      boilerplate.push(l.text);
    }
  };
  const headerLines: string[] = [];
  let credit: string | null = null;
  let headerByline: string | null = null;
  let title = '';
  let titleStart = -1;
  const furniture = (l: SourceLine): void => {
    dropLine(l);
    headerLines.push(l.text);
    credit = creditAgency(l.text) ?? credit;
  };

  // Headline: the first line that is not site furniture.
  let k = 0;
  for (; k < nonBlank.length; k++) {
    const l = nonBlank[k]!;
    if (isHeaderFurniture(l.text)) {
      furniture(l);
      continue;
    }
    if (!looksLikeBodyStart(l.text)) {
      title = l.text;
      titleStart = l.textStart;
      k++;
    }
    break;
  }

  // Between headline and story: credit lines, "By …" lines and photo captions.
  const afterTitle = k;
  for (; k < nonBlank.length; k++) {
    const l = nonBlank[k]!;
    const next = nonBlank[k + 1];
    if (isHeaderFurniture(l.text)) {
      furniture(l);
      continue;
    }
    if (headerByline === null && isHeaderByline(l.text)) {
      headerByline = l.text;
      continue;
    }
    const repeated = isShortLine(l.text) && ((next && next.text === l.text) || seen.has(l.text));
    const captionBeforeDateline = title !== '' && k === afterTitle && isShortLine(l.text) && next !== undefined
      && !matchDateline(l.text) && matchDateline(next.text) !== null;
    if (isCaptionLine(l.text) || repeated || captionBeforeDateline) {
      dropLine(l);
      continue;
    }
    break;
  }
  const bodyFrom = k < nonBlank.length ? nonBlank[k]!.index : lines.length;
  const skipped = new Set<number>();
  if (headerByline !== null) for (const l of nonBlank.slice(0, k)) if (l.text === headerByline) skipped.add(l.index);

  // Body lines, split into runs at blank lines and removed furniture; the first tail marker ends the story.
  const runs: SourceLine[][] = [];
  let run: SourceLine[] = [];
  let tail = false;
  const closeRun = (): void => {
    if (run.length) runs.push(run);
    run = [];
  };
  for (let i = bodyFrom; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text === '' || skipped.has(i)) {
      closeRun();
      continue;
    }
    if (tail || isTailMarker(l.text)) {
      tail = true;
      dropLine(l);
      closeRun();
      continue;
    }
    if (isWidgetLine(l.text) || isCaptionLine(l.text) || isHeaderFurniture(l.text)) {
      // Furniture below the story may carry a date, but an agency counts only in a credit line above it.
      dropLine(l);
      if (isHeaderFurniture(l.text)) headerLines.push(l.text);
      closeRun();
      continue;
    }
    run.push(l);
  }
  closeRun();

  const drafts: Draft[] = [];
  for (const r of runs) {
    const groups = groupRuns(r);
    for (const g of groups) {
      const first = g[0]!;
      const last = g[g.length - 1]!;
      const start = first.textStart;
      const end = last.textStart + last.text.length;
      drafts.push({
        block: { kind: 'paragraph', text: source.slice(start, end), start, line: first.index + 1 },
        standalone: groups.length === 1 && g.length === 1,
        singleLine: g.length === 1,
      });
    }
  }

  // Byline: a short credit line closing the story.
  let byline: string | null = null;
  const lastDraft = drafts[drafts.length - 1];
  if (drafts.length >= 2 && lastDraft && lastDraft.singleLine && isBylineShape(lastDraft.block.text)) {
    byline = lastDraft.block.text;
    drafts.pop();
  }
  byline ??= headerByline;

  // Sub-headings: Markdown "## " lines anywhere, and heading-shaped lines with story text on both sides.
  drafts.forEach((d, i) => {
    const off = d.singleLine ? markdownHeadingOffset(d.block.text) : -1;
    if (off >= 0) {
      d.block = { ...d.block, kind: 'subheading', text: d.block.text.slice(off).trim(), start: d.block.start + off };
    } else if (i > 0 && i < drafts.length - 1 && d.standalone && isSubheadingShape(d.block.text)) {
      d.block = { ...d.block, kind: 'subheading' };
    }
  });

  // Dateline: the opener of the first paragraph, cut out of it so the block starts at the story's first word.
  let dateline: ParsedText['dateline'] = null;
  let datelineDate: string | null = null;
  const firstDraft = drafts[0];
  if (firstDraft && firstDraft.block.kind === 'paragraph') {
    const m = matchDateline(firstDraft.block.text);
    if (m) {
      dateline = { raw: m.raw, place: m.place, agency: m.agency ?? credit };
      datelineDate = m.date;
      const b = firstDraft.block;
      const consumedLines = b.text.slice(0, m.end).split('\n').length - 1;
      firstDraft.block = { ...b, text: b.text.slice(m.end), start: b.start + m.end, line: b.line + consumedLines };
      if (firstDraft.block.text === '') drafts.shift();
    }
  }

  let date: string | null = null;
  for (const h of headerLines) {
    date = findFullDate(h);
    if (date) break;
  }
  date ??= datelineDate;

  return { title, titleStart, dateline, date, blocks: drafts.map((d) => d.block), byline, boilerplate_lines: boilerplate };
}
