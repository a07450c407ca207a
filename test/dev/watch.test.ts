import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isNoise, watchInputs, type InputWatcher } from '../../src/dev/watch.ts';

const until = async (check: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('watching the inputs', () => {
  let dir: string;
  let watcher: InputWatcher;
  const batches: string[][] = [];
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'na-watch-'));
    mkdirSync(path.join(dir, 'seeds'));
    mkdirSync(path.join(dir, 'dist'));
    batches.length = 0;
    watcher = watchInputs({ dirs: [path.join(dir, 'seeds')], files: [path.join(dir, 'topics.yaml')], ignore: [path.join(dir, 'dist')] }, (b) => batches.push(b), { debounceMs: 40 });
    await watcher.ready;
  });
  afterEach(async () => {
    await watcher.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('treats editor swap files and hidden files as noise', () => {
    expect(isNoise('/a/.story.txt.swp')).toBe(true);
    expect(isNoise('/a/story.txt~')).toBe(true);
    expect(isNoise('/a/#story.txt#')).toBe(true);
    expect(isNoise('/a/story.txt')).toBe(false);
  });

  it('batches several saves into one change', async () => {
    writeFileSync(path.join(dir, 'seeds/a.txt'), 'A headline\n\nText.');
    writeFileSync(path.join(dir, 'seeds/b.txt'), 'B headline\n\nText.');
    await until(() => batches.flat().length >= 2);
    expect(batches).toHaveLength(1);
  });

  it('sees every save of a file, even saves in quick succession (chokidar alone drops some)', async () => {
    const file = path.join(dir, 'seeds/story.txt');
    writeFileSync(file, 'Headline\n\nFirst text.');
    await until(() => batches.length === 1);
    for (let i = 0; i < 25; i++) {
      const before = batches.length;
      writeFileSync(file, `Headline\n\nBroken ${i}.`);
      await until(() => batches.length > before);
      await new Promise((r) => setTimeout(r, 60 + (i % 4) * 15));
      const mid = batches.length;
      writeFileSync(file, `Headline\n\nFixed ${i}.`);
      await until(() => batches.length > mid);
    }
  });

  it('sees an override file created after start, but not other files beside it', async () => {
    writeFileSync(path.join(dir, 'notes.txt'), 'not watched');
    writeFileSync(path.join(dir, 'dist/index.html'), 'output');
    writeFileSync(path.join(dir, 'topics.yaml'), 'hide: []\n');
    await until(() => batches.length > 0);
    await new Promise((r) => setTimeout(r, 150));
    expect(batches.flat()).toEqual([path.join(dir, 'topics.yaml')]);
  });
});
