// The workers' list shares: between them, every list page but the speakers' and every feed and JSON file made without
// quotes, each once; what needs the speakers' quotes stays with the main thread, whose index has them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkerState, handleTask, SPEAKER_PAGE_TEMPLATES, type ListResult, type ListShare } from '../../src/build/workers-task.ts';
import { defaultConfig } from '../../src/config.ts';
import { buildSiteIndex } from '../../src/index/site.ts';
import { packIndex, workerIndex } from '../../src/index/transfer.ts';
import { eachListPage } from '../../src/pages/lists.ts';
import { eachIndexFile } from '../../src/pages/machine.ts';
import { siteContext } from '../../src/pages/page.ts';
import { makeArticle } from '../pages/records.ts';

const ROOT = path.resolve(__dirname, '../..');

describe('list shares', () => {
  it('make each quote-free feed and JSON file once between them, and none made from quotes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-shares-'));
    const config = { ...defaultConfig(dir), baseUrl: 'https://example.org', templates: path.join(ROOT, 'templates') };
    const site = siteContext(config);
    const records = ['Water', 'Energy', 'Water'].map((topic, i) => makeArticle({
      title: `Minister speaks on ${topic.toLowerCase()} ${i}`, date: `2024-03-0${i + 1}`, topics: [topic],
      paragraphs: [`“We act now on ${topic.toLowerCase()},” said Water Minister Hana Qasim.`],
      speakers: [{ name: 'Hana Qasim', roles: ['Water Minister'] }], quotes: [{ text: `We act now on ${topic.toLowerCase()},`, speaker: 'Hana Qasim' }],
    }));
    const index = buildSiteIndex(records);
    const packed = packIndex(workerIndex(index));
    const made: ListResult[] = [];
    for (const part of [0, 1]) {
      const state = createWorkerState({ config, recordVersion: 'test', recordDir: path.join(dir, 'records') });
      const share: ListShare = { staging: path.join(dir, 'staging'), index: packed, part, parts: 2, fingerprintsHold: false };
      made.push(...(handleTask(state, 'lists', share) as ListResult[]));
    }
    const routes = made.map(([route]) => route);
    expect(new Set(routes).size).toBe(routes.length);
    const files = [...eachIndexFile(index, site)];
    const quoteFree = files.filter((f) => !f.quotes).map((f) => f.route);
    const fromQuotes = files.filter((f) => f.quotes).map((f) => f.route);
    // The topics' feeds and JSON files and the site's feeds; the speaker's feed and JSON file and the JSON index not.
    expect(quoteFree).toEqual(expect.arrayContaining(['/feed.xml', '/topics/water/atom.xml', '/api/topics/water.json']));
    expect(fromQuotes).toEqual(expect.arrayContaining(['/speakers/hana-qasim/atom.xml', '/api/speakers/hana-qasim.json', '/api/index.json']));
    const lists = [...eachListPage(index, site)].filter((p) => !SPEAKER_PAGE_TEMPLATES.has(p.template)).map((p) => p.route);
    expect(routes.sort()).toEqual([...lists, ...quoteFree].sort());
  });
});
