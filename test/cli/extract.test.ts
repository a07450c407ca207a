import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.ts';

const quiet = { out: () => {}, err: () => {} };

describe('news-archive extract', () => {
  it('writes one record per article in the gold schema, twins with the same base name kept apart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-extract-'));
    mkdirSync(path.join(dir, 'in/a'), { recursive: true });
    mkdirSync(path.join(dir, 'in/b'), { recursive: true });
    writeFileSync(path.join(dir, 'in/a/x.txt'), 'Road to reopen\n\nThe mayor said the road would reopen on Monday.\n');
    writeFileSync(path.join(dir, 'in/b/x.txt'), 'Bridge to close\n\nThe mayor said the bridge would close for repairs.\n');
    const out = path.join(dir, 'out');
    expect(await run(['extract', path.join(dir, 'in'), '--out', out], dir, quiet)).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(2);
    const titles = files.map((f) => JSON.parse(readFileSync(path.join(out, f), 'utf8')).title).sort();
    expect(titles).toEqual(['Bridge to close', 'Road to reopen']);
    const rec = JSON.parse(readFileSync(path.join(out, 'x.json'), 'utf8'));
    for (const key of ['file', 'title', 'dateline', 'date', 'byline', 'speakers', 'quotes', 'boilerplate_lines', 'topics']) expect(rec).toHaveProperty(key);
    expect(rec).not.toHaveProperty('source');
    expect(rec).not.toHaveProperty('topic_candidates');
  });

  it('exits 2 without --out', async () => {
    expect(await run(['extract', 'seeds'], process.cwd(), quiet)).toBe(2);
  });
});
