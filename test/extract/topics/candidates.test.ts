import { describe, expect, it } from 'vitest';
import { detectTopicCandidates, type TopicInput } from '../../../src/extract/topics/candidates.ts';

const input = (text: string, extra: Partial<TopicInput> = {}): TopicInput => ({ title: '', text, tags: [], datelineCountry: null, ...extra });
const names = (i: TopicInput) => detectTopicCandidates(i).map((c) => c.name);
const find = (i: TopicInput, name: string) => detectTopicCandidates(i).find((c) => c.name === name);

describe('countries', () => {
  it('reads demonyms and adjectives as their country', () => {
    const got = names(input('The Iranian envoy met Russian and Saudi diplomats; American officials stayed away.'));
    expect(got).toEqual(expect.arrayContaining(['Iran', 'Russia', 'Saudi Arabia', 'United States']));
  });

  it('treats U.S., US and United States as one country', () => {
    const c = find(input('U.S. envoys flew in. The US side and the United States Congress agreed.'), 'United States');
    expect(c?.mentions).toBe(3);
  });

  it('does not read a country inside a longer place name', () => {
    expect(names(input('Voters in New Mexico and New Jersey went to the polls.'))).not.toContain('Mexico');
  });

  it('counts headline mentions, also in an all-capitals headline', () => {
    const c = find(input('Talks continued.', { title: 'JAPAN TO CUT RICE TARIFFS' }), 'Japan');
    expect(c?.titleMentions).toBe(1);
  });

  it('adds the dateline country even when the text never names it', () => {
    const c = find(input('The ministry announced new rules.', { datelineCountry: 'LB' }), 'Lebanon');
    expect(c?.fromDateline).toBe(true);
  });
});

describe('organisations', () => {
  it('merges acronyms and aliases into one topic (ISIS = ISIL = Daesh = Islamic State)', () => {
    const c = find(input('Fighters of the Islamic State in Iraq and Syria (ISIS) fled; ISIL and Daesh are names for the same group.'), 'Islamic State');
    expect(c?.mentions).toBe(4);
    expect(c?.kind).toBe('organization');
  });

  it('does not count countries inside an organisation name', () => {
    expect(names(input('A statement by the Islamic State in Iraq and Syria was circulated.'))).not.toContain('Iraq');
  });

  it('reads UN and United Nations as one organisation, and the Security Council as another', () => {
    const got = detectTopicCandidates(input('The UN said the United Nations Security Council and the Security Council staff would meet.'));
    expect(got.find((c) => c.name === 'United Nations')?.mentions).toBe(1);
    expect(got.find((c) => c.name === 'UN Security Council')?.mentions).toBe(2);
  });

  it('matches acronyms case-sensitively', () => {
    expect(names(input('They met un-officially at the harbour.'))).not.toContain('United Nations');
  });
});

describe('named things', () => {
  it('finds a multi-word proper noun and joins "X of Y" with "Y X"', () => {
    const c = find(input('Both sides backed the Lisbon Accord.\n\nThey reaffirmed the Accord of Lisbon today.'), 'Lisbon Accord');
    expect(c?.mentions).toBe(2);
    expect(c?.inLead).toBe(true);
  });

  it('finds "<demonym> opposition" groups written in lower case', () => {
    expect(find(input('Envoys met the Chilean opposition twice; the Chilean opposition declined.'), 'Chilean opposition')?.mentions).toBe(2);
  });

  it('leaves out people, titles and people passed in by the caller', () => {
    const text = 'Prime Minister Rosa Vantel spoke. Later Vantel left with Tomas Erikssen of the Harbour Workers Union.';
    const got = names(input(text, { people: ['Tomas Erikssen'] }));
    expect(got).toContain('Harbour Workers Union');
    expect(got.some((n) => /Vantel|Erikssen|Prime Minister/.test(n))).toBe(false);
  });

  it('ignores capitals in a title-case headline', () => {
    expect(names(input('Nothing here.', { title: 'Farmers Protest New Grain Prices' }))).toEqual([]);
  });
});

describe('tags and ranking', () => {
  it('maps an explicit tag onto the matching country topic', () => {
    const c = find(input('No names here.', { tags: ['syria', 'Water supply'] }), 'Syria');
    expect(c?.fromTag).toBe(true);
    expect(find(input('x', { tags: ['Water supply'] }), 'Water supply')?.kind).toBe('tag');
  });

  it('ranks a title topic above a more frequent body-only topic', () => {
    const got = detectTopicCandidates(input('Chile and Chile and Chile again. Peru was mentioned.', { title: 'Peru vote count ends' }));
    expect(got[0]!.name).toBe('Peru');
  });
});
