// The fixture archive built end to end (stub extractor): each page kind carries the content and links a reader expects.
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildFixture, type FixtureSite } from './build-fixture.ts';

vi.mock('../../src/extract/index.ts', () => import('./stub-extractor.ts'));

let site: FixtureSite;
beforeAll(async () => {
  site = await buildFixture();
  if (process.env.NA_KEEP) cpSync(site.out, process.env.NA_KEEP, { recursive: true });
});

describe('fixture site', () => {
  it('builds', () => {
    expect(existsSync(path.join(site.out, 'index.html'))).toBe(true);
  });
});
