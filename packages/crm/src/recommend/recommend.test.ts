import { describe, expect, it } from 'vitest';
import { itemAssociations } from './associations.js';
import { recommendForCustomer } from './recommend.js';

// Ten orders, hand-counted: TEA in 5, CUP in 4, TEA+CUP in 4, RICE in 4, RICE+OIL in 3, OIL in 4.
const baskets = [
  ['TEA', 'CUP'],
  ['TEA', 'CUP'],
  ['TEA', 'CUP', 'RICE'],
  ['TEA', 'CUP', 'TEA'],
  ['TEA'],
  ['RICE', 'OIL'],
  ['RICE', 'OIL'],
  ['RICE', 'OIL', 'SALT'],
  ['OIL'],
  ['SALT'],
].map((items, i) => ({ basketId: `SO-${i + 1}`, items }));

describe('itemAssociations', () => {
  it('computes support, confidence and lift by hand: CUP → TEA has lift 2, TEA → CUP confidence 0.8', () => {
    const rules = itemAssociations(baskets);
    const cupTea = rules.find((r) => r.antecedent === 'CUP' && r.consequent === 'TEA')!;
    expect(cupTea).toMatchObject({ count: 4, support: 0.4, confidence: 1 });
    expect(cupTea.lift).toBeCloseTo(2, 12); // 1 / (5/10)
    const teaCup = rules.find((r) => r.antecedent === 'TEA' && r.consequent === 'CUP')!;
    expect(teaCup.confidence).toBeCloseTo(0.8, 12);
    expect(teaCup.lift).toBeCloseTo(2, 12); // 0.8 / 0.4
    const riceOil = rules.find((r) => r.antecedent === 'RICE' && r.consequent === 'OIL')!;
    expect(riceOil.lift).toBeCloseTo(0.75 / 0.4, 12);
    // TEA+RICE appears once: below minCount 2.
    expect(rules.some((r) => r.antecedent === 'TEA' && r.consequent === 'RICE')).toBe(false);
    expect(
      itemAssociations(baskets, { minCount: 1 }).some(
        (r) => r.antecedent === 'TEA' && r.consequent === 'RICE',
      ),
    ).toBe(true);
  });

  it('sorts by lift, then count', () => {
    const lifts = itemAssociations(baskets).map((r) => r.lift);
    expect([...lifts].sort((a, b) => b - a)).toEqual(lifts);
  });
});

describe('recommendForCustomer', () => {
  const associations = itemAssociations(baskets);

  it('suggests what goes with the customer’s items and skips what they buy regularly', () => {
    // Buys TEA regularly (two orders) and RICE once.
    const history = [
      { orderId: 'A1', item: 'TEA' },
      { orderId: 'A2', item: 'TEA' },
      { orderId: 'A2', item: 'RICE' },
    ];
    const suggestions = recommendForCustomer({ associations, history });
    expect(suggestions.map((s) => s.item)).toEqual(['CUP', 'OIL']);
    expect(suggestions[0]).toEqual({ item: 'CUP', score: 0.8 * 2, because: ['TEA'] });
  });

  it('does not suggest an item the customer already buys regularly, even with a strong rule', () => {
    const history = [
      { orderId: 'B1', item: 'CUP' },
      { orderId: 'B2', item: 'CUP' },
      { orderId: 'B1', item: 'TEA' },
      { orderId: 'B2', item: 'TEA' },
    ];
    expect(recommendForCustomer({ associations, history })).toEqual([]);
    // With a higher bar for "regular", TEA becomes a candidate again.
    expect(recommendForCustomer({ associations, history, regularMinOrders: 3 }).map((s) => s.item)).toEqual([
      'TEA',
      'CUP',
    ]);
  });
});
