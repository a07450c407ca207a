// The permission case simulated: readFileSync fails with EACCES (what a non-root user gets for chmod 000).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((file: unknown, ...rest: unknown[]) => {
    if (typeof file === 'string' && file.endsWith('locked.txt')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    return (fs.readFileSync as (...a: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

const { readInput } = await import('../../src/load/read.ts');

describe('an unreadable file', () => {
  it('is skipped with the error code and a hint about permissions', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-eacces-'));
    writeFileSync(path.join(dir, 'locked.txt'), 'Locked\n\nText.\n');
    const r = readInput({ abs: path.join(dir, 'locked.txt'), rel: 'locked.txt' }, { maxBytes: 1 << 20 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.skipped.reason).toMatchObject({ code: 'unreadable', file: 'locked.txt', message: 'cannot read file (EACCES); skipped' });
      expect(r.skipped.reason.hint).toMatch(/chmod/);
    }
  });
});
