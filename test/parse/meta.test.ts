// Metadata validation: wrong types and path-like slugs become warnings at the key's own line; nothing crashes.
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/load/frontmatter.ts';
import { validateMeta } from '../../src/parse/meta.ts';

const meta = (fm: string) => {
  const r = readFrontMatter(`---\n${fm}\n---\nBody.\n`, 'a.md');
  if (!r.ok) throw new Error(r.reason.message);
  return validateMeta(r.meta, 'a.md');
};

describe('validateMeta', () => {
  it('drops a date written in words, warning at its line', () => {
    const r = meta('title: Parade\ndate: yesterday');
    expect(r.meta.date).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'bad-date', line: 3 })]);
  });

  it('keeps date strings with digits and YAML dates for the date stage', () => {
    expect(meta('date: 2024-03-05').meta.date).toBeInstanceOf(Date);
    expect(meta('date: "5 March 2024"').meta.date).toBe('5 March 2024');
  });

  it('warns about numbers, lists and mappings where text or lists are expected', () => {
    const r = meta('title: [a, b]\ntags: 5\ndate: 2024\nsummary: {x: 1}');
    // title (line 2), summary (5), date (4), tags (3): each warning points at its own key.
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['meta-type', 2], ['meta-type', 5], ['meta-type', 4], ['meta-type', 3]]);
    expect(r.meta.title).toBeUndefined();
    expect(r.meta.tags).toEqual([]);
  });

  it('ignores slugs that look like paths or have nothing URL-safe', () => {
    for (const slug of ['../../etc/passwd', '/etc/passwd', '"%2e%2e/%2e%2e/x"', '..', '".hidden"', 'a\\\\b', '"★★"']) {
      const r = meta(`slug: ${slug}`);
      expect(r.meta.slug, slug).toBeUndefined();
      expect(r.diagnostics[0], slug).toMatchObject({ code: 'slug-unsafe', line: 2 });
    }
    expect(meta('slug: Council Budget 2024').meta.slug).toBe('Council Budget 2024');
  });

  it('names unknown keys at their line', () => {
    expect(meta('title: A\nheadline: B').diagnostics[0]).toMatchObject({ code: 'meta-unknown-key', line: 3 });
  });
});
