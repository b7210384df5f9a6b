import { describe, expect, it } from 'vitest';
import { DomainError, ValidationError } from '../errors.js';
import { createBusinessCalendar } from './business-calendar.js';

const day = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

/** Berlin, Monday–Friday with a lunch break, Saturday mornings, a holiday and a worked Sunday. */
const berlin = createBusinessCalendar({
  name: 'berlin',
  zone: 'Europe/Berlin',
  range: { from: '2026-03-01', to: '2026-04-30' },
  weekly: {
    monday: day,
    tuesday: day,
    wednesday: day,
    thursday: day,
    friday: day,
    saturday: [{ start: '09:00', end: '12:00' }],
  },
  holidays: [
    { date: '2026-04-03', name: 'Karfreitag' },
    { from: '2026-04-06', to: '2026-04-06', name: 'Ostermontag' },
  ],
  workdays: [{ date: '2026-03-22' }, { date: '2026-03-25', hours: [{ start: '09:00', end: '13:00' }] }],
});

const iso = (date: Date) => date.toISOString();

describe('createBusinessCalendar', () => {
  it('resolves each day: weekly hours, holidays, make-up days and special hours', () => {
    expect(berlin.isWorkingDay('2026-03-23')).toBe(true); // Monday
    expect(berlin.isWorkingDay('2026-03-21')).toBe(true); // Saturday morning
    expect(berlin.isWorkingDay('2026-03-29')).toBe(false); // Sunday
    expect(berlin.isWorkingDay('2026-03-22')).toBe(true); // a worked Sunday
    expect(berlin.isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(berlin.workingIntervalsOn('2026-03-22').map(({ start, end }) => [iso(start), iso(end)])).toEqual([
      ['2026-03-22T08:00:00.000Z', '2026-03-22T11:00:00.000Z'],
      ['2026-03-22T12:00:00.000Z', '2026-03-22T17:00:00.000Z'],
    ]);
    expect(berlin.workingIntervalsOn('2026-03-25').map(({ start, end }) => [iso(start), iso(end)])).toEqual([
      ['2026-03-25T08:00:00.000Z', '2026-03-25T12:00:00.000Z'],
    ]);
  });

  it('follows the zone across daylight saving (CET -> CEST on 2026-03-29)', () => {
    expect(iso(berlin.workingIntervalsOn('2026-03-27')[0]?.start as Date)).toBe('2026-03-27T08:00:00.000Z');
    expect(iso(berlin.workingIntervalsOn('2026-03-30')[0]?.start as Date)).toBe('2026-03-30T07:00:00.000Z');
    // Friday 17:00 CET + 2 working hours: 1 h on Friday, Saturday 09:00-10:00 CET.
    expect(iso(berlin.addBusinessTime('2026-03-27T17:00:00+01:00', { hours: 2 }))).toBe(
      '2026-03-28T09:00:00.000Z',
    );
    // Saturday 11:00 CET + 2 h: 1 h Saturday, Sunday off, Monday 09:00-10:00 CEST.
    expect(iso(berlin.addBusinessTime('2026-03-28T11:00:00+01:00', { hours: 2 }))).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });

  it('adds working minutes across the lunch break and closes on the closing instant', () => {
    expect(iso(berlin.addBusinessTime('2026-03-23T11:30:00+01:00', 60))).toBe('2026-03-23T12:30:00.000Z'); // 13:30 local
    expect(iso(berlin.addBusinessTime('2026-03-23T09:00:00+01:00', { hours: 8 }))).toBe(
      '2026-03-23T17:00:00.000Z',
    ); // 18:00
    expect(iso(berlin.addBusinessTime('2026-03-23T12:15:00+01:00', 1))).toBe('2026-03-23T12:01:00.000Z'); // from lunch: 13:01
    expect(iso(berlin.addBusinessTime('2026-03-23T10:00:00+01:00', 0))).toBe('2026-03-23T09:00:00.000Z');
  });

  it('measures working time between instants, signed', () => {
    expect(berlin.businessTimeBetween('2026-03-23T08:00:00+01:00', '2026-03-24T08:00:00+01:00')).toBe(480);
    expect(
      berlin.businessTimeBetween('2026-03-23T11:00:00+01:00', '2026-03-23T14:00:00+01:00', 'hours'),
    ).toBe(2);
    expect(
      berlin.businessTimeBetween('2026-03-23T14:00:00+01:00', '2026-03-23T11:00:00+01:00', 'hours'),
    ).toBe(-2);
    expect(berlin.businessTimeBetween('2026-04-03T10:00:00+02:00', '2026-04-03T11:00:00+02:00')).toBe(0); // holiday
    expect(
      berlin.businessTimeBetween('2026-03-23T09:00:00+01:00', '2026-03-23T09:00:01+01:00', 'milliseconds'),
    ).toBe(1000);
  });

  it('adds working days at the same place in the working day', () => {
    // Thursday 2026-04-02 10:00 + 1 working day: Good Friday off, Saturday morning works -> Saturday 10:00.
    expect(iso(berlin.addBusinessTime('2026-04-02T10:00:00+02:00', { days: 1 }))).toBe(
      '2026-04-04T08:00:00.000Z',
    );
    // Thursday 16:00 (6 working hours in) + 1 day: Saturday has only 3 hours -> its close, 12:00.
    expect(iso(berlin.addBusinessTime('2026-04-02T16:00:00+02:00', { days: 1 }))).toBe(
      '2026-04-04T10:00:00.000Z',
    );
    // From a day off the clock starts at the end of the previous working day: Sunday + 1 day = Tuesday close.
    expect(iso(berlin.addBusinessTime('2026-04-05T10:00:00+02:00', { days: 1 }))).toBe(
      '2026-04-07T16:00:00.000Z',
    );
    // Days, then hours.
    expect(iso(berlin.addBusinessTime('2026-03-23T17:00:00+01:00', { days: 1, hours: 2 }))).toBe(
      '2026-03-25T09:00:00.000Z',
    );
  });

  it('counts and steps working days on dates', () => {
    expect(berlin.workingDaysBetween('2026-04-01', '2026-04-07')).toBe(4); // Wed, Thu, Sat, Tue
    expect(berlin.addWorkingDays('2026-04-02', 1)).toBe('2026-04-04');
    expect(berlin.addWorkingDays('2026-04-05', 0)).toBe('2026-04-07');
    expect(berlin.addWorkingDays('2026-04-05', 1)).toBe('2026-04-07');
    expect(berlin.addWorkingDays('2026-04-07', 0)).toBe('2026-04-07');
    expect(berlin.addWorkingDays('2026-04-07', 2)).toBe('2026-04-09');
  });

  it('finds the next working time', () => {
    expect(iso(berlin.nextWorkingTime('2026-03-23T10:00:00+01:00'))).toBe('2026-03-23T09:00:00.000Z');
    expect(iso(berlin.nextWorkingTime('2026-03-23T12:30:00+01:00'))).toBe('2026-03-23T12:00:00.000Z');
    expect(iso(berlin.nextWorkingTime('2026-04-02T18:00:00+02:00'))).toBe('2026-04-04T07:00:00.000Z');
    expect(berlin.isWorkingTime('2026-03-23T18:00:00+01:00')).toBe(false);
    expect(berlin.isWorkingTime('2026-03-23T17:59:59+01:00')).toBe(true);
  });

  it('throws CALENDAR_OUT_OF_RANGE outside the loaded dates, never a guess', () => {
    const codes = [
      () => berlin.isWorkingDay('2026-05-01'),
      () => berlin.isWorkingDay('2026-02-28'),
      () => berlin.isWorkingTime('2026-02-28T22:59:59Z'),
      () => berlin.addBusinessTime('2026-04-30T10:00:00+02:00', { days: 1 }),
      () => berlin.addBusinessTime('2026-04-30T10:00:00+02:00', { hours: 8 }),
      () => berlin.nextWorkingTime('2026-04-30T19:00:00+02:00'),
      () => berlin.businessTimeBetween('2026-03-23T10:00:00+01:00', '2026-06-01T10:00:00+02:00'),
    ].map((call) => {
      try {
        call();
        return 'no error';
      } catch (error) {
        return error instanceof DomainError ? error.code : String(error);
      }
    });
    expect(codes).toEqual(Array(7).fill('CALENDAR_OUT_OF_RANGE'));
    // The first instant of the range works as a query.
    expect(berlin.isWorkingTime('2026-02-28T23:00:00Z')).toBe(false);
  });

  it('rejects bad definitions and bad arguments with ValidationError naming the field', () => {
    const bad = (definition: unknown) => {
      try {
        createBusinessCalendar(definition as never);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((issue) => issue.path.join('.'));
      }
    };
    expect(
      bad({ range: { from: '2026-01-01', to: '2026-12-31' }, weekly: {}, zone: 'Mars/Olympus' }),
    ).toEqual(['definition.zone']);
    expect(bad({ range: { from: '2026-02-30', to: '2026-12-31' }, weekly: {} })).toEqual([
      'definition.range.from',
    ]);
    expect(
      bad({
        range: { from: '2026-01-01', to: '2026-12-31' },
        weekly: { monday: [{ start: '18:00', end: '09:00' }] },
      }),
    ).toEqual(['definition.weekly.monday.0.end']);
    expect(
      bad({
        range: { from: '2026-01-01', to: '2026-12-31' },
        weekly: {
          monday: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '18:00' },
          ],
        },
      }),
    ).toEqual(['definition.weekly.monday.1.start']);
    expect(
      bad({
        range: { from: '2026-01-01', to: '2026-12-31' },
        weekly: { monday: day },
        holidays: [{ date: '2026-05-01' }],
        workdays: [{ date: '2026-05-01' }],
      }),
    ).toEqual(['definition.workdays.0.date']);
    expect(
      bad({
        range: { from: '2026-01-01', to: '2026-12-31' },
        weekly: {},
        workdays: [{ date: '2026-05-09' }],
      }),
    ).toEqual(['definition.workdays.0.hours']);
    expect(() => berlin.addBusinessTime('2026-03-23T10:00:00+01:00', -5)).toThrow(ValidationError);
    expect(() => berlin.addBusinessTime('2026-03-23T10:00:00+01:00', { days: 1.5 })).toThrow(ValidationError);
    expect(() => berlin.addBusinessTime('not a date', 5)).toThrow(ValidationError);
    expect(() => berlin.addBusinessTime(new Date(Number.NaN), 5)).toThrow(ValidationError);
    expect(() => berlin.isWorkingDay('2026-02-31')).toThrow(ValidationError);
    expect(() => berlin.addWorkingDays('2026-03-23', -1)).toThrow(ValidationError);
    expect(() => berlin.addBusinessTime('2026-03-23T10:00:00+01:00', { weeks: 1 } as never)).toThrow(
      ValidationError,
    );
  });
});
