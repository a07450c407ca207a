import { afterEach, describe, expect, it } from 'vitest';
import { importEsm } from '../src/import-esm.ts';

const LENT = Symbol.for('news-archive.import');
const slot = globalThis as { [LENT]?: (specifier: string) => Promise<unknown> };

describe('importEsm', () => {
  const before = slot[LENT];
  afterEach(() => {
    slot[LENT] = before;
  });

  it('goes through the import() lent by the bundle loader when there is one', async () => {
    const asked: string[] = [];
    slot[LENT] = async (specifier) => {
      asked.push(specifier);
      return { lent: true };
    };
    expect(await importEsm('pagefind')).toEqual({ lent: true });
    expect(asked).toEqual(['pagefind']);
  });

  it('imports by itself otherwise (the sources run as ES modules)', async () => {
    delete slot[LENT];
    const mod = await importEsm<typeof import('node:path')>('node:path');
    expect(mod.posix.join('a', 'b')).toBe('a/b');
  });
});
