// Test double for src/extract/index.ts: finds the fixture's known speakers so site tests do not depend on the real extractor.
import type { Quote, Speaker } from '../../src/model/article.ts';
import type { ParsedText } from '../../src/parse/structure.ts';

export interface Extraction {
  speakers: Speaker[];
  mentioned: string[];
  quotes: Quote[];
}

/** The people the fixture archive quotes, with the role words written before their names. */
const KNOWN: { name: string; roles: string[] }[] = [
  { name: 'Hana Qasim', roles: ['Water Resources Minister'] },
  { name: 'Omar Haddad', roles: ['Deputy Foreign Minister'] },
  { name: 'Rana Aziz', roles: ['Customs director'] },
  { name: 'Samir Darwish', roles: ['Agriculture Minister'] },
  { name: 'Dalia Mansour', roles: ['Culture Minister'] },
  { name: 'Fadi Karam', roles: ['Electricity Minister'] },
  { name: 'Maya Farah', roles: ['archive editor'] },
  { name: 'Yusuf Khalil', roles: ['shop owner'] },
  { name: 'Sergei Lavrov', roles: ['Russian Foreign Minister'] },
  { name: 'Mikhail Bogdanov', roles: ['Deputy Foreign Minister'] },
];

function surname(name: string): string {
  return name.split(' ').at(-1)!;
}

/** Same signature as the real extractor: “…” followed by a known name or surname, and "<Name> said that …". */
export function extractQuotes(source: string, _parsed: ParsedText): Extraction {
  const quotes: Quote[] = [];
  const direct = /“([^”]+)”/g;
  for (let m = direct.exec(source); m; m = direct.exec(source)) {
    const after = source.slice(m.index + m[0].length, m.index + m[0].length + 120).split(/[.\n]/)[0]!;
    const who = KNOWN.find((k) => after.includes(surname(k.name)));
    if (!who) continue;
    const start = m.index + 1;
    quotes.push({ speaker: who.name, text: m[1]!, kind: 'direct', cue: /told/.test(after) ? 'told' : 'said', start, end: start + m[1]!.length });
  }
  const indirect = /\b([A-Z][a-z]+) said that ([^.\n]+)/g;
  for (let m = indirect.exec(source); m; m = indirect.exec(source)) {
    const who = KNOWN.find((k) => surname(k.name) === m![1]);
    if (!who) continue;
    const start = m.index + m[0].length - m[2]!.length;
    quotes.push({ speaker: who.name, text: m[2]!, kind: 'indirect', cue: 'said that', start, end: start + m[2]!.length });
  }
  quotes.sort((a, b) => a.start - b.start);
  const speakers: Speaker[] = [];
  for (const k of KNOWN) {
    if (!quotes.some((q) => q.speaker === k.name)) continue;
    const roles = k.roles.filter((r) => source.includes(`${r} ${k.name}`));
    speakers.push({ name: k.name, type: 'person', roles, aliases: source.includes(k.name) ? [surname(k.name)] : [] });
  }
  return { speakers, mentioned: [], quotes };
}
