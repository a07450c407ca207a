import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUserTaxonomy } from '../../../src/extract/topics/user-taxonomy.ts';

describe('parseUserTaxonomy', () => {
  it('reads rename, merge, hide and define sections', () => {
    const src = readFileSync(new URL('../../fixtures/topics-yaml/topics.yaml', import.meta.url), 'utf8');
    const { taxonomy, diagnostics } = parseUserTaxonomy(src, 'topics.yaml');
    expect(diagnostics).toEqual([]);
    expect(taxonomy).toEqual({
      rename: [{ from: 'Islamic State', to: 'ISIS' }],
      merge: [{ into: 'Harbour disputes', from: ['Harbour Workers Union', 'Dock Strike Committee'] }],
      hide: ['Middle East'],
      define: [{ name: 'Water supply', keywords: ['water shortage', 'reservoir'] }],
    });
  });

  it('accepts an empty file', () => {
    expect(parseUserTaxonomy('', 'topics.yaml').diagnostics).toEqual([]);
  });

  it('reports YAML syntax errors with file and line', () => {
    const { diagnostics } = parseUserTaxonomy('hide:\n  - Alpha\n  - [Beta\n', 'site/topics.yaml');
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'topics-yaml-syntax', file: 'site/topics.yaml' });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a wrongly shaped entry at its line and keeps the rest', () => {
    const { taxonomy, diagnostics } = parseUserTaxonomy('hide:\n  - Alpha\nrename:\n  Beta: [Gamma, Delta]\n', 'topics.yaml');
    expect(taxonomy.hide).toEqual(['Alpha']);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'topics-yaml-shape', line: 4 })]);
  });

  it('warns about an unknown section', () => {
    const { diagnostics } = parseUserTaxonomy('hide: [Alpha]\nhidden: [Beta]\n', 'topics.yaml');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'topics-yaml-unknown-key', line: 2 })]);
  });
});
