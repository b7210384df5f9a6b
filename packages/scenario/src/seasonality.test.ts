import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayInfo, dayOfDate, scenarioDays } from './calendar.js';
import {
  growthFactor,
  lifecycleFactor,
  restFactor,
  shoppingFestivalFactor,
  springFestivalFactor,
  yearlyFactor,
} from './seasonality.js';
import { VERTICALS, verticalOf } from './verticals.js';

const on = (date: string) => dayInfo(dayOfDate(date));

describe('the demand multipliers', () => {
  it('grow 30 % a year', () => {
    expect(growthFactor(0)).toBe(1);
    expect(growthFactor(365)).toBeCloseTo(1.3, 12);
    expect(growthFactor(730)).toBeCloseTo(1.69, 12);
  });

  it('follow a yearly cosine with a floor', () => {
    expect(yearlyFactor(350, 350, 0.6)).toBeCloseTo(1.6, 12);
    expect(yearlyFactor(350 - 182.625, 350, 0.6)).toBeCloseTo(0.4, 12);
    expect(yearlyFactor(167, 350, 0.95)).toBe(0.15);
  });

  it('slow down on rest days by vertical, but not on make-up working days', () => {
    const industrial = verticalOf('industrial').traits;
    expect(restFactor(on('2025-11-16'), industrial)).toBe(0.3);
    expect(restFactor(on('2026-02-14'), industrial)).toBe(1);
    expect(restFactor(on('2026-02-17'), industrial)).toBe(1); // the Spring Festival has its own curve
    expect(restFactor(on('2025-10-03'), verticalOf('apparel').traits)).toBe(0.75);
  });

  it('stock up before the Spring Festival, stop during it and recover after it', () => {
    expect(springFestivalFactor(on('2026-02-14'), 'fresh')).toBeCloseTo(1 + 0.6 * (14 / 14), 12);
    expect(springFestivalFactor(on('2026-02-01'), 'fresh')).toBeCloseTo(1 + 0.6 * (1 / 14), 12);
    expect(springFestivalFactor(on('2026-02-17'), 'industrial')).toBe(0.08);
    expect(springFestivalFactor(on('2026-02-17'), 'apparel')).toBe(0.35);
    expect(springFestivalFactor(on('2026-02-24'), 'industrial')).toBeCloseTo(0.55, 12);
    expect(springFestivalFactor(on('2026-03-05'), 'industrial')).toBe(1);
  });

  it('peak on June 18 and November 11', () => {
    expect(shoppingFestivalFactor(on('2025-11-11'), 'apparel')).toBeCloseTo(3.2, 12);
    expect(shoppingFestivalFactor(on('2025-11-09'), 'apparel')).toBeCloseTo(1 + 2.2 * Math.exp(-1), 12);
    expect(shoppingFestivalFactor(on('2025-11-12'), 'fresh')).toBe(0.8);
    expect(shoppingFestivalFactor(on('2025-10-25'), 'industrial')).toBeCloseTo(1.05, 12);
    expect(shoppingFestivalFactor(on('2026-06-18'), 'fresh')).toBeCloseTo(1.4, 12);
    expect(shoppingFestivalFactor(on('2026-06-20'), 'fresh')).toBe(0.85);
    expect(shoppingFestivalFactor(on('2026-07-01'), 'apparel')).toBe(1);
  });

  it('give a fashion item its rise and fall', () => {
    expect(lifecycleFactor(400, { peakDay: 400, widthDays: 90 })).toBe(2);
    expect(lifecycleFactor(490, { peakDay: 400, widthDays: 90 })).toBeCloseTo(
      0.35 + 1.65 * Math.exp(-0.5),
      12,
    );
  });

  it('stay positive and finite on every day of the scenario, for every vertical', () => {
    const days = scenarioDays();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: days.length - 1 }),
        fc.constantFrom(...VERTICALS),
        fc.integer({ min: 1, max: 366 }),
        (d, vertical, peak) => {
          const info = days[d]!;
          const m =
            growthFactor(d) *
            restFactor(info, vertical.traits) *
            springFestivalFactor(info, vertical.id) *
            shoppingFestivalFactor(info, vertical.id) *
            yearlyFactor(info.dayOfYear, peak, vertical.traits.seasonality);
          expect(Number.isFinite(m)).toBe(true);
          expect(m).toBeGreaterThan(0);
          expect(m).toBeLessThan(10);
        },
      ),
    );
  });
});
