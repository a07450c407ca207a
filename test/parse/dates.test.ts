import { describe, expect, it } from 'vitest';
import { findFullDate, isDateOnlyLine } from '../../src/parse/dates.ts';

describe('findFullDate', () => {
  it('ISO date in an "Updated:" line', () => expect(findFullDate('Updated: 2014-05-06 09:30')).toBe('2014-05-06'));
  it('month name, day, year', () => expect(findFullDate('Posted on April 7, 1988 by staff')).toBe('1988-04-07'));
  it('abbreviated month in a dateline', () => expect(findFullDate('Isfahan, Jan 4, 2016, IRNA')).toBe('2016-01-04'));
  it('day, month, year', () => expect(findFullDate('Tuesday 6 May 2014')).toBe('2014-05-06'));
  it('a date without a year is not a full date', () => expect(findFullDate('LISBON, Feb 3 -')).toBeNull());
  it('weekdays alone are not dates', () => expect(findFullDate('The talks resume on Thursday.')).toBeNull());
  it('impossible dates are rejected', () => expect(findFullDate('2014-02-30')).toBeNull());
  it('date-only lines', () => {
    expect(isDateOnlyLine('Tuesday, 6 May 2014 09:30')).toBe(true);
    expect(isDateOnlyLine('The port reopened on 6 May 2014.')).toBe(false);
  });
});
