// The seed article end to end (parseWire → extractQuotes) against its hand-annotated gold.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/extract/index.ts';
import { parseWire } from '../../src/parse/wire.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/seed');
const source = fs.readFileSync(path.join(dir, '000_58d8388786a3bbbd.txt'), 'utf8');
const gold = JSON.parse(fs.readFileSync(path.join(dir, '000_58d8388786a3bbbd.gold.json'), 'utf8')) as {
  quotes: { speaker: string; text: string; kind: string; start: number; end: number }[];
};
const ex = extractQuotes(source, parseWire(source), { strict: true });
const bodyQuotes = ex.quotes.filter((q) => q.kind !== 'headline');

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / Math.max(a.end - a.start, b.end - b.start);

describe('seed article', () => {
  it('finds every gold quote (≥50% overlap, same speaker, same kind)', () => {
    for (const g of gold.quotes) {
      const hit = bodyQuotes.find((q) => overlap(q, g) >= 0.5);
      expect(hit, g.text).toBeDefined();
      expect(hit!.speaker).toBe(g.speaker);
      expect(hit!.kind).toBe(g.kind);
    }
  });

  it('scores quotes F1 ≥ 0.90', () => {
    const tp = gold.quotes.filter((g) => bodyQuotes.some((q) => overlap(q, g) >= 0.5 && q.speaker === g.speaker)).length;
    const p = tp / bodyQuotes.length;
    const r = tp / gold.quotes.length;
    expect((2 * p * r) / (p + r)).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps exact offsets', () => {
    for (const q of ex.quotes) expect(source.slice(q.start, q.end)).toBe(q.text);
  });

  it('does not take the scare-quoted “National Coalition” as a quote', () => {
    expect(ex.quotes.some((q) => q.text === 'National Coalition')).toBe(false);
  });

  it('lists the two speakers with roles and the people only mentioned apart', () => {
    expect(ex.speakers.map((s) => s.name)).toEqual(['Sergei Lavrov', 'Mikhail Bogdanov']);
    expect(ex.speakers[1]!.roles).toEqual(['Russian President’s Special Envoy to the Middle East', 'Deputy Foreign Minister']);
    for (const m of ['Adel al-Jubeir', 'John Kerry', 'Vladimir Putin', 'Staffan de Mistura']) {
      expect(ex.mentioned).toContain(m);
      expect(ex.speakers.map((s) => s.name)).not.toContain(m);
    }
  });

  it('attributes the headline and the sub-heading as headline quotes', () => {
    const heads = ex.quotes.filter((q) => q.kind === 'headline');
    expect(heads.map((q) => q.speaker)).toEqual(['Sergei Lavrov', 'Mikhail Bogdanov']);
  });

  it('never reads the byline "Haifa Said" as speech', () => {
    expect(ex.speakers.map((s) => s.name)).not.toContain('Haifa');
  });
});
