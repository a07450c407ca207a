import { describe, expect, it } from 'vitest';
import { isSubheadingShape, markdownHeadingOffset } from '../../src/parse/subheading.ts';

describe('sub-headings', () => {
  it('a short line without final punctuation is heading-shaped', () => {
    expect(isSubheadingShape('Haddad: We will finish the second bridge next year')).toBe(true);
  });
  it('a short paragraph ending with a period is not', () => {
    expect(isSubheadingShape('The bridge is open.')).toBe(false);
    expect(isSubheadingShape('“It is a good day,” he said')).toBe(true);
    expect(isSubheadingShape('he said the bridge was open')).toBe(false);
  });
  it('a long line is not', () => {
    expect(isSubheadingShape('Word '.repeat(30).trim())).toBe(false);
  });
  it('Markdown heading markers', () => {
    expect(markdownHeadingOffset('## New bridges')).toBe(3);
    expect(markdownHeadingOffset('#hashtag')).toBe(-1);
  });
});
