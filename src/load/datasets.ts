// Bulk sources: JSON Lines and CSV files of articles, one SourceFile per row through a configured field mapping.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DiagnosticError } from '../model/diagnostic.ts';
import type { RawMeta, Skipped, SourceFile } from './source.ts';

/** Which column (CSV) or key (JSONL) holds each article field; `tags` may name several (their values are merged). */
export interface DatasetFields {
  id?: string;
  title?: string;
  body?: string;
  date?: string;
  dateline?: string;
  place?: string;
  /** The publishing agency or outlet ("source" in most datasets). */
  source?: string;
  author?: string;
  summary?: string;
  tags?: string | string[];
}

export interface DatasetSpec {
  /** The file (absolute after config loading). */
  path: string;
  format: 'jsonl' | 'csv';
  /** Prefix of row ids and report entries (default: the file name). */
  name?: string;
  fields: DatasetFields;
  /** Hard-wrapped bodies: join lines; a blank or indented line starts a paragraph. */
  reflow?: boolean;
  /** Order of numeric dates like 4/5/2017: month first (default) or day first. */
  dateOrder?: 'mdy' | 'dmy';
}

export interface DatasetLoad<S = SourceFile> {
  /** In row order; with a KnownRow, a row the caller holds already is only named (a KnownSource). */
  sources: S[];
  skipped: Skipped[];
}

/** A row the last build read with the same content: its name and hash, without the text. */
export interface KnownSource {
  file: string;
  hash: string;
  known: true;
}

/**
 * Whether the caller holds this row (by name and content hash) and needs no SourceFile for it: laying out 20k rows
 * (reflowing, dates, tags) was half of a one-row rebuild of Reuters-21578.
 */
export type KnownRow = (file: string, hash: string) => boolean;

const FIELD_KEYS = ['id', 'title', 'body', 'date', 'dateline', 'place', 'source', 'author', 'summary', 'tags'];

/** Checks the shape of the `datasets` config value; paths are resolved against `root` (the config file's folder). */
export function validateDatasets(value: unknown, root: string, configFile: string): DatasetSpec[] {
  const bad = (message: string): never => {
    throw new DiagnosticError({ severity: 'error', code: 'config-datasets', file: configFile, message, hint: 'datasets: [{ "path": "articles.jsonl", "format": "jsonl", "fields": { "title": "headline", "body": "text", "date": "date" } }]' });
  };
  if (!Array.isArray(value)) return bad('"datasets" must be a list');
  return value.map((d: unknown, i) => {
    if (!d || typeof d !== 'object' || Array.isArray(d)) return bad(`datasets[${i}] must be an object`);
    const spec = d as Record<string, unknown>;
    if (typeof spec.path !== 'string' || !spec.path) return bad(`datasets[${i}].path must be a file path`);
    if (spec.format !== 'jsonl' && spec.format !== 'csv') return bad(`datasets[${i}].format must be "jsonl" or "csv"`);
    const fields = spec.fields ?? {};
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return bad(`datasets[${i}].fields must map article fields to column names`);
    for (const [k, v] of Object.entries(fields)) {
      if (!FIELD_KEYS.includes(k)) bad(`datasets[${i}].fields: unknown field "${k}" (known: ${FIELD_KEYS.join(', ')})`);
      if (typeof v !== 'string' && !(k === 'tags' && Array.isArray(v) && v.every((x) => typeof x === 'string'))) bad(`datasets[${i}].fields.${k} must be a column name`);
    }
    if (spec.dateOrder !== undefined && spec.dateOrder !== 'mdy' && spec.dateOrder !== 'dmy') bad(`datasets[${i}].dateOrder must be "mdy" or "dmy"`);
    return { ...(spec as unknown as DatasetSpec), path: path.resolve(root, spec.path), fields: fields as DatasetFields };
  });
}

/** Reads every dataset; each row becomes a SourceFile or a Skipped entry, so the report accounts for every row. */
export function loadDatasets(specs: DatasetSpec[]): DatasetLoad;
export function loadDatasets(specs: DatasetSpec[], known: KnownRow | undefined): DatasetLoad<SourceFile | KnownSource>;
export function loadDatasets(specs: DatasetSpec[], known?: KnownRow): DatasetLoad<SourceFile | KnownSource> {
  const out: DatasetLoad<SourceFile | KnownSource> = { sources: [], skipped: [] };
  for (const spec of specs) readRows(spec, out, known);
  return out;
}

export function loadDataset(spec: DatasetSpec, out: DatasetLoad = { sources: [], skipped: [] }): DatasetLoad {
  readRows(spec, out as DatasetLoad<SourceFile | KnownSource>);
  return out;
}

/** Appends each row of `spec` to `out`; without `known` every row becomes a SourceFile or a skip. */
function readRows(spec: DatasetSpec, out: DatasetLoad<SourceFile | KnownSource>, known?: KnownRow): void {
  const name = spec.name ?? path.basename(spec.path);
  let text: string;
  try {
    text = readFileSync(spec.path, 'utf8');
  } catch (err) {
    throw new DiagnosticError({ severity: 'error', code: 'dataset-missing', file: spec.path, message: `cannot read dataset (${(err as NodeJS.ErrnoException).code ?? String(err)})`, hint: 'check "path" in the datasets config (relative to the config file)' });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const mappingKey = JSON.stringify([spec.fields, spec.reflow ?? false, spec.dateOrder ?? 'mdy']);
  const seen = new Set<string>();
  /** `raw`: the row's own text when the format has one (a JSONL line), hashed as it is instead of re-serialised. */
  const addRow = (row: Record<string, unknown>, line: number, raw?: string): void => {
    const rawId = spec.fields.id !== undefined ? str(row[spec.fields.id]) : '';
    let rowId = rawId || String(line);
    if (seen.has(rowId)) rowId = `${rowId}-${line}`;
    seen.add(rowId);
    const file = `${name}#${rowId}`;
    const hash = createHash('sha256').update(mappingKey).update('\0').update(raw ?? JSON.stringify(row)).digest('hex');
    if (known?.(file, hash)) {
      out.sources.push({ file, hash, known: true });
      return;
    }
    const src = rowToSource(row, spec, file, line, hash);
    if ('reason' in src) out.skipped.push(src);
    else out.sources.push(src);
  };
  if (spec.format === 'jsonl') {
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!;
      if (!raw.trim()) continue;
      let row: unknown;
      try {
        row = JSON.parse(raw);
      } catch (err) {
        out.skipped.push({ file: `${name}#line-${i + 1}`, reason: { severity: 'error', code: 'dataset-json', file: `${name}`, line: i + 1, message: `invalid JSON on this line (${(err as Error).message}); row skipped`, hint: 'each line of a .jsonl file must be one JSON object' } });
        continue;
      }
      if (!row || typeof row !== 'object' || Array.isArray(row)) {
        out.skipped.push({ file: `${name}#line-${i + 1}`, reason: { severity: 'error', code: 'dataset-row', file: `${name}`, line: i + 1, message: 'line is not a JSON object; row skipped', hint: 'each line of a .jsonl file must be one JSON object' } });
        continue;
      }
      addRow(row as Record<string, unknown>, i + 1, raw);
    }
  } else {
    let records: { record: Record<string, string>; info: { lines: number } }[];
    try {
      // Loaded on first use: config loading imports this module, and most builds have no CSV.
      const { parse: parseCsv } = createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync');
      records = parseCsv(text, { columns: true, skip_empty_lines: true, relax_column_count: true, info: true }) as typeof records;
    } catch (err) {
      const e = err as Error & { lines?: number };
      throw new DiagnosticError({ severity: 'error', code: 'dataset-csv', file: spec.path, ...(e.lines ? { line: e.lines } : {}), message: `malformed CSV: ${e.message}`, hint: 'check the quoting of the line named here' });
    }
    for (const r of records) addRow(r.record, r.info.lines);
  }
}

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(str).filter(Boolean).join(', ');
  return String(v).trim();
}

function rowToSource(row: Record<string, unknown>, spec: DatasetSpec, file: string, line: number, hash: string): SourceFile | Skipped {
  const f = spec.fields;
  const get = (key: string | undefined): string => (key === undefined ? '' : str(row[key]));
  const title = get(f.title);
  let body = f.body === undefined ? '' : String(row[f.body] ?? '').replace(/\r\n?/g, '\n');
  if (spec.reflow) body = reflow(body);
  body = body.trim();
  if (!body) {
    return { file, reason: { severity: 'warning', code: 'dataset-no-body', file, line, message: `row has no ${f.body ? `"${f.body}"` : 'body'} text; skipped`, hint: 'rows without article text (briefs, headlines only) are not published' } };
  }
  const meta: RawMeta = {};
  if (title) meta.title = title;
  const date = get(f.date);
  if (date) meta.date = normaliseDate(date, spec.dateOrder ?? 'mdy');
  const dateline = get(f.dateline);
  if (dateline) meta.dateline = dateline;
  const place = get(f.place);
  if (place) meta.place = place;
  const agency = get(f.source);
  if (agency) meta.agency = agency;
  const author = get(f.author);
  if (author) meta.author = author;
  const summary = get(f.summary);
  if (summary) meta.summary = summary;
  const tags: string[] = [];
  for (const key of Array.isArray(f.tags) ? f.tags : f.tags ? [f.tags] : []) {
    const v = row[key];
    if (Array.isArray(v)) tags.push(...v.map(str).filter(Boolean));
    else if (str(v)) tags.push(...str(v).split(/\s*[,;]\s*/).filter(Boolean));
  }
  if (tags.length) meta.tags = tags;
  // Wire layout: headline line, blank line, then the story opening with its dateline, as the wire parser expects.
  const opener = dateline && !body.startsWith(dateline) ? `${dateline} ` : '';
  const text = `${title ? `${title}\n\n` : ''}${opener}${body}\n`;
  return { file, id: file, format: 'dataset', text, lineOffset: 0, meta, metaSource: 'dataset', hash, diagnostics: [] };
}

/** Hard-wrapped text → paragraphs separated by blank lines: a blank line or an indented line starts a new one. */
export function reflow(text: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    const starts = /^\s*$/.test(line) || /^(?: {2,}|\t)/.test(line);
    if (starts && current.length) {
      paragraphs.push(current.join(' '));
      current = [];
    }
    if (line.trim()) current.push(line.trim());
  }
  if (current.length) paragraphs.push(current.join(' '));
  return paragraphs.join('\n\n');
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * Dataset dates → ISO: "2017-04-05…" kept, "4/5/2017" (month first unless dmy), "26-FEB-1987 15:01:01.79" with its
 * time. Anything else is passed on as written, and the date stage reports it.
 */
export function normaliseDate(value: string, order: 'mdy' | 'dmy' = 'mdy'): string {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return v;
  let m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(v);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [month, day] = order === 'mdy' ? [a, b] : [b, a];
    return iso(Number(m[3]), month, day) ?? v;
  }
  m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$/.exec(v);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    const day = iso(Number(m[3]), month ?? 0, Number(m[1]));
    if (!day) return v;
    return m[4] ? `${day}T${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}Z` : day;
  }
  return v;
}

function iso(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}
