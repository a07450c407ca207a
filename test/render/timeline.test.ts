// Timeline SVG: every month of the span gets a slot, empty months draw no bar, labels are escaped.
import { describe, expect, it } from 'vitest';
import { fillMonths, timelineSvg } from '../../src/render/timeline.ts';

describe('timeline', () => {
  it('fills the months between the first and the last, across a year end', () => {
    expect(fillMonths([{ month: '2024-02', count: 1 }, { month: '2023-11', count: 3 }]).map((m) => `${m.month}:${m.count}`))
      .toEqual(['2023-11:3', '2023-12:0', '2024-01:0', '2024-02:1']);
  });

  it('draws one bar per month with quotes, the tallest for the busiest month, and years under Januaries', () => {
    const svg = timelineSvg([{ month: '2023-12', count: 4 }, { month: '2024-02', count: 2 }], 'Quotes');
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('height="60"><title>December 2023: 4</title>');
    expect(svg).toContain('height="30"><title>February 2024: 2</title>');
    expect(svg.match(/<text [^>]*>(\d{4})<\/text>/g)?.map((t) => t.replace(/<[^>]+>/g, ''))).toEqual(['2023', '2024']);
    expect(svg).toContain('<title id="timeline-title">Quotes per month, December 2023 to February 2024: 6 in all, at most 4 in a month</title>');
  });

  it('draws nothing when no quote is dated', () => {
    expect(timelineSvg([], 'Quotes')).toBe('');
  });

  it('escapes the label', () => {
    expect(timelineSvg([{ month: '2024-01', count: 1 }], 'Q & A <x>')).toContain('Q &amp; A &lt;x&gt; per month');
  });
});
