// Command line: `news-archive build|dev|extract|check …`; parses flags (with hints for typos), runs the pipeline, prints a summary, sets the exit code.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadAndProcess, processInputs } from './build/articles.ts';
import { failsStrict, outcomeLines, type BuildReport } from './build/report.ts';
import { buildSite, checkOutputFolder, type BuildStats } from './build/site.ts';
import { loadConfig, PACKAGE_ROOT, type Config } from './config.ts';
import { DiagnosticError, formatDiagnostic } from './model/diagnostic.ts';
import { articleRecord } from './pages/machine.ts';
import { jsonFile } from './render/escape.ts';
import { slugify } from './routes/permalinks.ts';
import { assignTopics } from './index/archive.ts';
import { loadOverrides } from './load/overrides.ts';
import type { Article } from './model/article.ts';
import { checkProject, formatCheckLine } from './cli/check.ts';
import { closest, unknownOptionError } from './cli/suggest.ts';
import { createProgressReporter, progressMode } from './progress.ts';
import { fsFailure } from './write/fs-failure.ts';
import { withOutputLock } from './write/lock.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const HELP: Record<string, string> = {
  main: `news-archive — build a browsable, searchable website from a folder of news articles

Usage:
  news-archive build   [--input seeds] [--out dist] [--base-path /] [--config FILE]   build the site
  news-archive dev     [--port 8080] [same options as build]                          build, serve, rebuild and reload on change
  news-archive check   [--input seeds] [--config FILE]                                validate articles, override files, templates
  news-archive extract <files or folders…> --out DIR                                  one JSON record per article

Run "news-archive <command> --help" (or "news-archive help <command>") for a command's options;
"news-archive --version" prints the version.

Exit codes: 0 site written (even if some inputs were skipped or warned; see build-report.json),
1 build failed (nothing replaced) or, with --strict, any input skipped or warned, 2 usage error.`,
  build: `news-archive build — build the site

Options:
  --input DIR       folder of articles (.txt, .md), read recursively (default: seeds)
  --out DIR         output folder (default: dist)
  --base-path PATH  path prefix the site is served under (default: /)
  --base-url URL    absolute origin for canonical links, feeds and sitemap
  --config FILE     config file (default: news-archive.config.json if present)
  --report FILE     where to write build-report.json (default: beside the output folder)
  --no-search       skip the Pagefind search index (the search page then finds nothing)
  --no-cache        ignore .cache/: extract every article again and write every file (full build)
  --workers N       worker threads for extraction and rendering (default: one per core; 1 = none)
  --strict          exit 1 when any input was skipped or built with warnings (the site is still written)
  --quiet           print errors only
  --json            print a machine-readable JSON summary on stdout (no progress, no text)
  -h, --help        show this help

Progress per stage is shown on a terminal for builds longer than a second, one line per stage otherwise (CI).`,
  extract: `news-archive extract — write one JSON record per article (the extraction schema)

Usage: news-archive extract <files or folders…> --out DIR
       news-archive extract --input DIR --out DIR

Options:
  --input DIR       folder of articles, when no files or folders are given (default: the config's input)
  --out DIR         folder for the <basename>.json records (required)
  --config FILE     config file (default: news-archive.config.json if present)
  --quiet           print errors only
  -h, --help        show this help`,
  dev: `news-archive dev — build, serve on http://127.0.0.1:PORT, rebuild and reload open tabs on every change

Usage: news-archive dev [options]        (also: npm run dev -- [options])

Options:
  --port N          port to listen on (default: 8080; 0 picks a free one)
  --host HOST       interface to listen on (default: 127.0.0.1; 0.0.0.0 to allow other devices)
  --input DIR       folder of articles (default: seeds)
  --out DIR         output folder the site is built into and served from (default: dist)
  --base-path PATH  serve under this path prefix, as on the real host (default: /)
  --base-url URL    absolute origin for canonical links, feeds and sitemap
  --config FILE     config file (default: news-archive.config.json if present)
  --no-search       skip the Pagefind search index after each build (faster rebuilds)
  --no-cache        the first build ignores .cache/ (rebuilds after changes always use it)
  --workers N       worker threads for extraction and rendering (default: one per core; 1 = none)
  --quiet           print errors only
  -h, --help        show this help

Watches the input folder, templates/, public/, the config file, speakers.yaml and topics.yaml.
A broken article or template is shown in the terminal and as an overlay in the browser; the
server keeps running, and saving the fixed file recovers. Stop with Ctrl+C.
The reload script is added by the server only; the files in the output folder are exactly those of "build".`,
  check: `news-archive check — validate the articles, the override files and the templates; writes nothing

Usage: news-archive check [options]      (also: npm run check -- [options])

Options:
  --input DIR       folder of articles (default: seeds)
  --config FILE     config file (default: news-archive.config.json if present)
  --strict          exit 1 on warnings too, not only on errors
  --quiet           print errors only
  --json            print {ok, errors, warnings, diagnostics[]} on stdout
  -h, --help        show this help

Prints one line per problem as file:line:col: severity [code] message (the format editors and CI read).
Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 usage error.`,
};

export const FLAGS = {
  build: { input: { type: 'string' }, out: { type: 'string' }, 'base-path': { type: 'string' }, 'base-url': { type: 'string' }, config: { type: 'string' }, report: { type: 'string' }, strict: { type: 'boolean' }, 'no-search': { type: 'boolean' }, 'no-cache': { type: 'boolean' }, workers: { type: 'string' }, quiet: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  extract: { input: { type: 'string' }, out: { type: 'string' }, config: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  dev: { port: { type: 'string' }, host: { type: 'string' }, input: { type: 'string' }, out: { type: 'string' }, 'base-path': { type: 'string' }, 'base-url': { type: 'string' }, config: { type: 'string' }, 'no-search': { type: 'boolean' }, 'no-cache': { type: 'boolean' }, workers: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  check: { input: { type: 'string' }, config: { type: 'string' }, strict: { type: 'boolean' }, quiet: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
} satisfies Record<string, ParseArgsConfig['options']>;

type Io = {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Raw progress output (no newline added) and whether it is a terminal that can redraw a bar. */
  progress?: (s: string) => void;
  isTTY?: boolean;
};
const stdio: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  progress: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

export async function run(argv: string[], cwd = process.cwd(), io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' && rest[0] && rest[0] in FLAGS) {
    io.out(HELP[rest[0]]!);
    return EXIT.ok;
  }
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP.main!);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (command === '--version' || command === '-v') {
    io.out((JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    return EXIT.ok;
  }
  if (!(command in FLAGS)) {
    const near = closest(command, Object.keys(FLAGS));
    io.err(`unknown command "${command}"${near ? `; did you mean "${near}"?` : ''}\n\n${HELP.main}`);
    return EXIT.usage;
  }
  const cmd = command as keyof typeof FLAGS;
  const others = Object.fromEntries(Object.entries(FLAGS).filter(([name]) => name !== cmd));
  const unknown = unknownOptionError(cmd, rest, FLAGS[cmd], others);
  if (unknown) {
    io.err(unknown);
    return EXIT.usage;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: FLAGS[cmd], allowPositionals: cmd === 'extract', strict: true });
  } catch (err) {
    io.err(`${(err as Error).message}\nRun "news-archive ${cmd} --help" for the options.`);
    return EXIT.usage;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    io.out(HELP[cmd]!);
    return EXIT.ok;
  }
  try {
    if (cmd === 'build') return await runBuild(values, cwd, io);
    if (cmd === 'dev') return await runDev(values, cwd, io);
    if (cmd === 'check') return runCheck(values, cwd, io);
    return runExtract(parsed.positionals, values, cwd, io);
  } catch (err) {
    if (err instanceof DiagnosticError) {
      if (values.json) io.out(JSON.stringify({ ok: false, error: err.diagnostic }));
      else io.err(formatDiagnostic(err.diagnostic));
      return EXIT.failed;
    }
    throw err;
  }
}

function overridesFrom(values: Record<string, string | boolean | undefined>): Partial<Config> {
  const o: Partial<Config> = {};
  if (typeof values.input === 'string') o.input = values.input;
  if (typeof values.out === 'string') o.output = values.out;
  if (typeof values['base-path'] === 'string') o.basePath = values['base-path'];
  if (typeof values['base-url'] === 'string') o.baseUrl = values['base-url'];
  return o;
}

async function runBuild(values: Record<string, string | boolean | undefined>, cwd: string, io: Io): Promise<number> {
  const config = loadConfig(cwd, values.config as string | undefined, overridesFrom(values));
  const progress = createProgressReporter(progressMode({ isTTY: Boolean(io.isTTY), quiet: Boolean(values.quiet), json: Boolean(values.json), ci: Boolean(process.env.CI) }), io.progress ?? (() => {}));
  const workers = typeof values.workers === 'string' ? Number(values.workers) : undefined;
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
    io.err(`--workers must be a whole number ≥ 1, got "${values.workers}"`);
    return EXIT.usage;
  }
  const stats = {} as BuildStats;
  let searchMs: number | null = null;
  /** Shards of the search index, and how many were made again (0: every shard matched its article pages). */
  let search: { shards: number; indexed: number } | null = null;
  const buildAndIndex = async (): Promise<BuildReport> => {
    const built = await buildSite(config, { stats, onProgress: progress.onProgress, noCache: Boolean(values['no-cache']), ...(workers ? { workers } : {}), ...(typeof values.report === 'string' ? { reportPath: path.resolve(cwd, values.report) } : {}) });
    // Pagefind reads the written HTML, so it runs after buildSite has swapped the new site in.
    if (!values['no-search']) {
      const t = performance.now();
      progress.onProgress('search', 0, 1);
      // Loaded on use, like the dev server: --no-search builds and the other commands never need Pagefind.
      const { updateSearch } = await import('./search/pagefind.ts');
      search = await updateSearch(config);
      progress.onProgress('search', 1, 1);
      searchMs = Math.round(performance.now() - t);
    }
    return built;
  };
  // Refused before the lock is made beside it (an output folder that is the input, a system folder…).
  checkOutputFolder(config);
  const report = await withOutputLock(config.output, buildAndIndex).catch((err: unknown) => {
    throw fsFailure(err, config.output) ?? err;
  });
  progress.finish();
  const searched = search as { shards: number; indexed: number } | null; // assigned in a callback: TypeScript keeps null
  if (values.json) io.out(JSON.stringify({ ...jsonSummary(report, config), stats: { ...stats, searchMs, searchIndexed: searched ? searched.indexed > 0 : null, searchShards: searched } }));
  else if (!values.quiet) io.out(summary(report, config, searched && { ...searched, ms: searchMs ?? 0 }));
  else for (const e of report.entries) for (const d of e.diagnostics) if (d.severity === 'error') io.err(formatDiagnostic(d));
  if (values.strict && failsStrict(report)) {
    io.err(`--strict: ${report.skipped} skipped, ${report.warned} built with warnings; exit 1 (the site was written)`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

/**
 * The --json output of build: the report's counts, where the site went, and every diagnostic (entries stay in
 * build-report.json); runBuild adds `stats` (per-stage milliseconds and memory, files written, search time).
 */
export function jsonSummary(report: BuildReport, config: Pick<Config, 'output' | 'input'>): object {
  const { entries, ...counts } = report;
  return { ok: true, output: config.output, input: config.input, ...counts, diagnostics: entries.flatMap((e) => e.diagnostics) };
}

async function runDev(values: Record<string, string | boolean | undefined>, cwd: string, io: Io): Promise<number> {
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`--port must be a number from 0 to 65535, not "${values.port}"`);
    return EXIT.usage;
  }
  const workers = typeof values.workers === 'string' ? Number(values.workers) : undefined;
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
    io.err(`--workers must be a whole number ≥ 1, got "${values.workers}"`);
    return EXIT.usage;
  }
  const quiet = Boolean(values.quiet);
  if (!quiet) io.out('Building the site for the dev server…');
  let session;
  try {
    const { startDev } = await import('./dev/session.ts');
    const { updateSearch } = await import('./search/pagefind.ts');
    session = await startDev({
      cwd, port, configPath: values.config as string | undefined, overrides: overridesFrom(values),
      ...(typeof values.host === 'string' ? { host: values.host } : {}),
      ...(values['no-search'] ? {} : { afterBuild: (c: Config) => updateSearch(c) }),
      ...(workers ? { buildOptions: { workers } } : {}),
      noCache: Boolean(values['no-cache']),
      progress: () => createProgressReporter(progressMode({ isTTY: Boolean(io.isTTY), quiet, ci: Boolean(process.env.CI) }) === 'tty' ? 'tty' : 'silent', io.progress ?? (() => {})),
      log: (line) => (quiet && !/error|failed/i.test(line) ? undefined : io.out(line)),
    });
  } catch (err) {
    if (err instanceof DiagnosticError) throw err;
    io.err(`dev server could not start: ${(err as Error).message}`);
    return EXIT.failed;
  }
  io.out(`Serving ${session.config.output} at ${session.url}`);
  io.out('Watching the articles, templates, assets, config and override files; press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await session.close();
  return EXIT.ok;
}

function runCheck(values: Record<string, string | boolean | undefined>, cwd: string, io: Io): number {
  let config: Config;
  try {
    config = loadConfig(cwd, values.config as string | undefined, overridesFrom(values));
  } catch (err) {
    if (!(err instanceof DiagnosticError)) throw err;
    // A broken config is reported like any other problem, in the file:line:col shape editors read.
    const d = { ...err.diagnostic, file: path.relative(cwd, err.diagnostic.file) || err.diagnostic.file };
    if (values.json) io.out(JSON.stringify({ ok: false, errors: 1, warnings: 0, inputs: 0, diagnostics: [d] }));
    else io.err(formatCheckLine(d));
    return EXIT.failed;
  }
  const progress = createProgressReporter(progressMode({ isTTY: Boolean(io.isTTY), quiet: Boolean(values.quiet), json: Boolean(values.json), ci: Boolean(process.env.CI) }), io.progress ?? (() => {}));
  const result = checkProject(config, cwd, progress.onProgress);
  progress.finish();
  const failed = result.errors > 0 || (Boolean(values.strict) && result.warnings > 0);
  if (values.json) {
    io.out(JSON.stringify({ ok: !failed, errors: result.errors, warnings: result.warnings, inputs: result.inputs, diagnostics: result.diagnostics }));
    return failed ? EXIT.failed : EXIT.ok;
  }
  for (const d of result.diagnostics) if (!values.quiet || d.severity === 'error') (d.severity === 'error' ? io.err : io.out)(formatCheckLine(d));
  const line = `checked ${result.inputs} inputs, ${result.overrides} override files, ${result.templates} templates: ${result.errors} errors, ${result.warnings} warnings`;
  if (!values.quiet || failed) (failed ? io.err : io.out)(line);
  return failed ? EXIT.failed : EXIT.ok;
}

/** `search`: the index's shards, how many were made again, and how long the search step took (null with --no-search). */
export function summary(report: BuildReport, config: Pick<Config, 'output'>, search: { shards: number; indexed: number; ms: number } | null = null): string {
  const lines: string[] = [];
  for (const e of report.entries) for (const d of e.diagnostics) lines.push(formatDiagnostic(d));
  lines.push(...outcomeLines(report));
  lines.push(
    `${report.inputs} inputs: ${report.built} built (${report.warned} with warnings), ${report.skipped} skipped`,
    `${report.speakers} speakers, ${report.quotes} quotes, ${report.topics} topics`,
    `${report.pages} pages, ${report.files} files written to ${config.output} in ${report.seconds.toFixed(2)} s`,
  );
  if (search) lines.push(searchLine(search));
  return lines.join('\n');
}

function searchLine(search: { shards: number; indexed: number; ms: number }): string {
  if (search.indexed === 0) return 'search index kept: no article page changed since it was made';
  const seconds = (search.ms / 1000).toFixed(2);
  if (search.indexed === search.shards) return `search index made in ${seconds} s${search.shards > 1 ? ` (${search.shards} shards)` : ''}`;
  return `search index: ${search.indexed} of ${search.shards} shards made again in ${seconds} s (the others hold no changed article)`;
}

function runExtract(positionals: string[], values: Record<string, string | boolean | undefined>, cwd: string, io: Io): number {
  if (typeof values.out !== 'string') {
    io.err(`extract needs --out DIR\n\n${HELP.extract}`);
    return EXIT.usage;
  }
  const config = loadConfig(cwd, values.config as string | undefined, overridesFrom({ input: values.input }));
  if (!positionals.length) positionals = [config.input];
  const outDir = path.resolve(cwd, values.out);
  mkdirSync(outDir, { recursive: true });
  let written = 0;
  let skipped = 0;
  const records: Article[] = [];
  for (const target of positionals) {
    const abs = path.resolve(cwd, target);
    if (!existsSync(abs)) {
      io.err(`${target}: not found`);
      skipped++;
      continue;
    }
    const processed = statSync(abs).isDirectory()
      ? loadAndProcess(abs, config)
      : processInputs([{ abs, rel: path.basename(abs) }], [], config);
    for (const e of processed.entries) {
      for (const d of e.diagnostics) if (!values.quiet || d.severity === 'error') io.err(formatDiagnostic(d));
      if (e.outcome === 'skipped') skipped++;
    }
    records.push(...processed.articles);
  }
  // Topics are an archive-wide decision (recurring named things), so records are written once all are known.
  assignTopics(records, config, loadOverrides(config).topics);
  // a/x.txt and b/x.txt share an id: the first keeps <id>.json, later ones are named by their whole path.
  const taken = new Set<string>();
  for (const a of records) {
    let name = `${a.id}.json`;
    if (taken.has(name)) name = `${slugify(a.file, a.id)}.json`;
    for (let n = 2; taken.has(name); n++) name = `${slugify(a.file, a.id)}-${n}.json`;
    taken.add(name);
    writeFileSync(path.join(outDir, name), jsonFile(articleRecord(a)));
    written++;
  }
  if (!values.quiet) io.out(`${written} records written to ${outDir}${skipped ? `, ${skipped} inputs skipped` : ''}`);
  return EXIT.ok;
}
