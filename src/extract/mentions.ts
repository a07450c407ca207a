// Named people and organisations anywhere in a sentence (objects, appositions, possessives): the pool that speakers link to and `mentioned` comes from.
import type { Registry } from './entities.ts';
import { CHAIN_WORDS, ORG_HEADS, SOURCE_NOUNS, TITLE_WORDS, VERB_FORM, isPlacePossessive } from './lexicon.ts';
import { analyzeNP, isNamey, isParticle } from './names.ts';
import type { Sentence, Tok, Unit } from './text.ts';

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const P_RE_1 = /^(?:al|el|as|ad|an|ar|at|az|ash)-\p{Lu}/u;
const P_RE_2 = /^\p{Lu}[\p{Lu}\d&.]{1,7}$/u;
const P_RE_3 = /^\p{Lu}{2,6}$/u;

function word(u: Unit | undefined): Tok | null {
  return u && u.t === 'w' ? u.tok : null;
}

const SENTENCE_START = new Set(['at', 'in', 'on', 'the', 'a', 'an', 'but', 'and', 'with', 'from', 'by', 'as', 'after', 'before', 'during', 'since']);

const RUN_LOWER = new Set(['counterpart', 'spokesman', 'spokeswoman', 'envoy', 'minister', 'ambassador', 'chairman', 'president',
  'member', 'leader', 'head', 'chief', 'secretary', 'representative', 'commander', 'director', 'deputy', 'adviser', 'advisor']);

function isHyphenParticle(t: Tok): boolean {
  const c = t.text.charCodeAt(2);
  return (c === 45 || t.text.charCodeAt(3) === 45) && P_RE_1.test(t.text);
}

/** Registers every named person/organisation run in the sentence; returns nothing, the registry keeps them. */
export function collectMentions(source: string, sent: Sentence, reg: Registry): void {
  const units = sent.units;
  let i = 0;
  while (i < units.length) {
    const t = word(units[i]);
    if (!t || !(t.cap || isHyphenParticle(t))) { i++; continue; }
    // Grow a run of capitalised words, particles and chain words between capitalised words.
    let j = i;
    while (j < units.length) {
      const w = word(units[j]);
      if (!w) break;
      // Apostrophes stripped: "in Syria Russias Foreign Ministry": a place possessive starts a new name.
      if (j > i && w.cap && isPlacePossessive(w.lower)) break;
      // "<Airbus Industrie> A340": the closing mark of a Reuters company name ends the run.
      if (j > i && (source.charCodeAt(w.start - 1) === 62 || (source.charCodeAt(w.start - 1) === 32 && source.charCodeAt(w.start - 2) === 62))) break;
      // "… Human Rights White Helmets At least 31 …" (tag lists): a capitalised function word starts a sentence.
      if (j > i && w.cap && SENTENCE_START.has(w.lower)) break;
      if (w.cap || isHyphenParticle(w) || (isParticle(w) && word(units[j + 1])?.cap)) { j++; continue; }
      const afterChain = CHAIN_WORDS.has(word(units[j - 1])?.lower ?? '') && word(units[j - 1])?.lower !== 'the';
      if (w.lower === 'the' && !afterChain) break;
      const nextCap = word(units[j + 1])?.cap || (word(units[j + 1])?.lower === 'the' && word(units[j + 2])?.cap);
      if ((CHAIN_WORDS.has(w.lower) || RUN_LOWER.has(w.lower)) && nextCap && j > i) { j++; continue; }
      break;
    }
    // Include a lower-case role noun just before ("counterpart Adel al-Jubeir").
    let s = i;
    const before = word(units[i - 1]);
    if (before && RUN_LOWER.has(before.lower)) s = i - 1;
    // A lone capitalised word names nobody we can list (sentence openers, places): skip the analysis.
    if (j - s < 2) { i = Math.max(j, i + 1); continue; }
    let useful = false;
    for (let k = s; k < j && !useful; k++) { const w = word(units[k]); if (w && (isNamey(w) || ORG_HEADS.has(w.base))) useful = true; }
    if (!useful) { i = Math.max(j, i + 1); continue; }
    const toks: Tok[] = new Array(j - s);
    for (let k = s; k < j; k++) toks[k - s] = (units[k] as { tok: Tok }).tok;
    // Split at possessives: "Vladimir Putin’s initiative" → "Vladimir Putin".
    let cut = toks.length;
    for (let k = 0; k < toks.length; k++) if (/[’']s?$/.test(toks[k]!.text) && isNamey(toks[k]!)) { cut = k + 1; break; }
    let run = toks.slice(0, cut);
    let np = analyzeNP(source, run);
    // "counterpart Adel al-Jubeir in Moscow": drop trailing "in/of …" places until a person shows.
    while (np.kind !== 'person' && run.length > 2) {
      let c = -1;
      for (let k = run.length - 1; k > 0; k--) if (CHAIN_WORDS.has(run[k]!.lower) && !run[k]!.cap) { c = k; break; }
      if (c <= 0) break;
      const shorter = run.slice(0, c);
      const np2 = analyzeNP(source, shorter);
      run = shorter;
      if (np2.kind === 'person') { np = np2; break; }
    }
    // No person in a shorter run: the whole run's analysis stands (np was left unchanged above).
    if (np.kind !== 'person') run = toks.slice(0, cut);
    // Reuters marks company names in angle brackets ("<Airbus Industrie>"): whatever the words, an organisation.
    if (source.charCodeAt(toks[0]!.start - 1) === 60 && source.charCodeAt(toks[cut - 1]!.end) === 62 && np.kind !== 'org') {
      np = { ...np, kind: 'org', name: source.slice(toks[0]!.start, toks[cut - 1]!.end), roles: [] };
      run = toks.slice(0, cut);
    }
    if (np.kind === 'person') {
      let evidence = np.roles.length > 0;
      // Apposition after: "Mahfouz Wild Aziz, chairman of the … party," gives a role.
      const after = units[s + run.length];
      const nx = word(units[s + run.length + 1]);
      if (after && after.t === 'p' && after.tok.text === ',' && nx && (TITLE_WORDS.has(nx.base) || SOURCE_NOUNS.has(nx.base) || (nx.lower === 'the' && TITLE_WORDS.has(word(units[s + run.length + 2])?.base ?? '')))) {
        let e = s + run.length + 1;
        // The role ends at punctuation, or at the reporting verb when the closing comma is missing ("…, head of X said").
        while (e < units.length && !(units[e]!.t === 'p' && /^[,.;:]$/.test((units[e] as { tok: Tok }).tok.text)) && units[e]!.t !== 'Q' &&
          !(word(units[e]) && !word(units[e])!.cap && VERB_FORM.has(word(units[e])!.lower) && !TITLE_WORDS.has(word(units[e])!.lower))) e++;
        const last = word(units[e - 1]);
        if (last && e - (s + run.length + 1) <= 16) {
          np.roles.push(source.slice(nx.start, last.end));
          evidence = true;
        }
      }
      // Apposition before: "Syria’s Ambassador in Tehran, Adnan Mahmoud".
      const comma = units[s - 1];
      if (comma && comma.t === 'p' && comma.tok.text === ',' && !np.roles.length) {
        let b = s - 2;
        while (b >= 0 && units[b]!.t === 'w' && ((units[b] as { tok: Tok }).tok.cap || CHAIN_WORDS.has((units[b] as { tok: Tok }).tok.lower))) b--;
        const seg = units.slice(b + 1, s - 1).map((u) => (u as { tok: Tok }).tok);
        if (seg.length && seg.some((x) => TITLE_WORDS.has(x.base)) && !seg.some((x) => isNamey(x) && !/[’']s?$/.test(x.text) && !TITLE_WORDS.has(x.base))) {
          while (seg.length && CHAIN_WORDS.has(seg[0]!.lower)) seg.shift();
          if (seg.length) { np.roles.push(source.slice(seg[0]!.start, seg[seg.length - 1]!.end)); evidence = true; }
        }
      }
      if (np.nameLen >= 2 || np.roles.length) reg.add(np, t.start, source.slice(run[0]!.start, run[run.length - 1]!.end), evidence);
    } else if (np.kind === 'org' && run.length >= 2) {
      const e = reg.add(np, t.start, np.name);
      // "Harbour Development Bank (HDB)", "<Harbour Foods Ltd>, (HFL),": the acronym in brackets names the same body.
      let a = s + run.length;
      if (word(units[a]) === null && units[a]?.t === 'p' && (units[a] as { tok: Tok }).tok.text === ',') a++;
      const ac = word(units[a + 1]);
      if (e && ac && units[a]?.t === 'p' && (units[a] as { tok: Tok }).tok.text === '(' && units[a + 2]?.t === 'p' &&
        (units[a + 2] as { tok: Tok }).tok.text === ')' && P_RE_2.test(ac.text)) e.aliases.add(ac.text);
      // "Zambia Copper Mines, ZCCM, said": an acronym between commas right after the name.
      const ac2 = word(units[s + run.length + 1]);
      const c2 = units[s + run.length + 2];
      if (e && ac2 && a > s + run.length && c2?.t === 'p' && /^[,)]$/.test((c2 as { tok: Tok }).tok.text) && P_RE_3.test(ac2.text)) e.aliases.add(ac2.text);
    }
    i = Math.max(j, i + 1);
  }
}
