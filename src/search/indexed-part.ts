// The part of an article page Pagefind reads: its data-pagefind-body element and the page language.

/**
 * What Pagefind indexes of `html`: the element marked data-pagefind-body (with its tag, attributes and everything
 * inside) and <html lang>. A neighbour's headline in the newer/older links or a related-articles list sits outside
 * it, so a new or retitled article does not make its neighbours' search shards be indexed again. The whole page
 * when in doubt: no marker, more than one, an element that does not close, or any other data-pagefind-* attribute
 * outside it (metadata or filters a custom template puts in the layout).
 */
export function indexedPart(html: string): string {
  const at = html.indexOf('data-pagefind-body');
  if (at < 0) return html;
  const open = html.lastIndexOf('<', at);
  const name = /^<([a-zA-Z][\w-]*)[^<>]*$/.exec(html.slice(open, at))?.[1];
  if (!name) return html;
  const end = closingEnd(html, open, name);
  if (end < 0) return html;
  if (html.lastIndexOf('data-pagefind-', open) >= 0 || html.includes('data-pagefind-', end)) return html;
  const lang = /<html\b[^>]*?\slang=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(html.slice(0, open));
  return `lang=${lang?.[1] ?? lang?.[2] ?? lang?.[3] ?? ''}\n${html.slice(open, end)}`;
}

/** Index just past the tag that closes the `name` element opened at `open`, counting nested ones; -1 if none does. */
function closingEnd(html: string, open: number, name: string): number {
  const tag = new RegExp(`<(/?)${name}(?=[\\s/>])`, 'gi');
  tag.lastIndex = open + 1;
  let depth = 1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      const close = html.indexOf('>', m.index);
      return close < 0 ? -1 : close + 1;
    }
  }
  return -1;
}
