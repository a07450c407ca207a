// `news-archive check`: validates inputs, override files and templates without writing anything; diagnostics as file:line:col for editors and CI.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { templateSyntaxProblems } from '../render/templates.ts';
import { loadAndProcess, processSource } from '../build/articles.ts';
import type { Config } from '../config.ts';
import { parseSpeakerOverrides } from '../extract/identity.ts';
import { parseUserTaxonomy } from '../extract/topics/user-taxonomy.ts';
import { assignUniqueSlugs } from '../index/slugs.ts';
import { loadDatasets } from '../load/datasets.ts';
import type { Article } from '../model/article.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { ProgressFn } from '../progress.ts';

export interface CheckResult {
  /** Files relative to the working folder, so editors and CI annotations can open them. */
  diagnostics: Diagnostic[];
  inputs: number;
  overrides: number;
  templates: number;
  errors: number;
  warnings: number;
}

/** gcc-style "file:line:col: severity [code] message", the shape editors' problem matchers read. */
export function formatCheckLine(d: Diagnostic): string {
  const hint = d.hint ? `\n  hint: ${d.hint}` : '';
  return `${d.file}:${d.line ?? 1}:${d.col ?? 1}: ${d.severity} [${d.code}] ${d.message}${hint}`;
}

export function checkProject(config: Config, cwd: string, onProgress?: ProgressFn): CheckResult {
  const show = (abs: string): string => path.relative(cwd, abs) || abs;
  const diagnostics: Diagnostic[] = [];
  const all: Article[] = [];
  let inputs = 0;
  const fromInput = (d: Diagnostic): Diagnostic => (d.file.includes('#') ? d : { ...d, file: show(path.isAbsolute(d.file) ? d.file : path.join(config.input, d.file)) });
  if (!existsSync(config.input) || !statSync(config.input).isDirectory()) {
    diagnostics.push({ severity: 'error', code: 'input-missing', file: show(config.input), message: 'input folder not found', hint: 'pass --input <folder of articles> or set "input" in news-archive.config.json' });
  } else {
    const { articles, entries } = loadAndProcess(config.input, config, onProgress);
    inputs = entries.length;
    for (const e of entries) diagnostics.push(...e.diagnostics.map(fromInput));
    all.push(...articles);
  }
  // Dataset rows are named "<dataset>#<row>" rather than by a path, so they are reported as the build names them.
  if (config.datasets.length) {
    const data = loadDatasets(config.datasets);
    inputs += data.sources.length + data.skipped.length;
    for (const s of data.skipped) diagnostics.push(s.reason);
    for (const src of data.sources) {
      const { article, diagnostics: found } = processSource(src, config);
      diagnostics.push(...found);
      all.push(article);
    }
  }
  diagnostics.push(...assignUniqueSlugs(all).map(fromInput));

  let overrides = 0;
  if (existsSync(config.topicsFile)) {
    overrides++;
    diagnostics.push(...parseUserTaxonomy(readFileSync(config.topicsFile, 'utf8'), show(config.topicsFile)).diagnostics);
  }
  if (existsSync(config.speakersFile)) {
    overrides++;
    diagnostics.push(...parseSpeakerOverrides(readFileSync(config.speakersFile, 'utf8'), show(config.speakersFile)).diagnostics);
  }

  let templates = 0;
  if (existsSync(config.templates)) {
    templates = readdirSync(config.templates).filter((n) => n.endsWith('.eta')).length;
    for (const d of templateSyntaxProblems(config.templates)) diagnostics.push({ ...d, file: show(d.file) });
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { diagnostics, inputs, overrides, templates, errors, warnings: diagnostics.length - errors };
}
