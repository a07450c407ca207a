// Dev-only HTML: the reload-client tag and the error overlay injected into served pages (never into build output).
import type { Diagnostic } from '../model/diagnostic.ts';
import { escapeHtml } from '../render/escape.ts';

/** Paths the dev server answers itself; outside any base path so they never clash with site routes. */
export const DEV_PREFIX = '/__news-archive/';
export const EVENTS_PATH = `${DEV_PREFIX}events`;
export const CLIENT_PATH = `${DEV_PREFIX}client.js`;
export const OVERLAY_CSS_PATH = `${DEV_PREFIX}overlay.css`;
export const OVERLAY_ID = 'news-archive-dev-overlay';

/** What went wrong in the last build, as shown in the terminal and the browser. */
export interface DevProblem {
  /** One line: "Build failed" or "2 articles could not be built". */
  title: string;
  /** Where it happened and what to do, one diagnostic per line. */
  diagnostics: Diagnostic[];
  /** Files whose change triggered the failing build (helps when the error itself names no file). */
  changed?: string[];
}

/** External script and stylesheet rather than inline code, so a strict Content-Security-Policy in a template still allows them. */
export function devHeadTags(): string {
  return `<link rel="stylesheet" href="${OVERLAY_CSS_PATH}"><script src="${CLIENT_PATH}" defer></script>`;
}

export function overlayHtml(problems: readonly DevProblem[]): string {
  if (!problems.length) return '';
  const items = problems.map((p) => {
    const diags = p.diagnostics.map((d) => {
      const where = [d.file, d.line, d.col].filter((x) => x !== undefined).join(':');
      const hint = d.hint ? `<div class="na-hint">hint: ${escapeHtml(d.hint)}</div>` : '';
      return `<li><code class="na-where">${escapeHtml(where)}</code> <span class="na-code">[${escapeHtml(d.code)}]</span><pre>${escapeHtml(d.message)}</pre>${hint}</li>`;
    }).join('');
    const changed = p.changed?.length ? `<p class="na-changed">after changing ${p.changed.map((c) => `<code>${escapeHtml(c)}</code>`).join(', ')}</p>` : '';
    return `<section><h2>${escapeHtml(p.title)}</h2>${changed}<ul>${diags}</ul></section>`;
  }).join('');
  return `<div id="${OVERLAY_ID}" role="alert"><div class="na-box"><button type="button" class="na-close" aria-label="Dismiss">×</button>${items}<p class="na-foot">Fix the file and save: the page reloads by itself. The server keeps running.</p></div></div>`;
}

/** Adds the dev tags at the end of <head> and the overlay at the start of <body>; tolerant of pages missing either. */
export function injectDev(html: string, problems: readonly DevProblem[]): string {
  const head = devHeadTags();
  const overlay = overlayHtml(problems);
  let out = /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${head}</head>`) : head + html;
  if (overlay) out = /<body[^>]*>/i.test(out) ? out.replace(/<body[^>]*>/i, (m) => m + overlay) : out + overlay;
  return out;
}

/** Served when there is no site yet: the first build is still running, or it failed. */
export function problemPage(problems: readonly DevProblem[]): string {
  const text = problems.length ? 'The build failed; see the errors. This page reloads once it is fixed.' : 'The first build is running; this page reloads when it is done.';
  return injectDev(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>No site yet — news-archive dev</title></head><body><main><h1>No site yet</h1><p>${text}</p></main></body></html>`, problems);
}

export const OVERLAY_CSS = `#${OVERLAY_ID}{position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.72);overflow:auto;font:14px/1.45 system-ui,sans-serif;color:#1a1a1a}
#${OVERLAY_ID} .na-box{max-width:60rem;margin:3rem auto;background:#fff;border-top:6px solid #c0262d;padding:1.25rem 1.5rem;position:relative;box-shadow:0 8px 30px rgba(0,0,0,.4)}
#${OVERLAY_ID} h2{margin:.2rem 0 .6rem;font-size:1.2rem;color:#c0262d}
#${OVERLAY_ID} ul{list-style:none;margin:0;padding:0}
#${OVERLAY_ID} li{margin:.6rem 0;padding:.5rem .75rem;background:#fbf1f1;border-left:3px solid #c0262d}
#${OVERLAY_ID} pre{white-space:pre-wrap;margin:.35rem 0;font:13px/1.4 ui-monospace,monospace}
#${OVERLAY_ID} .na-where{font-weight:600}
#${OVERLAY_ID} .na-code{color:#666}
#${OVERLAY_ID} .na-hint{color:#22543d}
#${OVERLAY_ID} .na-foot,#${OVERLAY_ID} .na-changed{color:#555}
#${OVERLAY_ID} .na-close{position:absolute;top:.5rem;right:.75rem;border:0;background:none;font-size:1.6rem;cursor:pointer}
`;
