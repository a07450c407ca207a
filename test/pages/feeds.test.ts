// Feeds from hand-made records: only dated items, newest first, capped at feedSize, article text escaped, no build time.
import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from '../../src/index/site.ts';
import { feedFiles } from '../../src/pages/feeds.ts';
import { makeArticle, testSite } from './records.ts';

const records = [
  makeArticle({ title: 'Prices <b>fall</b> & rents rise', date: '2024-03-02', paragraphs: ['“Prices fall ]]> today,” said Rami Test.'], speakers: [{ name: 'Rami Test' }], quotes: [{ text: 'Prices fall ]]> today,', speaker: 'Rami Test' }], topics: ['Economy'] }),
  makeArticle({ title: 'Older story', date: '2024-01-05', paragraphs: ['An older story.'], topics: ['Economy'] }),
  makeArticle({ title: 'Oldest story', date: '2023-06-01', paragraphs: ['The oldest story.'] }),
  makeArticle({ title: 'Undated story', paragraphs: ['No date here.'], topics: ['Economy'] }),
];
const index = buildSiteIndex(records);
const files = (feedSize = 50) => new Map(feedFiles(index, { ...testSite(), feedSize }).map((f) => [f.route, f.content]));

describe('feeds', () => {
  it('leaves undated articles out and caps the site feeds at feedSize, newest first', () => {
    const json = JSON.parse(files(2).get('/feed.json')!);
    expect(json.items.map((i: { title: string }) => i.title)).toEqual(['Prices <b>fall</b> & rents rise', 'Older story']);
    expect(files().get('/feed.xml')).not.toContain('Undated story');
  });

  it('escapes article text in HTML-typed Atom and RSS fields so markup stays text and CDATA cannot end early', () => {
    const atom = files().get('/feed.xml')!;
    expect(atom).toContain('<title type="html"><![CDATA[Prices &lt;b&gt;fall&lt;/b&gt; &amp; rents rise]]></title>');
    const speaker = files().get('/speakers/rami-test/atom.xml')!;
    expect(speaker).toContain('Prices fall ]]&gt; today');
    expect(speaker.match(/\]\]>/g)!.length).toBe(speaker.match(/<!\[CDATA\[/g)!.length);
  });

  it('dates each feed by its newest item, never by the build clock', () => {
    expect(files().get('/feed.xml')).toContain('<updated>2024-03-02T00:00:00.000Z</updated>');
    expect(files().get('/rss.xml')).toContain('<lastBuildDate>Sat, 02 Mar 2024 00:00:00 GMT</lastBuildDate>');
    expect(files().get('/topics/economy/atom.xml')).toContain('<updated>2024-03-02T00:00:00.000Z</updated>');
  });

  it('writes one Atom feed per speaker and per topic', () => {
    expect([...files().keys()].sort()).toEqual(['/feed.json', '/feed.xml', '/rss.xml', '/speakers/rami-test/atom.xml', '/topics/economy/atom.xml']);
  });
});
