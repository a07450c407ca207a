import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitManifest, OutputList, readManifest, readManifestOutputs, writeManifestInputs, type InputState, type OutputState } from '../../src/build/cache.ts';

const outputs: OutputState[] = Array.from({ length: 40 }, (_, i) => [`/articles/story-${i}/`, `hash${i}`, 100 + i]);
// Routes whose JSON differs from their text, and one that is a prefix of another.
outputs.push(['/topics/caf\u00e9 "quoted"/', 'hq', 7], ['/articles/story-1', 'short', 1]);

describe('OutputList', () => {
  it('finds a route by searching the text, and by its index once past the search limit, with the same answers', () => {
    const list = OutputList.of(outputs, 3);
    const routes = [...outputs.map((o) => o[0]), '/absent/'];
    const answers = routes.map((r) => list.find(r)); // 43 lookups: the first 16 search the text, the rest use the index
    expect(answers).toEqual([...outputs, undefined]);
  });

  it('gives the lines of routes under a prefix as they are written, whatever their order', () => {
    const list = OutputList.of(outputs, 3);
    const lines = list.linesUnder('/articles/');
    expect(lines.map((l) => JSON.parse(l) as OutputState)).toEqual(outputs.filter((o) => o[0].startsWith('/articles/')));
    expect(list.linesUnder('/topics/caf\u00e9 "')).toEqual([JSON.stringify(outputs[40])]);
    expect(list.linesUnder('/absent/')).toEqual([]);
  });

  it('replaces entries in place, adds new ones at the end, and keeps every other line as it was', () => {
    const list = OutputList.of(outputs, 3);
    const changed: OutputState = ['/articles/story-2/', 'new', 5];
    const added: OutputState = ['/articles/story-99/', 'add', 6];
    for (const changes of [[changed, added], [changed, added, ...outputs.slice(10, 30).map((o) => [o[0], `${o[1]}x`, o[2]] as OutputState)]]) {
      const next = list.with(changes);
      const expected = [...outputs.map((o) => changes.find((c) => c[0] === o[0]) ?? o), added];
      expect(next.list.all()).toEqual(expected);
      expect([next.list.length, next.replaced, next.list.listPages]).toEqual([outputs.length + 1, changes.length - 1, 3]);
    }
    expect(list.all()).toEqual(outputs); // the original is untouched
  });
});

describe('manifest files', () => {
  const inputs: InputState[] = [
    { file: 'a.txt', fp: '1:2:3:4', key: 'k1', slim: '', at: [0, 10], diagnostics: [] },
    { file: 'b.txt', fp: '5:6:7:8', key: '', slim: null, diagnostics: [{ severity: 'error', code: 'empty', file: 'b.txt', message: 'empty file' }], reason: 'empty file' },
  ];

  it('reads back what was written: inputs, outputs and the list-page count', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'na-manifest-')), 'manifest.jsonl');
    const tmp = writeManifestInputs(file, 'b1', { recordVersion: 'r', pageVersion: 'p', output: '/out', slims: 's', inputs });
    commitManifest(file, 'b1', tmp, OutputList.of(outputs, 3));
    const m = readManifest(file)!;
    expect(readManifestOutputs(file)!.all()).toEqual(m.outputs.all());
    expect(m.inputs).toEqual([{ ...inputs[0] }, { ...inputs[1], at: undefined }]);
    expect(m.outputs.all()).toEqual(outputs);
    expect(m.outputs.listPages).toBe(3);
    expect([m.build, m.slims, m.recordVersion, m.pageVersion, m.output]).toEqual(['b1', 's', 'r', 'p', '/out']);
  });

  it('is not read when its halves come from different builds, or its format is older', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'na-manifest-'));
    const file = path.join(dir, 'manifest.jsonl');
    commitManifest(file, 'b1', writeManifestInputs(file, 'b1', { recordVersion: 'r', pageVersion: 'p', output: '/out', slims: 's', inputs }), OutputList.of(outputs, 3));
    const outputsHalf = readFileSync(`${file}.outputs`, 'utf8');
    writeFileSync(`${file}.outputs`, outputsHalf.replace('"b1"', '"b2"'));
    expect(readManifest(file)).toBeNull();
    expect(readManifestOutputs(file)).toBeNull();
    writeFileSync(`${file}.outputs`, outputsHalf.slice(0, -40)); // torn: fewer lines than its head says
    expect(readManifestOutputs(file)).toBeNull();
    writeFileSync(`${file}.outputs`, outputsHalf);
    expect(readManifest(file)).not.toBeNull();
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"format":\d+/, '"format":1'));
    expect(readManifest(file)).toBeNull();
    expect(readManifestOutputs(file)).toBeNull();
  });
});
