import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choosePublicationDate } from '../../src/extract/dates/choose.ts';
import { parseDateValue } from '../../src/extract/dates/parse-date.ts';
import { instantToZonedIso } from '../../src/extract/dates/timezone.ts';
import { findWeekdayCue, resolveWeekday } from '../../src/extract/dates/weekday.ts';

describe('choosePublicationDate precedence', () => {
  const all = { frontMatter: '2020-01-05', sidecar: '2020-02-05', dataset: '3/5/2020', fileName: '2020-04-05-vote.md', text: '2020-05-05' };

  it('prefers front matter, then sidecar, dataset, file name, text', () => {
    expect(choosePublicationDate(all)).toMatchObject({ date: '2020-01-05', date_source: 'front-matter' });
    expect(choosePublicationDate({ ...all, frontMatter: undefined })).toMatchObject({ date: '2020-02-05', date_source: 'sidecar' });
    expect(choosePublicationDate({ ...all, frontMatter: undefined, sidecar: undefined })).toMatchObject({ date: '2020-03-05', date_source: 'dataset' });
    expect(choosePublicationDate({ fileName: 'news/2020-04-05-vote.md', text: '2020-05-05' })).toMatchObject({ date: '2020-04-05', date_source: 'filename' });
    expect(choosePublicationDate({ fileName: 'vote.md', text: '2020-05-05' })).toMatchObject({ date: '2020-05-05', date_source: 'text' });
  });

  it('reads the date field of a front matter object', () => {
    expect(choosePublicationDate({ frontMatter: { title: 'x', date: '2019-07-01' }, fileName: 'a.md', text: null }).date).toBe('2019-07-01');
  });

  it('keeps a YAML calendar date (midnight UTC Date) as a date', () => {
    expect(choosePublicationDate({ frontMatter: new Date('2019-07-01'), fileName: 'a.md', text: null }, 'America/Chicago').date).toBe('2019-07-01');
  });

  it('reports a bad value and gives no date from it', () => {
    const r = choosePublicationDate({ frontMatter: 'yesterday', fileName: 'a.md', text: null });
    expect(r).toMatchObject({ date: null, date_source: null });
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'bad-date', file: 'a.md' })]);
  });

  it('falls through a bad value to a lower source', () => {
    expect(choosePublicationDate({ frontMatter: '2021-02-30', fileName: '2021-03-01-a.md', text: null })).toMatchObject({ date: '2021-03-01', date_source: 'filename' });
  });

  it('leaves an undated article undated', () => {
    expect(choosePublicationDate({ fileName: 'untitled.txt', text: null })).toEqual({ date: null, date_source: null, diagnostics: [] });
  });

  it('reports an unknown time zone and uses UTC', () => {
    const r = choosePublicationDate({ dataset: '2021-03-01T10:00:00Z', fileName: 'a', text: null }, 'Mars/Olympus');
    expect(r.date).toBe('2021-03-01T10:00:00+00:00');
    expect(r.diagnostics[0]).toMatchObject({ code: 'bad-timezone' });
  });
});

describe('time zones', () => {
  it('converts a timestamp with an offset into the configured zone', () => {
    expect(parseDateValue('2021-06-30T22:15:00Z', 'Asia/Tokyo')).toEqual({ ok: true, iso: '2021-07-01T07:15:00+09:00' });
    expect(parseDateValue('2021-01-10T12:00:00+02:00', 'America/New_York')).toEqual({ ok: true, iso: '2021-01-10T05:00:00-05:00' });
  });

  it('reads a timestamp without offset as wall-clock time in the zone, with daylight saving', () => {
    expect(parseDateValue('2021-07-04 09:30', 'Europe/London')).toEqual({ ok: true, iso: '2021-07-04T09:30:00+01:00' });
    expect(parseDateValue('04-JAN-1988 09:30:00.10', 'Europe/London')).toEqual({ ok: true, iso: '1988-01-04T09:30:00+00:00' });
  });

  it('keeps a date-only value as YYYY-MM-DD in any zone', () => {
    expect(parseDateValue('March 3, 2018', 'Pacific/Auckland')).toEqual({ ok: true, iso: '2018-03-03' });
    expect(parseDateValue('Sat 03 Mar 2018', 'UTC')).toEqual({ ok: true, iso: '2018-03-03' });
  });
});

describe('weekdays', () => {
  it('finds the weekday that dates the event', () => {
    expect(findWeekdayCue('The mayor said Thursday that the bridge would reopen.')).toBe('thursday');
    expect(findWeekdayCue('Shops close on Good Friday, the union said.')).toBeNull();
    expect(findWeekdayCue('Talks resume next Monday.')).toBeNull();
  });

  it('resolves to the publication day itself when it is that weekday', () => {
    expect(resolveWeekday('wednesday', '2022-06-15')).toBe('2022-06-15');
  });

  it('resolves across a month boundary', () => {
    expect(resolveWeekday('friday', '2022-07-02')).toBe('2022-07-01');
    expect(resolveWeekday('thursday', '2022-07-02')).toBe('2022-06-30');
  });

  it('resolves across a year boundary, also from a timestamp', () => {
    expect(resolveWeekday('Saturday', '2022-01-01')).toBe('2022-01-01');
    expect(resolveWeekday('tuesday', '2022-01-03T08:00:00+03:00')).toBe('2021-12-28');
  });

  it('gives null for an unknown weekday or date', () => {
    expect(resolveWeekday('someday', '2022-01-03')).toBeNull();
    expect(resolveWeekday('monday', 'soon')).toBeNull();
  });
});

describe('UTC wall clock', () => {
  it('gives the same timestamp without Intl as through it (Etc/UTC takes the Intl path)', () => {
    fc.assert(fc.property(fc.integer({ min: -12_000_000_000_000, max: 260_000_000_000_000 }), (ms) => {
      expect(instantToZonedIso(ms, 'UTC')).toBe(instantToZonedIso(ms, 'Etc/UTC'));
    }), { numRuns: 2000 });
  });

  it('reads "said Tuesday" in a story of Wednesday 12 August 2015 as the day before', () => {
    expect(resolveWeekday('tuesday', '2015-08-12')).toBe('2015-08-11');
    expect(resolveWeekday('wednesday', '2015-08-12T10:00:00+03:00')).toBe('2015-08-12');
  });
});
