// Public API of the dates module: publication date choice and weekday resolution (pages format with src/render/format.ts).
export { choosePublicationDate, type ChosenDate, type DateSources } from './choose.ts';
export { parseDateValue, type DateParse } from './parse-date.ts';
export { findWeekdayCue, resolveWeekday } from './weekday.ts';
export { isValidTimeZone } from './timezone.ts';
