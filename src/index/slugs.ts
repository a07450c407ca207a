// Distinct slugs for every article: the first input (in path order) keeps its slug, later ones get -2, -3 …
import type { Article } from '../model/article.ts';
import type { Diagnostic } from '../model/diagnostic.ts';

export function assignUniqueSlugs(articles: Article[]): Diagnostic[] {
  const taken = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const a of articles) {
    let slug = a.slug;
    for (let n = 2; taken.has(slug); n++) slug = `${a.slug}-${n}`;
    if (slug !== a.slug) {
      diagnostics.push({ severity: 'warning', code: 'duplicate-slug', file: a.file, line: 1, message: `slug "${a.slug}" is already used by another article; this one is published as "${slug}"`, hint: 'give one of them a distinct "slug:" in front matter or a sidecar' });
      a.slug = slug;
    }
    taken.add(slug);
  }
  return diagnostics;
}
