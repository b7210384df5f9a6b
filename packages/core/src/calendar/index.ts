/**
 * Business calendars: working hours per weekday in an IANA zone, holidays and make-up working
 * days, with O(log n) deadline arithmetic; the bundled mainland-China calendar.
 */
export { type BusinessCalendar, type BusinessTimeUnit, createBusinessCalendar } from './business-calendar.js';
export { type ChinaCalendarOptions, chinaCalendar, chinaCalendarOptionsSchema } from './china-calendar.js';
export { CHINA_HOLIDAYS, type ChinaHolidayYear, chinaHolidayYearSchema } from './china-holidays.js';
export { CALENDAR_OUT_OF_RANGE, calendarOutOfRange } from './errors.js';
export { WEEKDAYS, type Weekday } from './local-date.js';
export {
  type BusinessCalendarDefinition,
  type BusinessDuration,
  businessCalendarDefinitionSchema,
  businessDurationSchema,
  dayHoursSchema,
  holidaySchema,
  type InstantInput,
  instantSchema,
  localDateSchema,
  type ParsedBusinessCalendarDefinition,
  timeOfDaySchema,
  timeZoneSchema,
  type WeeklyHours,
  type WorkingInterval,
  weeklyHoursSchema,
  workdaySchema,
  workingIntervalSchema,
} from './schemas.js';
