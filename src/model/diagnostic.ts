// Diagnostics: every warning or error names the file, the line and what to do about it.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. "yaml-syntax", "empty-file". */
  code: string;
  /** Input path relative to the input folder (or absolute for config files). */
  file: string;
  line?: number;
  col?: number;
  message: string;
  /** What the user can do about it. */
  hint?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.col].filter((x) => x !== undefined).join(':');
  const hint = d.hint ? `\n  hint: ${d.hint}` : '';
  return `${where}: ${d.severity} [${d.code}] ${d.message}${hint}`;
}

/** An error thrown by a stage that carries a diagnostic (caught at the edges, never crashes the build). */
export class DiagnosticError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(formatDiagnostic(diagnostic));
    this.name = 'DiagnosticError';
  }
}
