// The fixture archive built end to end (stub extractor): each page kind carries the content and links a reader expects.
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildFixture, type FixtureSite } from './build-fixture.ts';

// Only extractQuotes is replaced; anything else the module exports stays real.
vi.mock('../../src/extract/index.ts', async (importOriginal) => ({ ...(await importOriginal<object>()), ...(await import('./stub-extractor.ts')) }));

let site: FixtureSite;
beforeAll(async () => {
  site = await buildFixture();
  if (process.env.NA_KEEP) cpSync(site.out, process.env.NA_KEEP, { recursive: true });
});

const has = (rel: string): boolean => existsSync(path.join(site.out, rel));
const inOrder = (text: string, parts: string[]): boolean => {
  const at = parts.map((p) => text.indexOf(p));
  return at.every((i) => i >= 0) && at.every((i, n) => n === 0 || i > at[n - 1]!);
};

describe('home', () => {
  it('pages the latest articles three at a time (pageSize), newest first, undated after dated', () => {
    expect(['index.html', 'page/2/index.html', 'page/3/index.html'].every(has)).toBe(true);
    expect(has('page/4/index.html')).toBe(false);
    expect(inOrder(site.read('index.html'), ['New power station connected to the grid', 'Restored museum opens its doors in Aleppo', 'Government fixes new wheat purchase price'])).toBe(true);
    expect(site.read('page/3/index.html')).toMatch(/Undated/);
  });

  it('shows the dateline place and the lead of each article', () => {
    const home = site.read('index.html');
    expect(home).toContain('<time datetime="2024-02-03">3 February 2024</time> · <a href="/places/damascus/">Damascus</a>');
    expect(home).toContain('<p class="lead">A new power station south of the capital was connected to the national grid on Saturday.</p>');
  });
});

describe('article pages', () => {
  it('builds one page per input, the seed included', () => {
    expect(site.files().filter((f) => /^articles\/[^/]+\/index\.html$/.test(f))).toHaveLength(8);
    expect(site.read('articles/lavrov-we-agreed-with-saudi-fm-to-continue-coordination-towards-inter-syrian-dia/index.html')).toContain('<a href="/places/moscow/">Moscow</a> (SANA)');
  });

  it('marks the quotes of a wire story and links each to its speaker page', () => {
    const html = site.read('articles/ministers-agree-on-shared-plan-for-river-water/index.html');
    expect(html).toContain('<mark class="quote quote-direct" id="q1">The plan protects farmers on both banks and it will be reviewed every year,</mark><a class="quote-speaker" href="/speakers/hana-qasim/"');
    expect(html).toContain('<mark class="quote quote-indirect" id="q2">the agreement opens the door to wider cooperation on energy</mark><a class="quote-speaker" href="/speakers/omar-haddad/"');
    expect(html).toMatch(/<a href="\/speakers\/hana-qasim\/">Hana Qasim<\/a> — <span class="roles">Water Resources Minister<\/span>/);
  });

  it('renders a Markdown story without repeating its dateline, with its sub-heading and emphasis', () => {
    const html = site.read('articles/restored-museum-opens-its-doors-in-aleppo/index.html');
    const body = html.slice(html.indexOf('<div class="article-body">'), html.indexOf('</article>'));
    expect(body).toContain('<p>The national museum opened three restored halls to visitors on Sunday.</p>');
    expect(body).toContain('<h2>A long restoration</h2>');
    expect(body).toContain('<em>four years</em>');
    expect(body).toContain('id="q1"');
  });

  it('shows "Undated" for an article without a date', () => {
    expect(site.read('articles/old-market-traders-return-to-rebuilt-shops/index.html')).toContain('<span>Undated</span>');
  });

  it('links topics, related articles and the neighbours by date', () => {
    const html = site.read('articles/border-crossing-reopens-for-trucks/index.html');
    expect(html).toContain('<li><a href="/topics/trade/">Trade</a></li>');
    // Both share Omar Haddad with this story; the exact ranking is unit-tested in test/pages (topics here come from enrichment).
    const related = html.slice(html.indexOf('id="related-h"'));
    for (const slug of ['new-power-station-connected-to-the-grid', 'ministers-agree-on-shared-plan-for-river-water']) expect(related).toContain(`/articles/${slug}/`);
    expect(html).toContain('<a rel="prev" href="/articles/government-fixes-new-wheat-purchase-price/">');
    expect(html).toContain('<a rel="next" href="/articles/ministers-agree-on-shared-plan-for-river-water/">');
  });
});

describe('quote permalinks', () => {
  it('resolves every quote of every speaker to an anchor in its article that holds the quote text', () => {
    const api = JSON.parse(site.read('api/index.json'));
    let checked = 0;
    for (const s of api.speakers as { slug: string }[]) {
      const speaker = JSON.parse(site.read(`api/speakers/${s.slug}.json`));
      for (const q of speaker.quotes as { articleSlug: string; anchor: string; text: string }[]) {
        const html = site.read(`articles/${q.articleSlug}/index.html`);
        const at = html.indexOf(`id="${q.anchor}"`);
        expect(at, `${q.articleSlug}#${q.anchor}`).toBeGreaterThan(0);
        expect(html.slice(at, at + q.text.length + 200)).toContain(q.text.replace(/&/g, '&amp;'));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });
});

describe('speaker pages', () => {
  it('shows name, role with the dates it was seen, counts, and quotes newest first with links in context', () => {
    const html = site.read('speakers/omar-haddad/index.html');
    expect(html).toContain('<h1>Omar Haddad</h1>');
    expect(html).toContain('Deputy Foreign Minister <span class="meta">(seen 14 November 2023 – 3 February 2024)</span>');
    expect(html).toContain('4 quotes in 3 articles');
    expect(inOrder(html, ['partner countries had helped finance the project', 'Trade is the first bridge between neighbours,', 'the agreement opens the door'])).toBe(true);
    expect(html).toContain('href="/articles/border-crossing-reopens-for-trucks/#q1"');
    expect(html).toContain('<svg role="img"');
    expect(has('speakers/omar-haddad/atom.xml')).toBe(true);
  });

  it('continues the quotes on numbered pages of pageSize quotes, with the timeline on the first page only', () => {
    const first = site.read('speakers/omar-haddad/index.html');
    const second = site.read('speakers/omar-haddad/page/2/index.html');
    expect(first).toContain('<a rel="next" href="/speakers/omar-haddad/page/2/">Older →</a>');
    expect(second).toContain('We expect the first joint projects to start before the summer,');
    expect(second).toContain('<a rel="prev" href="/speakers/omar-haddad/">← Newer</a>');
    expect(second).not.toContain('<svg');
    expect(first).not.toContain('We expect the first joint projects');
  });

  it('lists speakers A–Z and by number of quotes on the index', () => {
    const html = site.read('speakers/index.html');
    expect(inOrder(html, ['id="letter-a"', 'Rana Aziz', 'id="letter-h"', 'Omar Haddad', 'id="letter-q"', 'Hana Qasim'])).toBe(true);
    const byQuotes = html.slice(html.indexOf('id="by-quotes"'));
    expect(byQuotes.indexOf('Omar Haddad')).toBeLessThan(byQuotes.indexOf('Rana Aziz'));
  });
});

describe('topic, place and date pages', () => {
  it('has a topic page with its articles, quoted speakers, timeline and feed, and a topics index', () => {
    const html = site.read('topics/diplomacy/index.html');
    expect(inOrder(html, ['New power station connected to the grid', 'Border crossing reopens for trucks', 'Ministers agree on shared plan for river water'])).toBe(true);
    expect(html).toContain('<a href="/speakers/omar-haddad/">Omar Haddad</a> <span class="count">4</span>');
    expect(html).toContain('<figure class="timeline">');
    expect(has('topics/diplomacy/atom.xml')).toBe(true);
    expect(site.read('topics/index.html')).toContain('<a href="/topics/water/">Water</a>');
  });

  it('has place pages for datelines and a places index', () => {
    expect(site.read('places/damascus/index.html')).toContain('2 articles datelined here');
    expect(site.read('places/index.html')).toContain('<a href="/places/aleppo/">Aleppo</a>');
  });

  it('has year and month archives across two years and a page of undated articles', () => {
    const archive = site.read('archive/index.html');
    expect(inOrder(archive, ['id="year-2024"', 'id="year-2023"'])).toBe(true);
    for (const m of ['2023/11', '2023/12', '2024/01', '2024/02']) expect(has(`archive/${m}/index.html`), m).toBe(true);
    expect(site.read('archive/2024/01/index.html')).toContain('<h1>January 2024</h1>');
    const undated = site.read('archive/undated/index.html');
    for (const t of ['A note on sources and corrections', 'Old market traders return to rebuilt shops', 'Lavrov: We agreed']) expect(undated).toContain(t);
  });

  it('has a search page and a 404 page', () => {
    expect(site.read('search/index.html')).toContain('<div id="search"');
    expect(site.read('404.html')).toContain('<h1>Page not found</h1>');
  });
});
