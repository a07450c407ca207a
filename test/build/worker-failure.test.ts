import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/site.ts';
import { errorOf, failureOf } from '../../src/build/worker-failure.ts';
import { defaultConfig, PACKAGE_ROOT } from '../../src/config.ts';
import { DiagnosticError } from '../../src/model/diagnostic.ts';
import { writeCorpus } from '../../scripts/gen-corpus.ts';

/** What a worker's result goes through on its way to the main thread. */
function cloned<T>(value: T): Promise<T> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port2.once('message', (m) => {
      port1.close();
      resolve(m as T);
    });
    port1.postMessage(value);
  });
}

describe('errors thrown in a worker thread', () => {
  it('reach the main thread with their diagnostic or their errno code and path', async () => {
    const diag = new DiagnosticError({ severity: 'error', code: 'template-syntax', file: '/t/layout.eta', message: 'Bad template syntax' });
    const back = errorOf(await cloned(failureOf(diag)));
    expect(back).toBeInstanceOf(DiagnosticError);
    expect((back as DiagnosticError).diagnostic).toEqual(diag.diagnostic);

    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: '/out/x.html' });
    const fs = errorOf(await cloned(failureOf(full))) as NodeJS.ErrnoException;
    expect(fs).toMatchObject({ message: full.message, code: 'ENOSPC', syscall: 'write', path: '/out/x.html' });
    // A bare clone would have dropped them:
    expect((await cloned(full) as NodeJS.ErrnoException).code).toBeUndefined();
  });

  it('stop a parallel build with the same diagnostic as a serial one, leaving no output', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-wfail-'));
    const input = path.join(root, 'in');
    writeCorpus(input, 12, 5, 'md');
    const templates = path.join(root, 'templates');
    cpSync(path.join(PACKAGE_ROOT, 'templates'), templates, { recursive: true });
    const build = (workers: number) => buildSite({ ...defaultConfig(root), input, templates, output: path.join(root, `out-${workers}`), cacheDir: path.join(root, `cache-${workers}`) }, { workers, noCache: true }).then(() => null, (e: unknown) => e as DiagnosticError);

    // Only rendering shows this one, on the worker threads when there are any.
    const article = path.join(templates, 'article.eta');
    const good = readFileSync(article, 'utf8');
    writeFileSync(article, `${good}\n<%= it.article.nope.x %>\n`);
    for (const workers of [2, 1]) {
      const err = await build(workers);
      expect(err, `workers ${workers}`).toBeInstanceOf(DiagnosticError);
      expect(err!.diagnostic).toMatchObject({ code: 'template-error', file: article });
      expect(existsSync(path.join(root, `out-${workers}`))).toBe(false);
      rmSync(path.join(root, `cache-${workers}`), { recursive: true, force: true });
    }

    // A syntax error stops the build before any article is extracted (no record reaches the cache).
    writeFileSync(article, good);
    appendFileSync(path.join(templates, 'pager.eta'), '\n<% if (it.page { %>\n');
    for (const workers of [2, 1]) {
      const err = await build(workers);
      expect(err!.diagnostic).toMatchObject({ code: 'template-syntax', file: path.join(templates, 'pager.eta') });
      expect(existsSync(path.join(root, `cache-${workers}`))).toBe(false);
      expect(existsSync(path.join(root, `out-${workers}`))).toBe(false);
    }
    rmSync(root, { recursive: true, force: true });
  });
});
