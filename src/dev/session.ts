// `news-archive dev`: first build, serve, watch, rebuild on change with the same build function, report problems in terminal and browser.
import path from 'node:path';
import type { BuildReport } from '../build/report.ts';
import { buildSite, checkOutputFolder, type BuildOptions } from '../build/site.ts';
import { CONFIG_FILE, defaultConfig, loadConfig, type Config } from '../config.ts';
import { DiagnosticError, formatDiagnostic, type Diagnostic } from '../model/diagnostic.ts';
import type { ProgressReporter } from '../progress.ts';
import type { DevProblem } from './overlay.ts';
import { startDevServer, type DevServer } from './server.ts';
import { watchInputs, type InputWatcher } from './watch.ts';
import { fsFailure } from '../write/fs-failure.ts';
import { withOutputLock } from '../write/lock.ts';

export type BuildFn = (config: Config, options: BuildOptions) => BuildReport | Promise<BuildReport>;

export interface DevOptions {
  cwd: string;
  configPath?: string;
  /** CLI flags on top of the config file (input, output, basePath…). */
  overrides?: Partial<Config>;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Terminal output, one line per call. */
  log?: (line: string) => void;
  debounceMs?: number;
  /** Options passed to every build (workers…). */
  buildOptions?: BuildOptions;
  /** The first build ignores the cache (--no-cache); rebuilds use it, so they stay incremental. */
  noCache?: boolean;
  /** A fresh progress reporter per build (the CLI's bar on a terminal); finished before the build's log line. */
  progress?: () => ProgressReporter;
  /** The build to run; the production build by default (tests may wrap it). */
  build?: BuildFn;
  /**
   * Runs after each successful build, once the tabs have reloaded (the CLI indexes search here, which can take
   * seconds on a large site and should not hold back the page); a failure is shown like a build error.
   */
  afterBuild?: (config: Config) => Promise<unknown>;
}

export interface DevOutcome {
  ok: boolean;
  problems: DevProblem[];
  report?: BuildReport;
}

export interface DevSession {
  readonly url: string;
  readonly server: DevServer;
  readonly config: Config;
  /** Resolves when every pending rebuild has finished. */
  idle(): Promise<void>;
  /** Rebuilds now (as if `changed` had changed) and reloads the open tabs. */
  rebuild(changed?: string[]): Promise<DevOutcome>;
  readonly last: DevOutcome;
  close(): Promise<void>;
}

/** Errors in inputs make the overlay; warnings only go to build-report.json and a count in the terminal. */
export function problemsFromReport(report: BuildReport, show: (file: string) => string): DevProblem[] {
  const diagnostics: Diagnostic[] = [];
  for (const e of report.entries) for (const d of e.diagnostics) if (d.severity === 'error') diagnostics.push({ ...d, file: show(d.file) });
  if (!diagnostics.length) return [];
  const files = new Set(diagnostics.map((d) => d.file)).size;
  return [{ title: `${files} input file${files === 1 ? '' : 's'} could not be built (the rest of the site is up to date)`, diagnostics }];
}

/** A thrown build (template error, bad config, unsafe output) becomes one problem; the previous site stays served. */
export function problemFromError(err: unknown, changed: string[], show: (file: string) => string): DevProblem {
  const d: Diagnostic = err instanceof DiagnosticError
    ? { ...err.diagnostic, file: show(err.diagnostic.file) }
    : { severity: 'error', code: 'build-failed', file: changed[0] ?? '(build)', message: cleanMessage(err), hint: 'the last good build is still being served; fix the file and save' };
  return { title: 'Build failed', diagnostics: [d], ...(changed.length ? { changed } : {}) };
}

/** Template engines append their generated code to syntax errors: the first lines are the useful ones. */
function cleanMessage(err: unknown): string {
  const e = err as Error;
  const text = `${e?.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e?.message ?? String(err)}`;
  return text.split(/\n={5,}/)[0]!.trim().split(/\n(?:\s*\n)*/).slice(0, 12).join('\n');
}

export async function startDev(options: DevOptions): Promise<DevSession> {
  const { cwd } = options;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const build: BuildFn = options.build ?? buildSite;
  const configFile = path.resolve(cwd, options.configPath ?? CONFIG_FILE);
  const show = (file: string): string => {
    const abs = path.isAbsolute(file) ? file : path.join(config.input, file);
    return path.relative(cwd, abs) || abs;
  };
  // Without a baseUrl of its own, the site's absolute links (canonical, feeds, sitemap) point at this server.
  let origin = '';
  const load = (): Config => {
    const c = loadConfig(cwd, options.configPath, options.overrides ?? {});
    if (origin && c.baseUrl === defaultConfig(cwd).baseUrl) c.baseUrl = origin;
    return c;
  };
  let config = load();
  let last: DevOutcome = { ok: false, problems: [] };
  let watcher: InputWatcher | undefined;
  let watchedKey = '';

  const stamp = (): string => new Date().toTimeString().slice(0, 8);
  let builds = 0;
  const runBuild = async (changed: string[]): Promise<DevOutcome> => {
    const noCache = builds++ === 0 && Boolean(options.noCache);
    const rel = changed.map((c) => (path.isAbsolute(c) ? path.relative(cwd, c) || c : c));
    if (changed.includes(configFile)) {
      try {
        config = load();
      } catch (err) {
        return { ok: false, problems: [problemFromError(err, rel, show)] };
      }
    }
    const started = performance.now();
    try {
      const reporter = options.progress?.();
      let report: BuildReport;
      try {
        checkOutputFolder(config);
        // A build started from another terminal into the same folder fails this one with a clear problem, not both.
        report = await withOutputLock(config.output, () => build(config, { ...options.buildOptions, ...(noCache ? { noCache } : {}), ...(reporter ? { onProgress: reporter.onProgress } : {}) }));
      } finally {
        reporter?.finish();
      }
      const problems = problemsFromReport(report, show);
      const warnings = report.entries.reduce((n, e) => n + e.diagnostics.filter((d) => d.severity === 'warning').length, 0);
      const secs = ((performance.now() - started) / 1000).toFixed(2);
      log(`[${stamp()}] ${problems.length ? 'built with errors' : 'built'} in ${secs} s: ${report.built} articles, ${report.pages} pages${warnings ? `, ${warnings} warnings (see build-report.json)` : ''}${rel.length ? ` — changed ${summariseChanged(rel)}` : ''}`);
      return { ok: problems.length === 0, problems, report };
    } catch (err) {
      return { ok: false, problems: [problemFromError(fsFailure(err, config.output) ?? err, rel, show)] };
    }
  };

  const publish = (outcome: DevOutcome, changed: string[] = []): void => {
    const wasOk = last.ok;
    last = outcome;
    for (const p of outcome.problems) {
      log(`[${stamp()}] ${p.title}${p.changed ? ` (after changing ${summariseChanged(p.changed)})` : ''}`);
      for (const d of p.diagnostics) log(`  ${formatDiagnostic(d).replace(/\n/g, '\n  ')}`);
    }
    server.setProblems(outcome.problems);
    server.retarget({ root: config.output, basePath: config.basePath });
    // Only stylesheets changed, and the build is clean: the tabs swap the CSS without a reload.
    const inPublic = (f: string): boolean => f.startsWith(config.public + path.sep) && f.endsWith('.css');
    const cssOnly = outcome.ok && wasOk && changed.length > 0 && changed.every(inPublic);
    server.reload(cssOnly ? 'css' : 'reload');
  };

  // Listening before the first build gives the port for baseUrl; until the build is done, the previous site (or a waiting page) is served.
  const server = await startDevServer({ root: config.output, basePath: config.basePath, host: options.host, port: options.port });
  origin = new URL(server.url).origin;
  config = load();
  const after = async (outcome: DevOutcome): Promise<void> => {
    if (!outcome.report || !options.afterBuild) return;
    const started = performance.now();
    try {
      const ran = await withOutputLock(config.output, () => options.afterBuild!(config));
      // indexed 0: the search bundle already matched the article pages (the CLI's updateSearch).
      if ((ran as { indexed?: number } | undefined)?.indexed !== 0) log(`[${stamp()}] search index updated in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    } catch (err) {
      publish({ ok: false, problems: [problemFromError(fsFailure(err, config.output) ?? err, [], show)], report: outcome.report });
    }
  };
  const first = await runBuild([]);
  publish(first);

  // Serialised rebuilds: changes arriving during a build are batched into exactly one follow-up build.
  const pending = new Set<string>();
  let running: Promise<void> | null = null;
  const drain = async (): Promise<void> => {
    while (pending.size) {
      const changed = [...pending];
      pending.clear();
      const outcome = await runBuild(changed);
      publish(outcome, changed);
      await after(outcome);
      await rewatch();
    }
    running = null;
  };
  // The first after-build step runs in the queue too, so the URL is printed without waiting for the search index.
  running = (async () => {
    await after(first);
    await drain();
  })();
  const schedule = (changed: string[]): Promise<void> => {
    for (const c of changed) pending.add(c);
    running ??= drain();
    return running;
  };

  const rewatch = async (): Promise<void> => {
    const targets = {
      dirs: [config.input, config.templates, config.public],
      files: [configFile, config.speakersFile, config.topicsFile],
      ignore: [config.output],
    };
    const key = JSON.stringify(targets);
    if (key === watchedKey) return;
    watchedKey = key;
    await watcher?.close();
    watcher = watchInputs(targets, (changed) => void schedule(changed), { debounceMs: options.debounceMs });
    await watcher.ready;
  };
  await rewatch();

  return {
    get url() {
      return server.url;
    },
    server,
    get config() {
      return config;
    },
    get last() {
      return last;
    },
    idle: () => running ?? Promise.resolve(),
    async rebuild(changed = []) {
      await schedule(changed.length ? changed : ['(manual)']);
      return last;
    },
    async close() {
      await watcher?.close();
      await running;
      await server.close();
    },
  };
}

function summariseChanged(rel: string[]): string {
  return rel.length <= 3 ? rel.join(', ') : `${rel.slice(0, 3).join(', ')} and ${rel.length - 3} more`;
}
