// Distinct, routable slugs for every article: the first input (in path order) keeps its slug, later ones get -2, -3 …
// Place and topic slugs come from several modules; one that is empty or path-like is dropped here with a warning,
// because routing it would throw and take the whole site down with it.
import type { Article } from '../model/article.ts';
import type { Diagnostic } from '../model/diagnostic.ts';

/** A slug that maps to exactly one plain folder name under its section. */
export function isRoutableSlug(slug: unknown): slug is string {
  return typeof slug === 'string' && slug.length > 0 && slug !== '.' && slug !== '..' && !/[/\\?#%\s\u0000-\u001F]/.test(slug);
}

export function assignUniqueSlugs(articles: Article[]): Diagnostic[] {
  const taken = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const a of articles) {
    diagnostics.push(...dropUnroutable(a));
    const base = isRoutableSlug(a.slug) ? a.slug : 'untitled';
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    if (slug !== a.slug) {
      diagnostics.push({ severity: 'warning', code: 'duplicate-slug', file: a.file, line: 1, message: `slug "${a.slug}" is already used by another article; this one is published as "${slug}"`, hint: 'give one of them a distinct "slug:" in front matter or a sidecar' });
      a.slug = slug;
    }
    taken.add(slug);
  }
  return diagnostics;
}

function dropUnroutable(a: Article): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (what: string, name: string): void => {
    out.push({ severity: 'warning', code: 'unroutable-name', file: a.file, line: 1, message: `${what} ${JSON.stringify(name)} has no letters or digits usable in a URL; left out of the ${what} pages`, hint: `spell the ${what} with letters or digits` });
  };
  const places = a.places.filter((p) => isRoutableSlug(p.slug) || (warn('place', p.name), false));
  if (places.length !== a.places.length) a.places = places;
  const topics = a.topics.filter((t) => isRoutableSlug(t.slug) || (warn('topic', t.name), false));
  if (topics.length !== a.topics.length) a.topics = topics;
  return out;
}
