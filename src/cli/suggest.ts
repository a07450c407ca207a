// Usage errors that help: the unknown flag or command, and the nearest known one ("did you mean --out?").
import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

/** The closest candidate within a typo's reach (one edit for short words, two or a third of the letters for longer), or a unique prefix match. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const prefixed = candidates.filter((c) => c.startsWith(word) || word.startsWith(c));
  // Ties go to the candidate sharing the longer start: typos are rarer in the first letters.
  const shared = (c: string): number => {
    let i = 0;
    while (i < c.length && c[i] === word[i]) i++;
    return i;
  };
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance || (d === bestDistance && best !== undefined && shared(c) > shared(best))) [best, bestDistance] = [c, d];
  }
  if (best !== undefined && bestDistance <= (word.length <= 4 ? 1 : Math.max(2, Math.floor(word.length / 3)))) return best;
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/**
 * The first option token that `options` does not define, with a hint, or null when all are known.
 * `others` maps every other command to its options, so a flag of the wrong command is named as such.
 */
export function unknownOptionError(command: string, args: readonly string[], options: Options, others: Record<string, Options>): string | null {
  const longs = Object.keys(options);
  const shorts = new Set(Object.values(options).map((o) => o.short).filter(Boolean));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    const takesValue = (name: string): boolean => options[name]?.type === 'string' && !arg.includes('=');
    if (arg.startsWith('--')) {
      const name = arg.slice(2).split('=')[0]!;
      if (name in options) {
        if (takesValue(name)) i++;
        continue;
      }
      const owner = Object.entries(others).find(([, o]) => name in o)?.[0];
      const near = closest(name, longs);
      const hint = owner ? `--${name} is an option of "news-archive ${owner}", not of "${command}"` : near ? `did you mean --${near}?` : `run "news-archive ${command} --help" for the options`;
      return `unknown option --${name} for "news-archive ${command}"; ${hint}`;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (const ch of arg.slice(1)) {
        if (!shorts.has(ch)) return `unknown option -${ch} for "news-archive ${command}"; run "news-archive ${command} --help" for the options`;
      }
    }
  }
  return null;
}
