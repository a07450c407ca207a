import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/site.ts';
import { defaultConfig } from '../../src/config.ts';

const root = path.resolve(__dirname, '../..');

// The whole pipeline on the reference seed: parse, extract, enrich and the archive-wide decisions together.
describe('the seed article through the whole pipeline', () => {
  let out: string;
  let record: { topics: { slug: string; name: string; kind: string }[]; places: { name: string; country: string | null }[]; date: string | null; speakers: { name: string }[] };
  const slug = 'lavrov-we-agreed-with-saudi-fm-to-continue-coordination-towards-inter-syrian-dia';
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-seed-'));
    out = path.join(dir, 'dist');
    await buildSite({ ...defaultConfig(dir), input: path.join(root, 'seeds'), output: out, workers: 1 });
    record = JSON.parse(readFileSync(path.join(out, 'api/articles', `${slug}.json`), 'utf8'));
  });

  it('gets its country, organisation and named-thing topics, ISIS as one topic', async () => {
    const slugs = record.topics.map((t) => t.slug);
    for (const s of ['syria', 'russia', 'saudi-arabia', 'geneva-communique']) expect(slugs).toContain(s);
    expect(slugs.filter((s) => /isis|isil|islamic-state|daesh/.test(s))).toHaveLength(1);
    expect(slugs.some((s) => s === 'syrian-opposition' || s === 'national-coalition')).toBe(true);
    for (const s of slugs) expect(existsSync(path.join(out, 'topics', s, 'index.html')), s).toBe(true);
  });

  it('is datelined in Moscow, Russia, and listed as undated', async () => {
    expect(record.places).toMatchObject([{ name: 'Moscow', country: 'Russia' }]);
    expect(record.date).toBeNull();
    expect(readFileSync(path.join(out, 'archive/undated/index.html'), 'utf8')).toContain(`/articles/${slug}/`);
    expect(readFileSync(path.join(out, 'places/moscow/index.html'), 'utf8')).toContain(`/articles/${slug}/`);
  });

  it('links the article, Lavrov and Bogdanov to one another', async () => {
    expect(record.speakers.map((s) => s.name)).toEqual(expect.arrayContaining(['Sergei Lavrov', 'Mikhail Bogdanov']));
    const article = readFileSync(path.join(out, 'articles', slug, 'index.html'), 'utf8');
    for (const s of ['sergei-lavrov', 'mikhail-bogdanov']) {
      expect(article).toContain(`href="/speakers/${s}/"`);
      const page = readFileSync(path.join(out, 'speakers', s, 'index.html'), 'utf8');
      expect(page).toContain(`/articles/${slug}/#q`);
    }
  });
});

describe('enrichment through the pipeline', () => {
  it('dates a quote by the weekday it names and resolves a province-qualified dateline', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-enrich-'));
    const out = path.join(dir, 'dist');
    await buildSite({ ...defaultConfig(dir), input: path.join(root, 'test/fixtures/enrich-weekday'), output: out, workers: 1 });
    const rec = JSON.parse(readFileSync(path.join(out, 'api/articles/port-workers-and-owners-resume-talks.json'), 'utf8'));
    expect(rec.date).toBe('2024-03-01');
    expect(rec.date_source).toBe('filename');
    // 1 March 2024 was a Friday: "said Tuesday" is 27 February.
    const tuesday = rec.quotes.find((q: { cue: string }) => q.cue === 'said');
    expect(tuesday?.date).toBe('2024-02-27');
    expect(rec.places[0]).toMatchObject({ country: 'Canada' });
    expect(rec.topics.map((t: { slug: string }) => t.slug)).toEqual(expect.arrayContaining(['labour', 'canada']));
  });
});
