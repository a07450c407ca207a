// Public API of the dates module: publication date choice, weekday resolution, page formatting.
export { choosePublicationDate, type ChosenDate, type DateSources } from './choose.ts';
export { parseDateValue, type DateParse } from './parse-date.ts';
export { findWeekdayCue, resolveWeekday } from './weekday.ts';
export { formatLongDate, formatMonthYear, formatShortDate, isoDay } from './format.ts';
export { isValidTimeZone } from './timezone.ts';
