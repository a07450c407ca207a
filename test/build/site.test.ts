import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build/site.ts';
import type { BuildReport } from '../../src/build/report.ts';
import { defaultConfig } from '../../src/config.ts';

const fixture = path.resolve(__dirname, '../fixtures/site-basic');

describe('buildSite on a small archive', () => {
  let out: string;
  let report: BuildReport;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-build-'));
    out = path.join(dir, 'dist');
    report = await buildSite({ ...defaultConfig(dir), input: fixture, output: out, baseUrl: 'https://example.org' });
  });

  it('accounts for every input file in the report', async () => {
    expect(report.inputs).toBe(3);
    expect(report.built + report.skipped).toBe(report.inputs);
    expect(report.entries.map((e) => e.file)).toEqual(['2024-03-05-talks-resume.md', '2024-03-06-harvest.txt', 'undated-note.md']);
  });

  it('writes the report beside the output folder, not inside it', async () => {
    expect(existsSync(path.join(path.dirname(out), 'build-report.json'))).toBe(true);
    expect(existsSync(path.join(out, 'build-report.json'))).toBe(false);
  });

  it('writes home, article pages with clean URLs, feeds and sitemap', async () => {
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'articles/talks-resume-in-geneva/index.html'))).toBe(true);
    expect(existsSync(path.join(out, 'articles/farmers-begin-wheat-harvest-in-hama/index.html'))).toBe(true);
    for (const f of ['feed.xml', 'rss.xml', 'feed.json', 'sitemap.xml', 'robots.txt', 'api/index.json']) expect(existsSync(path.join(out, f))).toBe(true);
    expect(readFileSync(path.join(out, 'sitemap.xml'), 'utf8')).toContain('<loc>https://example.org/articles/talks-resume-in-geneva/</loc>');
  });

  it('lists newest first on the home page and undated last', async () => {
    const home = readFileSync(path.join(out, 'index.html'), 'utf8');
    const order = ['Farmers begin wheat harvest', 'Talks resume in Geneva', 'A note'].map((t) => home.indexOf(t));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('takes the date from front matter or file name and lists undated articles', async () => {
    const record = JSON.parse(readFileSync(path.join(out, 'api/articles/talks-resume-in-geneva.json'), 'utf8'));
    expect(record.date).toBe('2024-03-05');
    const undated = readFileSync(path.join(out, 'archive/undated/index.html'), 'utf8');
    expect(undated).toContain('A note &lt;script&gt;alert(1)&lt;/script&gt; on sources');
  });

  it('escapes markup from article text everywhere', async () => {
    const files = listFiles(out);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toContain('<script>alert(1)');
    }
  });

  it('makes tag topics with pages linked from the article', async () => {
    const page = readFileSync(path.join(out, 'articles/talks-resume-in-geneva/index.html'), 'utf8');
    expect(page).toContain('href="/topics/diplomacy/"');
    expect(existsSync(path.join(out, 'topics/diplomacy/index.html'))).toBe(true);
  });

  it('is deterministic: a second build is byte-identical', async () => {
    const dir2 = mkdtempSync(path.join(tmpdir(), 'na-build-'));
    const out2 = path.join(dir2, 'dist');
    await buildSite({ ...defaultConfig(dir2), input: fixture, output: out2, baseUrl: 'https://example.org' });
    const a = listFiles(out).map((f) => path.relative(out, f));
    const b = listFiles(out2).map((f) => path.relative(out2, f));
    expect(b).toEqual(a);
    for (const rel of a) expect(readFileSync(path.join(out2, rel)).equals(readFileSync(path.join(out, rel))), rel).toBe(true);
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}
