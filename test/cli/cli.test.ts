import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli.ts';
import { lockOutput, lockPath } from '../../src/write/lock.ts';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'src/bin.mjs');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
}

describe('news-archive --help', () => {
  it('lists every command and exits 0', async () => {
    const c = capture();
    expect(await run(['--help'], ROOT, c.io)).toBe(0);
    for (const cmd of ['build', 'dev', 'check', 'extract']) expect(c.out.join('\n')).toContain(`news-archive ${cmd}`);
  });

  it('prints the usage and exits 2 when no command is given', async () => {
    const c = capture();
    expect(await run([], ROOT, c.io)).toBe(2);
    expect(c.out.join('\n')).toContain('Usage:');
  });

  for (const cmd of ['build', 'dev', 'check', 'extract']) {
    it(`explains the options of ${cmd}`, async () => {
      const c = capture();
      expect(await run([cmd, '--help'], ROOT, c.io)).toBe(0);
      const text = c.out.join('\n');
      expect(text).toContain(`news-archive ${cmd}`);
      expect(text).toContain('--config FILE');
      expect(text).toContain('-h, --help');
    });
  }

  it('answers "help <command>" like "<command> --help", and prints the version', async () => {
    const a = capture();
    const b = capture();
    expect(await run(['help', 'check'], ROOT, a.io)).toBe(0);
    expect(await run(['check', '--help'], ROOT, b.io)).toBe(0);
    expect(a.out).toEqual(b.out);
    const v = capture();
    expect(await run(['--version'], ROOT, v.io)).toBe(0);
    expect(v.out[0]).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('works through the installed bin, as npx runs it', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('file:line:col');
  });

  it('builds through the bin with a search index: the bundle reaches Pagefind, an ES module outside it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-bin-'));
    cpSync(path.join(ROOT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
    const r = spawnSync(process.execPath, [BIN, 'build', '--quiet', '--out', 'dist'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(path.join(dir, 'dist/pagefind/pagefind.js'))).toBe(true);
  });
});

describe('usage errors', () => {
  it('names a mistyped flag and suggests the right one', async () => {
    const c = capture();
    expect(await run(['build', '--ouput', 'x'], ROOT, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('did you mean --out?');
  });

  it('says which command a flag belongs to', async () => {
    const c = capture();
    expect(await run(['build', '--port', '8000'], ROOT, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('news-archive dev');
  });

  it('suggests the command for a typo', async () => {
    const c = capture();
    expect(await run(['biuld'], ROOT, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('did you mean "build"?');
  });

  it('rejects a port that is not a number', async () => {
    const c = capture();
    expect(await run(['dev', '--port', 'eighty'], ROOT, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('--port');
  });

  it('exits non-zero with the hint through the real process too', () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '--inptu', 'seeds'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean --input?');
  });
});

describe('build, check and dev on a temporary archive', () => {
  let dir: string;
  let seeds: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'na-cli-'));
    seeds = path.join(dir, 'seeds');
    cpSync(path.join(ROOT, 'test/fixtures/dev-archive'), seeds, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('build --json prints one machine-readable summary', async () => {
    const c = capture();
    expect(await run(['build', '--json', '--no-search', '--out', 'dist'], dir, c.io)).toBe(0);
    const summary = JSON.parse(c.out.join('\n'));
    expect(summary).toMatchObject({ ok: true, inputs: 2, built: 2, skipped: 0 });
    expect(summary.output).toBe(path.join(dir, 'dist'));
    expect(existsSync(path.join(dir, 'dist/index.html'))).toBe(true);
  });

  it('build refuses an output folder another build is writing, leaves it alone, and builds once it is free', async () => {
    const release = lockOutput(path.join(dir, 'dist'));
    const c = capture();
    try {
      expect(await run(['build', '--no-search', '--out', 'dist'], dir, c.io)).toBe(1);
    } finally {
      release();
    }
    expect(c.err.join('\n')).toContain(`${path.join(dir, 'dist')}: error [output-locked]`);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    expect(existsSync(path.join(dir, 'build-report.json'))).toBe(false);
    expect(await run(['build', '--no-search', '--out', 'dist', '--quiet'], dir, capture().io)).toBe(0);
    expect(existsSync(path.join(dir, 'dist/index.html'))).toBe(true);
    expect(existsSync(lockPath(path.join(dir, 'dist')))).toBe(false);
  });

  it('build prints one progress line per stage when not on a terminal, none with --quiet or --json', async () => {
    const lines: string[] = [];
    const c = capture();
    const io = { ...c.io, progress: (s: string) => lines.push(s), isTTY: false };
    expect(await run(['build', '--no-search', '--out', 'dist'], dir, io)).toBe(0);
    expect(lines.join('')).toMatch(/^articles parsed +2\/2 \(\d+\.\d\d s\)$/m);
    expect(lines.join('')).toMatch(/^index built +1\/1/m);
    for (const flag of ['--quiet', '--json']) {
      lines.length = 0;
      expect(await run(['build', '--no-search', '--out', 'dist', flag], dir, io)).toBe(0);
      expect(lines, flag).toEqual([]);
    }
  });

  it('build --json reports a failure as JSON with exit 1', async () => {
    const c = capture();
    expect(await run(['build', '--json', '--no-search', '--input', 'nowhere'], dir, c.io)).toBe(1);
    expect(JSON.parse(c.out.join('\n'))).toMatchObject({ ok: false, error: { code: 'input-missing' } });
  });

  it('check passes a clean archive and writes nothing', async () => {
    const c = capture();
    const before = readdirSync(dir).sort();
    expect(await run(['check'], dir, c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/checked 2 inputs, .*0 errors/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('check fails on a broken article and prints file:line:col', async () => {
    writeFileSync(path.join(seeds, 'broken.md'), '---\ntitle: "unclosed\n---\nA body line.\n');
    const c = capture();
    expect(await run(['check'], dir, c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/^seeds\/broken\.md:\d+:\d+: error \[[a-z-]+\]/m);
  });

  it('check fails on a broken topics.yaml and reports it as JSON', async () => {
    writeFileSync(path.join(dir, 'topics.yaml'), 'hide:\n  - Transport\n rename: [\n');
    const c = capture();
    expect(await run(['check', '--json'], dir, c.io)).toBe(1);
    const result = JSON.parse(c.out.join('\n'));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.some((d: { file: string }) => d.file === 'topics.yaml')).toBe(true);
  });

  it('check reports a malformed speakers.yaml entry with its line', async () => {
    writeFileSync(path.join(dir, 'speakers.yaml'), 'rename:\n  - not a mapping\nmerge:\n  - [Olive Brant]\n');
    const c = capture();
    await run(['check', '--json'], dir, c.io);
    const result = JSON.parse(c.out.join('\n'));
    const found = result.diagnostics.filter((d: { file: string }) => d.file === 'speakers.yaml');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d: { line?: number }) => typeof d.line === 'number')).toBe(true);
  });

  it('check reports a broken config file as a diagnostic line', async () => {
    writeFileSync(path.join(dir, 'news-archive.config.json'), '{ "title": "x", }');
    const c = capture();
    expect(await run(['check'], dir, c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/^news-archive\.config\.json:1:1: error \[config-json\]/);
  });

  it('check fails on a template with a syntax error', async () => {
    const templates = path.join(dir, 'templates');
    cpSync(path.join(ROOT, 'templates'), templates, { recursive: true });
    writeFileSync(path.join(templates, 'home.eta'), '<% if (x { %>');
    writeFileSync(path.join(dir, 'news-archive.config.json'), JSON.stringify({ templates: 'templates' }));
    const c = capture();
    expect(await run(['check'], dir, c.io)).toBe(1);
    expect(c.err.join('\n')).toContain('templates/home.eta:1:1: error [template-syntax]');
  });

  it('dev serves the site from the real process and stops cleanly on Ctrl+C', async () => {
    const child = spawn(process.execPath, [BIN, 'dev', '--port', '0', '--no-search', '--base-path', '/news/'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${text}`)), 20_000);
        child.stdout.on('data', (b: Buffer) => {
          text += b.toString();
          const m = /Serving .* at (http:\/\/\S+)/.exec(text);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      expect(url).toMatch(/\/news\/$/);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Library extends evening opening hours');
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
