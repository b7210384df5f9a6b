import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { bgNbdConditionalExpectedPurchases } from './bg-nbd.js';
import { customerLifetimeValue } from './clv.js';

const model = { kind: 'bg-nbd' as const, params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
const customer = { frequency: 2, recency: 30.43, T: 38.86 };

describe('customerLifetimeValue', () => {
  it('without discounting is spend × expected purchases over the horizon', () => {
    const months = 9;
    const result = customerLifetimeValue({
      model,
      customer,
      spendPerPurchase: 24.66,
      timeUnit: 'week',
      months,
      discountRate: 0,
    });
    const weeks = (months * 30.4375) / 7;
    expect(result.purchases).toBeCloseTo(
      bgNbdConditionalExpectedPurchases(model.params, customer, weeks),
      12,
    );
    expect(result.value).toBeCloseTo(24.66 * result.purchases, 10);
  });

  it('discounts month i by (1 + d)^i, as lifetimes does (lifetimes’ 4.345 weeks a month by option)', () => {
    const plain = customerLifetimeValue({
      model,
      customer,
      spendPerPurchase: 10,
      timeUnit: 'week',
      months: 12,
      discountRate: 0,
      periodsPerMonth: 4.345,
    });
    const discounted = customerLifetimeValue({
      model,
      customer,
      spendPerPurchase: 10,
      timeUnit: 'week',
      months: 12,
      discountRate: 0.01,
      periodsPerMonth: 4.345,
    });
    const byHand = plain.monthly.reduce((sum, value, i) => sum + value / 1.01 ** (i + 1), 0);
    expect(discounted.value).toBeCloseTo(byHand, 12);
    expect(discounted.value).toBeLessThan(plain.value);
  });

  it('works with Pareto/NBD and refuses a negative spend', () => {
    const pareto = {
      kind: 'pareto-nbd' as const,
      params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
    };
    expect(
      customerLifetimeValue({ model: pareto, customer, spendPerPurchase: 24.66, timeUnit: 'week' }).value,
    ).toBeGreaterThan(0);
    expect(() => customerLifetimeValue({ model, customer, spendPerPurchase: -1, timeUnit: 'week' })).toThrow(
      ValidationError,
    );
  });
});
