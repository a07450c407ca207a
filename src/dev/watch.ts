// Watches the build's inputs (article, template and asset folders; config and override files) and reports changes in debounced batches.
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

export interface WatchTargets {
  /** Watched recursively (input, templates, public). Missing folders are skipped. */
  dirs: string[];
  /** Single files that may not exist yet (config, speakers.yaml, topics.yaml): creating one counts as a change. */
  files: string[];
  /** Folders whose changes never count (the output folder, in case it sits inside a watched one). */
  ignore?: string[];
}

export interface InputWatcher {
  /** Resolves once the initial scan is done: changes after this are seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Editor swap and backup files, and hidden files, which the build never reads either. */
export function isNoise(file: string): boolean {
  const base = path.basename(file);
  return base.startsWith('.') || base.endsWith('~') || /\.(swp|swx|tmp)$/.test(base) || /^#.*#$/.test(base);
}

export function watchInputs(targets: WatchTargets, onChange: (changed: string[]) => void, options: { debounceMs?: number } = {}): InputWatcher {
  const debounce = options.debounceMs ?? 60;
  const ignore = (targets.ignore ?? []).map((p) => path.resolve(p));
  const inIgnored = (p: string): boolean => ignore.some((i) => p === i || p.startsWith(i + path.sep) || path.basename(p).startsWith(`.${path.basename(i)}.`));
  const files = new Set(targets.files.map((f) => path.resolve(f)));
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const note = (p: string): void => {
    pending.add(path.resolve(p));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...pending].sort();
      pending.clear();
      if (batch.length) onChange(batch);
    }, debounce);
  };

  /**
   * chokidar's own events drop a save now and then (its per-file throttle and mtime check lose a write that follows
   * a truncate), so the raw fs.watch events are listened to as well; the debounced batch merges the duplicates.
   */
  const rawPath = (evPath: string | undefined, details: unknown): string | null => {
    const watched = (details as { watchedPath?: string } | undefined)?.watchedPath;
    if (!watched) return null;
    return evPath && path.basename(watched) !== evPath ? path.join(watched, evPath) : watched;
  };
  const watchers: FSWatcher[] = [];
  const dirs = [...new Set(targets.dirs.map((d) => path.resolve(d)))];
  if (dirs.length) {
    const w = watch(dirs, {
      ignoreInitial: true,
      // The roots themselves pass even when their own name looks hidden; only what is inside is filtered.
      ignored: (p: string) => !dirs.includes(path.resolve(p)) && (isNoise(p) || inIgnored(path.resolve(p))),
    });
    w.on('all', (_event, p) => note(p));
    w.on('raw', (_event, evPath, details) => {
      const p = rawPath(evPath, details);
      if (p && !isNoise(p) && !inIgnored(path.resolve(p))) note(p);
    });
    watchers.push(w);
  }
  if (files.size) {
    // Parents at depth 0: a file that does not exist yet is seen when created, without watching the whole project tree.
    const parents = [...new Set([...files].map((f) => path.dirname(f)))];
    const w = watch(parents, { ignoreInitial: true, depth: 0 });
    w.on('all', (_event, p) => {
      if (files.has(path.resolve(p))) note(p);
    });
    w.on('raw', (_event, evPath, details) => {
      const p = rawPath(evPath, details);
      if (p && files.has(path.resolve(p))) note(p);
    });
    watchers.push(w);
  }
  const ready = Promise.all(watchers.map((w) => new Promise<void>((resolve) => w.once('ready', () => resolve())))).then(() => {});
  return {
    ready,
    async close() {
      clearTimeout(timer);
      await Promise.all(watchers.map((w) => w.close()));
    },
  };
}
