// The editor/author credit line that closes a story ("Haifa Said", "H. Zain/ Ghossoun", "Shaza/Mazen").

// \p{…} patterns used inside functions live here: the bundler (and tsx) turn a \p regex literal into a
// `new RegExp` call, which would build a fresh object at every evaluation on these per-token paths.
const UPPER_START = /^\p{Lu}/u;
const P_RE_2 = /^\p{Lu}[\p{L}\p{M}'’-]+$/u;
const P_RE_3 = /^[Bb]y\s+\p{Lu}/u;

// Capitalised function words: a line made of them is a sentence fragment, not a name.
const NOT_NAME = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'it', 'he', 'she', 'we', 'they', 'in', 'on', 'at', 'of', 'and',
  'for', 'to', 'with', 'from', 'end', 'more', 'read', 'share', 'tags', 'source', 'photo', 'comments', 'advertisement', 'related', 'update']);
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}\p{M}'’-]*|\p{Lu}\.(?:\p{Lu}\.)*|(?:al|el|bin|ibn|abu|bint|de|da|di|van|von|der|den|la|le|du|dos)(?:-\p{L}[\p{L}\p{M}'’-]*)?)$/u;

/**
 * True for a stand-alone credit line: one to four names (initials and particles allowed) separated by
 * spaces or slashes, no digits, no final punctuation. A last body sentence fails (it ends with punctuation or is long).
 */
export function isBylineShape(line: string): boolean {
  if (line.length === 0 || line.length > 60 || /\d/.test(line)) return false;
  if (/[.!?,;:…"“”'’)\]]$/.test(line)) return false;
  const body = line.replace(/^by\s+/i, '');
  const tokens = body.split(/\s*\/\s*|\s+[-–—]\s+|\s+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 8) return false;
  if (!UPPER_START.test(body)) return false;
  let names = 0;
  for (const t of tokens) {
    if (!NAME_TOKEN.test(t)) return false;
    if (NOT_NAME.has(t.toLowerCase())) return false;
    if (P_RE_2.test(t)) names++;
  }
  return names >= 1;
}

/** "By Jane Doe" above the story: a byline that announces itself. */
export function isHeaderByline(line: string): boolean {
  return P_RE_3.test(line) && isBylineShape(line);
}
