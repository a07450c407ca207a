// Build progress: the callback interface the build calls per stage, and the reporters that show it (TTY bar, plain CI lines, silent).

/**
 * Called by the build as work advances: `done` of `total` units of `stage` are finished.
 * Stages in build order: "articles" (inputs read, parsed and extracted), "index", "pages" (pages rendered and written).
 * A stage is complete when done === total. Implementations must be cheap: it is called once per unit.
 */
export type ProgressFn = (stage: string, done: number, total: number) => void;

export const STAGE_LABELS: Readonly<Record<string, string>> = {
  articles: 'articles parsed',
  index: 'index built',
  pages: 'pages written',
  search: 'search indexed',
};

export type ProgressMode = 'tty' | 'plain' | 'silent';

export interface ProgressReporter {
  onProgress: ProgressFn;
  /** Clears a half-drawn bar so the summary starts on a clean line. */
  finish(): void;
}

export interface ReporterOptions {
  /** Clock in milliseconds (tests pass a fake one). */
  now?: () => number;
  /** TTY only: nothing is drawn until the build has run this long, so fast builds stay quiet. */
  delayMs?: number;
  /** TTY only: minimum time between redraws of the bar. */
  intervalMs?: number;
  /** Characters in the bar. */
  width?: number;
}

/** --json and --quiet silence progress; a terminal gets the redrawn bar; pipes and CI get one line per stage. */
export function progressMode(flags: { isTTY: boolean; quiet?: boolean; json?: boolean; ci?: boolean }): ProgressMode {
  if (flags.quiet || flags.json) return 'silent';
  return flags.isTTY && !flags.ci ? 'tty' : 'plain';
}

export function progressBar(done: number, total: number, width: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const full = Math.round(ratio * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${String(Math.round(ratio * 100)).padStart(3)}%`;
}

function stageLine(stage: string, done: number, total: number): string {
  // Counts padded to the total's width so the bar does not jump sideways as digits are added.
  return `${(STAGE_LABELS[stage] ?? stage).padEnd(16)} ${String(done).padStart(String(total).length)}/${total}`;
}

export function createProgressReporter(mode: ProgressMode, write: (s: string) => void, options: ReporterOptions = {}): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  if (mode === 'silent') return { onProgress: () => {}, finish: () => {} };
  const stageStart = new Map<string, number>();
  const seconds = (stage: string): string => `${((now() - (stageStart.get(stage) ?? now())) / 1000).toFixed(2)} s`;

  if (mode === 'plain') {
    return {
      onProgress(stage, done, total) {
        if (!stageStart.has(stage)) stageStart.set(stage, now());
        if (done === total) write(`${stageLine(stage, done, total)} (${seconds(stage)})\n`);
      },
      finish() {},
    };
  }

  const delay = options.delayMs ?? 1000;
  const interval = options.intervalMs ?? 80;
  const width = options.width ?? 24;
  const started = now();
  const finished: string[] = [];
  let shown = false;
  let lastDraw = -Infinity;
  let partial = false;
  return {
    onProgress(stage, done, total) {
      if (!stageStart.has(stage)) stageStart.set(stage, now());
      const t = now();
      const complete = done === total;
      const line = `${stageLine(stage, done, total)} ${progressBar(done, total, width)}`;
      if (!shown && t - started < delay) {
        // Before the delay nothing is drawn, but finished stages are remembered for when drawing starts.
        if (complete) finished.push(`${line} ${seconds(stage)}`);
        return;
      }
      if (!shown) {
        shown = true;
        for (const f of finished) write(`${f}\n`);
      }
      if (complete) {
        write(`\r\x1b[2K${line} ${seconds(stage)}\n`);
        partial = false;
        lastDraw = t;
      } else if (t - lastDraw >= interval) {
        write(`\r\x1b[2K${line}`);
        partial = true;
        lastDraw = t;
      }
    },
    finish() {
      if (partial) write('\r\x1b[2K');
      partial = false;
    },
  };
}
