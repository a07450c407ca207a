import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../src/index/site.ts';
import type { Speaker } from '../../src/model/article.ts';
import { makeArticle } from '../support/article.ts';

const jane: Speaker = { name: 'Jane Example', type: 'person', roles: ['Foreign Minister'], aliases: ['Example'] };
const omar: Speaker = { name: 'Omar Sample', type: 'person', roles: ['Envoy'], aliases: [] };
const topic = { slug: 'syria', name: 'Syria', kind: 'country' as const };

const records = [
  makeArticle({ slug: 'b-older', date: '2024-01-10', speakers: [jane], topics: [topic], quotes: [{ speaker: 'Jane Example', text: 'old words', kind: 'direct', cue: 'said', start: 0, end: 9 }] }),
  makeArticle({ slug: 'a-newer', date: '2024-02-01', speakers: [jane, omar], topics: [topic], places: [{ name: 'Moscow', slug: 'moscow', country: 'Russia' }],
    quotes: [
      { speaker: 'Jane Example', text: 'headline words', kind: 'headline', cue: null, start: 0, end: 5 },
      { speaker: 'Jane Example', text: 'new words', kind: 'indirect', cue: 'said', start: 0, end: 9 },
      { speaker: 'Omar Sample', text: 'his words', kind: 'direct', cue: 'added', start: 10, end: 19 },
    ] }),
  makeArticle({ slug: 'c-undated', date: null }),
];

describe('buildSiteIndex', () => {
  const index = buildSiteIndex(records);

  it('orders articles newest first with undated last', () => {
    expect(index.articles.map((a) => a.slug)).toEqual(['a-newer', 'b-older', 'c-undated']);
    expect(index.undated).toEqual(['c-undated']);
  });

  it('gathers each speaker\'s body quotes newest first, without headline quotes', () => {
    const s = index.speakerBySlug.get('jane-example')!;
    expect(s.quotes.map((q) => q.text)).toEqual(['new words', 'old words']);
    expect(s.quotes[0]!.anchor).toBe('q1');
    expect(s.articles).toEqual(['a-newer', 'b-older']);
  });

  it('records the date range each role was seen in', () => {
    expect(index.speakerBySlug.get('jane-example')!.roles).toEqual([{ role: 'Foreign Minister', first: '2024-01-10', last: '2024-02-01' }]);
  });

  it('counts co-speakers and topics per speaker', () => {
    const s = index.speakerBySlug.get('jane-example')!;
    expect(s.coSpeakers).toEqual([{ slug: 'omar-sample', name: 'Omar Sample', count: 1 }]);
    expect(s.topics).toEqual([{ slug: 'syria', name: 'Syria', count: 2 }]);
  });

  it('indexes topics with their quoted speakers, places and months', () => {
    const t = index.topicBySlug.get('syria')!;
    expect(t.articles).toEqual(['a-newer', 'b-older']);
    expect(t.speakers.map((s) => [s.slug, s.count])).toEqual([['jane-example', 2], ['omar-sample', 1]]);
    expect(index.places).toEqual([{ slug: 'moscow', name: 'Moscow', country: 'Russia', articles: ['a-newer'] }]);
    expect(index.months.map((m) => `${m.year}-${m.month}`)).toEqual(['2024-02', '2024-01']);
  });

  it('does not depend on input order', () => {
    const reversed = buildSiteIndex([...records].reverse());
    expect(reversed.articles.map((a) => a.slug)).toEqual(index.articles.map((a) => a.slug));
    expect(reversed.speakers).toEqual(index.speakers);
  });
});
