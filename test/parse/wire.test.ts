import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedText } from '../../src/parse/structure.ts';
import { parseWire } from '../../src/parse/wire.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name, 'article.txt'), 'utf8');
const FIXTURE_NAMES = ['parse-seed', 'parse-agency-page', 'parse-credit-header', 'parse-comments', 'parse-wire-copy'];

function expectOffsets(src: string, p: ParsedText): void {
  for (const b of p.blocks) {
    expect(src.slice(b.start, b.start + b.text.length)).toBe(b.text);
    expect(b.text).toBe(b.text.trim());
    expect(b.text.length).toBeGreaterThan(0);
    expect(src.split('\n').slice(0, b.line - 1).join('\n').length + (b.line > 1 ? 1 : 0)).toBeLessThanOrEqual(b.start);
  }
  if (p.title) expect(src.slice(p.titleStart, p.titleStart + p.title.length)).toBe(p.title);
}

describe('parseWire on the seed article', () => {
  const src = fixture('parse-seed');
  const gold = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'parse-seed', 'gold.json'), 'utf8'));
  const p = parseWire(src);
  it('matches the gold title, dateline, byline, sub-heading and boilerplate', () => {
    expect(p.title).toBe(gold.title);
    expect(p.dateline).toEqual({ raw: gold.dateline.raw, place: gold.dateline.place, agency: gold.dateline.agency });
    expect(p.date).toBe(gold.date);
    expect(p.byline).toBe(gold.byline);
    expect(p.blocks.filter((b) => b.kind === 'subheading').map((b) => b.text)).toEqual(gold.subheadings);
    expect(p.boilerplate_lines).toEqual(gold.boilerplate_lines);
  });
  it('every gold quote lies inside one block', () => {
    for (const q of gold.quotes) expect(p.blocks.some((b) => q.start >= b.start && q.end <= b.start + b.text.length)).toBe(true);
  });
});

describe('parseWire rules', () => {
  it('agency page: sub-heading between paragraphs, slash byline, Check Also teaser', () => {
    const p = parseWire(fixture('parse-agency-page'));
    expect(p.dateline).toEqual({ raw: 'Aleppo, SANA –', place: 'Aleppo', agency: 'SANA' });
    expect(p.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'subheading', 'paragraph', 'paragraph']);
    expect(p.blocks[0]!.text.startsWith('The Minister')).toBe(true);
    expect(p.byline).toBe('Lina Khoury/ Omar');
    expect(p.boilerplate_lines).toEqual(['Check Also', 'Rain expected over the coast tomorrow', 'Damascus, SANA- Light rain is expected over the coastal region as a cold front …']);
  });
  it('breadcrumbs and a credit line above the story: skipped, agency and date taken from the credit line', () => {
    const p = parseWire(fixture('parse-credit-header'));
    expect(p.title).toBe('Harbour city opens new container terminal');
    expect(p.dateline).toEqual({ raw: 'SHANGHAI -', place: 'SHANGHAI', agency: 'Xinhua' });
    expect(p.date).toBe('2014-05-06');
    expect(p.boilerplate_lines).toEqual(['Home / World / Asia', 'Xinhua | Updated: 2014-05-06 09:30', 'Most Viewed in 24 Hours', 'Markets rise after trade data']);
    expect(p.blocks).toHaveLength(2);
  });
  it('captions, source line, comment form and related headlines are boilerplate', () => {
    const p = parseWire(fixture('parse-comments'));
    expect(p.dateline).toEqual({ raw: '( Mosul –', place: 'Mosul', agency: null });
    expect(p.byline).toBeNull();
    expect(p.boilerplate_lines).toEqual([
      'Representational file photo.',
      'Source: local council statement',
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
      'Farmers count losses after the storm',
      'New clinic opens in the old town',
    ]);
    expect(p.blocks.map((b) => b.text)).toEqual([
      'Heavy rain on Monday flooded the main road to the northern villages, local officials said.',
      '“Crews are working to reopen the road by tomorrow,” a council member said.',
    ]);
  });
  it('hard-wrapped wire copy: dateline on its own line, indented paragraphs', () => {
    const p = parseWire(fixture('parse-wire-copy'));
    expect(p.title).toBe('GRAIN TRADERS EXPECT LOWER EXPORTS');
    expect(p.dateline).toEqual({ raw: 'ROTTERDAM, April 7 -', place: 'ROTTERDAM', agency: null });
    expect(p.blocks).toHaveLength(3);
    expect(p.blocks[0]!.text.startsWith('Grain traders said')).toBe(true);
    expect(p.blocks[0]!.line).toBe(3);
  });
  it('a last sentence is not a byline; a closing name line is', () => {
    const story = 'Town hall reopens\n\nOslo, AFP – The town hall reopened on Monday.\n\n';
    expect(parseWire(story + 'The mayor thanked the workers.').byline).toBeNull();
    expect(parseWire(story + 'The mayor thanked the workers').byline).toBeNull();
    expect(parseWire(story + 'K. Berg/ Nils').byline).toBe('K. Berg/ Nils');
  });
  it('a short paragraph with a period stays a paragraph; a heading-shaped line between paragraphs is a sub-heading', () => {
    const p = parseWire('Title here\n\nFirst paragraph of the story.\n\nIt rained.\n\nMayor: The roads will reopen soon\n\nLast paragraph of the story.');
    expect(p.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'subheading', 'paragraph']);
  });
  it('Markdown "##" headings become sub-headings without the marker', () => {
    const src = 'Title here\n\nFirst paragraph.\n\n## The second day\n\nMore text follows.';
    const h = parseWire(src).blocks[1]!;
    expect(h).toMatchObject({ kind: 'subheading', text: 'The second day' });
    expect(src.slice(h.start, h.start + h.text.length)).toBe('The second day');
  });
  it('share widgets inside the body are removed, the text around them kept', () => {
    const p = parseWire('Title here\n\nFirst paragraph.\n\nShare\n\nTweet\n\nSecond paragraph.');
    expect(p.blocks.map((b) => b.text)).toEqual(['First paragraph.', 'Second paragraph.']);
    expect(p.boilerplate_lines).toEqual(['Share', 'Tweet']);
  });
  it('an article without boilerplate keeps every body line and has no dateline', () => {
    const src = 'Bakery wins prize\n\nA family bakery won the national bread prize on Friday.\n\nThe owners said they would hire two more bakers.\n\nThe prize comes with a cash award.';
    const p = parseWire(src);
    expect(p.dateline).toBeNull();
    expect(p.boilerplate_lines).toEqual([]);
    expect(p.blocks).toHaveLength(3);
  });
  it('weekday-only text gives no date', () => {
    expect(parseWire('Title\n\nOSLO, March 3 - Talks resumed on Tuesday.').date).toBeNull();
  });
  it('a full date in the dateline is the date', () => {
    expect(parseWire('Title\n\nIsfahan, Jan 4, 2016, IRNA – The fair opened.').date).toBe('2016-01-04');
  });
});

describe('parseWire edge cases', () => {
  it('empty and whitespace-only input', () => {
    for (const src of ['', '   ', '\n\n\t\n']) {
      expect(parseWire(src)).toEqual({ title: '', titleStart: -1, dateline: null, date: null, blocks: [], byline: null, boilerplate_lines: [] });
    }
  });
  it('headline-only input', () => {
    const p = parseWire('\n  Storm closes schools  \n');
    expect(p).toMatchObject({ title: 'Storm closes schools', titleStart: 3, blocks: [], byline: null, dateline: null });
  });
  it('a story that starts with its dateline has no headline', () => {
    const p = parseWire('OSLO, March 3 - Talks resumed on Tuesday in the capital.\n\nBoth sides met for two hours.');
    expect(p.title).toBe('');
    expect(p.dateline?.place).toBe('OSLO');
  });
  it('block offsets match the source for mutated fixtures and arbitrary text', () => {
    const mutate = (src: string, seeds: number[]): string =>
      src.split('\n').map((l, i) => {
        const s = seeds[i % seeds.length]!;
        return s === 1 ? `  ${l}` : s === 2 ? `${l}  ` : s === 3 ? `${l}\n` : l;
      }).join('\n');
    fc.assert(fc.property(fc.constantFrom(...FIXTURE_NAMES), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 12 }), (name, seeds) => {
      const src = mutate(fixture(name), seeds);
      expectOffsets(src, parseWire(src));
    }), { numRuns: 150 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\n', ',', '-', '–', '(', ')', 'SANA', 'Oslo', '.', '/', '|', '2014-05-06', 'March 3') }), (src) => {
      expectOffsets(src, parseWire(src));
    }), { numRuns: 300 });
  });
  it('a 1 MB single paragraph parses in linear time', () => {
    const sentence = 'Oslo, (((( SANA ,,,, March -- the council  said that the new road / plan | would open soon, ';
    const para = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const t0 = performance.now();
    const p = parseWire(`Title\n\n${para}`);
    const t1 = performance.now();
    expect(p.blocks).toHaveLength(1);
    const half = parseWire(`Title\n\n${para.slice(0, para.length / 2)}`);
    const t2 = performance.now();
    expect(half.blocks).toHaveLength(1);
    expect(t1 - t0).toBeLessThan(2000);
    // Doubling the input must not more than roughly double the time (generous bound for a shared machine).
    expect(t1 - t0).toBeLessThan(Math.max(200, 6 * (t2 - t1)));
  });
});
