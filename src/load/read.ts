// Reads one input file (and its sidecar YAML) into a SourceFile, or says why it was skipped.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Diagnostic } from '../model/diagnostic.ts';
import { decodeArticleBytes } from './decode.ts';
import { attachKeyLines, readFrontMatter } from './frontmatter.ts';
import { findMarkdownHazard } from './markdown-guard.ts';
import type { LoadOutcome, RawMeta } from './source.ts';
import type { InputEntry } from './walk.ts';

export interface ReadOptions {
  maxBytes: number;
}

export function readInput(entry: InputEntry, options: ReadOptions): LoadOutcome {
  const { rel: file } = entry;
  const skip = (reason: Omit<Diagnostic, 'file'>): LoadOutcome => ({ ok: false, skipped: { file, reason: { ...reason, file } } });
  const tooLarge = (size: number): LoadOutcome =>
    skip({ severity: 'error', code: 'too-large', message: `file is ${formatBytes(size)}, above the ${formatBytes(options.maxBytes)} limit; skipped`, hint: 'split the file, or raise "maxArticleBytes" in news-archive.config.json' });
  let bytes: Buffer;
  try {
    const st = statSync(entry.abs);
    // A FIFO or device behind a symlink would block or never end: only regular files are read.
    if (!st.isFile()) return skip({ severity: 'error', code: 'not-a-file', message: 'not a regular file (folder, pipe or device); skipped', hint: 'only regular .txt and .md files are read; remove or rename it' });
    const size = st.size;
    if (size > options.maxBytes) return tooLarge(size);
    bytes = readFileSync(entry.abs);
    // The file may have grown between stat and read.
    if (bytes.length > options.maxBytes) return tooLarge(bytes.length);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return skip({ severity: 'error', code: 'vanished', message: 'file was deleted while the build was running; skipped', hint: 'run the build again once the input folder is stable' });
    return skip({ severity: 'error', code: 'unreadable', message: `cannot read file (${code ?? String(err)}); skipped`, hint: code === 'EISDIR' ? 'a folder has an article file name; rename it' : 'check the file permissions (chmod a+r) and that the file is a regular file' });
  }
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) return skip(decoded.reason);
  const diagnostics: Diagnostic[] = decoded.warnings.map((w) => ({ ...w, file }));
  const ext = path.extname(file).toLowerCase();
  const format = ext === '.txt' ? 'txt' : 'md';
  const id = path.basename(file, path.extname(file));
  const hash = createHash('sha256').update(bytes);

  if (!decoded.text.trim()) {
    return skip({ severity: 'error', code: bytes.length === 0 ? 'empty-file' : 'blank-file', line: 1, col: 1, message: bytes.length === 0 ? 'file is empty; skipped' : 'file holds only whitespace; skipped', hint: 'add a headline line and the article text, or delete the file' });
  }

  if (format === 'md') {
    const fm = readFrontMatter(decoded.text, file);
    if (!fm.ok) return { ok: false, skipped: { file, reason: fm.reason } };
    diagnostics.push(...fm.diagnostics);
    const hazard = findMarkdownHazard(fm.content);
    if (hazard) {
      // As plain text a "# Headline" line would keep its "#": the heading text becomes the title unless one is set.
      const heading = /^\s*#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(fm.content.trimStart().split('\n')[0] ?? '');
      if (heading && fm.meta.title === undefined) fm.meta.title = heading[1];
      diagnostics.push({ severity: 'warning', code: 'markdown-too-complex', file, line: hazard.line + fm.lineOffset, col: hazard.col, message: `${hazard.message}: Markdown this dense would take minutes to render; published as plain text instead`, hint: 'split the paragraph or escape the markers with "\\", or save the article as .txt' });
    }
    return { ok: true, source: { file, id, format: hazard ? 'txt' : format, text: fm.content, lineOffset: fm.lineOffset, meta: fm.meta, metaSource: fm.hasFrontMatter ? 'front-matter' : null, hash: hash.digest('hex'), diagnostics } };
  }

  let meta: RawMeta = {};
  let metaSource: 'sidecar' | null = null;
  const sidecar = readSidecar(entry, file);
  if (sidecar) {
    if (sidecar.diagnostic) diagnostics.push(sidecar.diagnostic);
    if (sidecar.meta) {
      meta = sidecar.meta;
      metaSource = 'sidecar';
      hash.update(sidecar.raw);
    }
  }
  return { ok: true, source: { file, id, format, text: decoded.text, lineOffset: 0, meta, metaSource, hash: hash.digest('hex'), diagnostics } };
}

/** `<name>.yaml` (or .yml) beside `<name>.txt` adds metadata without touching the raw text. */
function readSidecar(entry: InputEntry, file: string): { meta?: RawMeta; raw: string; diagnostic?: Diagnostic } | null {
  const base = entry.abs.slice(0, -path.extname(entry.abs).length);
  for (const ext of ['.yaml', '.yml']) {
    // Most articles have no sidecar: asking costs a stat (~3 µs), a failed read a thrown error (~12 µs, twice per article).
    if (!existsSync(base + ext)) continue;
    let raw: string;
    try {
      raw = readFileSync(base + ext, 'utf8');
    } catch {
      continue;
    }
    const sidecarFile = file.slice(0, -path.extname(file).length) + ext;
    const doc = YAML.parseDocument(raw, { prettyErrors: false });
    if (doc.errors.length) {
      const err = doc.errors[0]!;
      const pos = err.linePos?.[0];
      return { raw, diagnostic: { severity: 'warning', code: 'sidecar-yaml', file: sidecarFile, ...(pos ? { line: pos.line, col: pos.col } : {}), message: `malformed sidecar YAML, ignored: ${err.message.split('\n')[0]}`, hint: 'fix the YAML; the article was built without its metadata' } };
    }
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) return { raw, meta: {} };
    if (typeof value !== 'object' || Array.isArray(value)) {
      return { raw, diagnostic: { severity: 'warning', code: 'sidecar-shape', file: sidecarFile, line: 1, message: 'sidecar YAML must be a mapping of keys (title, date, tags …); ignored', hint: 'write it as "key: value" lines' } };
    }
    return { raw, meta: attachKeyLines({ ...(value as RawMeta) }, raw, 1) };
  }
  return null;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}
