import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, normaliseBasePath } from '../src/config.ts';

function dirWith(config: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'na-config-'));
  writeFileSync(path.join(dir, 'news-archive.config.json'), config);
  return dir;
}

describe('loadConfig', () => {
  it('uses defaults when there is no config file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-config-'));
    const c = loadConfig(dir);
    expect(c.input).toBe(path.join(dir, 'seeds'));
    expect(c.output).toBe(path.join(dir, 'dist'));
    expect(c.basePath).toBe('/');
  });
  it('reads the file, resolves paths against it and merges nested keys', () => {
    const dir = dirWith('{"title":"Wire","input":"articles","basePath":"archive","topics":{"minArticles":3}}');
    const c = loadConfig(dir);
    expect(c.title).toBe('Wire');
    expect(c.input).toBe(path.join(dir, 'articles'));
    expect(c.basePath).toBe('/archive/');
    expect(c.topics).toEqual({ minArticles: 3, maxPerArticle: 8 });
  });
  it('lets CLI overrides win', () => {
    const dir = dirWith('{"output":"site"}');
    expect(loadConfig(dir, undefined, { output: 'other' }).output).toBe(path.join(dir, 'other'));
  });
  it('names the file and the problem for bad JSON, unknown keys and wrong types', () => {
    expect(() => loadConfig(dirWith('{"title":'))).toThrow(/news-archive\.config\.json.*invalid JSON/);
    expect(() => loadConfig(dirWith('{"titel":"x"}'))).toThrow(/unknown config key "titel"/);
    expect(() => loadConfig(dirWith('{"pageSize":"ten"}'))).toThrow(/"pageSize" must be a number/);
    expect(() => loadConfig(dirWith('{"searchShardPages":0}'))).toThrow(/"searchShardPages" must be a whole number ≥ 1, got 0/);
    expect(() => loadConfig(dirWith('{"searchShardPages":1.5}'))).toThrow(/"searchShardPages" must be a whole number/);
    expect(loadConfig(dirWith('{"searchShardPages":500}')).searchShardPages).toBe(500);
  });
  it('normalises base paths', () => {
    expect(normaliseBasePath('')).toBe('/');
    expect(normaliseBasePath('archive')).toBe('/archive/');
    expect(normaliseBasePath('//a//b/')).toBe('/a/b/');
  });
});
