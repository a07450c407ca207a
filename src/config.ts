// Site configuration: built-in defaults overridden by news-archive.config.json and CLI flags.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateDatasets, type DatasetSpec } from './load/datasets.ts';
import { DiagnosticError } from './model/diagnostic.ts';
import { DEFAULT_SHARD_PAGES } from './search/shards.ts';

export interface Config {
  /** Site title shown in the header, feeds and structured data. */
  title: string;
  /** Short description for feeds and the home page meta description. */
  description: string;
  /** Absolute origin used for canonical links, feeds and the sitemap, e.g. "https://news.example.org". */
  baseUrl: string;
  /** Path prefix the site is served under ("/" or "/archive/"). */
  basePath: string;
  /** BCP 47 language tag of the articles. */
  language: string;
  /** IANA time zone in which dates are stored and shown. */
  timezone: string;
  /** Folder of articles (absolute after loading). */
  input: string;
  /** Output folder (absolute after loading). */
  output: string;
  /** Articles per page on the home page and other paginated lists. */
  pageSize: number;
  /** Items in each feed. */
  feedSize: number;
  /** Inputs larger than this many bytes are skipped with a reason. */
  maxArticleBytes: number;
  topics: { minArticles: number; maxPerArticle: number };
  /** Optional override files (absolute after loading). */
  speakersFile: string;
  topicsFile: string;
  /** Folders of templates and static assets (absolute after loading). */
  templates: string;
  public: string;
  /** Build cache folder (absolute after loading): parsed+extracted records and the last build's manifest. */
  cacheDir: string;
  /** Worker threads for extraction and rendering; 0 = one per core, 1 = everything in-process. */
  workers: number;
  /** Bulk sources: JSONL/CSV files of articles with a field mapping (see src/load/datasets.ts). */
  datasets: DatasetSpec[];
  /** Article pages per search index shard: an edited article re-indexes its shard only (see src/search/shards.ts). */
  searchShardPages: number;
}

export const CONFIG_FILE = 'news-archive.config.json';

/** The project root: where package.json, templates/ and public/ of the generator live. */
export const PACKAGE_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function defaultConfig(root: string): Config {
  return {
    title: 'News Archive',
    description: 'Who said what, when, about what.',
    baseUrl: 'http://localhost',
    basePath: '/',
    language: 'en',
    timezone: 'UTC',
    input: path.join(root, 'seeds'),
    output: path.join(root, 'dist'),
    pageSize: 20,
    feedSize: 50,
    maxArticleBytes: 5 * 1024 * 1024,
    topics: { minArticles: 2, maxPerArticle: 8 },
    speakersFile: path.join(root, 'speakers.yaml'),
    topicsFile: path.join(root, 'topics.yaml'),
    templates: path.join(PACKAGE_ROOT, 'templates'),
    public: path.join(PACKAGE_ROOT, 'public'),
    cacheDir: path.join(root, '.cache'),
    workers: 0,
    datasets: [],
    searchShardPages: DEFAULT_SHARD_PAGES,
  };
}

const PATH_KEYS = ['input', 'output', 'speakersFile', 'topicsFile', 'templates', 'public', 'cacheDir'] as const;

/** Ensures "/", "/archive/" shapes: leading and trailing slash, no doubled slashes. */
export function normaliseBasePath(p: string): string {
  const parts = p.split('/').filter(Boolean);
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/**
 * Reads the config file (explicit path, or news-archive.config.json in `cwd` when present)
 * and applies `overrides` (CLI flags) on top. Paths resolve against the config file's folder.
 */
export function loadConfig(cwd: string, configPath?: string, overrides: Partial<Config> = {}): Config {
  const file = configPath ? path.resolve(cwd, configPath) : path.join(cwd, CONFIG_FILE);
  const root = configPath ? path.dirname(file) : cwd;
  const config = defaultConfig(root);
  if (configPath && !existsSync(file)) {
    throw new DiagnosticError({ severity: 'error', code: 'config-missing', file, message: 'config file not found', hint: 'check the --config path' });
  }
  if (existsSync(file)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new DiagnosticError({ severity: 'error', code: 'config-json', file, message: `invalid JSON: ${(err as Error).message}`, hint: 'fix the JSON syntax (no comments or trailing commas)' });
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new DiagnosticError({ severity: 'error', code: 'config-shape', file, message: 'config must be a JSON object', hint: 'see the configuration reference in README.md' });
    }
    const { datasets, ...rest } = raw as Record<string, unknown>;
    applyConfig(config, rest, file);
    if (datasets !== undefined) config.datasets = validateDatasets(datasets, root, file);
    if (!(Number.isInteger(config.searchShardPages) && config.searchShardPages >= 1)) {
      throw new DiagnosticError({ severity: 'error', code: 'config-type', file, message: `config key "searchShardPages" must be a whole number ≥ 1, got ${config.searchShardPages}`, hint: 'the default, 2000, suits most archives' });
    }
    for (const key of PATH_KEYS) if (key in (raw as object)) config[key] = path.resolve(root, config[key]);
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    (config as unknown as Record<string, unknown>)[key] = PATH_KEYS.includes(key as (typeof PATH_KEYS)[number]) ? path.resolve(cwd, value as string) : value;
  }
  config.basePath = normaliseBasePath(config.basePath);
  config.baseUrl = config.baseUrl.replace(/\/+$/, '');
  return config;
}

function applyConfig(config: Config, raw: Record<string, unknown>, file: string): void {
  const defaults = config as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in defaults)) {
      throw new DiagnosticError({ severity: 'error', code: 'config-key', file, message: `unknown config key "${key}"`, hint: `known keys: ${Object.keys(defaults).join(', ')}` });
    }
    const expected = typeof defaults[key];
    if (typeof value !== expected || (expected === 'object' && (value === null || Array.isArray(value)))) {
      throw new DiagnosticError({ severity: 'error', code: 'config-type', file, message: `config key "${key}" must be a ${expected}`, hint: 'see the configuration reference in README.md' });
    }
    defaults[key] = expected === 'object' ? { ...(defaults[key] as object), ...(value as object) } : value;
  }
}
