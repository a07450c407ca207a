// The part of an article page that decides its search index: the data-pagefind-body element and the page language.
import { describe, expect, it } from 'vitest';
import { indexedPart } from '../../src/search/indexed-part.ts';

const page = (body: string, { lang = 'en', around = '', head = '' } = {}): string =>
  `<!DOCTYPE html>\n<html lang="${lang}">\n<head><title>T</title>${head}</head>\n<body><header>site</header>\n<main>\n${body}\n${around}\n</main></body>\n</html>\n`;
const story = (text: string): string => `<article class="story" data-pagefind-body>\n<h1>Headline</h1>\n<div class="article-body"><p>${text}</p></div>\n</article>`;

describe('indexedPart', () => {
  it('is the marked element and the language, whatever surrounds them', () => {
    const part = indexedPart(page(story('Talks resumed.'), { around: '<nav class="pager"><a rel="prev" href="/a/">Older headline</a></nav>' }));
    expect(part).toBe(`lang=en\n${story('Talks resumed.')}`);
    // A neighbour retitled, a related list changed, the layout's header: not what Pagefind reads.
    expect(indexedPart(page(story('Talks resumed.'), { around: '<nav class="pager"><a rel="prev" href="/a/">Corrected headline</a></nav><section>Related</section>' }))).toBe(part);
  });

  it('changes with the text inside and with the language', () => {
    const part = indexedPart(page(story('Talks resumed.')));
    expect(indexedPart(page(story('Talks resumed on Monday.')))).not.toBe(part);
    expect(indexedPart(page(story('Talks resumed.'), { lang: 'fr' }))).not.toBe(part);
  });

  it('counts nested elements of the same name to find where the marked one ends', () => {
    const nested = `<article data-pagefind-body><article class="quote">inner</article><p>after the inner one</p></article>`;
    expect(indexedPart(page(nested, { around: '<article>teaser</article>' }))).toBe(`lang=en\n${nested}`);
  });

  it('is the whole page when in doubt', () => {
    const cases = [
      page('<p>no marker at all</p>'),
      page(`${story('one')}\n<aside data-pagefind-body>two</aside>`),
      page(story('x'), { head: '<meta data-pagefind-meta="image:/a.png">' }),
      page(story('x'), { around: '<span data-pagefind-filter="topic">Energy</span>' }),
      page('<article data-pagefind-body><p>never closed</p>'),
    ];
    for (const html of cases) expect(indexedPart(html)).toBe(html);
    // The marker's words in a title (article text is escaped, so no tag) are not the element.
    const titled = page(story('x')).replace('<title>T</title>', '<title>On data-pagefind-body</title>');
    expect(indexedPart(titled)).toBe(titled);
  });
});
