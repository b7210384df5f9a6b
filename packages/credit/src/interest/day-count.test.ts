import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { addDays, fromEpochDay } from './calendar-date.js';
import { DAY_COUNTS, type DayCount, dayCountFraction, daysInBasisYear, yearFraction } from './day-count.js';

const frac = (start: string, end: string, dc: DayCount) => {
  const f = dayCountFraction(start, end, dc);
  return [f.days, f.numerator, f.denominator];
};

describe('dayCountFraction', () => {
  it('ACT/365 (Fixed): actual days over 365, also in a leap year', () => {
    expect(frac('2024-02-01', '2024-03-01', 'ACT/365')).toEqual([29, 29, 365]);
    expect(frac('2023-02-01', '2023-03-01', 'ACT/365')).toEqual([28, 28, 365]);
    expect(frac('2024-01-01', '2025-01-01', 'ACT/365')).toEqual([366, 366, 365]);
    expect(frac('2023-12-20', '2024-01-10', 'ACT/365')).toEqual([21, 21, 365]);
  });

  it('ACT/360 and ACT/364: actual days over 360 / 364', () => {
    expect(frac('2024-01-01', '2024-12-31', 'ACT/360')).toEqual([365, 365, 360]);
    expect(frac('2024-02-28', '2024-03-01', 'ACT/360')).toEqual([2, 2, 360]);
    expect(frac('2024-01-01', '2024-01-08', 'ACT/364')).toEqual([7, 7, 364]);
  });

  it('30/360 Bond Basis: D1 31 → 30; D2 31 → 30 only when D1 is 30 or 31; February untouched', () => {
    expect(frac('2024-01-31', '2024-02-29', '30/360')).toEqual([29, 29, 360]);
    expect(frac('2024-01-30', '2024-03-31', '30/360')).toEqual([60, 60, 360]);
    expect(frac('2024-02-29', '2024-03-31', '30/360')).toEqual([32, 32, 360]);
    expect(frac('2024-02-28', '2024-03-31', '30/360')).toEqual([33, 33, 360]);
    expect(frac('2023-12-31', '2024-01-31', '30/360')).toEqual([30, 30, 360]);
    expect(frac('2024-01-15', '2024-07-15', '30/360')).toEqual([180, 180, 360]);
    expect(frac('2024-01-01', '2025-01-01', '30/360')).toEqual([360, 360, 360]);
  });

  it('30E/360 Eurobond: both 31sts become 30', () => {
    expect(frac('2024-02-29', '2024-03-31', '30E/360')).toEqual([31, 31, 360]);
    expect(frac('2024-01-31', '2024-03-31', '30E/360')).toEqual([60, 60, 360]);
    expect(frac('2024-02-28', '2024-03-31', '30E/360')).toEqual([32, 32, 360]);
  });

  it('ACT/ACT (ISDA): split at each 1 January, leap-year days over 366', () => {
    // 2023-12-15 → 2024-01-15: 17 days of 2023 and 14 of 2024.
    expect(frac('2023-12-15', '2024-01-15', 'ACT/ACT')).toEqual([31, 17 * 366 + 14 * 365, 365 * 366]);
    expect(yearFraction('2024-01-01', '2025-01-01', 'ACT/ACT').toString()).toBe('1');
    expect(yearFraction('2025-01-01', '2026-01-01', 'ACT/ACT').toString()).toBe('1');
    // Two whole years spanning a leap year: (184 + 181)/365 + 366/366.
    expect(yearFraction('2023-07-01', '2025-07-01', 'ACT/ACT').toString()).toBe('2');
    expect(frac('2024-12-31', '2025-01-01', 'ACT/ACT')).toEqual([1, 365, 133_590]); // 1/366
    expect(frac('2025-12-31', '2026-01-01', 'ACT/ACT')).toEqual([1, 366, 133_590]); // 1/365
    expect(frac('2024-02-28', '2024-03-01', 'ACT/ACT')).toEqual([2, 2 * 365, 133_590]);
  });

  it("reproduces Fineract's published monthly rate factors (9.4822 %, periods from 2024-01-01)", () => {
    // apache/fineract fineract-progressive-loan/src/test/java/org/apache/fineract/portfolio/loanproduct/calc/
    // ProgressiveEMICalculatorTest.java: test_rateFactorByRepaymentEveryMonthMethod_DayInYear365_DaysInMonthActual
    // and ..._DayInYearActual_DaysInMonthActual (12 decimals, half-even).
    const months = [
      '2024-01-01',
      '2024-02-01',
      '2024-03-01',
      '2024-04-01',
      '2024-05-01',
      '2024-06-01',
      '2024-07-01',
    ];
    const factors = (dc: DayCount) =>
      months.slice(1).map((end, i) => yearFraction(months[i]!, end, dc).times('0.094822').toFixed(12));
    expect(factors('ACT/365')).toEqual([
      '0.008053375342',
      '0.007533802740',
      '0.008053375342',
      '0.007793589041',
      '0.008053375342',
      '0.007793589041',
    ]);
    expect(factors('ACT/ACT')).toEqual([
      '0.008031371585',
      '0.007513218579',
      '0.008031371585',
      '0.007772295082',
      '0.008031371585',
      '0.007772295082',
    ]);
  });

  it('an empty period is zero; the basis year', () => {
    for (const dc of DAY_COUNTS) expect(dayCountFraction('2024-05-05', '2024-05-05', dc).numerator).toBe(0);
    expect(daysInBasisYear('ACT/ACT', '2024-06-30')).toBe(366);
    expect(daysInBasisYear('ACT/ACT', '2025-06-30')).toBe(365);
    expect(daysInBasisYear('30/360', '2025-06-30')).toBe(360);
    expect(daysInBasisYear('ACT/365', '2024-06-30')).toBe(365);
  });

  it('rejects a reversed period, a bad date or an unknown convention, naming the field', () => {
    expect(issuePaths(() => dayCountFraction('2024-02-01', '2024-01-01', 'ACT/365'))).toEqual(['end']);
    expect(issuePaths(() => dayCountFraction('2024-02-30', '2024-03-01', 'ACT/365'))).toEqual(['start']);
    expect(issuePaths(() => dayCountFraction('2024-01-01', '2024-03-01', 'ACT/366' as DayCount))).toEqual([
      'dayCount',
    ]);
  });

  const day = fc.integer({ min: 18_000, max: 22_000 }).map(fromEpochDay); // 2019 … 2030

  it('property: the actual conventions are additive over adjacent periods', () => {
    fc.assert(
      fc.property(day, fc.nat(800), fc.nat(800), (a, x, y) => {
        const b = addDays(a, x);
        const c = addDays(b, y);
        for (const dc of ['ACT/365', 'ACT/360', 'ACT/ACT'] as const) {
          const ab = dayCountFraction(a, b, dc);
          const bc = dayCountFraction(b, c, dc);
          const ac = dayCountFraction(a, c, dc);
          expect(ab.numerator + bc.numerator).toBe(ac.numerator);
          expect(ac.actualDays).toBe(x + y);
        }
      }),
    );
  });

  it('property: ACT/ACT of n days lies between n/366 and n/365; 30/360 is within 3 days of actual per month', () => {
    fc.assert(
      fc.property(day, fc.nat(2000), (a, n) => {
        const b = addDays(a, n);
        const f = dayCountFraction(a, b, 'ACT/ACT');
        expect(f.numerator * 366).toBeGreaterThanOrEqual(n * f.denominator);
        expect(f.numerator * 365).toBeLessThanOrEqual(n * f.denominator);
        const thirty = dayCountFraction(a, b, '30/360');
        expect(Math.abs(thirty.days - n)).toBeLessThanOrEqual(3 + Math.ceil(n / 60));
      }),
    );
  });
});
