// Site-wide checks shared by the site tests: html-validate over every page, and a linkinator crawl with fragments.
import path from 'node:path';
import { HtmlValidate, type Message } from 'html-validate';
import { LinkChecker, LinkState } from 'linkinator';
import { listFiles } from './build-fixture.ts';

/** Every html-validate error (recommended preset) in the folder, as "file:line:col rule message". */
export async function htmlErrors(dir: string): Promise<{ files: number; errors: string[] }> {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const files = listFiles(dir).filter((f) => f.endsWith('.html') && !f.includes(`${path.sep}pagefind${path.sep}`));
  const errors: string[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const r of report.results) for (const m of r.messages as Message[]) errors.push(`${path.relative(dir, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return { files: files.length, errors };
}

export interface Crawl {
  checked: number;
  broken: string[];
  /** Pages reached (URLs without fragment that answered 200). */
  pages: string[];
}

/** Crawls from `start`, following only links on `origin`, checking that every #fragment exists in its target. */
export async function crawl(start: string, origin: string): Promise<Crawl> {
  const result = await new LinkChecker().check({
    path: start, recurse: true, checkFragments: true, concurrency: 8, timeout: 10_000,
    linksToSkip: async (link) => !link.startsWith(origin),
  });
  return {
    checked: result.links.filter((l) => l.state !== LinkState.SKIPPED).length,
    broken: result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => `${l.status} ${l.url} (from ${l.parent})`),
    pages: result.links.filter((l) => l.state === LinkState.OK && !l.url.includes('#')).map((l) => l.url),
  };
}
