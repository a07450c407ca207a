// The build report: every input file with its outcome, so inputs = built + skipped, always.
import type { Diagnostic } from '../model/diagnostic.ts';

export type Outcome = 'built' | 'built-with-warnings' | 'skipped';

export interface InputReport {
  file: string;
  outcome: Outcome;
  slug?: string;
  reason?: string;
  diagnostics: Diagnostic[];
}

export interface BuildReport {
  inputs: number;
  built: number;
  warned: number;
  skipped: number;
  pages: number;
  files: number;
  speakers: number;
  quotes: number;
  topics: number;
  seconds: number;
  entries: InputReport[];
}

export function summarise(entries: InputReport[], extra: Omit<BuildReport, 'inputs' | 'built' | 'warned' | 'skipped' | 'entries'>): BuildReport {
  const count = (o: Outcome): number => entries.filter((e) => e.outcome === o).length;
  return { inputs: entries.length, built: count('built') + count('built-with-warnings'), warned: count('built-with-warnings'), skipped: count('skipped'), ...extra, entries };
}

/**
 * One console line per input, in report order: "built", "built with N warnings" or "skipped: reason". Above
 * `listAll` inputs the clean ones are counted in one line (build-report.json still lists every input): a 100k
 * archive should not print 100k lines to find its three problems.
 */
export function outcomeLines(report: Pick<BuildReport, 'entries'>, listAll = 200): string[] {
  // A file name with a line break or escape code must not break the one-line-per-input listing.
  const show = (file: string): string => (/[\u0000-\u001F\u007F]/.test(file) ? JSON.stringify(file) : file);
  if (report.entries.length > listAll) {
    const problems = report.entries.filter((e) => e.outcome !== 'built');
    const clean = report.entries.length - problems.length;
    return [...outcomeLines({ entries: problems }, Infinity), `  built     ${clean} inputs without warnings (each listed in build-report.json)`];
  }
  return report.entries.map(({ file: raw, ...e }) => {
    const file = show(raw);
    if (e.outcome === 'skipped') return `  skipped   ${file}: ${e.reason ?? 'no reason given'}`;
    const target = e.slug ? ` → ${e.slug}` : '';
    if (e.outcome === 'built') return `  built     ${file}${target}`;
    const n = e.diagnostics.length;
    return `  warnings  ${file}${target} (${n} warning${n === 1 ? '' : 's'})`;
  });
}

/** Under --strict, any warning or skipped input fails the build (exit 1) even though the site was written. */
export function failsStrict(report: Pick<BuildReport, 'warned' | 'skipped'>): boolean {
  return report.warned > 0 || report.skipped > 0;
}
