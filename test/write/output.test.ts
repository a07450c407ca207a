import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash, openSiteWriter, syncTree } from '../../src/write/output.ts';

const hashOf = (s: string): string => contentHash(Buffer.from(s));

describe('site writer', () => {
  it('full mode: nothing appears in the output until commit, then the whole site at once', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'na-w-')), 'dist');
    const w = openSiteWriter(out);
    w.write({ route: '/articles/a/', content: 'page a' });
    expect(existsSync(out)).toBe(false);
    w.commit();
    expect(readFileSync(path.join(out, 'articles/a/index.html'), 'utf8')).toBe('page a');
  });

  it('incremental mode: unchanged files keep their mtime, changed ones are replaced, removed ones deleted', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'na-w-')), 'dist');
    const first = openSiteWriter(out);
    first.write({ route: '/a/', content: 'same' });
    first.write({ route: '/b/', content: 'old' });
    first.write({ route: '/gone/x.json', content: '{}' });
    first.commit();
    const old = new Date(2001, 1, 1);
    for (const f of ['a/index.html', 'b/index.html']) utimesSync(path.join(out, f), old, old);

    const next = openSiteWriter(out, { incremental: true });
    expect(next.write({ route: '/a/', content: 'same' }, hashOf('same'))[2]).toBe(false);
    expect(next.write({ route: '/b/', content: 'new' }, hashOf('old'))[2]).toBe(true);
    expect(readFileSync(path.join(out, 'b/index.html'), 'utf8')).toBe('old'); // not before commit
    next.commit(['/gone/x.json']);
    expect(statSync(path.join(out, 'a/index.html')).mtime.getTime()).toBe(old.getTime());
    expect(readFileSync(path.join(out, 'b/index.html'), 'utf8')).toBe('new');
    expect(existsSync(path.join(out, 'gone'))).toBe(false);
    expect(next.written).toBe(1);
  });

  it('writes each file with its own UTF-8 bytes and hash, a longer file before a shorter one included', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'na-w-')), 'dist');
    const w = openSiteWriter(out);
    const long = `<p>The minister said — twice — that talks would resume “soon” 😀 ${'and again '.repeat(2000)}</p>`;
    const short = 'Short page, a lone \uD800 surrogate and é';
    const a = w.write({ route: '/long/', content: long });
    const b = w.write({ route: '/short/', content: short });
    w.commit();
    expect(readFileSync(path.join(out, 'long/index.html'))).toEqual(Buffer.from(long));
    expect(readFileSync(path.join(out, 'short/index.html'))).toEqual(Buffer.from(short));
    expect(a).toEqual([hashOf(long), Buffer.byteLength(long), true]);
    expect(b).toEqual([hashOf(short), Buffer.byteLength(short), true]);
  });

  it('abort leaves the previous site untouched', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'na-w-')), 'dist');
    const first = openSiteWriter(out);
    first.write({ route: '/', content: 'v1' });
    first.commit();
    for (const incremental of [false, true]) {
      const w = openSiteWriter(out, { incremental });
      w.write({ route: '/', content: 'v2' }, hashOf('v1'));
      w.abort();
      expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('v1');
    }
  });
});

describe('writeStaged with content in pieces', () => {
  it('writes the joined bytes with the hash of the whole, and takes an unchanged file out of staging', async () => {
    const { writeStaged } = await import('../../src/write/output.ts');
    const staging = mkdtempSync(path.join(tmpdir(), 'na-chunks-'));
    const pieces = ['{"a": "é', 'x"', ', "b": 1}\n'];
    const whole = pieces.join('');
    const made = new Set<string>();
    const first = writeStaged(staging, { route: '/api/x.json', content: pieces }, undefined, made);
    expect(readFileSync(path.join(staging, 'api/x.json'), 'utf8')).toBe(whole);
    expect(first).toEqual([contentHash(Buffer.from(whole)), Buffer.byteLength(whole), true]);
    const again = writeStaged(staging, { route: '/api/x.json', content: pieces.values() }, first[0], made);
    expect(again[2]).toBe(false);
    expect(existsSync(path.join(staging, 'api/x.json'))).toBe(false);
  });
});

describe('syncTree', () => {
  it('makes a folder match another: same bytes left alone, changed files moved in, missing ones deleted', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-sync-'));
    const from = path.join(root, 'from');
    const to = path.join(root, 'to');
    const put = (file: string, text: string): void => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    };
    put(path.join(to, 'same.txt'), 'kept');
    put(path.join(to, 'sub/changed.txt'), 'old');
    put(path.join(to, 'stale/old-chunk.bin'), 'gone');
    put(path.join(to, 'was-file'), 'now a folder');
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(path.join(to, 'same.txt'), old, old);
    put(path.join(from, 'same.txt'), 'kept');
    put(path.join(from, 'sub/changed.txt'), 'new');
    put(path.join(from, 'sub/added.txt'), 'added');
    put(path.join(from, 'was-file/inside.txt'), 'x');
    syncTree(from, to);
    const files = (readdirSync(to, { recursive: true, withFileTypes: true }) as Dirent[]).filter((d) => d.isFile()).map((d) => path.relative(to, path.join(d.parentPath, d.name))).sort();
    expect(files).toEqual(['same.txt', 'sub/added.txt', 'sub/changed.txt', 'was-file/inside.txt']);
    expect(readFileSync(path.join(to, 'sub/changed.txt'), 'utf8')).toBe('new');
    expect(statSync(path.join(to, 'same.txt')).mtime.toISOString()).toBe(old.toISOString());
    rmSync(root, { recursive: true, force: true });
  });

  it('leaves the top-level names in keep alone, and deletes the same names deeper down', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-sync-'));
    const from = path.join(root, 'from');
    const to = path.join(root, 'to');
    for (const f of ['shards/1/entry.json', 'shards.json', 'sub/shards.json', 'old.bin']) {
      mkdirSync(path.dirname(path.join(to, f)), { recursive: true });
      writeFileSync(path.join(to, f), f);
    }
    mkdirSync(path.join(from, 'sub'), { recursive: true });
    writeFileSync(path.join(from, 'entry.json'), 'primary');
    syncTree(from, to, ['shards', 'shards.json']);
    const files = (readdirSync(to, { recursive: true, withFileTypes: true }) as Dirent[]).filter((d) => d.isFile()).map((d) => path.relative(to, path.join(d.parentPath, d.name))).sort();
    expect(files).toEqual(['entry.json', 'shards.json', 'shards/1/entry.json']);
    rmSync(root, { recursive: true, force: true });
  });
});
