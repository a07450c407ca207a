// Topic evaluation on the dev corpora: articles-per-topic distribution, largest topics, Reuters country P/R/F1.
// Run: npx tsx scripts/eval-topics.ts [--corpus ../shared/corpus] [--min-articles 2] [--max-per-article 8] [--min-mentions 2]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { detectTopicCandidates } from '../src/extract/topics/candidates.ts';
import { countryByName } from '../src/extract/topics/lexicon.ts';
import type { TopicCandidate } from '../src/extract/topics/types.ts';
import { resolvePlace } from '../src/extract/places/resolve.ts';
import { buildTaxonomy, type Taxonomy, type TaxonomyOptions } from '../src/index/taxonomy.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};
const corpus = resolve(arg('corpus', join(import.meta.dirname, '..', '..', 'shared', 'corpus')));
const options: TaxonomyOptions = {
  minArticles: Number(arg('min-articles', '2')),
  maxPerArticle: Number(arg('max-per-article', '8')),
  minMentions: Number(arg('min-mentions', '2')),
};

// Reuters-21578 (1987) place labels whose names are historic or abbreviated: evaluation-only mapping.
const REUTERS_LABELS: Record<string, string> = {
  usa: 'US', uk: 'GB', ussr: 'RU', 'west-germany': 'DE', 'east-germany': 'DE', uae: 'AE',
  'yemen-arab-republic': 'YE', 'yemen-demo-republic': 'YE', zaire: 'CD', kampuchea: 'KH', burma: 'MM',
  czechoslovakia: 'CZ', yugoslavia: 'RS', 'ivory-coast': 'CI', 'trinidad-tobago': 'TT', antigua: 'AG',
  'us-virgin-islands': 'VI', swaziland: 'SZ', congo: 'CG', 'netherlands-antilles': 'CW', 'st-lucia': 'LC',
  'st-kitts-nevis': 'KN', 'st-vincent': 'VC', 'french-guiana': 'GF', 'east-timor': 'TL', 'sao-tome': 'ST',
  'cape-verde': 'CV', 'guinea-bissau': 'GW', 'ecuador': 'EC', 'south-korea': 'KR', 'north-korea': 'KP',
};

function labelCode(label: string): string | null {
  if (REUTERS_LABELS[label]) return REUTERS_LABELS[label]!;
  const name = label.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
  return countryByName(name)?.code ?? null;
}

function distribution(tax: Taxonomy, nArticles: number, label: string): void {
  const sizes = tax.topics.map((t) => tax.articlesFor(t.slug).length);
  const buckets: [string, (n: number) => boolean][] = [
    ['1', (n) => n === 1], ['2', (n) => n === 2], ['3-5', (n) => n >= 3 && n <= 5], ['6-10', (n) => n >= 6 && n <= 10],
    ['11-50', (n) => n >= 11 && n <= 50], ['51-100', (n) => n >= 51 && n <= 100], ['101-1000', (n) => n >= 101 && n <= 1000],
    ['>1000', (n) => n > 1000],
  ];
  const byKind = new Map<string, number>();
  for (const t of tax.topics) byKind.set(t.kind, (byKind.get(t.kind) ?? 0) + 1);
  let assigned = 0;
  let untagged = 0;
  for (let i = 0; i < nArticles; i++) {
    const n = tax.topicsFor(String(i)).length;
    assigned += n;
    if (!n) untagged++;
  }
  console.log(`\n== ${label}: ${nArticles} articles, ${tax.topics.length} topics (${[...byKind].map(([k, v]) => `${k} ${v}`).join(', ')})`);
  console.log(`topics per article: mean ${(assigned / nArticles).toFixed(2)}; articles with no topic: ${untagged}`);
  console.log('articles per topic: ' + buckets.map(([b, f]) => `${b}: ${sizes.filter(f).length}`).join(' | '));
  console.log('30 largest topics:');
  tax.topics.slice(0, 30).forEach((t, i) => console.log(`  ${String(i + 1).padStart(2)}. ${t.name} [${t.kind}] ${tax.articlesFor(t.slug).length}`));
}

// ---- Reuters-21578
interface ReutersDoc { id: number; title: string | null; dateline: string | null; body: string | null; places: string[] }
const reuters: ReutersDoc[] = readFileSync(join(corpus, 'reuters21578', 'reuters21578.jsonl'), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l) as ReutersDoc)
  .filter((d) => d.body && d.body.trim());

function reutersText(body: string): string {
  // Hard-wrapped lines; paragraphs open with four spaces; the wire sign-off "Reuter" is not content.
  return body.replace(/\s*\bReuter\s*$/, '').split(/\n {4}/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).join('\n\n');
}

const t0 = Date.now();
const perArticle: { id: string; candidates: TopicCandidate[] }[] = [];
reuters.forEach((d, i) => {
  const placeText = (d.dateline ?? '').replace(/,?\s*[A-Za-z]{3,}\.?\s+\d{1,2}\s*-?\s*$/, '').trim();
  const place = resolvePlace(placeText ? { place: placeText } : null);
  const text = reutersText(d.body!);
  perArticle.push({ id: String(i), candidates: detectTopicCandidates({ title: d.title ?? '', text, tags: [], datelineCountry: place?.country_code ?? null }) });
});
const rtax = buildTaxonomy(perArticle, options);
const elapsed = Date.now() - t0;

let tp = 0, fp = 0, fn = 0, scored = 0;
reuters.forEach((d, i) => {
  if (!d.places.length) return;
  scored++;
  const gold = new Set(d.places.map(labelCode).filter((c): c is string => c !== null));
  const unmapped = d.places.filter((p) => !labelCode(p)).length;
  const pred = new Set(rtax.topicsFor(String(i)).filter((t) => t.kind === 'country').map((t) => countryByName(t.name)?.code).filter((c): c is string => !!c));
  for (const c of pred) (gold.has(c) ? tp++ : fp++);
  for (const c of gold) if (!pred.has(c)) fn++;
  fn += unmapped;
});
const P = tp / (tp + fp), R = tp / (tp + fn), F = (2 * P * R) / (P + R);
distribution(rtax, reuters.length, 'Reuters-21578 (documents with a body)');
console.log(`\nReuters country topics vs human "places" labels over ${scored} documents with labels and a body:`);
console.log(`  tp ${tp} fp ${fp} fn ${fn}  precision ${P.toFixed(3)} recall ${R.toFixed(3)} F1 ${F.toFixed(3)}  (${elapsed} ms)`);

// ---- FA-KES
const rows = parseCsv(readFileSync(join(corpus, 'fa-kes', 'FA-KES-Dataset.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
const fak = rows.map((r, i) => {
  const place = resolvePlace(r.location ? { place: r.location } : null);
  return { id: String(i), candidates: detectTopicCandidates({ title: r.article_title ?? '', text: r.article_content ?? '', tags: [], datelineCountry: place?.country_code ?? null }) };
});
distribution(buildTaxonomy(fak, options), rows.length, 'FA-KES');
console.log(`\noptions: ${JSON.stringify(options)}`);
console.log(`reuters_country_p=${P.toFixed(4)} reuters_country_r=${R.toFixed(4)} reuters_country_f1=${F.toFixed(4)}`);
