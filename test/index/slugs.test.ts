// Unique slugs in path order, and place/topic slugs that cannot be routed dropped with a warning instead of a crash.
import { describe, expect, it } from 'vitest';
import { assignUniqueSlugs, isRoutableSlug } from '../../src/index/slugs.ts';
import { makeArticle } from '../support/article.ts';

describe('assignUniqueSlugs', () => {
  it('keeps the first slug and numbers the later ones, warning on each renamed article', () => {
    const list = [makeArticle({ slug: 'water-prices', file: 'a.txt' }), makeArticle({ slug: 'water-prices', file: 'b.txt' }), makeArticle({ slug: 'water-prices', file: 'c.md' })];
    const warnings = assignUniqueSlugs(list);
    expect(list.map((a) => a.slug)).toEqual(['water-prices', 'water-prices-2', 'water-prices-3']);
    expect(warnings.map((w) => [w.file, w.code])).toEqual([['b.txt', 'duplicate-slug'], ['c.md', 'duplicate-slug']]);
  });

  it('does not hand out a numbered slug that another article already owns', () => {
    const list = [makeArticle({ slug: 'vote' }), makeArticle({ slug: 'vote-2' }), makeArticle({ slug: 'vote', file: 'late.txt' })];
    assignUniqueSlugs(list);
    expect(list.map((a) => a.slug)).toEqual(['vote', 'vote-2', 'vote-3']);
  });

  it('drops places and topics whose slug is empty or path-like, with a warning', () => {
    const a = makeArticle({
      slug: 'market', file: 'm.txt',
      places: [{ name: '★', slug: '', country: null }, { name: 'Hama', slug: 'hama', country: 'Syria' }],
      topics: [{ name: '../x', slug: '../x', kind: 'tag' }, { name: 'Trade', slug: 'trade', kind: 'tag' }],
    });
    const warnings = assignUniqueSlugs([a]);
    expect(a.places.map((p) => p.slug)).toEqual(['hama']);
    expect(a.topics.map((t) => t.slug)).toEqual(['trade']);
    expect(warnings.map((w) => w.code)).toEqual(['unroutable-name', 'unroutable-name']);
  });

  it('treats only plain folder names as routable', () => {
    expect(['a', 'hama', 'x-2'].every(isRoutableSlug)).toBe(true);
    expect(['', '.', '..', 'a/b', 'a\\b', 'a b', 'a%2f', 'a#b', 'a?b'].some(isRoutableSlug)).toBe(false);
  });
});
