// Build orchestration: load → parse → extract → index → pages → render → write, in that order, once each.
import { existsSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { PACKAGE_ROOT } from '../config.ts';
import { buildSiteIndex } from '../index/site.ts';
import { assignUniqueSlugs } from '../index/slugs.ts';
import { DiagnosticError } from '../model/diagnostic.ts';
import { articlePage } from '../pages/article.ts';
import { feedFiles } from '../pages/feeds.ts';
import { listPages } from '../pages/lists.ts';
import { articleApiFile, indexApiFiles, robotsFile, sitemapFile } from '../pages/machine.ts';
import { siteContext, type Page } from '../pages/page.ts';
import { renderPage } from '../render/page.ts';
import { createTemplateEngine } from '../render/templates.ts';
import { openSiteWriter } from '../write/output.ts';
import type { ProgressFn } from '../progress.ts';
import { loadAndProcess } from './articles.ts';
import { summarise, type BuildReport } from './report.ts';

export interface BuildOptions {
  /** Where build-report.json goes (default: beside the output folder). */
  reportPath?: string;
  /** Called as each stage advances (see src/progress.ts); the CLI draws it, the build never prints. */
  onProgress?: ProgressFn;
}

export function buildSite(config: Config, options: BuildOptions = {}): BuildReport {
  const started = performance.now();
  checkOutputFolder(config);
  const progress = options.onProgress;
  const { articles, entries } = loadAndProcess(config.input, config, progress);
  const slugWarnings = assignUniqueSlugs(articles);
  for (const w of slugWarnings) {
    const entry = entries.find((e) => e.file === w.file);
    if (entry) {
      entry.diagnostics.push(w);
      entry.outcome = 'built-with-warnings';
      const a = articles.find((x) => x.file === w.file);
      if (a) entry.slug = a.slug;
    }
  }
  progress?.('index', 0, 1);
  const index = buildSiteIndex(articles);
  progress?.('index', 1, 1);
  const site = siteContext(config);
  const engine = createTemplateEngine(config.templates);
  const writer = openSiteWriter(config.output);
  const htmlRoutes: string[] = [];
  let pages = 0;
  try {
    writer.copyDir(config.public);
    const emit = (page: Page): void => {
      writer.write({ route: page.route, content: renderPage(page, engine, site) });
      htmlRoutes.push(page.route);
      pages++;
      progress?.('pages', pages, totalPages);
    };
    const lists = listPages(index, site);
    const totalPages = articles.length + lists.length;
    progress?.('pages', 0, totalPages);
    for (const a of articles) {
      emit(articlePage(a, index, site));
      writer.write(articleApiFile(a));
    }
    for (const page of lists) emit(page);
    for (const file of [...feedFiles(index, site), ...indexApiFiles(index, site), robotsFile(site)]) writer.write(file);
    writer.write(sitemapFile(htmlRoutes, site));
    writer.commit();
  } catch (err) {
    writer.abort();
    throw err;
  }
  const report = summarise(entries, {
    pages, files: writer.count, speakers: index.speakers.length,
    quotes: articles.reduce((n, a) => n + a.quotes.filter((q) => q.kind !== 'headline').length, 0),
    topics: index.topics.length, seconds: Math.round(performance.now() - started) / 1000,
  });
  const reportPath = options.reportPath ?? path.join(path.dirname(config.output), 'build-report.json');
  writeFileSync(reportPath, `${JSON.stringify(report, null, 1)}\n`);
  return report;
}

/** Refuse outputs that would destroy input or the project: the input folder, its parents, the project root, "/". */
export function checkOutputFolder(config: Pick<Config, 'input' | 'output'>): void {
  const out = path.resolve(config.output);
  if (!existsSync(config.input) || !statSync(config.input).isDirectory()) {
    throw new DiagnosticError({ severity: 'error', code: 'input-missing', file: config.input, message: 'input folder not found', hint: 'pass --input <folder of articles> or set "input" in news-archive.config.json' });
  }
  const input = realpathSync(config.input);
  const real = existsSync(out) ? realpathSync(out) : out;
  const refuse = (why: string): never => {
    throw new DiagnosticError({ severity: 'error', code: 'unsafe-output', file: out, message: `refusing to write the site into ${why}`, hint: 'choose an output folder of its own, e.g. --out dist' });
  };
  if (real === path.parse(real).root) refuse('the file-system root');
  if (real === input || input.startsWith(real + path.sep)) refuse('the input folder or one of its parents');
  for (const project of [PACKAGE_ROOT, process.cwd()]) {
    if (real === project || project.startsWith(real + path.sep)) refuse('the project folder or one of its parents');
  }
  if (real.startsWith(input + path.sep)) refuse('a folder inside the input folder');
}
