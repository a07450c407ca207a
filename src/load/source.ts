// SourceFile: one input after decoding, before parsing — the loader's output type.
import type { Diagnostic } from '../model/diagnostic.ts';

/** Metadata keys accepted in front matter, sidecar YAML and dataset rows (values unvalidated here). */
export type RawMeta = Record<string, unknown>;

export interface SourceFile {
  /** Path relative to the input folder, forward slashes. */
  file: string;
  /** Basename without extension (dataset rows: "<dataset>#<row id>"). */
  id: string;
  format: 'txt' | 'md' | 'dataset';
  /** Normalised text (no BOM, \n line ends); for Markdown, the content after front matter. */
  text: string;
  /** Lines that precede `text` in the file (front matter), so diagnostics report real line numbers. */
  lineOffset: number;
  meta: RawMeta;
  metaSource: 'front-matter' | 'sidecar' | 'dataset' | null;
  /** Content hash of the raw bytes (and sidecar), for caching. */
  hash: string;
  diagnostics: Diagnostic[];
}

/** Why an input was not built. */
export interface Skipped {
  file: string;
  reason: Diagnostic;
}

export type LoadOutcome = { ok: true; source: SourceFile } | { ok: false; skipped: Skipped };
