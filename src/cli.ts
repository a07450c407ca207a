// Command line: `news-archive build|extract …`; parses flags, runs the pipeline, prints a summary, sets the exit code.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadAndProcess, processInputs } from './build/articles.ts';
import { failsStrict, outcomeLines, type BuildReport } from './build/report.ts';
import { buildSite } from './build/site.ts';
import { loadConfig, type Config } from './config.ts';
import { DiagnosticError, formatDiagnostic } from './model/diagnostic.ts';
import { articleRecord } from './pages/machine.ts';
import { jsonFile } from './render/escape.ts';
import { indexSearch } from './search/pagefind.ts';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const HELP: Record<string, string> = {
  main: `news-archive — build a browsable, searchable website from a folder of news articles

Usage:
  news-archive build   [--input seeds] [--out dist] [--base-path /] [--config FILE]
  news-archive extract <files or folders…> --out DIR

Run "news-archive <command> --help" for a command's options.

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
  --strict          exit 1 when any input was skipped or built with warnings (the site is still written)
  --quiet           print errors only
  -h, --help        show this help`,
  extract: `news-archive extract — write one JSON record per article (the extraction schema)

Usage: news-archive extract <files or folders…> --out DIR

Options:
  --out DIR         folder for the <basename>.json records (required)
  --config FILE     config file (default: news-archive.config.json if present)
  -h, --help        show this help`,
};

const FLAGS = {
  build: { input: { type: 'string' }, out: { type: 'string' }, 'base-path': { type: 'string' }, 'base-url': { type: 'string' }, config: { type: 'string' }, report: { type: 'string' }, strict: { type: 'boolean' }, 'no-search': { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  extract: { out: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
} satisfies Record<string, ParseArgsConfig['options']>;

type Io = { out: (s: string) => void; err: (s: string) => void };
const stdio: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

export async function run(argv: string[], cwd = process.cwd(), io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP.main!);
    return command ? EXIT.ok : EXIT.usage;
  }
  if (!(command in FLAGS)) {
    io.err(`unknown command "${command}"\n\n${HELP.main}`);
    return EXIT.usage;
  }
  const cmd = command as keyof typeof FLAGS;
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
    return cmd === 'build' ? await runBuild(values, cwd, io) : runExtract(parsed.positionals, values, cwd, io);
  } catch (err) {
    if (err instanceof DiagnosticError) {
      io.err(formatDiagnostic(err.diagnostic));
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
  const report = buildSite(config, { ...(typeof values.report === 'string' ? { reportPath: path.resolve(cwd, values.report) } : {}) });
  // Pagefind reads the written HTML, so it runs after buildSite has swapped the new site in.
  if (!values['no-search']) await indexSearch(config.output);
  if (!values.quiet) io.out(summary(report, config));
  else for (const e of report.entries) for (const d of e.diagnostics) if (d.severity === 'error') io.err(formatDiagnostic(d));
  if (values.strict && failsStrict(report)) {
    io.err(`--strict: ${report.skipped} skipped, ${report.warned} built with warnings; exit 1 (the site was written)`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

export function summary(report: BuildReport, config: Pick<Config, 'output'>): string {
  const lines: string[] = [];
  for (const e of report.entries) for (const d of e.diagnostics) lines.push(formatDiagnostic(d));
  lines.push(...outcomeLines(report));
  lines.push(
    `${report.inputs} inputs: ${report.built} built (${report.warned} with warnings), ${report.skipped} skipped`,
    `${report.speakers} speakers, ${report.quotes} quotes, ${report.topics} topics`,
    `${report.pages} pages, ${report.files} files written to ${config.output} in ${report.seconds.toFixed(2)} s`,
  );
  return lines.join('\n');
}

function runExtract(positionals: string[], values: Record<string, string | boolean | undefined>, cwd: string, io: Io): number {
  if (!positionals.length || typeof values.out !== 'string') {
    io.err(`extract needs input files or folders and --out DIR\n\n${HELP.extract}`);
    return EXIT.usage;
  }
  const config = loadConfig(cwd, values.config as string | undefined);
  const outDir = path.resolve(cwd, values.out);
  mkdirSync(outDir, { recursive: true });
  let written = 0;
  let skipped = 0;
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
      for (const d of e.diagnostics) io.err(formatDiagnostic(d));
      if (e.outcome === 'skipped') skipped++;
    }
    for (const a of processed.articles) {
      writeFileSync(path.join(outDir, `${a.id}.json`), jsonFile(articleRecord(a)));
      written++;
    }
  }
  io.out(`${written} records written to ${outDir}${skipped ? `, ${skipped} inputs skipped` : ''}`);
  return EXIT.ok;
}
