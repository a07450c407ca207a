// Determinism: the same input gives byte-identical output whatever the file-system order, TZ, LANG or worker count.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config.ts';

/** Inputs whose order or dates a careless build would let leak: case and accent file names, same titles, midnight dates. */
function corpus(): [string, string][] {
  const files: [string, string][] = [
    ['B-upper.txt', 'Water prices to rise\n\nSOUTHAM, Example News – Water prices will rise in May, the utility said on Monday.\n\n"Costs went up," said spokesman Tom Sample.\n'],
    ['a-lower.txt', 'Water prices to rise\n\nNORTHTON, Example News – A second report on water prices was filed on Tuesday.\n'],
    ['Écoles.md', '---\ntitle: Schools reopen\ndate: 2024-03-05T23:30:00-05:00\ntags: [Schools, Éducation]\n---\nPupils returned on Tuesday, teachers said.\n'],
    ['ecoles.md', '---\ntitle: Schools reopen\ndate: 2024-03-06T00:30:00+01:00\ntags: [Schools]\n---\nA second school reopened on Wednesday.\n'],
    ['zeta/2024-12-31-late.txt', 'Year ends quietly\n\nEASTON, Example News – The year ended without incident, police said on Tuesday.\n\n"It was calm," said officer Ana Example.\n'],
    ['zeta/2025-01-01-early.txt', 'New year begins\n\nEASTON, Example News – Fireworks lit the harbour just after midnight on Wednesday.\n'],
    ['undated.md', '# Notes on sources\n\nThis note has no date.\n'],
  ];
  for (let i = 0; i < 25; i++) {
    files.push([`batch/2024-0${1 + (i % 9)}-1${i % 10}-item-${i}.txt`, `Market report ${i % 7}\n\nPORTVILLE, Example News – Traders met on Friday, officials said.\n\n"Prices held at level ${i}," said trader Lee Example${i % 4}.\n`]);
  }
  return files;
}

function writeCorpus(dir: string, reversed: boolean): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = corpus();
  for (const [rel, text] of reversed ? [...files].reverse() : files) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  symlinkSync('B-upper.txt', path.join(dir, 'link-b.txt'));
}

const scratch: string[] = [];

function build(input: string, env: Record<string, string>, workers: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'na-det-run-'));
  scratch.push(root);
  const out = path.join(root, 'dist');
  const r = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'src/bin.mjs'), 'build', '--input', input, '--out', out, '--no-search', '--quiet', '--workers', String(workers)], {
    cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return out;
}

function snapshot(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { withFileTypes: true, recursive: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
  return new Map(files.map((f) => [path.relative(dir, f), readFileSync(f)]));
}

describe('deterministic output', () => {
  it('is byte-identical across TZ, LANG, reversed creation order and worker counts, with no build timestamp', () => {
    const input = path.join(mkdtempSync(path.join(tmpdir(), 'na-det-')), 'in');
    writeCorpus(input, false);
    const a = snapshot(build(input, { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }, 1));
    writeCorpus(input, true);
    const b = snapshot(build(input, { TZ: 'America/Adak', LANG: 'C', LC_ALL: 'C' }, 2));

    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([rel, bytes]) => !bytes.equals(b.get(rel)!)).map(([rel]) => rel);
    expect(differing).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    const stamped = [...a].filter(([, bytes]) => bytes.includes(today)).map(([rel]) => rel);
    expect(stamped, `files holding today's date ${today}`).toEqual([]);
    for (const dir of [...scratch, path.dirname(input)]) rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});
