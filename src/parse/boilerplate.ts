// Site furniture that is not article text: breadcrumbs, credit/"Updated:" headers, captions, share widgets, related-story tails.
import { creditAgency, knownAgency } from './agency.ts';
import { findFullDate, isDateOnlyLine } from './dates.ts';

// Every classifier rejects long lines first: furniture is short, and this keeps a 1 MB paragraph linear.
const MAX_FURNITURE = 160;

/** "Home / World / Middle East", "News › Politics › Syria": short segments joined by path separators. */
export function isBreadcrumb(line: string): boolean {
  if (line.length > MAX_FURNITURE) return false;
  const segments = line.split(/\s+[/›»>|]\s+|\s*[›»]\s*/);
  if (segments.length < 2) return false;
  if (segments.some((s) => !s || s.split(/\s+/).length > 5 || /[.!?,;:]$/.test(s))) return false;
  return /^home$/i.test(segments[0]!) || segments.length >= 3;
}

const HEADER_PREFIX = /^(?:last\s+)?(?:updated|published|posted|modified|date|time|created)(?:\s+(?:on|at))?\s*[:|-]/i;
const HEADER_WORD = /^(?:last\s+)?(?:updated|published|posted|modified|created)\b/i;
const BANNER = new Set(['home', 'menu', 'search', 'skip to content', 'skip to main content', 'advertisement', 'subscribe', 'login',
  'log in', 'sign in', 'register', 'breaking news', 'latest news', 'top stories', 'main menu', 'toggle navigation', 'close']);

/** Header lines around the headline that carry no article text: "Updated:" / credit lines, dates, banners, breadcrumbs. */
export function isHeaderFurniture(line: string): boolean {
  if (line.length > MAX_FURNITURE) return false;
  if (isBreadcrumb(line) || isDateOnlyLine(line) || BANNER.has(line.toLowerCase())) return true;
  if (HEADER_PREFIX.test(line) || (HEADER_WORD.test(line) && findFullDate(line)) || /\|\s*(?:last\s+)?(?:updated|published|posted)\b/i.test(line)) return true;
  // "Xinhua | 2013-03-19", a bare agency name, or "Source: AFP" above the story.
  if (knownAgency(line)) return true;
  if (line.includes('|') && (creditAgency(line) || findFullDate(line))) return true;
  return isWidgetLine(line);
}

const TAIL_MARKER = /^(?:check also|you (?:might|may) (?:also )?like|most (?:viewed|read|popular|shared)(?: in (?:the )?(?:last )?\d+ hours| this week| today)?|related(?: (?:articles?|posts?|news|stories|content|coverage|topics))?|read (?:more|next)|more (?:stories|news|from [\p{L} ]{1,30})|recommended(?: for you| stories| articles)?|leave a (?:reply|comment)|post navigation|trending(?: now| stories)?|popular (?:posts|stories|articles)|latest (?:news|posts|stories)|(?:\d+ )?comments?|also read|see also|don'?t miss|in case you missed it|editor'?s picks?)\s*:?$/iu;

/** A heading that opens the end-of-page block of teasers and widgets: every line after it is furniture. */
export function isTailMarker(line: string): boolean {
  return line.length <= 60 && TAIL_MARKER.test(line);
}

const WIDGET = /^(?:share|tweet|email|e-mail|print|facebook|twitter|whatsapp|telegram|linkedin|pinterest|reddit|vk|google\+|pin it|like|reply|share this(?: article| story)?|like this|loading|loading\.\.\.|advertisement|sponsored|share on (?:facebook|twitter|whatsapp|linkedin|telegram)|click to (?:share|print|email)[^.]{0,60})\s*:?$/i;
const WIDGET_PREFIX = /^(?:your email address will not be published|required fields are marked|source\s*:|sources\s*:|tags\s*:|filed under\s*:|topics\s*:|photo\s*:|image\s*:|photo credit\s*:|read also\s*:|read more\s*:|see also\s*:|related\s*:|follow us on\b|subscribe to our\b)/i;

/** Share/comment widgets, "Source: …" and "Tags: …" lines: furniture wherever they appear. */
export function isWidgetLine(line: string): boolean {
  if (line.length > MAX_FURNITURE) return false;
  return WIDGET.test(line) || WIDGET_PREFIX.test(line);
}

/** Caption-looking lines: photo credits and "file photo" labels. */
export function isCaptionLine(line: string): boolean {
  if (line.length > MAX_FURNITURE) return false;
  return /^\(?(?:file )?(?:photo|image|picture|video)\b.{0,80}$|\b(?:file|representational|archive|illustrative)\s+(?:photo|image|picture)\.?\)?$|^\(?(?:photo|image)\s*(?:credit)?\s*:/i.test(line);
}

/** A short single line that could be a caption: no more than 20 words. */
export function isShortLine(line: string): boolean {
  return line.length <= MAX_FURNITURE && line.split(/\s+/).length <= 20;
}
