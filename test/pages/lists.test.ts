// Listing pages from hand-made records: home pagination, speaker and topic pages, indexes, calendar archive, undated, 404, search.
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../src/index/site.ts';
import { calendar, INLINE_SPEAKERS, listPages } from '../../src/pages/lists.ts';
import type { Page } from '../../src/pages/page.ts';
import { renderPage } from '../../src/render/page.ts';
import { createTemplateEngine } from '../../src/render/templates.ts';
import { makeArticle, testSite } from './records.ts';

const engine = createTemplateEngine(path.resolve(__dirname, '../../templates'));
const qasim = { name: 'Hana Qasim', roles: ['Water Minister'] };
const haddad = { name: 'Omar Haddad', roles: ['Deputy Foreign Minister'] };
const records = [
  makeArticle({
    title: 'Water plan agreed', date: '2023-11-14', topics: ['Water', 'Diplomacy'], place: 'Damascus',
    paragraphs: ['“The plan protects farmers,” said Hana Qasim.', '“Cooperation will grow,” said Omar Haddad.'],
    speakers: [qasim, haddad], quotes: [{ text: 'The plan protects farmers,', speaker: 'Hana Qasim' }, { text: 'Cooperation will grow,', speaker: 'Omar Haddad' }],
  }),
  makeArticle({
    title: 'Canals to be cleaned', date: '2024-01-20', topics: ['Water'], place: 'Hama',
    paragraphs: ['Hana Qasim said that canals would be cleaned.'], speakers: [{ name: 'Hana Qasim', roles: ['Irrigation Minister'] }],
    quotes: [{ text: 'canals would be cleaned', speaker: 'Hana Qasim', kind: 'indirect' }],
  }),
  makeArticle({
    title: 'Border reopens', date: '2024-03-02', topics: ['Diplomacy'], place: 'Beirut',
    paragraphs: ['“Trade is a bridge,” said Omar Haddad.'], speakers: [haddad], quotes: [{ text: 'Trade is a bridge,', speaker: 'Omar Haddad' }],
  }),
  makeArticle({ title: 'Market traders return', paragraphs: ['Traders returned to the market.'], place: 'Homs' }),
  makeArticle({ title: 'Archive note', paragraphs: ['Corrections are noted.'] }),
];
const index = buildSiteIndex(records);
const site = { ...testSite(), pageSize: 2 };
const pages = listPages(index, site);
const page = (route: string): Page => {
  const p = pages.find((x) => x.route === route);
  if (!p) throw new Error(`no page ${route}`);
  return p;
};
const html = (route: string): string => renderPage(page(route), engine, site);
const order = (text: string, parts: string[]): boolean => {
  const at = parts.map((p) => text.indexOf(p));
  return at.every((i) => i >= 0) && at.every((i, n) => n === 0 || i > at[n - 1]!);
};

describe('home', () => {
  it('paginates latest articles by the configured page size, newest first, undated last', () => {
    expect(pages.filter((p) => p.template === 'home').map((p) => p.route)).toEqual(['/', '/page/2/', '/page/3/']);
    expect(order(html('/'), ['Border reopens', 'Canals to be cleaned'])).toBe(true);
    expect(html('/page/3/')).toContain('Market traders return');
    expect(html('/page/2/')).toContain('<a rel="prev" href="/">← Newer</a>');
    expect(html('/page/2/')).toContain('<a rel="next" href="/page/3/">Older →</a>');
  });

  it('shows date, dateline place and lead for each article', () => {
    const home = html('/');
    expect(home).toContain('<time datetime="2024-03-02">2 March 2024</time> · <a href="/places/beirut/">Beirut</a>');
    expect(home).toContain('<p class="lead">“Trade is a bridge,” said Omar Haddad.</p>');
  });
});

describe('speaker page', () => {
  const speaker = html('/speakers/hana-qasim/');

  it('shows each role with the date range it was seen in', () => {
    expect(speaker).toContain('Water Minister <span class="meta">(seen 14 November 2023)</span>');
    expect(speaker).toContain('Irrigation Minister <span class="meta">(seen 20 January 2024)</span>');
  });

  it('lists every quote newest first with date, article link and a link to the quote anchor', () => {
    expect(order(speaker, ['canals would be cleaned', 'The plan protects farmers,'])).toBe(true);
    expect(speaker).toContain('<time datetime="2024-01-20">20 January 2024</time> · <a href="/articles/canals-to-be-cleaned/">Canals to be cleaned</a> · <a href="/articles/canals-to-be-cleaned/#q1">');
    expect(speaker).toContain('2 quotes in 2 articles');
  });

  it('lists topics spoken about and speakers appeared with, with counts', () => {
    expect(speaker).toMatch(/<h2>Speaks about<\/h2>\s*<ul class="tags"><li><a href="\/topics\/water\/">Water<\/a> <span class="count">2<\/span><\/li><li><a href="\/topics\/diplomacy\/">Diplomacy<\/a> <span class="count">1<\/span>/);
    expect(speaker).toMatch(/<h2>Appears with<\/h2>\s*<ul class="tags"><li><a href="\/speakers\/omar-haddad\/">Omar Haddad<\/a> <span class="count">1<\/span>/);
  });

  it('draws a per-month timeline as inline SVG covering every month of the span', () => {
    const svg = /<svg[\s\S]*?<\/svg>/.exec(speaker)![0];
    expect(svg).toContain('role="img"');
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('<title>November 2023: 1</title>');
    expect(svg).toContain('viewBox="0 0 ');
    expect(speaker).toContain('Quotes per month, November 2023 – January 2024');
    expect(speaker).not.toMatch(/<script(?! type="application\/ld\+json")/); // no JavaScript needed
  });

  it('links its own Atom feed in the head and the page', () => {
    expect(speaker).toContain('<link rel="alternate" type="application/atom+xml" title="Hana Qasim (Atom)" href="/speakers/hana-qasim/atom.xml">');
    expect(page('/speakers/hana-qasim/').jsonLd).toEqual([expect.objectContaining({ '@type': 'Person', name: 'Hana Qasim', jobTitle: 'Water Minister' })]);
  });
});

describe('speakers index', () => {
  it('groups speakers A–Z by surname and also ranks them by number of quotes', () => {
    const idx = html('/speakers/');
    expect(order(idx, ['<h2 id="letter-h">H</h2>', 'Omar Haddad', '<h2 id="letter-q">Q</h2>', 'Hana Qasim', '<h2 id="by-quotes">'])).toBe(true);
    const byQuotes = idx.slice(idx.indexOf('id="by-quotes"'));
    expect(order(byQuotes, ['Hana Qasim', 'Omar Haddad'])).toBe(true); // 2 each: ties by slug
    expect(idx).toContain('<a href="#letter-h">H<span class="visually-hidden"> (1)</span></a>');
  });
});

describe('speakers index of a large archive', () => {
  it('moves the A–Z lists to one page per initial when there are more than INLINE_SPEAKERS speakers', async () => {
    const names = Array.from({ length: INLINE_SPEAKERS + 1 }, (_, i) => `Person ${String.fromCharCode(65 + (i % 26))}${i}`);
    const big = makeArticle({
      title: 'Everyone speaks', date: '2024-01-01', paragraphs: names.map((n) => `“Yes ${n},” said ${n}.`),
      speakers: names.map((name) => ({ name })), quotes: names.map((n) => ({ text: `Yes ${n},`, speaker: n })),
    });
    const all = listPages(buildSiteIndex([big]), site);
    const letterPages = all.filter((p) => p.template === 'speakers-letter');
    expect(letterPages.map((p) => p.route)).toContain('/speakers/a-z/a/');
    expect(letterPages).toHaveLength(26);
    const idx = renderPage(all.find((p) => p.route === '/speakers/')!, engine, site);
    expect(idx).toContain('<a href="/speakers/a-z/b/">B<span class="visually-hidden"> (12)</span></a>');
    expect(idx).not.toContain('<h2 id="letter-a">');
    expect(idx).toContain('The 100 most quoted');
    const b = renderPage(letterPages.find((p) => p.route === '/speakers/a-z/b/')!, engine, site);
    expect(b).toContain('<a href="/speakers/a-z/b/" aria-current="page">B');
    expect(b).toContain('<a href="/speakers/person-b1/">Person B1</a>');
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(b);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});

describe('topic pages', () => {
  it('lists articles, speakers quoted on the topic with counts, a timeline and the feed', () => {
    const topic = html('/topics/water/');
    expect(order(topic, ['Canals to be cleaned', 'Water plan agreed'])).toBe(true);
    expect(topic).toContain('<a href="/speakers/hana-qasim/">Hana Qasim</a> <span class="count">2</span>');
    expect(topic).toContain('<figure class="timeline">');
    expect(topic).toContain('href="/topics/water/atom.xml"');
  });

  it('keeps the overview (timeline, who is quoted) on the first page only; later pages link back to it', () => {
    const many = Array.from({ length: 5 }, (_, i) => makeArticle({
      title: `Harvest report ${i + 1}`, date: `2024-0${i + 1}-10`, topics: ['Harvest'],
      paragraphs: [`“Yields rose,” said Speaker Number${i}.`], speakers: [{ name: `Speaker Number${i}` }], quotes: [{ text: 'Yields rose,', speaker: `Speaker Number${i}` }],
    }));
    const idx = buildSiteIndex(many);
    const topicPages = listPages(idx, site).filter((p) => p.template === 'topic');
    const first = renderPage(topicPages.find((p) => p.route === '/topics/harvest/')!, engine, site);
    const second = renderPage(topicPages.find((p) => p.route === '/topics/harvest/page/2/')!, engine, site);
    expect(first).toContain('<figure class="timeline">');
    expect(first).toContain('<h2>Who is quoted</h2>');
    expect(second).not.toContain('<figure class="timeline">');
    expect(second).not.toContain('Who is quoted');
    expect(second).toContain('page 2 of 3');
    expect(second).toContain('<a href="/topics/harvest/">Overview</a>');
  });

  it('names at most 60 speakers in a topic overview and points to the speaker index for the rest', () => {
    const crowd = Array.from({ length: 62 }, (_, i) => ({ name: `Voice Person${String(i).padStart(2, '0')}` }));
    const big = makeArticle({
      title: 'Town meeting', date: '2024-05-01', topics: ['Town'], paragraphs: crowd.map((c) => `“We agree,” said ${c.name}.`),
      speakers: crowd, quotes: crowd.map((c) => ({ text: `said ${c.name}`, speaker: c.name })),
    });
    const idx = buildSiteIndex([big]);
    const topic = renderPage(listPages(idx, site).find((p) => p.route === '/topics/town/')!, engine, site);
    const quoted = /<h2>Who is quoted<\/h2>\s*<ul class="tags">(.*?)<\/ul>/s.exec(topic)?.[1] ?? '';
    expect(quoted.match(/<li>/g)?.length).toBe(60);
    expect(topic).toContain('and 2 more in the <a href="/speakers/">speaker index</a>.');
  });

  it('ranks the topics index by number of articles', () => {
    const topics = html('/topics/');
    expect(order(topics, ['Diplomacy', 'Water'])).toBe(true);
  });
});

describe('places and date archives', () => {
  it('has a page per dateline place and an index', () => {
    expect(html('/places/hama/')).toContain('Canals to be cleaned');
    expect(html('/places/')).toContain('<a href="/places/homs/">Homs</a>');
  });

  it('lays each year out as twelve months, linking only months that have articles', () => {
    const years = calendar(index);
    expect(years.map((y) => [y.year, y.count])).toEqual([['2024', 2], ['2023', 1]]);
    expect(years[0]!.months).toHaveLength(12);
    expect(years[0]!.months.filter((m) => m.hasPage).map((m) => m.month)).toEqual(['01', '03']);
    const archive = html('/archive/');
    expect(archive).toContain('<a href="/archive/2024/03/"><span class="month-name">Mar</span> <span class="count">1 article</span></a>');
    expect(archive).toContain('<li class="empty"><span class="month-name">Feb</span>');
    expect(archive).toContain('<a href="/archive/undated/">Undated articles</a> <span class="count">2</span>');
  });

  it('gives each month its articles and links to the neighbouring months', () => {
    const month = html('/archive/2024/01/');
    expect(month).toContain('<h1>January 2024</h1>');
    expect(month).toContain('<a rel="prev" href="/archive/2024/03/">← March 2024</a>');
    expect(month).toContain('<a rel="next" href="/archive/2023/11/">November 2023 →</a>');
  });

  it('paginates place, month and undated listings by the page size, like the home page', () => {
    const routes = listPages(index, { ...site, pageSize: 1 }).map((p) => p.route);
    expect(routes).toEqual(expect.arrayContaining(['/archive/undated/', '/archive/undated/page/2/', '/speakers/hana-qasim/page/2/']));
    expect(routes).not.toContain('/archive/undated/page/3/');
    const one = buildSiteIndex([...records, makeArticle({ title: 'Second from Hama', date: '2024-01-21', place: 'Hama', paragraphs: ['More from Hama.'] })]);
    const routesOne = listPages(one, { ...site, pageSize: 1 }).map((p) => p.route);
    expect(routesOne).toEqual(expect.arrayContaining(['/places/hama/', '/places/hama/page/2/', '/archive/2024/01/', '/archive/2024/01/page/2/']));
  });

  it('lists undated articles on their own page', () => {
    const undated = html('/archive/undated/');
    expect(undated).toContain('Market traders return');
    expect(undated).toContain('Archive note');
    expect(undated).not.toContain('Border reopens');
  });
});

describe('search and 404', () => {
  it('loads Pagefind only on the search page, with the base path for result links', () => {
    const ctx = { ...testSite({ basePath: '/news/' }), pageSize: 2 };
    const search = renderPage(listPages(index, ctx).find((p) => p.template === 'search')!, engine, ctx);
    expect(search).toContain('<div id="search" data-base-url="/news/"></div>');
    expect(search).toContain('<script src="/news/pagefind/pagefind-ui.js"></script>');
    expect(html('/')).not.toContain('<script src=');
  });

  it('has a 404 page with ways back into the archive, including a search form that works without JavaScript', () => {
    const notFound = html('/404.html');
    expect(notFound).toContain('<h1>Page not found</h1>');
    expect(notFound).toContain('<form class="search-form" role="search" action="/search/" method="get">');
    expect(notFound).toContain('<label for="q">Search the archive</label>');
  });
});

describe('monthlyCounts', () => {
  it('counts per month whatever the order, skipping missing dates and keeping short ones as their own key', async () => {
    const fc = (await import('fast-check')).default;
    const { monthlyCounts } = await import('../../src/pages/lists.ts');
    const naive = (dates: (string | null)[]): { month: string; count: number }[] => {
      const m = new Map<string, number>();
      for (const d of dates) if (d) m.set(d.slice(0, 7), (m.get(d.slice(0, 7)) ?? 0) + 1);
      return [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([month, count]) => ({ month, count }));
    };
    const date = fc.oneof(fc.constantFrom(null, '', '2024', '2024-0', '2024-03', '2024-03-02', '2024-03-31T10:00:00Z', '2023-12-01', '2024-10-05'));
    fc.assert(fc.property(fc.array(date, { maxLength: 40 }), (dates) => JSON.stringify(monthlyCounts(dates)) === JSON.stringify(naive(dates))), { numRuns: 500 });
    expect(monthlyCounts(['2024-03-09', '2024-03-02', '2024-01-20', '2024-03-01'])).toEqual([{ month: '2024-01', count: 1 }, { month: '2024-03', count: 3 }]);
  });
});
