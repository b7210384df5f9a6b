import { Money, toDecimal } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { issuePaths, thrown } from '../../test/thrown.js';
import { accrualIncrement, accrueInterest, dailyAccruals, interestFor, interestMinor } from './accrual.js';
import { rationalOf } from './rational.js';

const tenThousand = Money.of('10000');

describe('accrueInterest', () => {
  it('principal × rate × days / basis, rounded once (hand-computed)', () => {
    const base = {
      principal: tenThousand,
      annualRate: '0.0435',
      start: '2024-01-01',
      end: '2024-02-01',
    } as const;
    // 10000 × 0.0435 × 31/360 = 37.458333…
    const act360 = accrueInterest({ ...base, dayCount: 'ACT/360' });
    expect(act360.interest.toString()).toBe('37.46 CNY');
    expect(act360.exact.toFixed(6)).toBe('37.458333');
    // 31/365 → 36.945205…; 30/360 → 36.25 exactly
    expect(accrueInterest({ ...base, dayCount: 'ACT/365' }).interest.toString()).toBe('36.95 CNY');
    expect(accrueInterest({ ...base, dayCount: '30/360' }).interest.toString()).toBe('36.25 CNY');
    // ACT/ACT in a leap year: 31/366 → 36.844262…
    expect(accrueInterest({ ...base, dayCount: 'ACT/ACT' }).interest.toString()).toBe('36.84 CNY');
  });

  it('a year boundary under ACT/ACT: 17/365 + 14/366', () => {
    const r = accrueInterest({
      principal: tenThousand,
      annualRate: '0.0435',
      start: '2023-12-15',
      end: '2024-01-15',
      dayCount: 'ACT/ACT',
    });
    // 435 × (17/365 + 14/366) = 20.260274 + 16.639344 = 36.899618
    expect(r.exact.toFixed(6)).toBe('36.899618');
    expect(r.interest.toString()).toBe('36.90 CNY');
  });

  it('rounds exactly with the mode asked (a true tie at half a cent)', () => {
    // 100 × 0.09 × 1/360 = 0.025: a tie.
    const tie = {
      principal: Money.of('100'),
      annualRate: '0.09',
      start: '2024-01-01',
      end: '2024-01-02',
    } as const;
    expect(accrueInterest({ ...tie, dayCount: 'ACT/360' }).interest.toString()).toBe('0.02 CNY');
    expect(accrueInterest({ ...tie, dayCount: 'ACT/360', rounding: 'half-up' }).interest.toString()).toBe(
      '0.03 CNY',
    );
    expect(accrueInterest({ ...tie, dayCount: 'ACT/360', rounding: 'down' }).interest.toString()).toBe(
      '0.02 CNY',
    );
  });

  it('reads Date instants in the zone', () => {
    const r = accrueInterest({
      principal: tenThousand,
      annualRate: '0.0365',
      start: new Date('2024-01-31T16:30:00Z'), // 2024-02-01 in Shanghai
      end: '2024-02-11',
      dayCount: 'ACT/365',
    });
    expect(r.fraction.start).toBe('2024-02-01');
    expect(r.interest.toString()).toBe('10.00 CNY');
  });

  it('rejects bad input naming the field', () => {
    const ok = {
      principal: tenThousand,
      annualRate: '0.0435',
      start: '2024-01-01',
      end: '2024-02-01',
      dayCount: 'ACT/360',
    } as const;
    expect(issuePaths(() => accrueInterest({ ...ok, principal: Money.of('1.005') }))).toEqual(['principal']);
    expect(issuePaths(() => accrueInterest({ ...ok, principal: Money.of('-1') }))).toEqual(['principal']);
    expect(issuePaths(() => accrueInterest({ ...ok, annualRate: '11' }))).toEqual(['annualRate']);
    expect(issuePaths(() => accrueInterest({ ...ok, annualRate: 'abc' }))).toEqual(['annualRate']);
    expect(issuePaths(() => accrueInterest({ ...ok, start: '2024-02-30' }))).toEqual(['start']);
    expect(issuePaths(() => accrueInterest({ ...ok, end: '2023-12-31' }))).toEqual(['end']);
    expect(issuePaths(() => accrueInterest({ ...ok, dayCount: 'ACT/366' as 'ACT/360' }))).toEqual([
      'dayCount',
    ]);
    expect(issuePaths(() => accrueInterest({ ...ok, zone: 'Nowhere/City' }))).toEqual(['zone']);
    expect(issuePaths(() => accrueInterest({ ...ok, rounding: 'nearest' as 'up' }))).toEqual(['rounding']);
    expect(issuePaths(() => accrueInterest(null as never))).toEqual(['']);
  });
});

describe('accrualIncrement', () => {
  const segment = {
    principal: tenThousand,
    annualRate: '0.0435',
    periodStart: '2024-01-01',
    dayCount: 'ACT/360',
  } as const;

  it('posts the difference of the rounded running totals', () => {
    const r = accrualIncrement({ ...segment, from: '2024-01-05', to: '2024-01-06' });
    expect(r.accruedBefore.toString()).toBe('4.83 CNY'); // 4.8333…
    expect(r.accruedAfter.toString()).toBe('6.04 CNY'); // 6.0416…
    expect(r.increment.toString()).toBe('1.21 CNY');
  });

  it('30/360: the 31st adds nothing, 1 March after 28 February adds three days', () => {
    const thirty = { principal: Money.of('36000'), annualRate: '0.1', dayCount: '30/360' } as const;
    expect(
      accrualIncrement({
        ...thirty,
        periodStart: '2025-01-01',
        from: '2025-01-31',
        to: '2025-02-01',
      }).increment.toString(),
    ).toBe('0.00 CNY');
    // 36000 × 0.1 / 360 = 10 a day: 28 Feb → 1 Mar counts 3 days under 30/360.
    expect(
      accrualIncrement({
        ...thirty,
        periodStart: '2025-02-01',
        from: '2025-02-28',
        to: '2025-03-01',
      }).increment.toString(),
    ).toBe('30.00 CNY');
  });

  it('DomainError ACCRUAL_OUT_OF_ORDER unless periodStart ≤ from ≤ to', () => {
    expect(thrown(() => accrualIncrement({ ...segment, from: '2024-01-06', to: '2024-01-05' })).code).toBe(
      'ACCRUAL_OUT_OF_ORDER',
    );
    expect(thrown(() => accrualIncrement({ ...segment, from: '2023-12-31', to: '2024-01-05' })).code).toBe(
      'ACCRUAL_OUT_OF_ORDER',
    );
  });
});

describe('dailyAccruals', () => {
  it('the days sum to the period interest, where a rounded daily amount would not', () => {
    const input = {
      principal: tenThousand,
      annualRate: '0.0435',
      start: '2024-01-01',
      end: '2024-02-01',
      dayCount: 'ACT/360',
    } as const;
    const days = dailyAccruals(input);
    expect(days).toHaveLength(31);
    expect(days.slice(0, 3).map((d) => d.interest.toString())).toEqual(['1.21 CNY', '1.21 CNY', '1.20 CNY']);
    const total = days.reduce((acc, d) => acc.add(d.interest), Money.zero());
    expect(total.toString()).toBe('37.46 CNY');
    expect(days.at(-1)!.cumulative.toString()).toBe('37.46 CNY');
    // 1.21 (rounded daily) × 31 = 37.51: five fen too many.
    expect(Money.of('1.21').multiply(31).toString()).toBe('37.51 CNY');
  });

  it('an empty span has no days; limits are DomainErrors', () => {
    expect(
      dailyAccruals({
        principal: tenThousand,
        annualRate: '0.05',
        start: '2024-01-01',
        end: '2024-01-01',
        dayCount: 'ACT/365',
      }),
    ).toEqual([]);
    expect(
      thrown(() =>
        dailyAccruals({
          principal: tenThousand,
          annualRate: '0.05',
          start: '2024-01-02',
          end: '2024-01-01',
          dayCount: 'ACT/365',
        }),
      ).code,
    ).toBe('ACCRUAL_OUT_OF_ORDER');
    expect(
      thrown(() =>
        dailyAccruals({
          principal: tenThousand,
          annualRate: '0.05',
          start: '1900-01-01',
          end: '2024-01-01',
          dayCount: 'ACT/365',
        }),
      ).code,
    ).toBe('ACCRUAL_SPAN_TOO_LONG');
  });
});

describe('interestFor / interestMinor (the kernels the ledger calls)', () => {
  it('compute the same interest as accrueInterest and reject bad arguments by name', () => {
    const f = { numerator: 31, denominator: 360 };
    expect(interestFor(tenThousand, toDecimal('0.0435'), f, 'half-even').toString()).toBe('37.46 CNY');
    expect(interestMinor(1_000_000n, rationalOf('0.0435'), f, 'half-even')).toBe(3746n);
    expect(issuePaths(() => interestFor('100' as never, toDecimal('0.1'), f, 'half-even'))).toEqual([
      'principal',
    ]);
    expect(
      issuePaths(() =>
        interestFor(tenThousand, toDecimal('0.1'), { numerator: 1, denominator: 0 }, 'half-even'),
      ),
    ).toEqual(['fraction']);
    expect(issuePaths(() => interestFor(tenThousand, toDecimal('0.1'), f, 'nearest' as never))).toEqual([
      'rounding',
    ]);
    expect(issuePaths(() => interestFor(tenThousand, 'x' as never, f, 'half-even'))).toEqual(['rate']);
    expect(issuePaths(() => interestMinor(100 as never, rationalOf('0.1'), f, 'half-even'))).toEqual([
      'balanceMinor',
    ]);
    expect(issuePaths(() => interestMinor(100n, { num: 1n, den: 0n }, f, 'half-even'))).toEqual(['rate']);
    expect(thrown(() => interestFor(Money.of('1.001'), toDecimal('0.1'), f, 'half-even')).code).toBe(
      'NOT_ROUNDED',
    );
  });
});
