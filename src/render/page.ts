// Render stage: a Page becomes an HTML string through its template and the shared layout.
import type { Page, SiteContext } from '../pages/page.ts';
import { documentTitle, formatDate } from './format.ts';
import { templateHelpers, type TemplateEngine } from './templates.ts';
import { timelineSvg } from './timeline.ts';

export function renderPage(page: Page, engine: TemplateEngine, site: SiteContext): string {
  // Object.assign, not a spread: page data has a different shape per kind of page, where V8's spread is slow.
  return engine(page.template, Object.assign({ site, page }, page.data, { formatDate, timelineSvg, docTitle: documentTitle(page.title, site.title), helpers: templateHelpers }));
}
