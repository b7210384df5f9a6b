import { describe, expect, it } from 'vitest';
import * as moneyModule from './index.js';

describe('money barrel', () => {
  it('re-exports the public API by name', () => {
    expect(Object.keys(moneyModule).sort()).toEqual(
      [
        'DEFAULT_CURRENCY',
        'Money',
        'ROUNDING_MODES',
        'allocate',
        'allocateMinorUnits',
        'assertRoundingMode',
        'currencyCodeSchema',
        'currencyMismatch',
        'currencySchema',
        'decimalStringSchema',
        'formatMoney',
        'getCurrency',
        'isDecimalInput',
        'isMoney',
        'isRoundingMode',
        'listCurrencies',
        'maxMoney',
        'minMoney',
        'money',
        'moneyJsonSchema',
        'registerCurrency',
        'roundDecimal',
        'roundingModeSchema',
        'sum',
        'toDecimal',
      ].sort(),
    );
  });

  it('works end to end', () => {
    const { Money, allocate, formatMoney, sum } = moneyModule;
    const parts = allocate(Money.of('200.00'), [500, 100]);
    expect(parts.map((p) => formatMoney(p))).toEqual(['¥166.67', '¥33.33']);
    expect(sum(parts).equals(Money.of('200'))).toBe(true);
  });
});
