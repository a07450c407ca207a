// Hostile and broken inputs: every file gets an outcome with a located reason, and the good articles still build.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processInputs } from '../../src/build/articles.ts';
import type { BuildReport, InputReport } from '../../src/build/report.ts';
import { buildSite } from '../../src/build/site.ts';
import { run } from '../../src/cli.ts';
import { defaultConfig } from '../../src/config.ts';
import { walkInputs } from '../../src/load/walk.ts';
import { makeHostileFixtures, type HostileCase } from '../../scripts/make-hostile-fixtures.ts';
import { inventory, isScriptUrl } from './html-inventory.ts';

let root: string;
let input: string;
let out: string;
let cases: HostileCase[];
let report: BuildReport;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'na-hostile-'));
  input = path.join(root, 'in');
  mkdirSync(input);
  cases = makeHostileFixtures(input);
  out = path.join(root, 'site', 'dist');
  report = await buildSite({ ...defaultConfig(root), input, output: out, baseUrl: 'https://example.org' });
});
// The fixture holds a 50 MB file: never leave it behind.
afterAll(() => rmSync(root, { recursive: true, force: true }));

const entry = (file: string): InputReport => {
  const e = report.entries.find((x) => x.file === file);
  if (!e) throw new Error(`no report entry for ${file}`);
  return e;
};
const record = (file: string): { title: string; body: string; paragraphs: string[] } =>
  JSON.parse(readFileSync(path.join(out, 'api/articles', `${entry(file).slug}.json`), 'utf8'));
const allFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));

describe('hostile input folder', () => {
  it('reports every input file exactly once: inputs = built + skipped', async () => {
    expect(report.entries.map((e) => e.file).sort()).toEqual(cases.map((c) => c.file).sort());
    expect(report.inputs).toBe(cases.length);
    expect(report.built + report.skipped).toBe(report.inputs);
  });

  it('gives each case its expected outcome, diagnostic code and location', async () => {
    for (const c of cases) {
      const e = entry(c.file);
      expect(e.outcome, `${c.file} (${c.about})`).toBe(c.outcome);
      if (c.outcome === 'skipped') expect(e.reason, c.file).toBeTruthy();
      if (!c.code) continue;
      const d = e.diagnostics.find((x) => x.code === c.code);
      expect(d, `${c.file}: diagnostic ${c.code} in ${JSON.stringify(e.diagnostics.map((x) => x.code))}`).toBeDefined();
      expect(d!.file).toBe(c.file);
      expect(d!.message.length).toBeGreaterThan(10);
      expect(d!.hint, `${c.file}: a hint says what to do`).toBeTruthy();
      if (c.line !== undefined) expect(d!.line, `${c.file} line`).toBe(c.line);
      if (c.col !== undefined) expect(d!.col, `${c.file} col`).toBe(c.col);
    }
  });

  it('builds the good articles beside the hostile ones without warnings', async () => {
    for (const c of cases.filter((x) => x.file.startsWith('good-'))) {
      expect(entry(c.file).outcome).toBe('built');
      expect(existsSync(path.join(out, 'articles', entry(c.file).slug!, 'index.html'))).toBe(true);
    }
  });

  it('decodes BOM, UTF-16, CRLF and lone CR files to the same clean title', async () => {
    for (const c of cases.filter((x) => x.title !== undefined)) expect(record(c.file).title, c.file).toBe(c.title);
    for (const f of ['crlf.txt', 'lone-cr.txt', 'utf16le.txt', 'bom.txt']) {
      const r = record(f);
      expect(r.body, f).not.toMatch(/[\r\uFEFF]/);
      expect(r.paragraphs.length, f).toBeGreaterThan(0);
    }
  });

  it('keeps invalid UTF-8 as U+FFFD and removes control characters', async () => {
    expect(record('invalid-utf8.txt').body).toContain('\uFFFD');
    const page = readFileSync(path.join(out, 'articles', entry('control-chars.txt').slug!, 'index.html'), 'utf8');
    expect(page).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    expect(entry('control-chars.txt').diagnostics.map((d) => d.code)).toContain('control-chars');
  });

  it('builds a 1 MB single paragraph and skips the 50 MB file by size', async () => {
    expect(record('one-mb-paragraph.txt').paragraphs.join('').length).toBeGreaterThan(1_000_000);
    expect(entry('huge-50mb.txt').reason).toMatch(/50\.0 MB, above the 5\.0 MB limit/);
  });

  it('keeps both duplicates under distinct slugs, first in path order keeps the plain one', async () => {
    expect(entry('dup/a.txt').slug).toBe('water-prices-to-rise');
    expect(entry('dup/b.txt').slug).toBe('water-prices-to-rise-2');
    expect(entry('dup/c.md').slug).toBe('water-prices-to-rise-3');
    expect(entry('links/inside.txt').slug).toBe(`${entry('good-harbour-reopens.txt').slug}-2`);
  });

  it('never lets a slug or file name climb out of the output folder', async () => {
    for (const f of ['escape-slug.md', 'absolute-slug.md', 'encoded-slug.md', '%2e%2e.txt']) expect(entry(f).slug, f).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(entry('escape-slug.md').slug).toBe('zoo-welcomes-twin-lions');
    const written = allFiles(path.dirname(out)).map((f) => path.relative(path.dirname(out), f));
    expect(written.filter((f) => !f.startsWith(`dist${path.sep}`))).toEqual(['build-report.json']);
    expect(written.filter((f) => /passwd|secret|\.\./.test(f))).toEqual([]);
  });

  it('does not follow symlinks out of the input folder', async () => {
    const hostname = readFileSync('/etc/hostname', 'utf8').trim();
    expect(entry('links/outside.txt').reason).toMatch(/outside the input folder/);
    if (hostname.length > 6) for (const f of allFiles(out)) expect(readFileSync(f, 'utf8').includes(hostname), f).toBe(false);
  });

  it('writes no script, event handler or javascript: URL that came from the text', async () => {
    for (const f of allFiles(out).filter((x) => x.endsWith('.html'))) {
      const inv = inventory(readFileSync(f, 'utf8'));
      expect([...inv.attrs].filter((a) => /@on/.test(a)), f).toEqual([]);
      expect(inv.urls.filter(isScriptUrl), f).toEqual([]);
      for (const sc of inv.scripts) {
        if (sc.attribs.src !== undefined) continue;
        expect(sc.attribs.type, f).toBe('application/ld+json');
        expect(() => JSON.parse(sc.text), f).not.toThrow();
      }
    }
  });

  it('writes build-report.json beside the output folder with the same entries', async () => {
    const onDisk = JSON.parse(readFileSync(path.join(root, 'site', 'build-report.json'), 'utf8')) as BuildReport;
    expect(onDisk.entries.map((e) => [e.file, e.outcome])).toEqual(report.entries.map((e) => [e.file, e.outcome]));
    expect(existsSync(path.join(out, 'build-report.json'))).toBe(false);
  });
});

describe('identical bytes under two file names', () => {
  // The record cache key includes the path: twins with identical bytes must keep their own file, id and date.
  it('keeps each file its own name and file-name date', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-same-'));
    const input = path.join(dir, 'in');
    mkdirSync(input);
    const text = 'Ferry strike ends\n\nThe ferry crews returned to work after a two-day strike.\n';
    writeFileSync(path.join(input, '2024-01-10-ferry.txt'), text);
    writeFileSync(path.join(input, '2024-02-20-ferry.txt'), text);
    const out = path.join(dir, 'site', 'dist');
    const r = await buildSite({ ...defaultConfig(dir), input, output: out });
    const rec = (file: string): { file: string; date: string } =>
      JSON.parse(readFileSync(path.join(out, 'api/articles', `${r.entries.find((e) => e.file === file)!.slug}.json`), 'utf8'));
    expect(rec('2024-01-10-ferry.txt')).toMatchObject({ file: '2024-01-10-ferry.txt', date: '2024-01-10' });
    expect(rec('2024-02-20-ferry.txt')).toMatchObject({ file: '2024-02-20-ferry.txt', date: '2024-02-20' });
  });
});

describe('a file deleted while the build runs', () => {
  it('is skipped as vanished and the others still build', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-vanish-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Bus fares frozen\n\nThe council froze bus fares for a year.\n');
    writeFileSync(path.join(dir, 'b.txt'), 'Park gates repaired\n\nThe old park gates were repaired on Friday.\n');
    const walked = walkInputs(dir);
    unlinkSync(path.join(dir, 'a.txt'));
    const done = processInputs(walked.entries, walked.skipped, { timezone: 'UTC', maxArticleBytes: 1 << 20 });
    expect(done.entries.map((e) => [e.file, e.outcome, e.diagnostics[0]?.code ?? null])).toEqual([
      ['a.txt', 'skipped', 'vanished'],
      ['b.txt', 'built', null],
    ]);
  });
});

describe('maxArticleBytes', () => {
  it('defaults to 5 MB and skips larger files with the configured limit in the reason', async () => {
    expect(defaultConfig('/x').maxArticleBytes).toBe(5 * 1024 * 1024);
    const dir = mkdtempSync(path.join(tmpdir(), 'na-limit-'));
    writeFileSync(path.join(dir, 'long.txt'), `Long report\n\n${'The report went on and on. '.repeat(200)}\n`);
    writeFileSync(path.join(dir, 'short.txt'), 'Short report\n\nIt was brief.\n');
    const walked = walkInputs(dir);
    const done = processInputs(walked.entries, walked.skipped, { timezone: 'UTC', maxArticleBytes: 2048 });
    expect(done.entries[0]).toMatchObject({ file: 'long.txt', outcome: 'skipped' });
    expect(done.entries[0]!.reason).toMatch(/above the 2\.0 KB limit/);
    expect(done.entries[1]).toMatchObject({ file: 'short.txt', outcome: 'built' });
  });
});

describe('exit codes and console summary', () => {
  const cli = async (args: string[]): Promise<{ code: number; out: string; err: string }> => {
    let o = '';
    let e = '';
    const code = await run(args, root, { out: (s) => void (o += `${s}\n`), err: (s) => void (e += `${s}\n`) });
    return { code, out: o, err: e };
  };

  it('exits 0 with skips and warnings, lists every input with its outcome, honours --report', async () => {
    const reportPath = path.join(root, 'elsewhere', 'r.json');
    mkdirSync(path.dirname(reportPath));
    const r = await cli(['build', '--input', input, '--out', path.join(root, 'cli', 'dist'), '--no-search', '--report', reportPath]);
    expect(r.code).toBe(0);
    for (const c of cases) {
      const shown = /[\u0000-\u001F]/.test(c.file) ? JSON.stringify(c.file) : c.file;
      expect(r.out.split('\n').some((l) => /^  (built|warnings|skipped) +/.test(l) && l.replace(/^  \w+ +/, '').startsWith(shown)), c.file).toBe(true);
    }
    expect(r.out).toMatch(/^  skipped +empty\.txt: file is empty; skipped$/m);
    expect(existsSync(reportPath)).toBe(true);
    expect(existsSync(path.join(root, 'cli', 'build-report.json'))).toBe(false);
  });

  it('exits 1 under --strict when an input was skipped or warned, but still writes the site', async () => {
    const dist = path.join(root, 'strict', 'dist');
    const r = await cli(['build', '--input', input, '--out', dist, '--no-search', '--strict', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--strict: \d+ skipped, \d+ built with warnings/);
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true);
  });

  it('exits 0 under --strict when every input built cleanly', async () => {
    const clean = path.join(root, 'clean');
    mkdirSync(clean);
    writeFileSync(path.join(clean, 'a.txt'), readFileSync(path.join(input, 'good-harbour-reopens.txt')));
    const r = await cli(['build', '--input', clean, '--out', path.join(root, 'clean-out', 'dist'), '--no-search', '--strict']);
    expect(r.code).toBe(0);
  });
});
