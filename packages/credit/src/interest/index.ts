export {
  type AccrualIncrement,
  accrualIncrement,
  accrueInterest,
  type DailyAccrual,
  dailyAccruals,
  exactInterestFor,
  type InterestAccrual,
  interestFor,
  interestMinor,
} from './accrual.js';
export {
  addDays,
  addMonths,
  calendarDate,
  type DateInput,
  DEFAULT_ZONE,
  daysBetween,
  daysFromCivil,
  daysInMonth,
  daysInYear,
  epochDay,
  fromEpochDay,
  type IsoDate,
  isIsoDate,
  isLeapYear,
  isTimeZone,
  parseIsoDate,
} from './calendar-date.js';
export {
  DAY_COUNTS,
  type DayCount,
  type DayCountFraction,
  dayCountFraction,
  daysInBasisYear,
  yearFraction,
} from './day-count.js';
export { type PenaltyInterest, penaltyInterest, penaltyRate } from './penalty-interest.js';
export { type Rational, rationalOf, roundedDiv } from './rational.js';
export * from './schemas.js';
