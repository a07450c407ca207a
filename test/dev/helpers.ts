// Test helpers for the dev server: a temporary archive copy and a reader for the server-sent event stream.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** A throw-away project: seeds/ from the dev-archive fixture, plus copies of the templates and assets so tests may break them. */
export function tempProject(): { dir: string; seeds: string; templates: string; publicDir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'na-dev-'));
  const seeds = path.join(dir, 'seeds');
  const templates = path.join(dir, 'templates');
  const publicDir = path.join(dir, 'public');
  cpSync(path.join(ROOT, 'test/fixtures/dev-archive'), seeds, { recursive: true });
  cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
  cpSync(path.join(ROOT, 'public'), publicDir, { recursive: true });
  return { dir, seeds, templates, publicDir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SseEvent {
  event: string;
  data: string;
  /** performance.now() when it arrived. */
  at: number;
}

export interface EventReader {
  /** The next event named `name` not yet consumed, or a rejection after `timeoutMs`. */
  next(name: string, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

export async function openEvents(url: string): Promise<EventReader> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal });
  if (!res.ok || !res.body) throw new Error(`event stream: HTTP ${res.status}`);
  const queue: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trim());
          }
          if (data.length) queue.push({ event, data: data.join('\n'), at: performance.now() });
          for (const w of waiters.splice(0)) w();
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    async next(name, timeoutMs = 5000) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const i = queue.findIndex((e) => e.event === name);
        if (i >= 0) return queue.splice(i, 1)[0]!;
        const left = deadline - performance.now();
        if (left <= 0) throw new Error(`no "${name}" event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
    close: () => abort.abort(),
  };
}
