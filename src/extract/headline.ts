// Headline-style quotes: "Lavrov: We agreed …" in the title or a sub-heading, attributed to a speaker of the body.
import type { Entity, Registry } from './entities.ts';
import { analyzeNP } from './names.ts';
import { tokenize } from './text.ts';

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const P_RE_1 = /[^\p{L}]+/u;

export interface HeadlineQuote {
  ent: Entity;
  start: number;
  end: number;
}

/** Splits "Speaker: words" at the first colon; the prefix must be a short noun phrase. */
export function headlineQuote(source: string, start: number, text: string, reg: Registry): HeadlineQuote | null {
  const m = /^([^:]{2,80}?)\s*:\s+(\S.*?)\s*$/su.exec(text);
  if (!m) return null;
  const prefix = m[1]!;
  if (prefix.split(/\s+/).length > 8 || /[.!?]/.test(prefix.replace(/\b\p{Lu}\./gu, ''))) return null;
  const toks = tokenize(source, [{ start, end: start + prefix.length }]);
  const np = analyzeNP(source, toks);
  let ent: Entity | null = null;
  if (np.kind === 'person') {
    ent = reg.findPerson(np.name);
    if (!ent) ent = reg.add(np, start, np.name, true);
  } else if (np.kind === 'unnamed' || np.kind === 'org') {
    // "Information Minister: …", "Ambassador of Venezuela: …": the speaker whose role fits.
    const words = prefix.toLowerCase().split(P_RE_1).filter(Boolean);
    let best: Entity | null = null;
    let bestN = 0;
    for (const e of reg.ents) {
      if (!e.speaker) continue;
      const hay = new Set([...e.roles, e.name, ...e.aliases].join(' ').toLowerCase().split(P_RE_1));
      const n = words.filter((w) => hay.has(w)).length;
      if (n > bestN) { best = e; bestN = n; }
    }
    ent = best && bestN >= Math.min(2, words.length) ? best : null;
    if (!ent && np.kind === 'org') ent = reg.add(np, start, np.name);
  }
  if (!ent) return null;
  const qs = start + m.index + m[0].indexOf(m[2]!, prefix.length);
  return { ent, start: qs, end: qs + m[2]!.length };
}
