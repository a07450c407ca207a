import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTopicCandidates } from '../../../src/extract/topics/candidates.ts';
import { resolvePlace } from '../../../src/extract/places/resolve.ts';
import { choosePublicationDate } from '../../../src/extract/dates/choose.ts';
import { buildTaxonomy, DEFAULT_TAXONOMY_OPTIONS } from '../../../src/index/taxonomy.ts';

const FILE = '000_58d8388786a3bbbd.txt';
const raw = readFileSync(new URL(`../../fixtures/topics-seed/${FILE}`, import.meta.url), 'utf8');
const lines = raw.split('\n').map((l) => l.trim());
const title = lines[0]!;
// Structure as the parser reports it: dateline opener, one sub-heading, byline and "Check Also" teaser removed.
const bodyLines = lines.slice(1, lines.indexOf('Haifa Said')).filter(Boolean);
const subheading = bodyLines.find((l) => l.startsWith('Bogdanov:'))!;
const text = bodyLines.join('\n\n').replace(/^Moscow, SANA – /, '');

describe('seed article', () => {
  const place = resolvePlace({ place: 'Moscow' }, text);
  const candidates = detectTopicCandidates({ title, headings: [subheading], text, tags: [], datelineCountry: place?.country_code ?? null });
  const topics = buildTaxonomy([{ id: 'seed', candidates }], DEFAULT_TAXONOMY_OPTIONS).topicsFor('seed');
  const slugs = topics.map((t) => t.slug);

  it('gets the countries, ISIS as one topic, the Geneva Communiqué and the Syrian opposition', () => {
    expect(slugs).toEqual(expect.arrayContaining(['syria', 'russia', 'saudi-arabia', 'islamic-state', 'geneva-communique', 'syrian-opposition']));
    expect(slugs.filter((s) => /isis|isil|islamic/.test(s))).toHaveLength(1);
  });

  it('is filed from Moscow, Russia', () => {
    expect(place).toEqual({ name: 'Moscow', slug: 'moscow', country: 'Russia', country_code: 'RU' });
  });

  it('is undated', () => {
    expect(choosePublicationDate({ fileName: FILE, text: null }, 'UTC')).toMatchObject({ date: null, date_source: null });
  });
});
