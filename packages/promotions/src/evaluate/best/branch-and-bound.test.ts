import { describe, expect, it } from 'vitest';
import { line, run } from '../../test-fixtures.js';

const both = (cart: Parameters<typeof run>[0], promotions: Parameters<typeof run>[1]) => ({
  bnb: run(cart, promotions, { policy: { mode: 'best', search: 'branch-and-bound' } }),
  brute: run(cart, promotions, { policy: { mode: 'best', search: 'brute-force' } }),
});

describe('branch and bound bounds', () => {
  it('an exclusive group is bounded by every member, not only by the one with the largest bound', () => {
    const cart = { lines: [line('a', 'A', 1, '100'), line('b', 'B', 1, '100')] };
    const { bnb, brute } = both(cart, [
      { id: 'solo', type: 'amount-off', amount: '150', target: 'order', combinable: false },
      { id: 'x', type: 'amount-off', amount: '100', target: 'items', eligibility: { skus: ['A'] } },
      {
        id: 'ga',
        type: 'percent-off',
        percentOff: '100%',
        exclusiveGroup: 'g',
        eligibility: { skus: ['A'] },
      },
      {
        id: 'gb',
        type: 'threshold',
        tiers: [{ spend: '100', off: '90' }],
        exclusiveGroup: 'g',
        eligibility: { skus: ['B'] },
      },
    ]);
    expect(brute.savings.toDecimalString()).toBe('190.00');
    expect(bnb.savings.toDecimalString()).toBe('190.00');
    expect(bnb.applied.map((a) => a.promotionId).sort()).toEqual(['gb', 'x']);
  });

  it('a promotion over its budget alone may fit it in a stack', () => {
    const cart = { lines: [line('a', 'A', 1, '100')] };
    const promotions = [
      { id: 'half', type: 'percent-off' as const, percentOff: '50%' },
      { id: 'rate', type: 'percent-off' as const, percentOff: '30%', limits: { budget: '20' } },
    ];
    // alone 30.00 exceeds its 20.00 budget; after 50 % off it takes 15.00
    const sequence = run(cart, promotions);
    expect(sequence.savings.toDecimalString()).toBe('65.00');
    const { bnb, brute } = both(cart, promotions);
    expect(brute.savings.toDecimalString()).toBe('65.00');
    expect(bnb.savings.toDecimalString()).toBe('65.00');
  });
});
