import { Money, toDecimal } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { equalInstallmentAmount } from './installment-amount.js';

describe('equalInstallmentAmount', () => {
  it('equals the closed form P·r / (1 − (1 + r)⁻ⁿ) when every period has the same rate', () => {
    expect(
      equalInstallmentAmount(Money.of('10000'), Array(3).fill(toDecimal('0.01')), 'half-even').toString(),
    ).toBe('3400.22 CNY');
    const r = toDecimal('0.094822').div(12);
    expect(equalInstallmentAmount(Money.of('100'), Array(6).fill(r), 'half-even').toString()).toBe(
      '17.13 CNY',
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 1, max: 30_000 }), (n, bp) => {
        const rate = toDecimal(bp).div(1_000_000);
        const closed = toDecimal(1_000_000)
          .times(rate)
          .div(toDecimal(1).minus(rate.plus(1).pow(-n)));
        const emi = equalInstallmentAmount(Money.of('1000000'), Array(n).fill(rate), 'half-even');
        expect(emi.amount().minus(closed).abs().lte('0.005')).toBe(true);
      }),
    );
  });

  it('zero rates: P / n; unequal periods follow the product formula', () => {
    expect(
      equalInstallmentAmount(Money.of('1000'), Array(3).fill(toDecimal(0)), 'half-even').toString(),
    ).toBe('333.33 CNY');
    expect(equalInstallmentAmount(Money.of('1000'), Array(3).fill(toDecimal(0)), 'up').toString()).toBe(
      '333.34 CNY',
    );
    // Two periods at 10 % then 0 %: P·1.1 / (1·1 + 1) = 550.
    expect(
      equalInstallmentAmount(Money.of('1000'), [toDecimal('0.1'), toDecimal(0)], 'half-even').toString(),
    ).toBe('550.00 CNY');
  });

  it('rejects bad arguments by name', () => {
    expect(issuePaths(() => equalInstallmentAmount(Money.of('1'), [], 'half-even'))).toEqual(['rateFactors']);
    expect(issuePaths(() => equalInstallmentAmount(Money.of('1'), [toDecimal('-0.1')], 'half-even'))).toEqual(
      ['rateFactors.0'],
    );
    expect(issuePaths(() => equalInstallmentAmount(1 as never, [toDecimal('0.1')], 'half-even'))).toEqual([
      'principal',
    ]);
  });
});
