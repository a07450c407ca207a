// Search shards: how many for an archive, which pages go where, and what the search page is told to merge.
import { describe, expect, it } from 'vitest';
import { assignShards, compareFiles, MAX_SHARDS, shardCount, shardDir, shardList, sortFiles } from '../../src/search/shards.ts';

const pages = (n: number): string[] => Array.from({ length: n }, (_, i) => `articles/story-${i}/index.html`).sort(compareFiles);

describe('shardCount', () => {
  it('is one up to a shard of pages, then doubles as the archive does, up to the cap', () => {
    expect([0, 1, 2000].map((n) => shardCount(n))).toEqual([1, 1, 1]);
    expect([2001, 4000, 4001, 8000, 8001].map((n) => shardCount(n))).toEqual([2, 2, 4, 4, 8]);
    expect(shardCount(10_000)).toBe(8);
    expect(shardCount(1_000_000)).toBe(MAX_SHARDS);
    expect(shardCount(8, 2)).toBe(4);
    expect(shardCount(8, 4)).toBe(2);
  });
});

describe('assignShards', () => {
  it('puts every page in exactly one shard, spread roughly evenly', () => {
    const files = pages(10_000);
    const groups = assignShards(files, 8);
    expect(groups).toHaveLength(8);
    expect(groups.flat().sort(compareFiles)).toEqual(files);
    for (const g of groups) expect(g.length).toBeGreaterThan(1000);
    for (const g of groups) expect(g.length).toBeLessThan(1500);
  });

  it('keeps a page in its shard when other pages come and go', () => {
    const before = assignShards(pages(3000), 4);
    const after = assignShards(pages(3000).filter((f) => f !== 'articles/story-7/index.html').concat('articles/new/index.html').sort(compareFiles), 4);
    const shardOf = (groups: string[][], f: string): number => groups.findIndex((g) => g.includes(f));
    const moved = pages(3000).filter((f) => f !== 'articles/story-7/index.html' && shardOf(before, f) !== shardOf(after, f));
    expect(moved).toEqual([]);
  });

  it('gives shard 0 (where the search page scripts are) a page whenever there is one', () => {
    // With 1 page and 8 shards, the page hashes to shard 0 one time in 8: most of these would leave it empty.
    for (let i = 0; i < 40; i++) {
      const groups = assignShards([`articles/only-${i}/index.html`], 8);
      expect(groups[0]).toEqual([`articles/only-${i}/index.html`]);
    }
    expect(assignShards([], 4)).toEqual([[], [], [], []]);
  });

  it('lists for the search page the other shards that hold pages, and puts them under the primary bundle', () => {
    expect(shardList([['a'], [], ['b'], ['c']])).toEqual({ bundles: ['shards/2/', 'shards/3/'] });
    expect(shardList([['a']])).toEqual({ bundles: [] });
    expect(shardDir(0)).toBe('pagefind');
    expect(shardDir(3)).toBe('pagefind/shards/3');
  });
});

describe('compareFiles and sortFiles', () => {
  it('order by path segment, as a sorted walk of the folders does', () => {
    const files = ['articles/a-b/index.html', 'articles/a/index.html', 'articles/a/b/index.html', 'articles/a.b/index.html', 'articles/A/index.html'];
    const walked = ['articles/A/index.html', 'articles/a/b/index.html', 'articles/a/index.html', 'articles/a-b/index.html', 'articles/a.b/index.html'];
    const bySegment = (x: string, y: string): number => {
      const [p, q] = [x.split('/'), y.split('/')];
      for (let i = 0; i < Math.min(p.length, q.length); i++) if (p[i] !== q[i]) return p[i]! < q[i]! ? -1 : 1;
      return p.length - q.length;
    };
    expect([...files].sort(bySegment)).toEqual(walked);
    expect([...files].sort(compareFiles)).toEqual(walked);
    expect(sortFiles(files)).toEqual(walked);
    const many = pages(2000).concat(pages(50).map((f) => f.replace('story-', 'story/')));
    expect(sortFiles(many)).toEqual([...many].sort(bySegment));
  });
});
