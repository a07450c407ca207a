import { describe, expect, it } from 'vitest';
import { groupRuns, splitLines } from '../../src/parse/lines.ts';

const texts = (src: string) => groupRuns(splitLines(src).filter((l) => l.text)).map((g) => g.map((l) => l.text).join(' '));

describe('lines', () => {
  it('offsets point at the trimmed text', () => {
    const src = 'a\n  b c \n\nd';
    for (const l of splitLines(src)) expect(src.slice(l.textStart, l.textStart + l.text.length)).toBe(l.text);
  });
  it('wire copy: indented lines open paragraphs, flush lines continue them', () => {
    expect(texts('First line of the story\nends here.\n    Second paragraph\nis here.')).toEqual(['First line of the story ends here.', 'Second paragraph is here.']);
  });
  it('web text: finished lines stay separate, cut lines are joined', () => {
    expect(texts('Photo of the day.\nPhoto of the day.')).toEqual(['Photo of the day.', 'Photo of the day.']);
    expect(texts('The council approved the\nnew budget.')).toEqual(['The council approved the new budget.']);
  });
});
