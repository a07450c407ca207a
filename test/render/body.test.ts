// Article body HTML: quote marks placed by source offsets, text escaped, one anchor per quote.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/model/article.ts';
import { renderMarkdownBody, renderWireBody, type QuoteMark } from '../../src/render/body.ts';

function mark(source: string, text: string, id: string, speakerHref: string | null = '/speakers/x/', kind: Quote['kind'] = 'direct'): QuoteMark {
  const start = source.indexOf(text);
  return { id, speakerHref, quote: { speaker: 'Rami Test', text, kind, cue: 'said', start, end: start + text.length } };
}

function quote(q: Pick<Quote, 'start' | 'end' | 'text' | 'kind' | 'speaker'>): Quote {
  return { cue: 'said', ...q };
}

describe('wire body', () => {
  const source = 'Headline\n\n“Prices <will> fall,” said Rami Test.\n\nHe said that rents & fees would stay.';
  const blocks = [
    { kind: 'paragraph' as const, text: '“Prices <will> fall,” said Rami Test.', start: source.indexOf('“Prices'), line: 3 },
    { kind: 'paragraph' as const, text: 'He said that rents & fees would stay.', start: source.indexOf('He said'), line: 5 },
  ];

  it('wraps each quote in a mark with its anchor, escapes the text and links the speaker after the quote', () => {
    const html = renderWireBody({ blocks }, [mark(source, 'Prices <will> fall,', 'q1'), mark(source, 'rents & fees would stay', 'q2', null, 'indirect')]);
    expect(html).toBe('<p>“<mark class="quote quote-direct" id="q1">Prices &lt;will&gt; fall,</mark><a class="quote-speaker" href="/speakers/x/" title="Rami Test"><span class="visually-hidden">(quote by Rami Test)</span><span aria-hidden="true">↗</span></a>” said Rami Test.</p>\n'
      + '<p>He said that <mark class="quote quote-indirect" id="q2">rents &amp; fees would stay</mark>.</p>');
  });

  it('gives a quote that spans two paragraphs one anchor, on its first part', () => {
    const src = 'T\n\nOne two\n\nthree four';
    const b = [{ kind: 'paragraph' as const, text: 'One two', start: 3, line: 3 }, { kind: 'paragraph' as const, text: 'three four', start: 12, line: 5 }];
    const m: QuoteMark = { id: 'q1', speakerHref: null, quote: { speaker: null, text: src.slice(7, 17), kind: 'direct', cue: null, start: 7, end: 17 } };
    const html = renderWireBody({ blocks: b }, [m]);
    expect(html.match(/id="q1"/g)).toHaveLength(1);
    expect(html).toBe('<p>One <mark class="quote quote-direct" id="q1">two</mark></p>\n<p><mark class="quote quote-direct">three</mark> four</p>');
  });

  it('keeps the first of two overlapping quotes', () => {
    const src = 'T\n\nabcdef';
    const b = [{ kind: 'paragraph' as const, text: 'abcdef', start: 3, line: 3 }];
    const q = (start: number, end: number, id: string): QuoteMark => ({ id, speakerHref: null, quote: { speaker: null, text: src.slice(start, end), kind: 'direct', cue: null, start, end } });
    expect(renderWireBody({ blocks: b }, [q(3, 6, 'q1'), q(4, 8, 'q2')])).toBe('<p><mark class="quote quote-direct" id="q1">abc</mark>def</p>');
  });
});

describe('markdown body', () => {
  it('drops raw HTML from the author and keeps Markdown emphasis', () => {
    const html = renderMarkdownBody('Hello <script>alert(1)</script> *world*.', []);
    expect(html).not.toContain('<script');
    expect(html).toContain('<em>world</em>');
  });

  it('cuts the dateline opener and a repeated level-1 headline, keeping quote offsets right', () => {
    const source = '# Talks resume\n\nGENEVA, SANA – “We are ready,” said Jane Example.\n';
    const html = renderMarkdownBody(source, [mark(source, 'We are ready,', 'q1', '/speakers/jane-example/')], { title: 'Talks resume', datelineRaw: 'GENEVA, SANA –' });
    expect(html).toBe('<p>“<mark class="quote quote-direct" id="q1">We are ready,</mark><a href="/speakers/jane-example/" title="Rami Test" class="quote-speaker"><span class="visually-hidden">(quote by Rami Test)</span><span aria-hidden="true">↗</span></a>” said Jane Example.</p>\n');
  });

  it('keeps a level-1 heading that is not the headline', () => {
    expect(renderMarkdownBody('# Other\n\nText.', [], { title: 'Talks resume' })).toContain('<h1>Other</h1>');
  });
});

describe('markdown body without Markdown syntax (fast path)', () => {
  const piece = fc.constantFrom(
    'Moscow, SANA – ', 'The minister said', ' talks', ' were "useful"', ' “good”', '.', ' ', '\n', '\n\n', '# ', '## ', 'Lavrov', "it's", '1987 ', ':', '#',
  );
  const who = fc.constantFrom('Sergei Lavrov', 'A & "B" <C> \'d\'', '', 'Al-Assad');
  it('writes exactly the HTML remark-html writes, quote marks and speaker links included', async () => {
    const { renderMarkdownBodyRemark } = await import('../../src/render/body.ts');
    const { plainMarkdownBlocks } = await import('../../src/parse/plain-markdown.ts');
    let accepted = 0;
    fc.assert(fc.property(
      fc.array(piece, { minLength: 1, maxLength: 30 }).map((xs) => xs.join('')),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 60 }), fc.constantFrom('direct', 'indirect'), who, fc.boolean()), { maxLength: 4 }),
      fc.boolean(), fc.boolean(),
      (src, qs, withTitle, withDateline) => {
        if (!plainMarkdownBlocks(src)) return;
        accepted++;
        const marks: QuoteMark[] = qs
          .map(([a, len, kind, speaker, linked], i) => {
            const start = a % (src.length + 1);
            const end = Math.min(src.length, start + len);
            return { quote: quote({ start, end, text: src.slice(start, end), kind: kind as Quote['kind'], speaker }), id: `q${i + 1}`, speakerHref: linked ? `/speakers/${speaker.length}/` : null };
          })
          .sort((x, y) => x.quote.start - y.quote.start);
        const options = { ...(withTitle ? { title: (/^# (.*)$/m.exec(src)?.[1] ?? 'none') } : {}), ...(withDateline ? { datelineRaw: 'Moscow, SANA –' } : {}) };
        expect(renderMarkdownBody(src, marks, options)).toBe(renderMarkdownBodyRemark(src, marks, options));
      },
    ), { numRuns: 1500 });
    expect(accepted).toBeGreaterThan(300);
  });
});
