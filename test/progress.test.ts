import { describe, expect, it } from 'vitest';
import { createProgressReporter, progressBar, progressMode } from '../src/progress.ts';

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('progress', () => {
  it('chooses the bar on a terminal, lines in CI and pipes, nothing for --quiet or --json', () => {
    expect(progressMode({ isTTY: true })).toBe('tty');
    expect(progressMode({ isTTY: true, ci: true })).toBe('plain');
    expect(progressMode({ isTTY: false })).toBe('plain');
    expect(progressMode({ isTTY: true, quiet: true })).toBe('silent');
    expect(progressMode({ isTTY: false, json: true })).toBe('silent');
  });

  it('draws a bar proportional to the work done', () => {
    expect(progressBar(5, 10, 10)).toBe('[#####-----]  50%');
    expect(progressBar(0, 0, 4)).toBe('[####] 100%');
  });

  it('prints one line per finished stage when not on a terminal', () => {
    const out: string[] = [];
    const clock = fakeClock();
    const r = createProgressReporter('plain', (s) => out.push(s), { now: clock.now });
    r.onProgress('articles', 0, 3);
    r.onProgress('articles', 1, 3);
    clock.advance(1500);
    r.onProgress('articles', 3, 3);
    r.onProgress('pages', 0, 2);
    r.onProgress('pages', 2, 2);
    expect(out).toEqual(['articles parsed  3/3 (1.50 s)\n', 'pages written    2/2 (0.00 s)\n']);
  });

  it('stays silent on a terminal for a build shorter than the delay', () => {
    const out: string[] = [];
    const clock = fakeClock();
    const r = createProgressReporter('tty', (s) => out.push(s), { now: clock.now, delayMs: 1000 });
    r.onProgress('articles', 0, 2);
    clock.advance(200);
    r.onProgress('articles', 2, 2);
    r.finish();
    expect(out).toEqual([]);
  });

  it('redraws the bar in place once the build runs longer than the delay, keeping finished stages', () => {
    const out: string[] = [];
    const clock = fakeClock();
    const r = createProgressReporter('tty', (s) => out.push(s), { now: clock.now, delayMs: 1000, intervalMs: 0, width: 4 });
    r.onProgress('articles', 0, 1);
    r.onProgress('articles', 1, 1);
    r.onProgress('pages', 0, 4);
    clock.advance(1200);
    r.onProgress('pages', 2, 4);
    r.finish();
    expect(out[0]).toContain('articles parsed  1/1 [####] 100%');
    expect(out[1]).toBe('\r\x1b[2Kpages written    2/4 [##--]  50%');
    expect(out.at(-1)).toBe('\r\x1b[2K');
  });

  it('does nothing in silent mode', () => {
    const out: string[] = [];
    const r = createProgressReporter('silent', (s) => out.push(s));
    r.onProgress('articles', 1, 1);
    r.finish();
    expect(out).toEqual([]);
  });
});
