// Markdown front matter via gray-matter, with YAML errors rewrapped to name the file and the real line.
import matter from 'gray-matter';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { RawMeta } from './source.ts';

export type FrontMatterResult =
  | { ok: true; meta: RawMeta; content: string; lineOffset: number; hasFrontMatter: boolean; diagnostics: Diagnostic[] }
  | { ok: false; reason: Diagnostic };

/**
 * File line of each top-level key, attached to the metadata object under a symbol so validation can point at the
 * real line without widening the SourceFile type (symbol keys are invisible to Object.keys and JSON).
 */
export const META_LINES: unique symbol = Symbol('news-archive.metaLines');

export function metaLine(meta: RawMeta, key: string): number | undefined {
  return (meta as { [META_LINES]?: Record<string, number> })[META_LINES]?.[key];
}

/** Records where each top-level `key:` of a YAML block sits; `firstLine` is the file line of the block's first line. */
export function attachKeyLines(meta: RawMeta, yamlText: string, firstLine: number): RawMeta {
  const lines: Record<string, number> = {};
  yamlText.split('\n').forEach((l, i) => {
    const m = /^(?:"([^"]*)"|'([^']*)'|([^\s#:"'-][^:]*?))\s*:(?:\s|$)/.exec(l);
    const key = m?.[1] ?? m?.[2] ?? m?.[3];
    if (key !== undefined && !(key in lines)) lines[key] = firstLine + i;
  });
  Object.defineProperty(meta, META_LINES, { value: lines, enumerable: false });
  return meta;
}

export function readFrontMatter(text: string, file: string): FrontMatterResult {
  if (!/^---[ \t]*\n/.test(text)) return { ok: true, meta: {}, content: text, lineOffset: 0, hasFrontMatter: false, diagnostics: [] };
  try {
    // A fresh options object per call: gray-matter caches parses by input string otherwise.
    const parsed = simpleFrontMatter(text) ?? matter(text, {});
    const data = parsed.data as unknown;
    const consumed = text.length - parsed.content.length;
    const lineOffset = countLines(text.slice(0, consumed));
    const diagnostics: Diagnostic[] = [];
    let meta: RawMeta = {};
    if (data && typeof data === 'object' && !Array.isArray(data) && !(data instanceof Date)) meta = { ...(data as RawMeta) };
    else if (data !== null && data !== undefined) {
      diagnostics.push({ severity: 'warning', code: 'meta-shape', file, line: 2, col: 1, message: `front matter must be a mapping of keys (title, date, tags …), got ${Array.isArray(data) ? 'a list' : `${typeof data} ${JSON.stringify(data)}`}; ignored`, hint: 'write it as "key: value" lines between the --- lines' });
    }
    return { ok: true, meta: attachKeyLines(meta, parsed.matter, 1), content: parsed.content, lineOffset, hasFrontMatter: true, diagnostics };
  } catch (err) {
    const e = err as { mark?: { line?: number; column?: number }; reason?: string; message?: string };
    // gray-matter hands js-yaml the text from the end of the opening "---" line, so js-yaml's 0-based line is
    // already one less than the file's 1-based line: +1 gives the real line.
    const line = e.mark?.line !== undefined ? e.mark.line + 1 : 1;
    const col = e.mark?.column !== undefined ? e.mark.column + 1 : undefined;
    return {
      ok: false,
      reason: {
        severity: 'error', code: 'yaml-syntax', file, line, ...(col !== undefined ? { col } : {}),
        message: `malformed YAML front matter: ${e.reason ?? e.message ?? String(err)}; skipped`,
        hint: 'fix the YAML between the --- lines (close brackets and quotes; quote values that contain ":" or start with special characters)',
      },
    };
  }
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

// The YAML most archives write ("title", "date", "tags" as quoted strings, timestamps and lists of quoted strings) is
// read here by hand, ~20x cheaper than gray-matter + js-yaml; anything else (comments, plain scalars, escapes, blank
// lines, CRLF, duplicate keys …) returns null and goes through gray-matter. test/load/frontmatter.test.ts holds the
// results to gray-matter's on generated front matter.
const KEY = /^([A-Za-z][A-Za-z0-9_]*):/;
const QUOTED = /^"([^"\\]*)"$/;
const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})Z)?$/;
const ITEM = /^ {2}- "([^"\\]*)"$/;
// js-yaml refuses a stream holding any of these (its PATTERN_NON_PRINTABLE); gray-matter reports that.
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
// Keys YAML resolves to something other than their text (booleans, null), or that would touch the prototype.
const SPECIAL_KEY = /^(?:true|false|null|__proto__)$/i;

/** gray-matter's { data, matter, content } for `text` (which opens with "---" and blanks), when its YAML is simple. */
export function simpleFrontMatter(text: string): { data: Record<string, unknown>; matter: string; content: string } | null {
  // As gray-matter: the block runs from after "---" to the next "\n---"; the content starts after that and one line break.
  const str = text.slice(3);
  const close = str.indexOf('\n---');
  if (close < 0) return null;
  const block = str.slice(0, close);
  if (block.includes('\r') || NON_PRINTABLE.test(block)) return null;
  const lines = block.split('\n');
  // lines[0] is the rest of the opening line (blanks only).
  if (lines.length < 2) return null;
  const data: Record<string, unknown> = {};
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const k = KEY.exec(line);
    if (!k) return null;
    const key = k[1]!;
    if (SPECIAL_KEY.test(key) || Object.prototype.hasOwnProperty.call(data, key)) return null;
    if (line.length === k[0].length) {
      const items: string[] = [];
      for (let m; i + 1 < lines.length && (m = ITEM.exec(lines[i + 1]!)); i++) items.push(m[1]!);
      if (!items.length) return null;
      data[key] = items;
      continue;
    }
    if (line.charCodeAt(k[0].length) !== 32) return null;
    const value = line.slice(k[0].length + 1);
    const q = QUOTED.exec(value);
    if (q) { data[key] = q[1]!; continue; }
    const d = STAMP.exec(value);
    if (!d) return null;
    data[key] = new Date(Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +(d[4] ?? 0), +(d[5] ?? 0), +(d[6] ?? 0)));
  }
  let content = str.slice(close + 4);
  if (content.charCodeAt(0) === 13) content = content.slice(1);
  if (content.charCodeAt(0) === 10) content = content.slice(1);
  return { data, matter: block, content };
}
