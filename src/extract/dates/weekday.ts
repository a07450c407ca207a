// Relative weekdays in reported speech ("said Tuesday") → the calendar date, given the publication date.

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

// Global for matchAll, which copies it (lastIndex never carries over between calls).
const WEEKDAY_NAME = /(?<![\p{L}])(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)(?![\p{L}])/gu;
// Named days that are not the day of the week it happened ("Good Friday", "Black Monday"), and forward references.
const NOT_A_DAY_BEFORE = /\b(?:good|black|holy|ash|maundy|cyber|super|palm|easter|fat|blue|bloody|next|coming|every|each)\s+$/i;

/**
 * The weekday a sentence dates its event by, lower-case ("tuesday"), or null. "on Tuesday", "said Tuesday",
 * "Tuesday's meeting" count; "Good Friday" and "next Tuesday" do not.
 */
export function findWeekdayCue(sentence: string): string | null {
  // Every weekday name ends in "day": most sentences are settled without the regex.
  if (!sentence.includes('day')) return null;
  for (const m of sentence.matchAll(WEEKDAY_NAME)) {
    if (NOT_A_DAY_BEFORE.test(sentence.slice(0, m.index))) continue;
    return m[1]!.toLowerCase();
  }
  return null;
}

/**
 * The most recent `weekday` on or before the publication date (YYYY-MM-DD or a timestamp, whose
 * wall-clock date is used), as YYYY-MM-DD; null when either input is unusable.
 */
export function resolveWeekday(weekday: string, publicationDate: string): string | null {
  const target = WEEKDAYS.indexOf(weekday.trim().toLowerCase());
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publicationDate ?? '');
  if (target < 0 || !m) return null;
  // Noon local time keeps date arithmetic clear of DST edges on the host.
  const pub = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  if (pub.getDate() !== Number(m[3])) return null;
  const back = (pub.getDay() - target + 7) % 7;
  // By hand, as date-fns' addDays + format(…, 'yyyy-MM-dd') did it (local calendar; years here are 100-9999).
  pub.setDate(pub.getDate() - back);
  return `${String(pub.getFullYear()).padStart(4, '0')}-${String(pub.getMonth() + 1).padStart(2, '0')}-${String(pub.getDate()).padStart(2, '0')}`;
}
