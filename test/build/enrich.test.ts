// Enrichment's override files: the topics file's keyword topics reach the candidates, read once for a build.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processSource } from '../../src/build/articles.ts';
import { withTopicKeywords } from '../../src/build/enrich.ts';
import { readInput } from '../../src/load/read.ts';

function setup(): { topicsFile: string; source: Parameters<typeof processSource>[0] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'na-enrich-keywords-'));
  const file = path.join(dir, 'dam.md');
  writeFileSync(file, '---\ntitle: Dam levels fall\n---\n\nThe reservoir is low and the water shortage grows, officials said.\n');
  const loaded = readInput({ abs: file, rel: 'dam.md' }, { maxBytes: 1 << 20 });
  if (!loaded.ok) throw new Error(loaded.skipped.reason.message);
  return { topicsFile: path.join(dir, 'topics.yaml'), source: loaded.source };
}

const names = (r: ReturnType<typeof processSource>): string[] => (r.article.topic_candidates ?? []).map((c) => c.name);

describe('topic keywords', () => {
  it('come from the topics file', () => {
    const { topicsFile, source } = setup();
    writeFileSync(topicsFile, 'define:\n  Water supply:\n    - water shortage\n');
    expect(names(processSource(source, { timezone: 'UTC', topicsFile }))).toContain('Water supply');
  });

  it('are read once for a build: a topics file changed since is not seen by it', () => {
    const { topicsFile, source } = setup();
    writeFileSync(topicsFile, 'define:\n  Water supply:\n    - water shortage\n');
    const build = withTopicKeywords({ timezone: 'UTC', topicsFile });
    writeFileSync(topicsFile, 'define:\n  Drought relief:\n    - reservoir\n');
    expect(names(processSource(source, build))).toContain('Water supply');
    expect(names(processSource(source, build))).not.toContain('Drought relief');
    // Without the snapshot, the file is looked at again.
    expect(names(processSource(source, { timezone: 'UTC', topicsFile }))).toContain('Drought relief');
  });
});
