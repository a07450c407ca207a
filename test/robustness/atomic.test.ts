// Output safety: the previous site survives failed and killed builds, and the output folder can never be the input,
// a parent of it, the project or "/".
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, checkOutputFolder } from '../../src/build/site.ts';
import { defaultConfig, PACKAGE_ROOT } from '../../src/config.ts';
import { DiagnosticError } from '../../src/model/diagnostic.ts';
import { run } from '../../src/cli.ts';
import { lockPath } from '../../src/write/lock.ts';

/** Every file under `dir` with the hash of its bytes: equal snapshots mean byte-identical trees. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!d.isFile()) continue;
    const abs = path.join(d.parentPath, d.name);
    out[path.relative(dir, abs)] = createHash('sha1').update(readFileSync(abs)).digest('hex');
  }
  return out;
}

function writeArticles(dir: string, n: number, variant: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const paras = [`NORTHTON, Example News – The district board number ${i} met on Monday about roads and schools, officials said (${variant}).`];
    for (let j = 0; j < 5; j++) paras.push(`"Item ${j} will be settled by spring," said board member Kim Example${i % 40}.`);
    writeFileSync(path.join(dir, `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}-board-${i}.txt`), `Board meeting ${i} ${variant}\n\n${paras.join('\n\n')}\n`);
  }
}

const refusal = (input: string, output: string): string | null => {
  try {
    checkOutputFolder({ input, output });
    return null;
  } catch (err) {
    return err instanceof DiagnosticError ? err.diagnostic.code : String(err);
  }
};

describe('checkOutputFolder', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'na-outcheck-'));
  const input = path.join(root, 'archive', 'articles');
  mkdirSync(input, { recursive: true });

  it('refuses the input folder, its parents, a folder inside it, the project root and "/"', async () => {
    expect(refusal(input, input)).toBe('unsafe-output');
    expect(refusal(input, path.join(root, 'archive'))).toBe('unsafe-output');
    expect(refusal(input, root)).toBe('unsafe-output');
    expect(refusal(input, path.join(input, 'site'))).toBe('unsafe-output');
    expect(refusal(input, PACKAGE_ROOT)).toBe('unsafe-output');
    expect(refusal(input, path.dirname(PACKAGE_ROOT))).toBe('unsafe-output');
    expect(refusal(input, '/')).toBe('unsafe-output');
  });

  it('sees through symlinks to the input folder', async () => {
    const link = path.join(root, 'link-to-input');
    symlinkSync(input, link);
    expect(refusal(input, link)).toBe('unsafe-output');
    expect(refusal(input, path.join(link, 'dist'))).toBe('unsafe-output');
  });

  it('accepts a folder of its own beside the input', async () => {
    expect(refusal(input, path.join(root, 'archive', 'dist'))).toBeNull();
    expect(refusal(input, path.join(root, 'elsewhere', 'deep', 'dist'))).toBeNull();
  });
});

describe('a failed build', () => {
  it('leaves the previous site byte-identical and no staging folder behind', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-fail-'));
    const input = path.join(root, 'in');
    writeArticles(input, 5, 'first');
    const out = path.join(root, 'site', 'dist');
    const config = { ...defaultConfig(root), input, output: out };
    await buildSite(config, { workers: 1 });
    const before = snapshot(out);
    // An asset file named "articles" makes the first article page impossible to write: the build fails mid-write.
    const badPublic = path.join(root, 'bad-public');
    mkdirSync(badPublic);
    writeFileSync(path.join(badPublic, 'articles'), 'not a folder');
    writeArticles(input, 5, 'second');
    await expect(buildSite({ ...config, public: badPublic }, { workers: 1, noCache: true })).rejects.toThrow();
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(path.dirname(out)).filter((n) => n.startsWith('.dist.'))).toEqual([]);
  });

  it('after a kill between the two commit renames, the next build puts the previous site back first', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-window-'));
    const input = path.join(root, 'in');
    writeArticles(input, 3, 'first');
    const out = path.join(root, 'site', 'dist');
    const config = { ...defaultConfig(root), input, output: out };
    await buildSite(config, { workers: 1 });
    const before = snapshot(out);
    // The state a kill leaves after "dist → .dist.old-PID" and before ".dist.tmp-PID → dist".
    renameSync(out, path.join(root, 'site', '.dist.old-424242'));
    cpSync(path.join(root, 'site', '.dist.old-424242'), path.join(root, 'site', '.dist.tmp-424242'), { recursive: true });
    const badPublic = path.join(root, 'bad-public');
    mkdirSync(badPublic);
    writeFileSync(path.join(badPublic, 'articles'), 'not a folder');
    await expect(buildSite({ ...config, public: badPublic }, { workers: 1, noCache: true })).rejects.toThrow();
    expect(existsSync(out)).toBe(true);
    expect(snapshot(out)).toEqual(before);
  });
});

describe('a build killed with SIGKILL while writing', () => {
  it('leaves the previous site byte-identical; the next build completes and cleans up', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-kill-'));
    const input = path.join(root, 'in');
    writeArticles(input, 200, 'first');
    const out = path.join(root, 'site', 'dist');
    const config = { ...defaultConfig(root), input, output: out };
    await buildSite(config);
    const before = snapshot(out);
    writeArticles(input, 200, 'second');

    const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, 'src/bin.mjs'), 'build', '--input', input, '--out', out, '--no-search', '--no-cache', '--quiet'], { cwd: root, stdio: 'ignore' });
    const staging = path.join(root, 'site', `.dist.tmp-${child.pid}`);
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let finished = false;
    void exited.then(() => (finished = true));
    let stagedFiles = 0;
    // Kill once the build has written a good share of the new site into its staging folder.
    while (!finished) {
      if (existsSync(staging)) {
        try {
          stagedFiles = readdirSync(staging, { recursive: true }).length;
        } catch {
          stagedFiles = 0;
        }
        if (stagedFiles >= 60) break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(finished, 'the build ended before it could be killed mid-write: give it more input').toBe(false);
    child.kill('SIGKILL');
    await exited;

    expect(stagedFiles).toBeGreaterThanOrEqual(60);
    expect(snapshot(out)).toEqual(before);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('first');

    // The killed build's lock is left behind; the next build sees its owner is gone and takes it over.
    expect(existsSync(lockPath(out))).toBe(true);
    expect(await run(['build', '--input', input, '--out', out, '--no-search', '--quiet'], root, { out: () => {}, err: () => {} })).toBe(0);
    expect(readdirSync(path.join(root, 'site')).filter((n) => n.startsWith('.dist.'))).toEqual([]);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('second');
    rmSync(root, { recursive: true, force: true });
  }, 120_000);
});
