import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/model/diagnostic.ts';
import { lockOutput, lockPath, STALE_MS, withOutputLock } from '../../src/write/lock.ts';

describe('output folder lock', () => {
  let dir: string;
  let out: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'na-lock-'));
    out = path.join(dir, 'site', 'dist');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const lockError = (): DiagnosticError => {
    try {
      lockOutput(out);
    } catch (err) {
      return err as DiagnosticError;
    }
    throw new Error('the lock was granted twice');
  };

  it('is held beside the output folder, refuses a second holder with a diagnostic, and is free again once released', () => {
    const release = lockOutput(out);
    expect(lockPath(out)).toBe(path.join(dir, 'site', '.dist.lock'));
    expect(existsSync(lockPath(out))).toBe(true);
    const err = lockError();
    expect(err).toBeInstanceOf(DiagnosticError);
    expect(err.diagnostic).toMatchObject({ severity: 'error', code: 'output-locked', file: out });
    expect(err.diagnostic.message).toContain(lockPath(out));
    expect(err.diagnostic.hint).toContain('--out');
    release();
    expect(existsSync(lockPath(out))).toBe(false);
    lockOutput(out)();
  });

  it('locks each output folder on its own', () => {
    const a = lockOutput(out);
    const b = lockOutput(`${out}-preview`);
    a();
    b();
  });

  it('refuses a fresh lock with no owner yet, and takes it over once it is stale', () => {
    mkdirSync(lockPath(out), { recursive: true });
    expect(lockError().diagnostic.code).toBe('output-locked');
    const old = new Date(Date.now() - STALE_MS - 5_000);
    utimesSync(lockPath(out), old, old);
    lockOutput(out)();
    expect(existsSync(lockPath(out))).toBe(false);
  });

  it('takes over at once a lock whose owner process is gone, not one whose owner runs or is on another machine', async () => {
    const child = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => child.on('exit', resolve));
    const leave = (owner: string): void => {
      mkdirSync(lockPath(out), { recursive: true });
      writeFileSync(path.join(lockPath(out), 'owner'), owner);
    };
    leave(`${hostname()} ${process.ppid}`);
    expect(lockError().diagnostic.code).toBe('output-locked');
    leave(`another-host.example ${child.pid}`);
    expect(lockError().diagnostic.code).toBe('output-locked');
    leave(`${hostname()} ${child.pid}`);
    const release = lockOutput(out);
    expect(readFileSync(path.join(lockPath(out), 'owner'), 'utf8')).toBe(`${hostname()} ${process.pid}\n`);
    release();
    expect(existsSync(lockPath(out))).toBe(false);
  });

  it('is removed when the build holding it is interrupted (Ctrl+C, SIGTERM)', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const holder = `import { lockOutput } from ${JSON.stringify(path.resolve('src/write/lock.ts'))};
        lockOutput(${JSON.stringify(out)}); console.log('locked'); setInterval(() => {}, 1000);`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', holder], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout!.on('data', () => resolve()));
      expect(existsSync(path.join(lockPath(out), 'owner'))).toBe(true);
      child.kill(signal);
      const exit = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
      expect(exit).toBe(signal); // still ends as interrupted, for the shell
      expect(existsSync(lockPath(out))).toBe(false);
    }
  }, 30_000);

  it('withOutputLock releases the lock when the work throws', async () => {
    await expect(withOutputLock(out, () => Promise.reject(new Error('template broke')))).rejects.toThrow('template broke');
    expect(existsSync(lockPath(out))).toBe(false);
    expect(await withOutputLock(out, () => 42)).toBe(42);
  });
});
