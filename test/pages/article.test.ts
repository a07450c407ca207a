// Article page from hand-made records: quote marks with anchors and speaker links, boxes, related ranking, prev/next, weight.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextRecords, readSavedContexts, writeSavedContexts } from '../../src/build/saved-contexts.ts';
import { buildSiteIndex, RELATED_POOL, type ArticleEntry, type SiteIndex } from '../../src/index/site.ts';
import type { Article } from '../../src/model/article.ts';
import { articleContext, articlePage as pageWith, relatedPositions } from '../../src/pages/article.ts';
import { renderPage } from '../../src/render/page.ts';
import { createTemplateEngine } from '../../src/render/templates.ts';
import { makeArticle, testSite } from './records.ts';

const ROOT = path.resolve(__dirname, '../..');

/** Slugs of the related articles, best first. */
const relatedSlugs = (entry: ArticleEntry, index: SiteIndex): string[] => relatedPositions(entry, index).map((id) => index.articles[id]!.slug);

/** The page of `article` with its context taken from `index` (what a full build does). */
const articlePage = (article: Article, index: SiteIndex, site: ReturnType<typeof testSite>) => pageWith(article, articleContext(article, index).context, site);
const engine = createTemplateEngine(path.join(ROOT, 'templates'));

const water = makeArticle({
  title: 'Ministers meet on river water', date: '2024-03-02', place: 'Damascus', byline: 'Lina Saleh', topics: ['Water'],
  paragraphs: [
    'Water Minister Hana Qasim met her counterpart on Saturday.',
    '“The plan protects farmers on both banks,” said Qasim.',
    'Qasim said that canals would be cleaned & repaired before spring.',
  ],
  speakers: [{ name: 'Hana Qasim', roles: ['Water Minister'] }],
  quotes: [{ text: 'The plan protects farmers on both banks,', speaker: 'Hana Qasim' }, { text: 'canals would be cleaned & repaired before spring', speaker: 'Hana Qasim', kind: 'indirect' }],
});
const energy = makeArticle({
  title: 'Minister opens a solar farm', date: '2024-03-01', topics: ['Energy'],
  paragraphs: ['“Sunlight is our cheapest fuel,” said Water Minister Hana Qasim.'],
  speakers: [{ name: 'Hana Qasim', roles: ['Water Minister'] }], quotes: [{ text: 'Sunlight is our cheapest fuel,', speaker: 'Hana Qasim' }],
});
const canal = makeArticle({
  title: 'Canal works begin in the north', date: '2024-02-10', topics: ['Water'],
  paragraphs: ['“Work starts at dawn,” said engineer Omar Haddad.'],
  speakers: [{ name: 'Omar Haddad', roles: ['engineer'] }], quotes: [{ text: 'Work starts at dawn,', speaker: 'Omar Haddad' }],
});
const wells = makeArticle({ title: 'Old wells are mapped', date: '2023-05-01', topics: ['Water'], paragraphs: ['Surveyors mapped the old wells.'] });
const undated = makeArticle({ title: 'A note <b>on</b> sources', paragraphs: ['Corrections are noted at the end.'] });
const records = [water, energy, canal, wells, undated];
const index = buildSiteIndex(records);
const site = testSite();

function render(article = water, ctx = site): string {
  return renderPage(articlePage(article, index, ctx), engine, ctx);
}

describe('article page', () => {
  it('marks each quote in the body with a stable anchor and links it to its speaker', () => {
    const html = render();
    expect(html).toContain('<mark class="quote quote-direct" id="q1">The plan protects farmers on both banks,</mark><a class="quote-speaker" href="/speakers/hana-qasim/"');
    expect(html).toContain('<mark class="quote quote-indirect" id="q2">canals would be cleaned &amp; repaired before spring</mark>');
    expect(render()).toBe(html); // same record, same anchors
  });

  it('keeps an anchor for a quote the body cannot mark, on its entry in the quote box', () => {
    const odd = { ...water, quotes: [...water.quotes, { speaker: 'Hana Qasim', text: 'Ministers meet', kind: 'direct' as const, cue: 'said', start: 0, end: 14 }] };
    const idx = buildSiteIndex([odd]);
    const html = renderPage(articlePage(odd, idx, site), engine, site);
    expect(html).toMatch(/<li id="q3">Ministers meet — <a href="\/speakers\/hana-qasim\/">Hana Qasim<\/a><\/li>/);
    expect(html.match(/id="q\d+"/g)).toEqual(['id="q1"', 'id="q2"', 'id="q3"']);
  });

  it('shows headline, date, dateline place, byline and a box of speakers with roles and counts', () => {
    const html = render();
    expect(html).toContain('<h1>Ministers meet on river water</h1>');
    expect(html).toContain('<time datetime="2024-03-02">2 March 2024</time>');
    expect(html).toContain('<a href="/places/damascus/">Damascus</a> (SANA)');
    expect(html).toContain('By Lina Saleh');
    expect(html).toMatch(/<a href="\/speakers\/hana-qasim\/">Hana Qasim<\/a> — <span class="roles">Water Minister<\/span> <span class="count">\(2 quotes\)<\/span>/);
  });

  it('says "Undated" for an article without a date and escapes markup in its title', () => {
    const html = render(undated);
    expect(html).toContain('<span>Undated</span>');
    expect(html).toContain('<h1>A note &lt;b&gt;on&lt;/b&gt; sources</h1>');
    expect(html).not.toContain('<b>on</b>');
  });

  it('links topics and places', () => {
    const html = render();
    expect(html).toContain('<li><a href="/topics/water/">Water</a></li>');
    expect(html).toMatch(/aria-labelledby="places-h">\s*<h2 id="places-h">Places<\/h2>\s*<ul class="tags">\s*<li><a href="\/places\/damascus\/">Damascus<\/a><\/li>/);
  });

  it('ranks related articles by shared speakers (2) then topics (1), ties by newest date then slug', () => {
    const related = relatedSlugs(index.bySlug.get(water.slug)!, index);
    expect(related).toEqual([energy.slug, canal.slug, wells.slug]);
  });

  it('links the next newer and next older article by date', () => {
    const html = render(energy);
    expect(html).toContain(`<a rel="prev" href="/articles/${water.slug}/">`);
    expect(html).toContain(`<a rel="next" href="/articles/${canal.slug}/">`);
  });

  it('prefixes every internal link with the base path', () => {
    const ctx = testSite({ basePath: '/archive/' });
    const html = render(water, ctx);
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).filter((h) => !h.startsWith('#') && !h.startsWith('http'));
    expect(hrefs.length).toBeGreaterThan(10);
    expect(hrefs.filter((h) => !h.startsWith('/archive/'))).toEqual([]);
    expect(html).toContain('<link rel="canonical" href="https://example.org/archive/articles/ministers-meet-on-river-water/">');
  });

  it('renders Markdown bodies with quote marks and speaker links, without repeating the headline or dateline', () => {
    const md = makeArticle({
      title: 'Museum reopens', date: '2024-01-28', place: 'Aleppo', format: 'md', paragraphs: ['The museum reopened.'],
      markdown: '# Museum reopens\n\nAleppo, SANA – The museum reopened on *Sunday*.\n\n“History is under one roof,” said Dalia Mansour.\n',
      speakers: [{ name: 'Dalia Mansour' }], quotes: [{ text: 'History is under one roof,', speaker: 'Dalia Mansour' }],
    });
    const html = renderPage(articlePage(md, buildSiteIndex([md]), site), engine, site);
    const body = html.slice(html.indexOf('<div class="article-body">'), html.indexOf('</article>'));
    expect(body).not.toContain('<h1>');
    expect(body).toContain('<p>The museum reopened on <em>Sunday</em>.</p>');
    expect(body).toContain('<mark class="quote quote-direct" id="q1">History is under one roof,</mark><a href="/speakers/dalia-mansour/" title="Dalia Mansour" class="quote-speaker">');
  });

  it('stays under 50 KB of HTML + CSS for a 700-word story with ten quotes', () => {
    const sentence = (i: number): string => `The council member number ${i} said the plan for the northern district would need more money and more time before the work can start.`;
    const paragraphs = Array.from({ length: 25 }, (_, i) => `${sentence(i)} “We will keep our promise to the residents ${i},” said Hana Qasim.`);
    const words = paragraphs.join(' ').split(/\s+/).length;
    const long = makeArticle({
      title: 'Council debates the northern district plan', date: '2024-03-03', place: 'Damascus', topics: ['Water', 'Energy'], paragraphs,
      speakers: [{ name: 'Hana Qasim', roles: ['Water Minister'] }],
      quotes: paragraphs.slice(0, 10).map((_, i) => ({ text: `We will keep our promise to the residents ${i},`, speaker: 'Hana Qasim' })),
    });
    const idx = buildSiteIndex([...records, long]);
    const html = renderPage(articlePage(long, idx, site), engine, site);
    const css = readFileSync(path.join(ROOT, 'public/assets/site.css'), 'utf8');
    const kb = (Buffer.byteLength(html) + Buffer.byteLength(css)) / 1024;
    expect(words).toBeGreaterThanOrEqual(700);
    if (process.env.NA_REPORT) console.log(`article page: ${words} words, ${kb.toFixed(1)} KB HTML+CSS`);
    expect(kb).toBeLessThan(50);
  });

  it('hands the template quotes of one shape, dated or not', () => {
    const dated = { ...water, quotes: water.quotes.map((q, i) => (i === 0 ? { ...q, date: '2024-03-01' } : q)) };
    expect('date' in dated.quotes[1]!).toBe(false);
    const data = articlePage(dated, buildSiteIndex([dated, ...records.slice(1)]), site).data as Record<string, unknown[]>;
    const quotes = data.quotes as Record<string, unknown>[];
    expect(quotes.map((q) => Object.keys(q))).toEqual([Object.keys(quotes[0]!), Object.keys(quotes[0]!)]);
    expect(quotes.map((q) => q.date)).toEqual(['2024-03-01', undefined]);
  });
});

describe('related-article ranking', () => {
  // Reference: every other article scored 2 per shared speaker and 1 per shared topic, sorted by score, then newest
  // date (undated last), then slug; the first five with a score.
  const reference = (slug: string, idx: ReturnType<typeof buildSiteIndex>): string[] => {
    const me = idx.bySlug.get(slug)!;
    return idx.articles.filter((a) => a.slug !== slug).map((a) => ({
      a,
      score: 2 * a.speakers.filter((s) => me.speakers.some((m) => m.slug === s.slug)).length + a.topics.filter((t) => me.topics.some((m) => m.slug === t.slug)).length,
    })).filter((x) => x.score > 0)
      .sort((x, y) => y.score - x.score || ((y.a.date ?? '') < (x.a.date ?? '') ? -1 : (y.a.date ?? '') > (x.a.date ?? '') ? 1 : 0) || (x.a.slug < y.a.slug ? -1 : 1))
      .slice(0, 5).map((x) => x.a.slug);
  };

  it('equals a full sort by score, date and slug on random archives', () => {
    fc.assert(fc.property(
      fc.array(fc.record({
        date: fc.option(fc.constantFrom('2024-01-01', '2024-01-02', '2024-02-10', '2023-12-31'), { nil: null }),
        speakers: fc.subarray(['Ann Lee', 'Bo Park', 'Cy Diaz']),
        topics: fc.subarray(['Water', 'Energy', 'Trade', 'Health']),
      }), { minLength: 2, maxLength: 40 }),
      (specs) => {
        const recs = specs.map((s, i) => makeArticle({
          title: `Story number ${i}`, date: s.date, paragraphs: ['Text.'], topics: s.topics,
          speakers: s.speakers.map((name) => ({ name })),
        }));
        const idx = buildSiteIndex(recs);
        for (const r of recs) expect(relatedSlugs(idx.bySlug.get(r.slug)!, idx)).toEqual(reference(r.slug, idx));
      },
    ), { numRuns: 150 });
  });
});

describe('article pages from saved contexts', () => {
  it('render the same bytes as from the full index, also past the related-articles pool', () => {
    const many = Array.from({ length: RELATED_POOL + 30 }, (_, i) => makeArticle({
      title: `Water report number ${i}`, date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      place: i % 2 ? 'Damascus' : 'Aleppo',
      paragraphs: ['“Wells are running dry,” said Ann Lee.'], topics: i % 3 ? ['Water'] : ['Water', 'Energy'],
      speakers: [{ name: 'Ann Lee', roles: ['Minister'] }], quotes: [{ text: 'Wells are running dry,', speaker: 'Ann Lee' }],
    }));
    const full = buildSiteIndex(many);
    // Saved in input order (not archive order), as a build saves them.
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'na-contexts-')), 'manifest.jsonl');
    const records = contextRecords(many, full);
    writeSavedContexts(file, 'b1', { slugs: many.map((a) => a.slug), slugWarnings: [], quotes: many.length, speakers: full.speakers.length, topics: full.topics.length }, records);
    const saved = readSavedContexts(file, 'b1')!;
    expect([saved.quotes, saved.speakers, saved.topics]).toEqual([many.length, 1, 2]);
    for (const k of [0, 7, RELATED_POOL + 29]) {
      const a = many[k]!;
      const fromSaved = renderPage(pageWith(a, saved.context(k), site), engine, site);
      expect(fromSaved).toBe(renderPage(articlePage(a, full, site), engine, site));
      expect(fromSaved).toContain('href="/places/');
    }
    expect(saved.recordOf(many[7]!.slug)).toBe(records[7]);
    expect(saved.recordOf('no-such-article')).toBeNull();
    expect(readSavedContexts(file, 'b2')).toBeNull();
  });

  it('change for the articles a headline edit reaches, and only for those', () => {
    const a = makeArticle({ title: 'Wells run dry', date: '2024-01-01', topics: ['Water'], paragraphs: ['Text.'] });
    const b = makeArticle({ title: 'Canal reopens', date: '2024-01-02', topics: ['Water'], paragraphs: ['Text.'] });
    const c = makeArticle({ title: 'Grain prices fall', date: '2024-01-03', topics: ['Grain'], paragraphs: ['Text.'] });
    const d = makeArticle({ title: 'Bakers protest', date: '2024-01-04', topics: ['Bread'], paragraphs: ['Text.'] });
    const before = contextRecords([a, b, c, d], buildSiteIndex([a, b, c, d]));
    const edited = { ...a, title: 'Wells run dry again' };
    const after = contextRecords([edited, b, c, d], buildSiteIndex([edited, b, c, d]));
    // a itself, and b, which shows a as its older neighbour and as a related article (same topic); c and d show neither.
    expect(after.map((r, i) => r === before[i])).toEqual([false, false, true, true]);
  });
});
