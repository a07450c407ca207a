// Archive-wide speaker identities: spelling variants, titles, particles, surnames, and speakers.yaml overrides.
import { describe, expect, it } from 'vitest';
import type { Speaker } from '../../src/model/article.ts';
import { parseSpeakerOverrides, resolveIdentities } from '../../src/extract/identity.ts';

const person = (name: string, aliases: string[] = [], roles: string[] = []): Speaker => ({ name, type: 'person', roles, aliases });

describe('resolveIdentities', () => {
  it('folds surname, spelling variants and title-prefixed forms into one identity', () => {
    const idx = resolveIdentities([
      { articleId: 'a1', speakers: [person('Sergei Lavrov', ['Lavrov'], ['Russian Foreign Minister'])] },
      { articleId: 'a2', speakers: [person('Sergey Lavrov')] },
      { articleId: 'a3', speakers: [person('Lavrov')] },
      { articleId: 'a4', speakers: [person('Russian Foreign Minister Sergei Lavrov')] },
    ]);
    expect(idx.identities).toHaveLength(1);
    const id = idx.identities[0]!;
    expect(id.id).toMatch(/^[a-z0-9-]+$/);
    expect(idx.lookup('a3', 'Lavrov')).toBe(id);
    expect(idx.lookup('a2', 'Sergey Lavrov')).toBe(id);
    expect(id.roles).toContain('Russian Foreign Minister');
  });

  it('ignores honorifics and Arabic particles', () => {
    const idx = resolveIdentities([
      { articleId: 'a1', speakers: [person('Sayyed Hasan Nasrallah')] },
      { articleId: 'a2', speakers: [person('Hassan Nasrallah')] },
      { articleId: 'a3', speakers: [person('Adel al-Jubeir')] },
      { articleId: 'a4', speakers: [person('Adel Jubeir')] },
      { articleId: 'a5', speakers: [person('Dr. Adel el-Jubeir')] },
    ]);
    expect(idx.identities.map((i) => i.aliases.length + 1).sort()).toEqual([2, 3]);
  });

  it('keeps different first names with one surname apart, and a shared surname unresolved', () => {
    const idx = resolveIdentities([
      { articleId: 'a1', speakers: [person('Adnan Mahmoud')] },
      { articleId: 'a2', speakers: [person('Ali Mahmoud')] },
      { articleId: 'a3', speakers: [person('Mahmoud')] },
    ]);
    expect(idx.identities).toHaveLength(3);
  });

  it('gives the same ids for the same input (stable keys)', () => {
    const input = [{ articleId: 'a', speakers: [person('Imad Saab'), { name: 'Ministry of Health', type: 'organization' as const, roles: [], aliases: ['The ministry'] }] }];
    expect(resolveIdentities(input).identities.map((i) => i.id)).toEqual(resolveIdentities(input).identities.map((i) => i.id));
    expect(resolveIdentities(input).identities.map((i) => i.id).sort()).toEqual(['imad-saab', 'ministry-of-health']);
  });

  it('applies merge, rename, split and ignore overrides', () => {
    const { overrides, diagnostics } = parseSpeakerOverrides(
      [
        'merge:',
        '  - [Faisal Mekdad, Fayssal Mikdad]',
        'rename:',
        '  Fayssal Mikdad: Faisal Mekdad',
        'split:',
        '  - [Adnan Mahmoud, Mahmoud]',
        '  - name: Omar Khaled',
        '    as: Omar Khaled (footballer)',
        '    articles: [b2]',
        'ignore:',
        '  - SANA reporter',
      ].join('\n'),
      'speakers.yaml',
    );
    expect(diagnostics).toEqual([]);
    const idx = resolveIdentities([
      { articleId: 'b1', speakers: [person('Fayssal Mikdad'), person('Adnan Mahmoud'), person('Omar Khaled')] },
      { articleId: 'b2', speakers: [person('Faisal Mekdad'), person('Mahmoud'), person('Omar Khaled')] },
      { articleId: 'b3', speakers: [{ name: 'SANA reporter', type: 'unnamed', roles: [], aliases: [] }] },
    ], overrides);
    expect(idx.lookup('b1', 'Fayssal Mikdad')?.name).toBe('Faisal Mekdad');
    expect(idx.lookup('b2', 'Faisal Mekdad')).toBe(idx.lookup('b1', 'Fayssal Mikdad'));
    expect(idx.lookup('b2', 'Mahmoud')).not.toBe(idx.lookup('b1', 'Adnan Mahmoud'));
    expect(idx.lookup('b2', 'Omar Khaled')?.name).toBe('Omar Khaled (footballer)');
    expect(idx.lookup('b1', 'Omar Khaled')?.name).toBe('Omar Khaled');
    expect(idx.lookup('b3', 'SANA reporter')).toBeNull();
  });
});

describe('parseSpeakerOverrides', () => {
  it('reports YAML syntax errors with file and line', () => {
    const { diagnostics } = parseSpeakerOverrides('merge:\n  - [a, b\nrename: x', 'site/speakers.yaml');
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'yaml-syntax', file: 'site/speakers.yaml' });
    expect(diagnostics[0]!.line).toBeGreaterThan(0);
  });

  it('reports unknown keys and wrong shapes on their line', () => {
    const { diagnostics, overrides } = parseSpeakerOverrides('rename:\n  A B: C D\nmerge: nope\nalias:\n  - x\n', 'speakers.yaml');
    expect(overrides.rename).toEqual({ 'A B': 'C D' });
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['speakers-shape', 3], ['speakers-unknown-key', 4]]);
  });

  it('accepts an empty file', () => {
    expect(parseSpeakerOverrides('', 'speakers.yaml').diagnostics).toEqual([]);
  });
});

describe('display names', () => {
  it('uses the spelling most articles use', () => {
    const idx = resolveIdentities([
      { articleId: 'a1', speakers: [person('Faysal Mikdad')] },
      { articleId: 'a2', speakers: [person('Fayssal Mikdad')] },
      { articleId: 'a3', speakers: [person('Fayssal Mikdad')] },
    ]);
    expect(idx.identities.map((i) => i.name)).toEqual(['Fayssal Mikdad']);
    expect(idx.lookup('a1', 'Faysal Mikdad')?.name).toBe('Fayssal Mikdad');
  });
});
