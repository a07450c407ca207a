// Eta template engine over templates/: auto-escaping on, one template per page kind sharing a layout.
import { Eta } from 'eta';
import { jsonForScript } from './escape.ts';

export type TemplateEngine = (template: string, data: object) => string;

export function createTemplateEngine(dir: string): TemplateEngine {
  const eta = new Eta({ views: dir, autoEscape: true, cache: true, autoTrim: [false, 'nl'] });
  const helpers = { json: jsonForScript };
  return (template, data) => eta.render(`./${template}`, { ...data, helpers });
}
