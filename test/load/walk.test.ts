// The walk: code-point order whatever the file system does, hidden files ignored, symlinks never followed out.
import { mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statStamp, walkInputs } from '../../src/load/walk.ts';

describe('walkInputs', () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'na-walk-out-'));
  writeFileSync(path.join(outside, 'secret.txt'), 'Secret\n');
  const root = mkdtempSync(path.join(tmpdir(), 'na-walk-'));
  for (const f of ['b.txt', 'B.md', 'a/z.txt', 'é.txt', '.hidden.txt', 'notes.pdf', 'sub/deeper/x.markdown']) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), 'Title\n\nText.\n');
  }
  symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'out-file.txt'));
  symlinkSync(outside, path.join(root, 'out-dir'));
  symlinkSync(path.join(root, 'missing.txt'), path.join(root, 'broken.txt'));
  symlinkSync('b.txt', path.join(root, 'in-file.txt'));
  symlinkSync('a', path.join(root, 'in-dir'));
  const walked = walkInputs(root);

  it('lists article files in code-point order, skipping hidden and non-article files', () => {
    expect(walked.entries.map((e) => e.rel)).toEqual(['B.md', 'a/z.txt', 'b.txt', 'in-file.txt', 'sub/deeper/x.markdown', 'é.txt']);
  });

  it('reports links that leave the input folder (or lead nowhere) and does not follow them', () => {
    expect(walked.skipped.map((s) => [s.rel, s.reason.code])).toEqual([
      ['broken.txt', 'symlink-outside'],
      ['out-dir', 'symlink-outside'],
      ['out-file.txt', 'symlink-outside'],
    ]);
    expect(walked.entries.some((e) => e.rel.includes('secret'))).toBe(false);
    expect(walked.skipped[2]!.reason.hint).toMatch(/copy the file/);
  });

  it('does not walk a linked folder inside the input twice', () => {
    expect(walked.entries.filter((e) => e.rel.endsWith('z.txt'))).toHaveLength(1);
  });

  it('reports a file or folder whose name is not UTF-8 instead of losing it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-walk-names-'));
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'Cafe\n\nText.\n');
    mkdirSync(Buffer.concat([Buffer.from(`${dir}/d`), Buffer.from([0xff])]));
    writeFileSync(path.join(dir, 'fine.txt'), 'Fine\n\nText.\n');
    const r = walkInputs(dir);
    expect(r.entries.map((e) => e.rel)).toEqual(['fine.txt']);
    expect(r.skipped.map((s) => [s.rel, s.reason.code])).toEqual([['caf\uFFFD.txt', 'bad-file-name'], ['d\uFFFD', 'bad-file-name']]);
  });

  it('keeps a file whose UTF-8 name really holds U+FFFD, beside one that is not UTF-8', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-walk-fffd-'));
    writeFileSync(path.join(dir, 'odd\uFFFDname.txt'), 'Odd\n\nText.\n');
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/bad`), Buffer.from([0xe9]), Buffer.from('.txt')]), 'Bad\n\nText.\n');
    const r = walkInputs(`${dir}/`); // a trailing separator on the root changes nothing
    expect(r.entries.map((e) => [e.rel, e.abs])).toEqual([['odd\uFFFDname.txt', path.join(dir, 'odd\uFFFDname.txt')]]);
    expect(r.entries[0]!.fp).toBe(statStamp(statSync(path.join(dir, 'odd\uFFFDname.txt'))));
    expect(r.skipped.map((s) => [s.rel, s.reason.code])).toEqual([['bad\uFFFD.txt', 'bad-file-name']]);
  });
});

describe('walkInputs fingerprints', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'na-walk-fp-'));
  writeFileSync(path.join(root, 'story.md'), '# Title\n\nText.\n');
  writeFileSync(path.join(root, 'plain.txt'), 'Title\n\nText.\n');
  symlinkSync('plain.txt', path.join(root, 'linked.txt'));
  const fpOf = (rel: string): string | undefined => walkInputs(root).entries.find((e) => e.rel === rel)!.fp;

  it('stamps a regular file from the walk\'s own lstat', () => {
    expect(fpOf('plain.txt')).toBe(statStamp(statSync(path.join(root, 'plain.txt'))));
  });

  it('takes a sidecar beside the article into the stamp, so editing only the sidecar is seen', () => {
    const before = fpOf('story.md');
    writeFileSync(path.join(root, 'story.yaml'), 'title: Other\n');
    const withSidecar = fpOf('story.md');
    expect(withSidecar).toBe(`${before}|.yaml:${statStamp(statSync(path.join(root, 'story.yaml')))}`);
    writeFileSync(path.join(root, 'story.yaml'), 'title: Another one\n');
    expect(fpOf('story.md')).not.toBe(withSidecar);
  });

  it('leaves symlinked articles unstamped (their target decides, so the build stats it)', () => {
    expect(fpOf('linked.txt')).toBeUndefined();
  });
});
