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
