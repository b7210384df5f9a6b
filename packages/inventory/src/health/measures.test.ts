import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/helpers.js';
import { averageDailyDemand, daysOfCover } from './days-of-cover.js';
import { daysSinceLastSale } from './days-since-last-sale.js';
import { sellThrough, sellThroughOfReceived } from './sell-through.js';
import { averageInventory, daysOfInventory, inventoryTurnover } from './turnover.js';

describe('stock measures', () => {
  it('days of cover never divides by zero', () => {
    expect(daysOfCover(120, 4)).toBe(30);
    expect(daysOfCover(120, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(daysOfCover(0, 0)).toBe(0);
    expect(averageDailyDemand(360, 90)).toBe(4);
    expect(thrown(() => daysOfCover(-1, 2)).issues?.[0]?.path).toEqual(['onHand']);
    expect(thrown(() => averageDailyDemand(1, 0)).issues?.[0]?.path).toEqual(['periodDays']);
  });

  it('sell-through: sold over available (65 %), and sold over received', () => {
    expect(sellThrough(650_000, 350_000)).toBe(0.65);
    expect(sellThroughOfReceived(650_000, 1_000_000)).toBe(0.65);
    expect(sellThrough(0, 0)).toBeNull();
    expect(sellThroughOfReceived(5, 0)).toBeNull();
    expect(sellThrough(0, 10)).toBe(0);
  });

  it('turnover and days of inventory', () => {
    expect(averageInventory([100, 300])).toBe(200);
    expect(inventoryTurnover(1_200_000, 200_000)).toBe(6);
    expect(daysOfInventory(200_000, 1_200_000)).toBeCloseTo(365 / 6, 12);
    expect(daysOfInventory(50, 150, 90)).toBe(30);
    expect(inventoryTurnover(10, 0)).toBeNull();
    expect(daysOfInventory(0, 0)).toBe(0);
    expect(daysOfInventory(10, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(thrown(() => averageInventory([])).issues?.[0]?.path).toEqual(['levels']);
    expect(thrown(() => averageInventory([1, Number.NaN])).issues?.[0]?.path).toEqual(['levels.1']);
  });

  it('days since the last sale, floored; null when it never sold', () => {
    expect(daysSinceLastSale('2026-01-01T00:00:00Z', '2026-03-01T12:00:00Z')).toBe(59);
    expect(daysSinceLastSale(null, '2026-03-01')).toBeNull();
    expect(thrown(() => daysSinceLastSale('2026-04-01', '2026-03-01')).code).toBe('VALIDATION');
    expect(thrown(() => daysSinceLastSale('2026-01-01', 'yesterday')).issues?.[0]?.path).toEqual(['asOf']);
  });
});
