// Markdown front matter via gray-matter, with YAML errors rewrapped to name the file and the real line.
import matter from 'gray-matter';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { RawMeta } from './source.ts';

export type FrontMatterResult = { ok: true; meta: RawMeta; content: string; lineOffset: number; hasFrontMatter: boolean } | { ok: false; reason: Diagnostic };

export function readFrontMatter(text: string, file: string): FrontMatterResult {
  if (!/^---[ \t]*\n/.test(text)) return { ok: true, meta: {}, content: text, lineOffset: 0, hasFrontMatter: false };
  try {
    // A fresh options object per call: gray-matter caches parses by input string otherwise.
    const parsed = matter(text, {});
    const data = parsed.data as unknown;
    const meta = data && typeof data === 'object' && !Array.isArray(data) ? (data as RawMeta) : {};
    const consumed = text.length - parsed.content.length;
    const lineOffset = countLines(text.slice(0, consumed));
    return { ok: true, meta, content: parsed.content, lineOffset, hasFrontMatter: true };
  } catch (err) {
    const e = err as { mark?: { line?: number; column?: number }; reason?: string; message?: string };
    // js-yaml counts from the line after the opening "---"; +2 makes it the file's 1-based line.
    const line = e.mark?.line !== undefined ? e.mark.line + 2 : 1;
    const col = e.mark?.column !== undefined ? e.mark.column + 1 : undefined;
    return {
      ok: false,
      reason: {
        severity: 'error', code: 'yaml-syntax', file, line, ...(col !== undefined ? { col } : {}),
        message: `malformed YAML front matter: ${e.reason ?? e.message ?? String(err)}`,
        hint: 'fix the YAML between the --- lines (quote values that contain ":" or start with special characters)',
      },
    };
  }
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
