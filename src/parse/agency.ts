// Names of news agencies and their normalised codes (SANA, ST, Xinhua, IRNA, TASS, Reuters, AFP, AP …).

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const P_RE_1 = /^\p{Lu}{2,6}$/u;

const AGENCIES: Record<string, string[]> = {
  SANA: ['sana', 'syrian arab news agency'],
  ST: ['st', 'syria times', 'syriatimes'],
  Xinhua: ['xinhua', 'xinhua news agency', 'xinhuanet', 'xinhua net'],
  IRNA: ['irna', 'islamic republic news agency'],
  TASS: ['tass', 'itar-tass', 'itar tass'],
  Reuters: ['reuters', 'reuter'],
  AFP: ['afp', 'agence france-presse', 'agence france presse'],
  AP: ['ap', 'associated press', 'the associated press'],
  UPI: ['upi', 'united press international'],
  DPA: ['dpa', 'deutsche presse-agentur'],
  ANSA: ['ansa'],
  EFE: ['efe'],
  Kyodo: ['kyodo', 'kyodo news'],
  Yonhap: ['yonhap'],
  Anadolu: ['anadolu', 'anadolu agency', 'aa'],
  KUNA: ['kuna'],
  WAM: ['wam'],
  SPA: ['spa', 'saudi press agency'],
  MENA: ['mena'],
  QNA: ['qna'],
  Petra: ['petra'],
  NNA: ['nna', 'national news agency'],
  INA: ['ina', 'iraqi news agency'],
  Sputnik: ['sputnik'],
  'RIA Novosti': ['ria novosti', 'ria'],
  Interfax: ['interfax'],
  PTI: ['pti'],
  IANS: ['ians'],
  ANI: ['ani'],
  Bernama: ['bernama'],
  Antara: ['antara'],
  'Prensa Latina': ['prensa latina', 'pl'],
  FNA: ['fna', 'fars', 'fars news agency'],
  Tasnim: ['tasnim'],
  Mehr: ['mehr', 'mna', 'mehr news agency'],
  ISNA: ['isna'],
  Trend: ['trend'],
  APA: ['apa'],
  BelTA: ['belta'],
  Ukrinform: ['ukrinform'],
  CNA: ['cna'],
  APP: ['app'],
  KCNA: ['kcna'],
  VNA: ['vna'],
  Lusa: ['lusa'],
  AGI: ['agi'],
  Notimex: ['notimex'],
  PNA: ['pna'],
  BSS: ['bss'],
};

const BY_NAME = new Map<string, string>();
for (const [code, names] of Object.entries(AGENCIES)) for (const n of names) BY_NAME.set(n, code);

function key(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/[.]/g, '').toLowerCase();
}

/** The normalised code of a known agency name ("Syria Times" → "ST", "reuters" → "Reuters"), else null. */
export function knownAgency(name: string): string | null {
  if (name.length > 40) return null;
  return BY_NAME.get(key(name)) ?? null;
}

/**
 * The agency named in a parenthesised dateline credit: known names are normalised; an unknown
 * upper-case acronym ("(KNA)") is kept as written; anything else is not an agency.
 */
export function parenAgency(inner: string): string | null {
  const known = knownAgency(inner);
  if (known) return known;
  const t = inner.trim();
  return P_RE_1.test(t) ? t : null;
}

/**
 * The agency credited in a header line such as "Xinhua | Updated: 2013-03-19 21:16" or "Source: AFP":
 * the line's segments (split at "|", "-", "/" and "Source:"/"By") are looked up; null when none is known.
 */
export function creditAgency(line: string): string | null {
  if (line.length > 120) return null;
  const segments = line.split(/\s*[|•·/]\s*|\s+[-–—]\s+|^(?:source|by|credit)\s*:?\s*/i);
  for (const seg of segments) {
    if (!seg) continue;
    const code = knownAgency(seg);
    if (code) return code;
  }
  return null;
}
