import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLAGS } from '../../src/cli.ts';
import { defaultConfig } from '../../src/config.ts';
import { parseSpeakerOverrides } from '../../src/extract/identity.ts';
import { parseUserTaxonomy } from '../../src/extract/topics/user-taxonomy.ts';

const ROOT = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('README stays in sync with the code', () => {
  it('documents every config key in the configuration table', () => {
    const missing = Object.keys(defaultConfig('/x')).filter((k) => !readme.includes(`| \`${k}\` |`));
    expect(missing, 'config keys missing from the README table').toEqual([]);
  });

  it('documents every diagnostic code in the troubleshooting table', () => {
    const codes = new Set<string>();
    for (const f of sources(path.join(ROOT, 'src'))) for (const m of readFileSync(f, 'utf8').matchAll(/code: '([a-z0-9-]+)'/g)) codes.add(m[1]!);
    const missing = [...codes].filter((c) => !readme.includes(`| \`${c}\` |`)).sort();
    expect(missing, 'diagnostic codes missing from README troubleshooting').toEqual([]);
  });

  it('documents every command-line option', () => {
    const flags = new Set(Object.values(FLAGS).flatMap((o) => Object.keys(o)));
    const missing = [...flags].filter((f) => !readme.includes(`--${f}`)).sort();
    expect(missing, 'options missing from the README').toEqual([]);
  });

  it('shows speakers.yaml and topics.yaml examples that parse without a diagnostic', () => {
    const after = (marker: string): string => {
      const at = readme.indexOf(marker);
      expect(at, marker).toBeGreaterThan(0);
      return /```yaml\n([\s\S]*?)```/.exec(readme.slice(at))![1]!;
    };
    expect(parseSpeakerOverrides(after('**`speakers.yaml`**'), 'speakers.yaml').diagnostics).toEqual([]);
    expect(parseUserTaxonomy(after('**`topics.yaml`**'), 'topics.yaml').diagnostics).toEqual([]);
  });

  it('shows JSON examples that are valid JSON', () => {
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(() => JSON.parse(b), b).not.toThrow();
  });
});
