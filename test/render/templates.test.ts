import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config.ts';
import { DiagnosticError } from '../../src/model/diagnostic.ts';
import { createTemplateEngine, templateSyntaxProblems } from '../../src/render/templates.ts';

// Template errors stop a build: they must name the template file and say what failed, not dump Eta's generated code.
describe('template errors', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'na-tpl-'));
    cpSync(path.join(PACKAGE_ROOT, 'templates'), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const failure = (render: () => unknown): DiagnosticError => {
    try {
      render();
    } catch (err) {
      return err as DiagnosticError;
    }
    throw new Error('the render did not fail');
  };

  it('name the included template that has a syntax error, with its message and no generated code', () => {
    appendFileSync(path.join(dir, 'layout.eta'), '\n<% if (it.page { %>\n');
    writeFileSync(path.join(dir, 'probe.eta'), "<% layout('./layout') %>hello");
    const err = failure(() => createTemplateEngine(dir)('probe', {}));
    expect(err).toBeInstanceOf(DiagnosticError);
    expect(err.diagnostic).toMatchObject({ severity: 'error', code: 'template-syntax', file: path.join(dir, 'layout.eta') });
    expect(err.diagnostic.message).toContain("Unexpected token '{'");
    expect(err.diagnostic.message).not.toContain('__eta');
    expect(templateSyntaxProblems(dir).map((d) => path.basename(d.file))).toEqual(['layout.eta']);
  });

  it('count the other broken templates when several are', () => {
    appendFileSync(path.join(dir, 'layout.eta'), '\n<% if (it.page { %>\n');
    appendFileSync(path.join(dir, 'topic.eta'), '\n<% for (const x of { %>\n');
    writeFileSync(path.join(dir, 'probe.eta'), "<% layout('./layout') %>hello");
    expect(failure(() => createTemplateEngine(dir)('probe', {})).diagnostic.message).toContain('(and 1 more template with errors');
  });

  it('name the page template and the failure when a template reads data the page lacks', () => {
    writeFileSync(path.join(dir, 'probe.eta'), 'a<%= it.article.nope.x %>b');
    const err = failure(() => createTemplateEngine(dir)('probe', { article: {} }));
    expect(err.diagnostic).toMatchObject({ code: 'template-error', file: path.join(dir, 'probe.eta') });
    expect(err.diagnostic.message).toContain("TypeError: Cannot read properties of undefined (reading 'x')");
  });

  it('name the template that includes one that does not exist', () => {
    writeFileSync(path.join(dir, 'probe.eta'), "<%~ include('./nowhere') %>");
    const err = failure(() => createTemplateEngine(dir)('probe', {}));
    expect(err.diagnostic).toMatchObject({ code: 'template-missing', file: path.join(dir, 'probe.eta') });
    expect(err.diagnostic.message).toContain('nowhere.eta');
  });

  it('leave a good render alone', () => {
    writeFileSync(path.join(dir, 'probe.eta'), '<%= it.x %>');
    expect(createTemplateEngine(dir)('probe', { x: '<b>' })).toBe('&lt;b&gt;');
    expect(templateSyntaxProblems(dir)).toEqual([]);
  });
});
