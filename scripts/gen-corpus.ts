// Synthetic wire-story corpus for benchmarks and scale tests: N stories, byte-identical for the same seed.
// Usage: node --import tsx scripts/gen-corpus.ts --n 10000 --out DIR [--seed 1] [--format md|txt]
// Each story has a dateline opener, speakers introduced with their titles, direct and reported quotes, a sub-heading,
// and 1–3 topics (front matter tags in .md; .txt is raw wire copy dated by its file name).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** mulberry32: tiny, fast, and the same sequence on every platform. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['Amara', 'Bruno', 'Celia', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hassan', 'Ines', 'Jonas', 'Kira', 'Leandro', 'Mira', 'Nikolai', 'Olga', 'Pavel', 'Rania', 'Samir', 'Tomas', 'Ulla', 'Vera', 'Walid', 'Yara', 'Zoran'];
const FAMILY = ['Adler', 'Barakat', 'Castell', 'Dorn', 'Esposito', 'Falk', 'Gorin', 'Haddad', 'Ivers', 'Jaber', 'Kovac', 'Lind', 'Mansour', 'Novak', 'Orlov', 'Petrov', 'Quinn', 'Rahimi', 'Sorel', 'Tamm', 'Umarov', 'Varga', 'Wolff', 'Zeller'];
const SUFFIX = ['', 'ova', 'sen', 'ini', 'er', 'ak', 'is', 'ane', 'ström'];
const COUNTRIES = ['Norland', 'Castovia', 'Meridia', 'Ostravia', 'Veltria', 'Arkadia', 'Belmora', 'Dunmark', 'Estoria', 'Galvia', 'Kardonia', 'Lusara'];
const ADJ: Record<string, string> = { Norland: 'Norlandic', Castovia: 'Castovian', Meridia: 'Meridian', Ostravia: 'Ostravian', Veltria: 'Veltrian', Arkadia: 'Arkadian', Belmora: 'Belmoran', Dunmark: 'Dunmarkish', Estoria: 'Estorian', Galvia: 'Galvian', Kardonia: 'Kardonian', Lusara: 'Lusaran' };
const ROLES = ['Foreign Minister', 'Prime Minister', 'President', 'Defence Minister', 'Trade Minister', 'Energy Minister', 'Health Minister', 'Ambassador to the UN', 'Central Bank Governor', 'Interior Minister'];
const PLACES = ['Port Elmer', 'Vastra', 'New Halden', 'Coravel', 'Lindqvist', 'Mar Sabin', 'Oberfeld', 'Rask', 'Tolvane', 'Ystad Mire', 'Kessel Bay', 'Aldgrove'];
const AGENCIES = ['NWA', 'Meridian Press', 'CPA', 'Wire Service'];
const TOPICS = ['Energy', 'Trade', 'Water', 'Border talks', 'Elections', 'Health', 'Shipping', 'Fisheries', 'Railways', 'Drought', 'Refugees', 'Customs', 'Banking', 'Tourism', 'Mining', 'Education', 'Housing', 'Telecoms', 'Aviation', 'Farming', 'Climate', 'Sanctions', 'Security', 'Ports', 'Textiles', 'Pensions', 'Courts', 'Media', 'Science', 'Sport', 'Culture', 'Space', 'Roads', 'Taxes', 'Labour', 'Tariffs', 'Grain', 'Oil', 'Gas', 'Diplomacy'];
const SUBJECTS: Record<string, string> = {};
for (const t of TOPICS) SUBJECTS[t] = `the ${t.toLowerCase()} file`;
const DIRECT_VERBS = ['said', 'added', 'stressed', 'noted', 'told reporters', 'said in a statement'];
const REPORTED_VERBS = ['said', 'affirmed', 'pointed out', 'warned', 'announced', 'indicated', 'underlined'];
const CLAIMS = [
  'the talks on {s} had entered a decisive phase',
  'no country could impose its will on {s}',
  'the government would present new proposals on {s} next month',
  'the latest figures on {s} were better than expected',
  'cooperation on {s} would continue despite the difficulties',
  'the agreement on {s} served the interests of both peoples',
];
const QUOTES = [
  'We will not accept any solution on {s} that ignores the facts on the ground.',
  'The door to dialogue on {s} remains open.',
  'Our position on {s} has not changed and will not change.',
  'What we need now on {s} is action, not statements.',
  'The results on {s} so far are encouraging, but much remains to be done.',
];
const FILLER = [
  'Officials in {p} said a second round of meetings was planned before the end of the month.',
  'Figures published last week put the cost of {s} at several million a year.',
  'Observers in {p} expect {s} to stay on the agenda for the rest of the year.',
  'A joint committee on {s} met three times this year, according to the ministry.',
  'Residents of {p} said {s} had become part of daily life.',
];
const HEADINGS = ['Next steps', 'Background', 'Reactions', 'Figures', 'What comes next'];

/** Wire style closes a quote followed by its attribution with a comma: “…,” she said. */
function comma(sentence: string): string {
  return sentence.replace(/\.$/, ',');
}

/** Zipf-like pick: low indexes dominate, like real archives where a few speakers and topics are everywhere. */
function zipf<T>(r: () => number, items: T[]): T {
  return items[Math.min(items.length - 1, Math.floor(items.length * r() ** 2.2))]!;
}
function pick<T>(r: () => number, items: T[]): T {
  return items[Math.floor(r() * items.length)]!;
}

interface Person {
  name: string;
  surname: string;
  title: string;
  pronoun: 'He' | 'She';
}

function people(r: () => number, count: number): Person[] {
  const out: Person[] = [];
  for (let i = 0; i < count; i++) {
    // Distinct surnames (up to 216 people), so "Surname said" always points at one person.
    const given = GIVEN[(i * 5) % GIVEN.length]!;
    const surname = `${FAMILY[i % FAMILY.length]!}${SUFFIX[Math.floor(i / FAMILY.length) % SUFFIX.length]!}`;
    const country = COUNTRIES[Math.floor(r() * COUNTRIES.length)]!;
    out.push({ name: `${given} ${surname}`, surname, title: `${ADJ[country]} ${pick(r, ROLES)}`, pronoun: 'AEIOUaeiou'.includes(given.at(-1)!) ? 'She' : 'He' });
  }
  return out;
}

export interface Story {
  file: string;
  text: string;
}

/** The i-th story of the corpus for `seed` (each story has its own generator, so stories do not depend on N). */
export function story(seed: number, i: number, cast: Person[], format: 'md' | 'txt'): Story {
  const r = rng(seed * 1_000_003 + i);
  const topics = [...new Set([zipf(r, TOPICS), zipf(r, TOPICS), zipf(r, TOPICS)].slice(0, 1 + Math.floor(r() * 3)))];
  const s = SUBJECTS[topics[0]!]!;
  const place = pick(r, PLACES);
  const fill = (t: string): string => t.replaceAll('{s}', s).replaceAll('{p}', place);
  const [a, b] = [zipf(r, cast), zipf(r, cast)];
  const speakers = a === b ? [a] : [a, b];
  const day = new Date(Date.UTC(2018, 0, 1) + Math.floor(i / 6) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const headline = `${a.surname}: ${fill(pick(r, QUOTES)).replace(/\.$/, '')}`;
  const agency = pick(r, AGENCIES);
  const paragraphs: string[] = [];
  paragraphs.push(`${r() < 0.8 ? place : place.toUpperCase()}, ${agency} – ${a.title} ${a.name} ${pick(r, REPORTED_VERBS)} that ${fill(pick(r, CLAIMS))}.`);
  paragraphs.push(`“${comma(fill(pick(r, QUOTES)))}” ${a.surname} ${pick(r, DIRECT_VERBS)}. ${fill(pick(r, FILLER))} ${fill(pick(r, FILLER))}`);
  for (const sp of speakers.slice(1)) {
    paragraphs.push(`${sp.title} ${sp.name} ${pick(r, REPORTED_VERBS)} that ${fill(pick(r, CLAIMS))}. ${fill(pick(r, FILLER))}`);
  }
  const body = 6 + Math.floor(r() * 5);
  for (let k = 0; k < body; k++) {
    const sp = pick(r, speakers);
    const kind = r();
    if (kind < 0.3) paragraphs.push(`${sp.pronoun} ${pick(r, REPORTED_VERBS)} that ${fill(pick(r, CLAIMS))}. ${fill(pick(r, FILLER))}`);
    else if (kind < 0.55) paragraphs.push(`“${fill(pick(r, QUOTES))} ${comma(fill(pick(r, QUOTES)))}” ${sp.surname} ${pick(r, DIRECT_VERBS)}. ${fill(pick(r, FILLER))}`);
    else if (kind < 0.7) paragraphs.push(`${sp.surname} ${pick(r, DIRECT_VERBS)}: “${fill(pick(r, QUOTES))}” ${fill(pick(r, FILLER))}`);
    else paragraphs.push(`${fill(pick(r, FILLER))} ${fill(pick(r, FILLER))} ${fill(pick(r, FILLER))}`);
    if (k === 1) paragraphs.push(format === 'md' ? `## ${pick(r, HEADINGS)}` : pick(r, HEADINGS));
  }
  const slug = headline.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48).replace(/-$/, '');
  const name = `${date}-${String(i).padStart(6, '0')}-${slug}`;
  if (format === 'md') {
    const fm = ['---', `title: ${JSON.stringify(headline)}`, `date: ${date}`, 'tags:', ...topics.map((t) => `  - ${JSON.stringify(t)}`), '---', ''];
    return { file: `${name}.md`, text: `${fm.join('\n')}\n${paragraphs.join('\n\n')}\n` };
  }
  return { file: `${name}.txt`, text: `${headline}\n\n${paragraphs.join('\n\n')}\n\n${a.surname.slice(0, 3)}/${agency}\n` };
}

export function generateCorpus(n: number, seed: number, format: 'md' | 'txt' = 'md'): Generator<Story> {
  const cast = people(rng(seed), 200);
  return (function* () {
    for (let i = 0; i < n; i++) yield story(seed, i, cast, format);
  })();
}

/** Writes the corpus into `out` (emptied first), 1,000 stories per sub-folder so no folder gets huge. */
export function writeCorpus(out: string, n: number, seed: number, format: 'md' | 'txt' = 'md'): number {
  rmSync(out, { recursive: true, force: true });
  let i = 0;
  for (const s of generateCorpus(n, seed, format)) {
    const dir = path.join(out, String(Math.floor(i++ / 1000)).padStart(3, '0'));
    if (i % 1000 === 1) mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, s.file), s.text);
  }
  return i;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' }, format: { type: 'string', default: 'md' } } });
  if (!values.out) {
    process.stderr.write('usage: gen-corpus.ts --n N --out DIR [--seed S] [--format md|txt]\n');
    process.exit(2);
  }
  const t = performance.now();
  const n = writeCorpus(path.resolve(values.out), Number(values.n), Number(values.seed), values.format === 'txt' ? 'txt' : 'md');
  process.stdout.write(`gen-corpus: ${n} stories (seed ${values.seed}, ${values.format}) → ${values.out} in ${((performance.now() - t) / 1000).toFixed(2)} s\n`);
}
