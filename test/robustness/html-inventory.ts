// Test helper: what elements, attributes, URLs and scripts a written page holds, to prove none came from article text.
import { Parser } from 'htmlparser2';

export interface Inventory {
  /** Element names. */
  tags: Set<string>;
  /** "tag@attribute" pairs. */
  attrs: Set<string>;
  /** Values of URL-bearing attributes (href, src, action …). */
  urls: string[];
  /** Every <script>: its attributes and text. */
  scripts: { attribs: Record<string, string>; text: string }[];
}

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'data', 'background', 'cite']);

export function emptyInventory(): Inventory {
  return { tags: new Set(), attrs: new Set(), urls: [], scripts: [] };
}

/** Parses with htmlparser2 (a browser-like tokenizer); `xml` for feeds and sitemaps. */
export function inventory(markup: string, xml = false, into: Inventory = emptyInventory()): Inventory {
  let script: { attribs: Record<string, string>; text: string } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        into.tags.add(name);
        for (const [k, v] of Object.entries(attribs)) {
          into.attrs.add(`${name}@${k}`);
          if (URL_ATTRS.has(k)) into.urls.push(v);
        }
        if (name === 'script') {
          script = { attribs, text: '' };
          into.scripts.push(script);
        }
      },
      ontext(text) {
        if (script) script.text += text;
      },
      onclosetag(name) {
        if (name === 'script') script = null;
      },
    },
    { xmlMode: xml, decodeEntities: true, lowerCaseTags: !xml, lowerCaseAttributeNames: !xml },
  );
  parser.write(markup);
  parser.end();
  return into;
}

/** A URL a browser would run as code: javascript:, vbscript: or data: once whitespace and control characters go. */
export function isScriptUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const squashed = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '').toLowerCase();
  return /^(javascript|vbscript|data):/.test(squashed);
}

/** Every way `page` could hold markup that `baseline` (built from harmless text) does not: empty when safe. */
export function injections(page: Inventory, baseline: Inventory): string[] {
  const found: string[] = [];
  for (const t of page.tags) if (!baseline.tags.has(t)) found.push(`element <${t}>`);
  for (const a of page.attrs) {
    if (!baseline.attrs.has(a)) found.push(`attribute ${a}`);
    if (/@on/i.test(a)) found.push(`event handler ${a}`);
  }
  for (const u of page.urls) if (isScriptUrl(u)) found.push(`script URL ${JSON.stringify(u)}`);
  const srcs = new Set(baseline.scripts.map((s) => s.attribs.src).filter(Boolean));
  for (const s of page.scripts) {
    if (s.attribs.src !== undefined) {
      if (!srcs.has(s.attribs.src)) found.push(`script src ${JSON.stringify(s.attribs.src)}`);
    } else if (s.attribs.type === 'application/ld+json') {
      if (/[<>]/.test(s.text)) found.push('raw < or > inside JSON-LD');
      try {
        JSON.parse(s.text);
      } catch {
        found.push(`JSON-LD that does not parse: ${JSON.stringify(s.text.slice(0, 80))}`);
      }
    } else if (!baseline.scripts.some((b) => b.attribs.src === undefined && b.text === s.text)) {
      found.push(`inline script ${JSON.stringify(s.text.slice(0, 80))}`);
    }
  }
  return found;
}

/**
 * Elements and attributes the Eta templates can emit on any branch: template code removed, output tags replaced by
 * a placeholder, then parsed. Branches a harmless corpus does not reach (a quote missing from the body …) count too.
 */
export function templateInventory(templates: { name: string; source: string }[], into: Inventory = emptyInventory()): Inventory {
  for (const t of templates) {
    const markup = t.source.replace(/<%[=~][\s\S]*?%>/g, 'x').replace(/<%[\s\S]*?%>/g, '');
    inventory(markup, false, into);
  }
  return into;
}

/** HTML carried inside a feed: Atom title/summary/content of type "html", RSS description and content:encoded. */
export function embeddedHtml(xml: string): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (attribs.type === 'html' || name === 'description' || name === 'content:encoded') {
          current = [];
          out.push('');
        }
      },
      ontext(text) {
        if (current) out[out.length - 1] += text;
      },
      onclosetag() {
        current = null;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(xml);
  parser.end();
  return out;
}
