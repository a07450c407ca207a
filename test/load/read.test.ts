// One input → SourceFile or a located skip reason: size limit, vanished, unreadable, not a regular file, sidecar YAML.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/load/read.ts';
import { validateMeta } from '../../src/parse/meta.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'na-read-'));
const put = (name: string, text: string | Buffer): { abs: string; rel: string } => {
  writeFileSync(path.join(dir, name), text);
  return { abs: path.join(dir, name), rel: name };
};
const skipCode = (entry: { abs: string; rel: string }, maxBytes = 1 << 20): string | null => {
  const r = readInput(entry, { maxBytes });
  return r.ok ? null : r.skipped.reason.code;
};

describe('readInput', () => {
  it('skips a file above maxBytes with the sizes in the reason', () => {
    const e = put('long.txt', `Long\n\n${'x'.repeat(3000)}\n`);
    const r = readInput(e, { maxBytes: 1024 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.skipped.reason).toMatchObject({ code: 'too-large', file: 'long.txt', message: 'file is 2.9 KB, above the 1.0 KB limit; skipped' });
  });

  it('skips a file that vanished after the walk', () => {
    expect(skipCode({ abs: path.join(dir, 'gone.txt'), rel: 'gone.txt' })).toBe('vanished');
  });

  it('skips a folder that carries an article name', () => {
    mkdirSync(path.join(dir, 'folder.txt'));
    expect(skipCode({ abs: path.join(dir, 'folder.txt'), rel: 'folder.txt' })).toBe('not-a-file');
  });

  it('skips empty and whitespace-only files', () => {
    expect(skipCode(put('empty.txt', ''))).toBe('empty-file');
    expect(skipCode(put('blank.md', '\n \t\n'))).toBe('blank-file');
  });

  // Root reads files whatever their mode, so the permission case can only be observed as a normal user.
  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot)('skips a file without read permission (not runnable as root: root ignores chmod 000)', () => {
    const e = put('locked.txt', 'Locked\n\nText.\n');
    chmodSync(e.abs, 0o000);
    expect(skipCode(e)).toBe('unreadable');
  });

  it('reports a sidecar YAML error as a warning on the sidecar and still builds the article', () => {
    const e = put('story.txt', 'Story\n\nText of the story.\n');
    writeFileSync(path.join(dir, 'story.yaml'), 'title: Story\ntags: [a, b\n');
    const r = readInput(e, { maxBytes: 1 << 20 });
    if (!r.ok) throw new Error(r.skipped.reason.message);
    expect(r.source.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'sidecar-yaml', file: 'story.yaml' });
    expect(r.source.metaSource).toBeNull();
  });

  it('gives sidecar metadata warnings the line of their key', () => {
    const e = put('parade.txt', 'Parade\n\nThe parade passed the town hall.\n');
    writeFileSync(path.join(dir, 'parade.yaml'), 'title: Parade\n\ntags: 5\n');
    const r = readInput(e, { maxBytes: 1 << 20 });
    if (!r.ok) throw new Error(r.skipped.reason.message);
    expect(validateMeta(r.source.meta, 'parade.yaml').diagnostics[0]).toMatchObject({ code: 'meta-type', line: 3 });
  });

  it('keeps the raw text of a readable file intact', () => {
    const e = put('plain.txt', 'Plain title\n\nBody “quoted” text.\n');
    const r = readInput(e, { maxBytes: 1 << 20 });
    expect(r.ok && r.source.text).toBe(readFileSync(e.abs, 'utf8'));
  });
});
