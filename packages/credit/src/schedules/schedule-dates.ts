import { parseInput, ValidationError } from '@s2b2b/core';
import {
  calendarDate,
  daysFromCivil,
  daysInMonth,
  fromEpochDay,
  type IsoDate,
  parseIsoDate,
} from '../interest/calendar-date.js';

const MAX_DAY = daysFromCivil(9999, 12, 31);

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

import { type Frequency, type ScheduleDatesInput, scheduleDatesInputSchema } from './schemas.js';

/**
 * The due dates of `installments` periods starting on `startDate`, every `frequency` (default
 * monthly). Each date is counted from the start date, not from the previous due date, so monthly
 * dates keep the start's day where the month has it: from 31 January, 29 February (2024), then
 * 31 March, 30 April.
 *
 * @throws ValidationError naming the field (a date past 9999-12-31 on `installments`)
 * @example
 * scheduleDates({ startDate: '2024-01-31', installments: 3 }) // ['2024-02-29', '2024-03-31', '2024-04-30']
 * scheduleDates({ startDate: '2024-01-01', installments: 2, frequency: { unit: 'week', every: 2 } }) // ['2024-01-15', '2024-01-29']
 */
export function scheduleDates(input: ScheduleDatesInput): IsoDate[] {
  const parsed = parseInput(scheduleDatesInputSchema, input);
  return dueDatesFrom(
    calendarDate(parsed.startDate, parsed.zone, 'startDate'),
    parsed.installments,
    parsed.frequency,
  );
}

/**
 * Due dates on parsed input. Internal (not exported from the package).
 *
 * @example
 * dueDatesFrom('2024-01-31', 2, { unit: 'month', every: 1 }) // ['2024-02-29', '2024-03-31']
 */
export function dueDatesFrom(
  start: IsoDate,
  installments: number,
  frequency: Required<Frequency>,
): IsoDate[] {
  const dates: IsoDate[] = [];
  const parts = parseIsoDate(start);
  if (!parts) throw ValidationError.field('startDate', 'Expected an ISO date YYYY-MM-DD', 'invalid_date');
  const anchorDay = daysFromCivil(parts.year, parts.month, parts.day);
  const anchorMonth = parts.year * 12 + parts.month - 1;
  for (let k = 1; k <= installments; k += 1) {
    const step = k * frequency.every;
    if (frequency.unit === 'month') {
      const index = anchorMonth + step;
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      if (year > 9999) break;
      dates.push(isoDate(year, month, Math.min(parts.day, daysInMonth(year, month))));
    } else {
      const day = anchorDay + (frequency.unit === 'week' ? 7 * step : step);
      if (day > MAX_DAY) break;
      dates.push(fromEpochDay(day));
    }
  }
  if (dates.length < installments) {
    throw ValidationError.field('installments', 'The schedule would run past 9999-12-31', 'out_of_range');
  }
  return dates;
}
