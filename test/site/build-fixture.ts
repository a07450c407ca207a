// Builds the site-archive fixture into a fresh temp folder (callers mock the extractor with stub-extractor.ts).
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../../src/build/site.ts';
import { defaultConfig, type Config } from '../../src/config.ts';
import { indexSearch } from '../../src/search/pagefind.ts';

export const FIXTURE = path.resolve(__dirname, '../fixtures/site-archive');
export const BASE_URL = 'https://news.example.org';

export interface FixtureSite {
  out: string;
  config: Config;
  read: (rel: string) => string;
  files: () => string[];
}

/** Builds the fixture; `search` also writes the Pagefind index, as `news-archive build` does. */
export async function buildFixture(overrides: Partial<Config> = {}, search = false): Promise<FixtureSite> {
  const dir = mkdtempSync(path.join(tmpdir(), 'na-site-'));
  const config: Config = { ...defaultConfig(dir), input: FIXTURE, output: path.join(dir, 'dist'), baseUrl: BASE_URL, pageSize: 3, ...overrides };
  // In-process (workers: 1) so a test's vi.mock of the extractor applies; worker threads would load the real one.
  await buildSite(config, { reportPath: path.join(dir, 'build-report.json'), workers: 1, noCache: true });
  if (search) await indexSearch(config.output, { shardPages: config.searchShardPages });
  return {
    out: config.output,
    config,
    read: (rel) => readFileSync(path.join(config.output, rel), 'utf8'),
    files: () => listFiles(config.output).map((f) => path.relative(config.output, f)),
  };
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}
