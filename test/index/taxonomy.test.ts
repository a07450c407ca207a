import { describe, expect, it } from 'vitest';
import { detectTopicCandidates, type TopicInput } from '../../src/extract/topics/candidates.ts';
import { EMPTY_TAXONOMY, type UserTaxonomy } from '../../src/extract/topics/user-taxonomy.ts';
import { buildTaxonomy, DEFAULT_TAXONOMY_OPTIONS } from '../../src/index/taxonomy.ts';

const art = (id: string, text: string, extra: Partial<TopicInput> = {}, user: UserTaxonomy = EMPTY_TAXONOMY) => ({
  id,
  candidates: detectTopicCandidates({ title: '', text, tags: [], datelineCountry: null, ...extra }, { keywords: user.define }),
});
const slugsFor = (tax: ReturnType<typeof buildTaxonomy>, id: string) => tax.topicsFor(id).map((t) => t.slug);

describe('thresholds', () => {
  it('keeps a named thing found in two articles but not one mentioned once in one article', () => {
    const tax = buildTaxonomy([
      art('a', 'Delegates praised the Harbour Workers Union for ending the strike.'),
      art('b', 'A statement from the Harbour Workers Union followed. The Orchard Growers Guild stayed silent.'),
    ], DEFAULT_TAXONOMY_OPTIONS);
    expect(slugsFor(tax, 'a')).toContain('harbour-workers-union');
    expect(tax.topics.map((t) => t.slug)).not.toContain('orchard-growers-guild');
  });

  it('keeps a one-article named thing that is in the title', () => {
    const tax = buildTaxonomy([art('a', 'Talks went on.', { title: 'Farmers reject Valley Water Pact' })], DEFAULT_TAXONOMY_OPTIONS);
    expect(slugsFor(tax, 'a')).toContain('valley-water-pact');
  });

  it('raising minArticles drops named things that recur in fewer articles', () => {
    const arts = [art('a', 'The Orchard Growers Guild met.'), art('b', 'The Orchard Growers Guild voted.')];
    expect(buildTaxonomy(arts, { ...DEFAULT_TAXONOMY_OPTIONS, minArticles: 2 }).topics).toHaveLength(1);
    expect(buildTaxonomy(arts, { ...DEFAULT_TAXONOMY_OPTIONS, minArticles: 3 }).topics).toHaveLength(0);
  });

  it('needs two body mentions of a country unless it is in the title or dateline', () => {
    const tax = buildTaxonomy([
      art('a', 'Exports to Chile rose while Peru and Peru again were cited.'),
      art('b', 'Ports reopened.', { datelineCountry: 'Chile' }),
    ], DEFAULT_TAXONOMY_OPTIONS);
    expect(slugsFor(tax, 'a')).toEqual(['peru']);
    expect(slugsFor(tax, 'b')).toEqual(['chile']);
  });

  it('caps the topics per article, best first', () => {
    const text = 'Chile, Chile, Chile. Peru, Peru. Bolivia, Bolivia. Ecuador, Ecuador.';
    const tax = buildTaxonomy([art('a', text)], { ...DEFAULT_TAXONOMY_OPTIONS, maxPerArticle: 2 });
    expect(slugsFor(tax, 'a')).toEqual(['chile', 'peru']);
  });

  it('merges a tag and an automatic topic with the same name into one topic', () => {
    const tax = buildTaxonomy([art('a', 'Officials in Chile and Chile again spoke.', { tags: ['chile'] })], DEFAULT_TAXONOMY_OPTIONS);
    expect(tax.topicsFor('a')).toEqual([{ slug: 'chile', name: 'Chile', kind: 'country' }]);
  });
});

describe('topics.yaml', () => {
  const user: UserTaxonomy = {
    rename: [{ from: 'Daesh', to: 'ISIS' }],
    merge: [{ into: 'Harbour disputes', from: ['Harbour Workers Union', 'Dock Strike Committee'] }],
    hide: ['Peru'],
    define: [{ name: 'Water supply', keywords: ['water shortage', 'reservoir'] }],
  };
  const tax = buildTaxonomy([
    art('a', 'ISIL fighters and ISIL supporters fled. The Harbour Workers Union met twice; the Harbour Workers Union agreed.', {}, user),
    art('b', 'The Dock Strike Committee called a vote. Peru and Peru again.', { title: 'Dock Strike Committee votes' }, user),
    art('c', 'The reservoir is low and the water shortage grows.', {}, user),
  ], DEFAULT_TAXONOMY_OPTIONS, user);

  it('renames a topic referred to by any of its aliases', () => {
    expect(tax.topicsFor('a')).toContainEqual({ slug: 'isis', name: 'ISIS', kind: 'organization' });
  });

  it('merges several topics into one', () => {
    expect(slugsFor(tax, 'a')).toContain('harbour-disputes');
    expect(slugsFor(tax, 'b')).toContain('harbour-disputes');
    expect(tax.articlesFor('harbour-disputes')).toEqual(['a', 'b']);
  });

  it('hides a topic everywhere', () => {
    expect(tax.topics.map((t) => t.slug)).not.toContain('peru');
  });

  it('defines a topic by keywords', () => {
    expect(tax.topicsFor('c')).toEqual([{ slug: 'water-supply', name: 'Water supply', kind: 'tag' }]);
  });
});
