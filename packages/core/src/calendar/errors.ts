import { DomainError } from '../errors.js';

/**
 * The code of the error every calendar method throws for a date it has no data for.
 *
 * @example
 * isS2b2bError(error, CALENDAR_OUT_OF_RANGE)
 */
export const CALENDAR_OUT_OF_RANGE = 'CALENDAR_OUT_OF_RANGE';

/**
 * A `DomainError` `CALENDAR_OUT_OF_RANGE`: the calendar was asked about a date (or a result
 * would fall on a date) outside the loaded data. It never guesses Monday-to-Friday.
 *
 * @example
 * throw calendarOutOfRange('china', '2027-01-04', { from: '2024-01-01', to: '2026-12-31' })
 */
export function calendarOutOfRange(
  calendar: string,
  what: string,
  range: { from: string; to: string },
): DomainError {
  return new DomainError(
    CALENDAR_OUT_OF_RANGE,
    `Calendar ${calendar} has data from ${range.from} to ${range.to} only; ${what} is outside it. Load the missing years.`,
    { calendar, what, from: range.from, to: range.to },
  );
}
