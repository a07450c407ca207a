// Escaping for the contexts article text lands in: HTML text/attributes and JSON inside <script>.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const NEEDS_ESCAPE = /[&<>"']/;

/**
 * One pass over the string, copying the runs between special characters: pages escape megabytes of text, and a
 * replace() with a callback per character was the top cost of rendering (same output).
 */
export function escapeHtml(text: string): string {
  if (!hasHtmlSpecial(text)) return text;
  let out = '';
  let last = 0;
  for (let i = NEEDS_ESCAPE.exec(text)!.index; i < text.length; i++) {
    const c = text[i]!;
    const r = c === '&' || c === '<' || c === '>' || c === '"' || c === "'" ? HTML_ESCAPES[c]! : null;
    if (r === null) continue;
    if (i > last) out += text.slice(last, i);
    out += r;
    last = i + 1;
  }
  return out + text.slice(last);
}

/**
 * Whether escapeHtml changes `text`. A class regex costs ~0.8 ns per character; from about 30 characters five
 * indexOf searches are cheaper (measured 2x on quote-length text), below that the regex's single call wins.
 */
function hasHtmlSpecial(text: string): boolean {
  if (text.length < 32) return NEEDS_ESCAPE.test(text);
  return text.includes('&') || text.includes('<') || text.includes('>') || text.includes('"') || text.includes("'");
}

/** JSON safe inside <script type="application/ld+json">: no "</script>", no "<!--", no U+2028/9 surprises. */
export function jsonForScript(value: unknown): string {
  return escapeJsonText(JSON.stringify(value));
}

/** A JSON file's text (pretty, newline-terminated) with the same escapes, so no reader can mistake it for markup. */
export function jsonFile(value: unknown): string {
  return `${escapeJsonText(JSON.stringify(value, null, 1))}\n`;
}

/**
 * jsonFile(value), in pieces of about 64 KB (and the text before and after the array): the array at `key` is serialised
 * a batch of elements at a time, so a speaker with 300k quotes never becomes one 200 MB string. The pieces join to
 * exactly jsonFile's bytes.
 * `map`, when given, makes each element as its batch is serialised (the array holds the sources), so the mapped
 * array never exists whole.
 */
export function* jsonFileChunks<T>(value: Record<string, unknown>, key: string, map?: (item: T) => unknown): Generator<string> {
  const items = value[key] as T[] | undefined;
  if (!Array.isArray(items) || !items.length) {
    yield jsonFile(value);
    return;
  }
  // The array's place in the pretty-printed object, found through a one-element stand-in.
  const text = JSON.stringify({ ...value, [key]: [CHUNK_MARK] }, null, 1);
  const marker = JSON.stringify(CHUNK_MARK);
  const at = text.indexOf(marker);
  yield escapeJsonText(text.slice(0, at));
  let batch = FIRST_BATCH;
  for (let i = 0; i < items.length;) {
    const end = Math.min(items.length, i + batch);
    const part = map ? items.slice(i, end).map(map) : items.slice(i, end);
    // A batch printed as the array of a one-key object sits at the same depth as the elements in the whole file, so
    // its elements come out indented and separated exactly as there: one stringify per batch, not per element. After
    // the first batch a stand-in element 0 leads, so the slice starts with the separator (",\n  "): each piece is a
    // slice of the batch's text, never a concatenation that would have to be copied again before it is written.
    if (i) part.unshift(0);
    const json = JSON.stringify({ k: part }, null, 1);
    yield escapeJsonText(json.slice(BATCH_HEAD.length + (i ? 1 : 0), json.length - BATCH_TAIL.length));
    batch = Math.max(1, Math.min(MAX_BATCH, Math.floor((CHUNK_CHARS * (end - i)) / json.length)));
    i = end;
  }
  yield `${escapeJsonText(text.slice(at + marker.length))}\n`;
}
const CHUNK_MARK = '\u0000news-archive:chunk\u0000';
const CHUNK_CHARS = 65_536;
const BATCH_HEAD = '{\n "k": [\n  ';
const BATCH_TAIL = '\n ]\n}';
const FIRST_BATCH = 16;
const MAX_BATCH = 4096;

/** Valid on any serialised JSON: these characters can only occur inside strings, where \uXXXX means the same. */
export function escapeJsonText(json: string): string {
  // Five character searches instead of one class regex over the text (~0.8 ns per character): JSON pages and files
  // run to hundreds of MB a build, and most hold none of these.
  const unsafe = json.includes('<') || json.includes('>') || json.includes('&') || json.includes('\u2028') || json.includes('\u2029');
  return unsafe ? json.replace(JSON_UNSAFE_ALL, (c) => JSON_ESCAPES[c]!) : json;
}
const JSON_UNSAFE_ALL = /[<>&\u2028\u2029]/g;
const JSON_ESCAPES: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** Characters no XML document may hold (feeds); also strips lone surrogates. */
export function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
