import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../src/index/site.ts';
import { packIndex, unpackIndex, workerIndex } from '../../src/index/transfer.ts';
import type { Speaker } from '../../src/model/article.ts';
import { makeArticle } from '../support/article.ts';

const jane: Speaker = { name: 'Jane Example', type: 'person', roles: ['Minister'], aliases: ['Example'] };
const topic = { slug: 'syria', name: 'Syria', kind: 'country' as const };
const records = [
  makeArticle({ slug: 'first', date: '2024-03-02', speakers: [jane], topics: [topic], quotes: [{ speaker: 'Jane Example', text: 'we will talk', kind: 'direct', cue: 'said', start: 0, end: 9 }] }),
  makeArticle({ slug: 'second', date: '2024-03-01', speakers: [jane], topics: [topic] }),
];

describe('packIndex / unpackIndex', () => {
  const index = buildSiteIndex(records);
  const copy = unpackIndex(packIndex(index));

  it('gives back the same listings', () => {
    const { speakerSlugFor: _a, ...before } = index;
    const { speakerSlugFor: _b, ...after } = copy;
    expect(after).toEqual(before);
  });

  it('rebuilds speakerSlugFor from the copied table', () => {
    expect(copy.speakerSlugFor('first', 'Jane Example')).toBe('jane-example');
    expect(copy.speakerSlugFor('first', 'Nobody')).toBeNull();
  });

  it('keeps objects shared between listings shared (pages look entries up by identity)', () => {
    expect(copy.bySlug.get('first')).toBe(copy.articles[0]);
    expect(copy.speakerBySlug.get('jane-example')).toBe(copy.speakers[0]);
    expect(copy.articles[0]!.topics[0]).toBe(copy.articles[1]!.topics[0]);
  });

  it('gives each packing its own id, so a worker never keeps an index from an earlier build', () => {
    expect(packIndex(index).id).not.toBe(packIndex(index).id);
  });
});

describe('workerIndex', () => {
  it('drops only the speakers\' quotes, which workers never render', () => {
    const index = buildSiteIndex(records);
    const lean = workerIndex(index);
    expect(lean.speakerBySlug.get('jane-example')!.quotes).toEqual([]);
    expect(index.speakerBySlug.get('jane-example')!.quotes).toHaveLength(1);
    expect({ ...lean.speakers[0], quotes: undefined }).toEqual({ ...index.speakers[0], quotes: undefined });
    expect(lean.articles).toBe(index.articles);
  });
});
