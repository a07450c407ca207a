// Eta template engine over templates/: auto-escaping on, one template per page kind sharing a layout; template errors
// become diagnostics naming the template file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Eta } from 'eta';
import { DiagnosticError, type Diagnostic } from '../model/diagnostic.ts';
import { escapeHtml, jsonForScript } from './escape.ts';

export type TemplateEngine = (template: string, data: object) => string;

/** Template helpers every page gets as `it.helpers`; renderPage puts them in its data so no render copies it. */
export const templateHelpers = { json: jsonForScript };

/**
 * Eta with two per-render costs taken out, same output:
 * - Template paths are resolved once per (including file, name): Eta re-resolves on every render and include
 *   (a JSON key, path.join and path.relative each time).
 * - Includes and the layout merge their data with Object.assign instead of an object spread (see below).
 * Pages are still built with Eta's `res += piece`: collecting pieces in an array and joining once was tried and
 * measured no faster when each page is written right after it is rendered (V8 flattens a young rope cheaply; join
 * pays ~25 ns per piece), only when thousands of pages were held in memory first.
 */
class PagesEta extends Eta {
  private resolved = new Map<string, string>();

  constructor(options: ConstructorParameters<typeof Eta>[0]) {
    super(options);
    // Includes and the layout get `{...it, ...data}`: `it` takes a different shape on every kind of page, and V8's
    // object spread over many shapes is ~15x slower than Object.assign (same own enumerable properties, same order).
    // Matched against Eta's generated text; if a new Eta writes it differently, the spread stays (slower, same output).
    const compileToString = this.compileToString;
    this.compileToString = function (str, options) {
      return compileToString.call(this, str, options)
        .replace('{...it, ...(__eta_d ?? {})}', 'Object.assign({}, it, __eta_d)')
        .replace('{...it, body: __eta.res, ...__eta.layoutData, __blocks: __eta.blocks}', 'Object.assign({}, it, { body: __eta.res }, __eta.layoutData, { __blocks: __eta.blocks })');
    };
    const resolvePath = this.resolvePath!;
    const map = this.resolved;
    this.resolvePath = function (template, options) {
      const key = `${options?.filepath ?? ''}\0${template}`;
      let file = map.get(key);
      if (file === undefined) map.set(key, (file = resolvePath.call(this, template, options)));
      return file;
    };
  }
}

export function createTemplateEngine(dir: string): TemplateEngine {
  // escapeHtml gives the same bytes as Eta's own XMLEscape, ~10x faster on text-heavy pages.
  const eta = new PagesEta({ views: dir, autoEscape: true, cache: true, autoTrim: [false, 'nl'], escapeFunction: (v: unknown) => escapeHtml(typeof v === 'string' ? v : String(v)) });
  return (template, data) => {
    try {
      return eta.render(`./${template}`, 'helpers' in data ? data : { ...data, helpers: templateHelpers });
    } catch (err) {
      throw renderFailure(err, dir, template);
    }
  };
}

/** Syntax errors of every template in `dir`, each compiled on its own (what `news-archive check` reports). */
export function templateSyntaxProblems(dir: string): Diagnostic[] {
  const eta = new Eta({ views: dir, autoEscape: true });
  const problems: Diagnostic[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.eta')).sort()) {
    const file = path.join(dir, name);
    try {
      eta.compile(readFileSync(file, 'utf8'));
    } catch (err) {
      problems.push({ severity: 'error', code: 'template-syntax', file, message: firstLines((err as Error).message), hint: 'check the <% %> tags and the JavaScript inside them' });
    }
  }
  return problems;
}

/** The first template syntax error in `dir` as a DiagnosticError (counting the others), or null when all compile. */
export function templateSyntaxError(dir: string): DiagnosticError | null {
  const [first, ...more] = templateSyntaxProblems(dir);
  if (!first) return null;
  return new DiagnosticError(more.length ? { ...first, message: `${first.message} (and ${more.length} more template${more.length === 1 ? '' : 's'} with errors: npm run check lists them)` } : first);
}

/** Eta appends its generated function to syntax errors, and a runtime error's stack is the bundle's: the first lines say it. */
export function firstLines(message: string): string {
  return message.split(/\n={5,}/)[0]!.replace(/\n+/g, ' ').trim();
}

/**
 * A failed render as a diagnostic. Eta names neither the template of a syntax error (it may be in an included one) nor
 * the line of a runtime error (its debug mode costs every render), so a syntax error is found by compiling each
 * template, and a runtime error names the page's template and what failed.
 */
function renderFailure(err: unknown, dir: string, template: string): DiagnosticError {
  if (err instanceof DiagnosticError) return err;
  const e = err as Error;
  const file = path.join(dir, `${template}.eta`);
  if (e?.name === 'EtaParser Error') {
    const syntax = templateSyntaxError(dir);
    if (syntax) return syntax;
  }
  if (e?.name === 'EtaFileResolution Error' || e?.name === 'EtaNameResolution Error') {
    return new DiagnosticError({ severity: 'error', code: 'template-missing', file, message: firstLines(e.message), hint: `a layout or include names a template that is not in ${dir}` });
  }
  return new DiagnosticError({
    severity: 'error', code: 'template-error', file,
    message: `rendering a page with ${template}.eta (or a template it includes) failed: ${e?.name ?? 'Error'}: ${firstLines(e?.message ?? String(err))}`,
    hint: 'the template reads data this page does not have or calls something that throws; npm run dev shows the error over the page',
  });
}
