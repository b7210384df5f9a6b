import { describe, expect, it } from 'vitest';
import { priceDraw } from './price-draw.js';
import { DEFAULT_LINE_TERMS } from './schemas.js';

const terms = structuredClone({ ...DEFAULT_LINE_TERMS });

describe('priceDraw', () => {
  it('reproduces the factoring example: 10,000 invoice, 90 % advance, 3 % fee → 9,000 now, 300 due', () => {
    expect(
      priceDraw(
        'L',
        { product: 'receivables', invoiceAmount: '10000.00', advanceRate: '0.9', discountRate: '0.03' },
        terms,
        'USD',
      ),
    ).toEqual({
      product: 'receivables',
      principal: 900_000,
      fee: 30_000,
      invoice: 1_000_000,
      basis: { invoiceAmount: 1_000_000, advanceRate: '0.9', discountRate: '0.03' },
      annualRate: '0',
    });
  });

  it('rounds advances down and the fee half-even, to the minor unit', () => {
    // 333.33 × 0.7 = 233.331 → 233.33; 1234.50 × 0.0125 = 15.43125 → 15.43; 50.50 × 0.05 = 2.525 → 2.52
    expect(priceDraw('L', { product: 'order', orderValue: '333.33' }, terms, 'CNY').principal).toBe(23_333);
    const financed = priceDraw(
      'L',
      { product: 'receivables', invoiceAmount: '1234.50', advanceRate: '0.85', discountRate: '0.0125' },
      terms,
      'CNY',
    );
    expect([financed.principal, financed.fee]).toEqual([104_932, 1_543]);
    expect(
      priceDraw('L', { product: 'receivables', invoiceAmount: '50.50', discountRate: '0.05' }, terms, 'CNY')
        .fee,
    ).toBe(252);
    // whole yen
    expect(
      priceDraw('L', { product: 'order', orderValue: '999', advanceRate: '0.5' }, terms, 'JPY').principal,
    ).toBe(499);
  });

  it('takes an order loan up to the advance, and refuses more or nothing', () => {
    expect(
      priceDraw('L', { product: 'order', orderValue: '8000.00', amount: '5600.00' }, terms, 'CNY').principal,
    ).toBe(560_000);
    expect(() =>
      priceDraw('L', { product: 'order', orderValue: '8000.00', amount: '5600.01' }, terms, 'CNY'),
    ).toThrow(
      expect.objectContaining({
        code: 'ADVANCE_EXCEEDED',
        details: { lineId: 'L', requested: '5600.01', advance: '5600.00' },
      }),
    );
    expect(() => priceDraw('L', { product: 'order', orderValue: '0.01' }, terms, 'CNY')).toThrow(
      expect.objectContaining({ code: 'NOTHING_TO_DRAW' }),
    );
    expect(() => priceDraw('L', { product: 'purchase', amount: '1.005' }, terms, 'CNY')).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
