// Property: whatever an article says (markup, quotes, control characters, any Unicode), no element, attribute,
// script or script URL in the written site comes from it, every page parses, every JSON file is JSON.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/site.ts';
import { defaultConfig } from '../../src/config.ts';
import { embeddedHtml, emptyInventory, injections, inventory, templateInventory, type Inventory } from './html-inventory.ts';

const BATCHES = 4;
const PER_BATCH = 55; // 220 generated articles per run

const HOSTILE = [
  '<script>alert(1)</script>', '</script><script>alert(2)</script>', '<img src=x onerror=alert(3)>', '<svg/onload=alert(4)>',
  '"><b x=1>', "'><i y='", 'javascript:alert(5)', '[a](javascript:alert(6))', '![b](javascript:alert(7))', '[c](  JaVaScRiPt:alert(8))',
  '<a href="javascript:alert(9)">x</a>', '<!--', '-->', ']]>', '<![CDATA[', '&lt;', '&amp;', '&#x3C;script&#x3E;', '&#106;avascript:',
  '\u2028', '\u2029', '\u0000', '\u0007', '\u001b[31m', '\uFEFF', '\uD800', '\uDFFF', '\uFFFE', '{{x}}', '<%= it.x %>', '<%~ it.x %>', '${x}',
  '`', '\\', '"', "'", '“', '”', '‘', '’', '«', '»', '<style>*{x:y}</style>', '<iframe src=//x.test>', '<math><mi xlink:href="javascript:alert(10)">',
  '<form action=javascript:alert(11)><button>', '<base href=//evil.test>', '<meta http-equiv=refresh content=0;url=//evil.test>',
  '<object data=javascript:alert(12)>', '<div style="background:url(javascript:alert(13))">', '<x-custom foo=bar>', '<p onclick=alert(14)>',
  '\n\n', '\n', '# ', '## ', '> ', '* ', '1. ', '---', '```', '    ', '<https://example.test/?a=<b>>', '<javascript:alert(15)>',
];
const WORDS = ['The council met', 'officials said', 'on Monday', 'GENEVA, SANA –', 'By Ada Sample', 'said the minister', 'in the capital', 'Reuters'];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
);
const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((a) => a.join(' '));
const oneLine = text.map((t) => t.replace(/[\r\n]+/g, ' '));

const article = fc.record({
  format: fc.constantFrom('txt', 'md'),
  title: oneLine,
  paragraphs: fc.array(text, { minLength: 1, maxLength: 4 }),
  quote: text,
  speaker: oneLine,
  tags: fc.array(oneLine, { maxLength: 3 }),
  summary: fc.option(oneLine),
  author: fc.option(oneLine),
  place: fc.option(oneLine),
  link: fc.constantFrom('javascript:alert(16)', 'https://example.test/a"b', 'data:text/html,<script>alert(17)</script>', 'vbscript:x', '#"><script>', 'mailto:a@b.test'),
});
type Generated = typeof article extends fc.Arbitrary<infer T> ? T : never;

/** Writes one generated article; front-matter values go through JSON, which YAML reads as double-quoted strings. */
function writeArticle(dir: string, i: number, a: Generated): void {
  const body = [`PLACE, Agency – ${a.paragraphs[0]}`, `"${a.quote}," said ${a.speaker}.`, ...a.paragraphs.slice(1)];
  if (a.format === 'txt') {
    writeFileSync(path.join(dir, `2024-03-${String(1 + (i % 28)).padStart(2, '0')}-a${String(i).padStart(3, '0')}.txt`), `${a.title}\n\n${body.join('\n\n')}\n`);
    return;
  }
  // Dated, so the article reaches the feeds too.
  const fm = [`title: ${JSON.stringify(a.title)}`, `date: 2024-04-${String(1 + (i % 28)).padStart(2, '0')}`, `tags: ${JSON.stringify(a.tags)}`];
  if (a.summary !== null) fm.push(`summary: ${JSON.stringify(a.summary)}`);
  if (a.author !== null) fm.push(`author: ${JSON.stringify(a.author)}`);
  if (a.place !== null) fm.push(`place: ${JSON.stringify(a.place)}`);
  body.push(`Read [the report](${a.link}) and ![a picture](${a.link}).`);
  writeFileSync(path.join(dir, `a${String(i).padStart(3, '0')}.md`), `---\n${fm.join('\n')}\n---\n${body.join('\n\n')}\n`);
}

/** Harmless articles that use every structure the generator can produce: the inventory a safe page may hold. */
function writeBaselineCorpus(dir: string): void {
  writeFileSync(path.join(dir, 'b1.txt'), 'Harbour reopens after repairs\n\nBy Ada Sample\n\nPORTVILLE, Example News – The harbour reopened on Monday, officials said.\n\n"The quays are safe again," said harbour master Lena Sample.\n\nShipping agents said ships would dock soon.\n');
  writeFileSync(path.join(dir, 'b2.md'), [
    '---', 'title: Council approves budget', 'date: 2024-05-14', 'tags: [Culture, Budget]', 'summary: A short summary.', 'author: Omar Placeholder', 'place: Riverton', '---',
    'RIVERTON, Example News – The council approved the budget on Tuesday.', '', '"Reading rooms matter," said councillor Omar Placeholder.', '',
    '## Hours', '', '### Branches', '', '#### Main', '', '##### Annex', '', '###### Kiosk', '', '# Late heading', '',
    'Text with *emphasis*, **strong**, `code`, a [link](https://example.test/) and ![picture](https://example.test/p.png "t").', '',
    'Line one  ', 'line two after a hard break.', '', '> A quoted block.', '', '- one', '- two', '', '1. first', '2. second', '', '---', '',
    '```', 'code block', '```', '', '```js', 'fenced with a language', '```', '', '    indented code', '', '<https://example.test/auto>', '', '[ref link][r]', '', '[r]: https://example.test/ref "Title"', '',
  ].join('\n'));
  writeFileSync(path.join(dir, '2024-05-15-b3.txt'), 'Second harbour story\n\nPORTVILLE, Example News – Cargo ships returned on Wednesday.\n\n"Work is back," said harbour master Lena Sample.\n');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

const validator = new HtmlValidate({
  rules: { 'close-order': 'error', 'close-attr': 'error', 'no-dup-attr': 'error', 'no-dup-id': 'error', 'element-name': 'error', 'no-raw-characters': 'error', 'unrecognized-char-ref': 'error' },
});

async function build(input: string, root: string): Promise<string> {
  const out = path.join(root, 'dist');
  await buildSite({ ...defaultConfig(root), input, output: out, baseUrl: 'https://example.org' }, { workers: 1 });
  return out;
}

/** The first article of a crashing batch that crashes a build on its own: what a bug report needs. */
async function crashingArticle(batch: Generated[]): Promise<Generated | null> {
  for (const a of batch) {
    const root = mkdtempSync(path.join(tmpdir(), 'na-xss-one-'));
    const input = path.join(root, 'in');
    mkdirSync(input);
    writeArticle(input, 0, a);
    try {
      await build(input, root);
    } catch {
      return a;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return null;
}

describe('no XSS from article text (fast-check)', () => {
  let htmlBase: Inventory;
  let xmlBase: Inventory;
  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-xss-base-'));
    const input = path.join(root, 'in');
    mkdirSync(input);
    writeBaselineCorpus(input);
    const out = await build(input, root);
    const templates = defaultConfig(root).templates;
    htmlBase = templateInventory(readdirSync(templates).filter((n) => n.endsWith('.eta')).map((name) => ({ name, source: readFileSync(path.join(templates, name), 'utf8') })));
    // Template placeholders ("x") are not real script sources or URLs.
    htmlBase.scripts = htmlBase.scripts.filter((s) => s.attribs.src === undefined);
    htmlBase.urls = [];
    xmlBase = emptyInventory();
    for (const f of listFiles(out)) {
      if (f.endsWith('.html')) {
        const html = readFileSync(f, 'utf8');
        inventory(html, false, htmlBase);
        const report = validator.validateStringSync(html);
        expect(report.valid, `${f}: baseline page must validate: ${JSON.stringify(report.results[0]?.messages.map((m) => m.message))}`).toBe(true);
      } else if (f.endsWith('.xml')) inventory(readFileSync(f, 'utf8'), true, xmlBase);
    }
    rmSync(root, { recursive: true, force: true });
    expect(htmlBase.tags.has('h6') && htmlBase.tags.has('img') && htmlBase.tags.has('blockquote')).toBe(true);
  });

  it(`builds ${BATCHES * PER_BATCH} hostile articles and finds nothing injected`, async () => {
    let generated = 0;
    let pages = 0;
    let feedItems = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(article, { minLength: PER_BATCH, maxLength: PER_BATCH }), async (batch) => {
        const root = mkdtempSync(path.join(tmpdir(), 'na-xss-'));
        const input = path.join(root, 'in');
        mkdirSync(input);
        batch.forEach((a, i) => writeArticle(input, i, a));
        generated += batch.length;
        let out: string;
        try {
          out = await build(input, root);
        } catch (err) {
          throw new Error(`build crashed (${(err as Error).message}); first article that crashes alone: ${JSON.stringify(await crashingArticle(batch))}`);
        }
        const problems: string[] = [];
        for (const f of listFiles(out)) {
          const rel = path.relative(out, f);
          const content = readFileSync(f, 'utf8');
          if (f.endsWith('.html')) {
            pages++;
            for (const p of injections(inventory(content), htmlBase)) problems.push(`${rel}: ${p}`);
            const report = validator.validateStringSync(content);
            if (!report.valid) problems.push(`${rel}: does not parse cleanly: ${report.results[0]!.messages.slice(0, 3).map((m) => `${m.ruleId} ${m.message}`).join('; ')}`);
          } else if (f.endsWith('.xml')) {
            const inv = inventory(content, true);
            for (const t of inv.tags) if (!xmlBase.tags.has(t)) problems.push(`${rel}: feed element <${t}>`);
            if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(content)) problems.push(`${rel}: control character in XML`);
            for (const html of embeddedHtml(content)) for (const p of injections(inventory(html), htmlBase)) problems.push(`${rel}: in embedded HTML: ${p}`);
            feedItems += (content.match(/<entry>|<item>/g) ?? []).length;
          } else if (f.endsWith('.json')) {
            try {
              JSON.parse(content);
            } catch {
              problems.push(`${rel}: JSON does not parse`);
            }
            if (/[<>]/.test(content)) problems.push(`${rel}: raw < or > in JSON`);
            if (rel === 'feed.json') for (const item of JSON.parse(content).items as { content_html?: string }[]) for (const p of injections(inventory(item.content_html ?? ''), htmlBase)) problems.push(`${rel}: in content_html: ${p}`);
          }
        }
        rmSync(root, { recursive: true, force: true });
        if (problems.length) throw new Error(`${problems.length} problems, first: ${problems.slice(0, 5).join('\n')}`);
      }),
      { numRuns: BATCHES, endOnFailure: true },
    );
    expect(generated).toBeGreaterThanOrEqual(200);
    expect(pages).toBeGreaterThan(generated);
    expect(feedItems, 'generated articles reach the feeds').toBeGreaterThan(100);
  }, 120_000);
});
