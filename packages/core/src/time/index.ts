/**
 * Calendar days in a zone for analytics over many instants: day numbers (days since 1970-01-01)
 * by integer arithmetic, a cached instant-to-local-day function, and the date inputs reports
 * accept (a `Date`, `YYYY-MM-DD`, or an ISO date-time with an offset).
 */
export {
  civilDate,
  DEFAULT_ZONE,
  dayNumber,
  formatDay,
  isTimeZone,
  localDayOf,
  parseDay,
  toDay,
} from './civil-day.js';
export { type DateInput, dateInputSchema, isDateInput, zoneSchema } from './date-input.js';
