import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, type BuildStats } from '../../src/build/site.ts';
import { defaultConfig, loadConfig } from '../../src/config.ts';
import { loadDataset, loadDatasets, normaliseDate, reflow, type DatasetSpec } from '../../src/load/datasets.ts';
import { readTree, treeDiff } from '../build/tree.ts';

const dir = path.resolve(__dirname, '../fixtures/datasets');
const jsonl: DatasetSpec = {
  path: path.join(dir, 'wire.jsonl'), format: 'jsonl', name: 'wire.jsonl', reflow: true,
  fields: { id: 'id', title: 'headline', body: 'text', date: 'when', dateline: 'dateline', tags: 'topics' },
};
const csv: DatasetSpec = {
  path: path.join(dir, 'wire.csv'), format: 'csv',
  fields: { id: 'unit_id', title: 'article_title', body: 'article_content', date: 'date', place: 'location', source: 'source', tags: 'location' },
};

describe('dataset loading', () => {
  it('turns every JSONL row into a source or a skip, with its row id in the file name', async () => {
    const { sources, skipped } = loadDataset(jsonl);
    expect(sources.map((s) => s.file)).toEqual(['wire.jsonl#11', 'wire.jsonl#12', 'wire.jsonl#14']);
    expect(skipped.map((s) => [s.file, s.reason.code])).toEqual([['wire.jsonl#13', 'dataset-no-body'], ['wire.jsonl#line-4', 'dataset-json']]);
    expect(sources.every((s) => s.format === 'dataset' && s.metaSource === 'dataset')).toBe(true);
  });

  it('maps fields to metadata: title, dated timestamp, dateline, list or comma tags', async () => {
    const [docks, , mill] = loadDataset(jsonl).sources;
    expect(docks!.meta).toMatchObject({ title: 'PORT ELMER DOCKS REOPEN AFTER STORM', date: '1991-03-14T09:12:44Z', dateline: 'PORT ELMER, March 14 -', tags: ['shipping', 'weather'] });
    expect(mill!.meta.tags).toEqual(['labour', 'industry']);
    expect(mill!.meta.date).toBe('not a date');
  });

  it('lays a row out as wire copy: headline, blank line, dateline opening the reflowed body', async () => {
    const docks = loadDataset(jsonl).sources[0]!;
    expect(docks.text).toBe('PORT ELMER DOCKS REOPEN AFTER STORM\n\nPORT ELMER, March 14 - The harbour authority said the main docks reopened on Thursday after three days of repairs.\n\nOfficials said that cargo traffic would return to normal by the weekend.\n\nReuter\n');
  });

  it('reads CSV with quoted commas and maps source to agency, location to place', async () => {
    const { sources, skipped } = loadDataset(csv);
    expect(sources.map((s) => s.file)).toEqual(['wire.csv#501', 'wire.csv#502']);
    expect(skipped.map((s) => s.file)).toEqual(['wire.csv#503']);
    expect(sources[0]!.meta).toMatchObject({ title: 'Clinic opens in Coravel', date: '2017-04-02', place: 'coravel', agency: 'gazette', tags: ['coravel'] });
    expect(sources[1]!.meta.date).toBe('2016-12-11');
  });

  it('gives a row the same hash on every load and a new one when its content changes', async () => {
    const a = loadDataset(csv).sources[0]!.hash;
    expect(loadDataset(csv).sources[0]!.hash).toBe(a);
    expect(loadDataset({ ...csv, fields: { ...csv.fields, title: 'source' } }).sources[0]!.hash).not.toBe(a);
  });

  it('only names the rows the caller holds with the same content, in row order; skips are still reported', async () => {
    const all = loadDatasets([jsonl, csv]);
    const held = new Map(all.sources.map((s) => [s.file, s.hash]));
    held.set('wire.jsonl#12', 'an older hash');
    const asked: string[] = [];
    const again = loadDatasets([jsonl, csv], (file, hash) => {
      asked.push(file);
      return held.get(file) === hash;
    });
    expect(again.sources.map((s) => s.file)).toEqual(all.sources.map((s) => s.file));
    expect(again.sources.map((s) => s.hash)).toEqual(all.sources.map((s) => s.hash));
    // Named only where held with this hash; the row whose content changed comes with its text.
    expect(again.sources.map((s) => ('known' in s ? 'known' : 'text' in s && s.text.length > 0 ? 'text' : '?'))).toEqual(all.sources.map((s) => (s.file === 'wire.jsonl#12' ? 'text' : 'known')));
    expect(again.skipped).toEqual(all.skipped);
    expect(asked).toContain('wire.jsonl#13'); // a row without a body is asked about and, held by no one, skipped as before
  });

  it('rebuilds a dataset site after one row changed to the bytes of a full build, extracting only that row', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-ds-'));
    const data = path.join(root, 'wire.jsonl');
    const rows = readFileSync(jsonl.path, 'utf8');
    writeFileSync(data, rows);
    const config = { ...defaultConfig(root), input: path.join(root, 'none'), datasets: [{ ...jsonl, path: data }] };
    const build = (name: string, noCache: boolean) => {
      const stats = {} as BuildStats;
      return buildSite({ ...config, output: path.join(root, name, 'dist'), cacheDir: path.join(root, name, '.cache') }, { workers: 1, noCache, stats }).then(() => stats);
    };
    await build('site', false);
    const edited = rows.replace('unchanged, a spokesman said.', 'unchanged for a second week, a spokesman said.');
    expect(edited).not.toBe(rows);
    writeFileSync(data, edited);
    const stats = await build('site', false);
    expect(stats.extracted).toBe(1);
    await build('full', true);
    expect(treeDiff(readTree(path.join(root, 'site/dist')), readTree(path.join(root, 'full/dist')))).toEqual([]);
  });

  it('reads day-first numeric dates when told to', async () => {
    expect(normaliseDate('4/2/2017')).toBe('2017-04-02');
    expect(normaliseDate('4/2/2017', 'dmy')).toBe('2017-02-04');
    expect(normaliseDate('31/2/2017', 'dmy')).toBe('31/2/2017');
    expect(normaliseDate('26-FEB-1987')).toBe('1987-02-26');
  });

  it('reflows hard-wrapped text at blank and indented lines only', async () => {
    expect(reflow('one\ntwo\n\nthree\n  four\nfive')).toBe('one two\n\nthree\n\nfour five');
  });

  it('builds a site from datasets named in the config, with a report entry per row', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-ds-'));
    const input = path.join(root, 'empty');
    writeFileSync(path.join(root, 'news-archive.config.json'), JSON.stringify({
      input: 'empty', output: 'site/dist',
      datasets: [{ ...jsonl, path: path.relative(root, jsonl.path) }, { ...csv, path: path.relative(root, csv.path) }],
    }));
    mkdirSync(input);
    const config = loadConfig(root);
    expect(config.datasets[0]!.path).toBe(jsonl.path);
    const report = await buildSite({ ...config, cacheDir: path.join(root, '.cache') }, { workers: 1 });
    expect(report.inputs).toBe(8);
    expect(report.built).toBe(5);
    expect(report.skipped).toBe(3);
    const record = JSON.parse(readFileSync(path.join(root, 'site/dist/api/articles/port-elmer-docks-reopen-after-storm.json'), 'utf8'));
    expect(record.date.slice(0, 10)).toBe('1991-03-14');
    expect(record.date_source).toBe('dataset');
    expect(record.dateline.raw).toBe('PORT ELMER, March 14 -');
    expect(record.format).toBe('dataset');
  });

  it('rejects a dataset entry without a known format', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'na-ds-'));
    writeFileSync(path.join(root, 'news-archive.config.json'), JSON.stringify({ datasets: [{ path: 'x.xml', format: 'xml', fields: {} }] }));
    expect(() => loadConfig(root)).toThrow(/format must be "jsonl" or "csv"/);
    expect(defaultConfig(root).datasets).toEqual([]);
  });
});
