import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { salesTrend } from './sales-trend.js';

// Hand-made sales in Shanghai time.
const sales = [
  { at: '2025-02-10', amount: '80.00' },
  { at: '2026-01-15', amount: '100.00', orderId: 'SO-1', quantity: 2 },
  { at: '2026-01-20', amount: '50.50', orderId: 'SO-1', quantity: 1 },
  { at: '2026-02-03T23:30:00+08:00', amount: '120.00', orderId: 'SO-2', quantity: 4 },
  { at: '2026-02-28T16:30:00Z', amount: 10, quantity: 1 }, // 00:30 on 1 March in Shanghai
];

describe('salesTrend', () => {
  it('by month: revenue, orders, change, year-over-year and a 2-month moving average, by hand', () => {
    const trend = salesTrend(sales, { grain: 'month', from: '2026-01-01', movingAverage: 2 });
    expect(trend.periods.map((p) => [p.period, p.revenue, p.orders, p.quantity])).toEqual([
      ['2026-01', '150.50', 1, 3],
      ['2026-02', '120.00', 1, 4],
      ['2026-03', '10.00', 1, 1],
    ]);
    expect(trend.periods[0]!.start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    // January against December 2025 (no sales: 0) → no percentage.
    expect(trend.periods[0]!.change).toEqual({ previous: '0.00', absolute: '150.50', percent: null });
    // February: (120 − 150.50) / 150.50 = −20.27 %; a year earlier 80.00 → +50 %.
    expect(trend.periods[1]!.change).toEqual({ previous: '150.50', absolute: '-30.50', percent: -20.27 });
    expect(trend.periods[1]!.yearOverYear).toEqual({ previous: '80.00', absolute: '40.00', percent: 50 });
    // January 2025 is before the first sale: nothing to compare with.
    expect(trend.periods[0]!.yearOverYear).toBeNull();
    // (0 + 150.50)/2, (150.50 + 120)/2, (120 + 10)/2
    expect(trend.periods.map((p) => p.movingAverage)).toEqual(['75.25', '135.25', '65.00']);
    expect(trend.total).toEqual({ revenue: '280.50', orders: 3, quantity: 8 });
  });

  it('by ISO week, gaps filled with zeros, weeks starting Monday 00:00 in the zone', () => {
    const trend = salesTrend(sales, { grain: 'week', from: '2026-01-12', to: '2026-02-08' });
    expect(trend.periods.map((p) => [p.period, p.revenue, p.start.toISOString()])).toEqual([
      ['2026-W03', '100.00', '2026-01-11T16:00:00.000Z'],
      ['2026-W04', '50.50', '2026-01-18T16:00:00.000Z'],
      ['2026-W05', '0.00', '2026-01-25T16:00:00.000Z'],
      ['2026-W06', '120.00', '2026-02-01T16:00:00.000Z'],
    ]);
    expect(trend.periods[3]!.change?.percent).toBeNull();
  });

  it('by day: the sale at 16:30 UTC on 28 February is on 1 March in Shanghai', () => {
    const utc = salesTrend(sales, { grain: 'day', zone: 'UTC', from: '2026-02-28', to: '2026-03-01' });
    expect(utc.periods.map((p) => [p.period, p.revenue])).toEqual([
      ['2026-02-28', '10.00'],
      ['2026-03-01', '0.00'],
    ]);
    const shanghai = salesTrend(sales, { grain: 'day', from: '2026-02-28', to: '2026-03-01' });
    expect(shanghai.periods.map((p) => [p.period, p.revenue])).toEqual([
      ['2026-02-28', '0.00'],
      ['2026-03-01', '10.00'],
    ]);
  });

  it('compares a 53-week year with nothing, and 29 February with nothing', () => {
    const leap = salesTrend(
      [
        { at: '2023-03-01', amount: 1 },
        { at: '2024-02-29', amount: 5 },
      ],
      { grain: 'day', from: '2024-02-29', to: '2024-02-29' },
    );
    expect(leap.periods[0]!.yearOverYear).toBeNull();
    const weeks = salesTrend(
      [
        { at: '2020-12-30', amount: 5 }, // 2020-W53
        { at: '2019-12-25', amount: 5 },
      ],
      { grain: 'week', from: '2020-12-28', to: '2020-12-28' },
    );
    expect(weeks.periods[0]!.period).toBe('2020-W53');
    expect(weeks.periods[0]!.yearOverYear).toBeNull();
  });

  it('refuses from after to and bad rows', () => {
    expect(() => salesTrend(sales, { grain: 'day', from: '2026-03-02', to: '2026-03-01' })).toThrow(
      ValidationError,
    );
    expect(() => salesTrend([{ at: 'yesterday', amount: 1 }], { grain: 'day' })).toThrow(ValidationError);
    expect(salesTrend([], { grain: 'month' }).periods).toEqual([]);
  });
});
