import { describe, expect, it } from 'vitest';
import { absoluteUrl, href, routeToFile, routes, slugify } from '../../src/routes/permalinks.ts';

describe('slugify', () => {
  it('makes lower-case ASCII words joined by dashes', () => {
    expect(slugify('Lavrov: We agreed with Saudi FM')).toBe('lavrov-we-agreed-with-saudi-fm');
    expect(slugify('Geneva Communiqué')).toBe('geneva-communique');
  });
  it('never returns a path or an empty slug', () => {
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('%2e%2e/%2e%2e')).not.toContain('/');
    expect(slugify('«»', 'fallback')).toBe('fallback');
  });
});

describe('routes and files', () => {
  it('gives clean URLs that map to index.html files', () => {
    expect(routeToFile(routes.article('x'))).toBe('articles/x/index.html');
    expect(routeToFile(routes.home())).toBe('index.html');
    expect(routeToFile(routes.home(2))).toBe('page/2/index.html');
    expect(routeToFile(routes.feedAtom())).toBe('feed.xml');
  });
  it('refuses routes that climb out of the output folder', () => {
    expect(() => routeToFile('/articles/../../x/')).toThrow(/unsafe/);
  });
  it('prefixes the base path and base URL', () => {
    const ctx = { basePath: '/archive/', baseUrl: 'https://example.org' };
    expect(href(ctx, routes.speaker('sergei-lavrov'))).toBe('/archive/speakers/sergei-lavrov/');
    expect(absoluteUrl(ctx, '/')).toBe('https://example.org/archive/');
    expect(href({ basePath: '/', baseUrl: '' }, '/topics/')).toBe('/topics/');
  });
});
