import { describe, expect, it } from 'vitest';
import { codes, line, lineDiscounts, run } from '../../test-fixtures.js';

describe('threshold (满减)', () => {
  const tiers = {
    id: 'mj',
    type: 'threshold' as const,
    tiers: [
      { spend: '199', off: '20' },
      { spend: '299', off: '40' },
    ],
  };

  it('gives the highest tier reached and spreads it by largest remainder', () => {
    // 136.00 + 99.00 = 235.00 reaches 199: 20.00 split 2000 × 136/235 = 1157.45 and 842.55 → 11.57 + 8.43
    const result = run({ lines: [line('a', 'TEA', 2, '68'), line('b', 'RICE', 1, '99')] }, [tiers]);
    expect(lineDiscounts(result)).toEqual({ a: '11.57', b: '8.43' });
    expect(result.total.toDecimalString()).toBe('215.00');
    expect(result.applied[0]?.basis.toDecimalString()).toBe('235.00');
    const higher = run({ lines: [line('a', 'TEA', 3, '68'), line('b', 'RICE', 1, '99')] }, [tiers]);
    expect(higher.discount.toDecimalString()).toBe('40.00');
  });

  it('says how far the cart is from the lowest tier', () => {
    const result = run({ lines: [line('a', 'TEA', 2, '68')] }, [tiers]);
    expect(result.decisions[0]).toMatchObject({
      applied: false,
      code: 'THRESHOLD_NOT_MET',
      details: { spend: '199.00', basis: '136.00' },
      message: 'Spend 199.00 on eligible items to qualify (136.00 so far)',
    });
  });

  it('applies exactly at the threshold and not one cent below', () => {
    expect(run({ lines: [line('a', 'X', 1, '199.00')] }, [tiers]).discount.toDecimalString()).toBe('20.00');
    expect(run({ lines: [line('a', 'X', 1, '198.99')] }, [tiers]).discount.toDecimalString()).toBe('0.00');
  });

  it('repeats 每满 100 减 10 up to its cap', () => {
    const every = {
      id: 'm',
      type: 'threshold' as const,
      every: { spend: '100', off: '10' },
      maxDiscount: '50',
    };
    expect(run({ lines: [line('a', 'X', 1, '399.99')] }, [every]).discount.toDecimalString()).toBe('30.00');
    expect(run({ lines: [line('a', 'X', 1, '655')] }, [every]).discount.toDecimalString()).toBe('50.00');
  });

  it('counts only eligible lines, and spreads only over them', () => {
    const teaOnly = { ...tiers, eligibility: { categories: ['tea'] } };
    const result = run(
      {
        lines: [
          line('a', 'TEA', 2, '68', ['tea']),
          line('b', 'POT', 1, '80', ['ware']),
          line('c', 'OOLONG', 1, '88', ['tea']),
        ],
      },
      [teaOnly],
    );
    // tea: 136 + 88 = 224 → 20.00 split 13600/22400 and 8800/22400 → 12.14 + 7.86
    expect(lineDiscounts(result)).toEqual({ a: '12.14', b: '0.00', c: '7.86' });
  });

  it('reproduces the Medusa regression to the cent: 200 across 500/100 → 166.67 + 33.33', () => {
    const result = run({ lines: [line('a', 'A', 1, '500'), line('b', 'B', 1, '100')] }, [
      { id: 'off', type: 'amount-off', amount: '200', target: 'order' },
    ]);
    expect(lineDiscounts(result)).toEqual({ a: '166.67', b: '33.33' });
  });
});

describe('percent off (打折)', () => {
  it('takes 8折 off each eligible line, rounded per line', () => {
    const result = run(
      { lines: [line('a', 'TEA', 2, '68', ['tea']), line('b', 'POT', 1, '19.99', ['ware'])] },
      [
        { id: 'z', type: 'percent-off', zhe: '8折', eligibility: { categories: ['tea'] } },
        { id: 'w', type: 'percent-off', percentOff: '15%', eligibility: { categories: ['ware'] } },
      ],
    );
    // 136.00 × 20 % = 27.20; 19.99 × 15 % = 2.9985 → 3.00 (half-even)
    expect(lineDiscounts(result)).toEqual({ a: '27.20', b: '3.00' });
  });

  it('caps an item rate and spreads the cap by the uncapped discounts', () => {
    const result = run({ lines: [line('a', 'A', 1, '300'), line('b', 'B', 1, '100')] }, [
      { id: 'p', type: 'percent-off', percentOff: '50%', maxDiscount: '100' },
    ]);
    // uncapped 150 + 50 = 200 > 100: 100 split 3 : 1 → 75 + 25
    expect(lineDiscounts(result)).toEqual({ a: '75.00', b: '25.00' });
  });

  it('order-wide: rounds the eligible subtotal once, then spreads', () => {
    const result = run(
      { lines: [line('a', 'A', 1, '0.05'), line('b', 'B', 1, '0.05'), line('c', 'C', 1, '0.05')] },
      [{ id: 'p', type: 'percent-off', percentOff: '10%', target: 'order' }],
    );
    // per line 0.005 would round to 0.00 three times; once on 0.15 → 0.015 → 0.02 (half-even), split 1 + 1 + 0
    expect(result.discount.toDecimalString()).toBe('0.02');
    expect(lineDiscounts(result)).toEqual({ a: '0.01', b: '0.01', c: '0.00' });
  });
});

describe('fixed price, flash sale, buy-get, bundle, free shipping', () => {
  it('一口价 takes each unit down to the price', () => {
    const result = run({ lines: [line('a', 'CUP', 3, '15'), line('b', 'CUP-S', 1, '8')] }, [
      { id: 'fp', type: 'fixed-price', price: '9.90', eligibility: { skus: ['CUP', 'CUP-S'] } },
    ]);
    expect(lineDiscounts(result)).toEqual({ a: '15.30', b: '0.00' });
  });

  const flash = {
    id: 'flash',
    type: 'flash-sale' as const,
    price: '99',
    startsAt: '2026-03-08T10:00:00+08:00',
    endsAt: '2026-03-08T12:00:00+08:00',
    perCustomerLimit: 2,
    stock: 500,
    eligibility: { skus: ['RICE'] },
  };
  const buyer = { customer: { id: 'c-1' } };

  it('秒杀 prices up to the customer limit; the rest pays the list price', () => {
    const result = run({ lines: [line('a', 'RICE', 3, '129')] }, [flash], buyer);
    expect(result.discount.toDecimalString()).toBe('60.00');
    expect(result.applied[0]?.units).toBe(2);
  });

  it('秒杀 reads the usage: one bought before, sold out, outside the window, no customer', () => {
    const cart = { lines: [line('a', 'RICE', 3, '129')] };
    const one = run(cart, [flash], {
      ...buyer,
      usage: { promotions: { flash: { customerUnits: 1, units: 10 } } },
    });
    expect(one.discount.toDecimalString()).toBe('30.00');
    const stock = run(cart, [flash], { ...buyer, usage: { promotions: { flash: { units: 499 } } } });
    expect(stock.applied[0]?.units).toBe(1);
    expect(codes(run(cart, [flash], { ...buyer, usage: { promotions: { flash: { units: 500 } } } }))).toEqual(
      { flash: 'SOLD_OUT' },
    );
    expect(
      codes(run(cart, [flash], { ...buyer, usage: { promotions: { flash: { customerUnits: 2 } } } })),
    ).toEqual({
      flash: 'CUSTOMER_LIMIT_REACHED',
    });
    expect(codes(run(cart, [flash], { ...buyer, now: new Date('2026-03-08T01:59:59Z') }))).toEqual({
      flash: 'NOT_STARTED',
    });
    expect(codes(run(cart, [flash], { ...buyer, now: new Date('2026-03-08T04:00:00Z') }))).toEqual({
      flash: 'ENDED',
    });
    expect(codes(run(cart, [flash]))).toEqual({ flash: 'CUSTOMER_REQUIRED' });
  });

  it('买2送1 on one set of lines: each group of three gives its cheapest unit', () => {
    const lines = ['10', '9', '8', '7', '6', '5'].map((price, i) => line(`l${i}`, `S${i}`, 1, price));
    const result = run({ lines }, [{ id: 'b2g1', type: 'buy-get', buyQuantity: 2, getQuantity: 1 }]);
    expect(result.discount.toDecimalString()).toBe('13.00'); // 8 + 5
    expect(lineDiscounts(result)).toMatchObject({ l2: '8.00', l5: '5.00', l0: '0.00' });
    expect(result.applied[0]?.units).toBe(2);
  });

  it('第二件半价 and buy tea, get a cup', () => {
    const half = run({ lines: [line('a', 'T', 3, '30')] }, [
      { id: 'h', type: 'buy-get', buyQuantity: 1, getQuantity: 1, getPercentOff: '50%' },
    ]);
    expect(half.discount.toDecimalString()).toBe('15.00'); // one pair; the third unit pays in full
    const gift = run({ lines: [line('t', 'TEA', 2, '68', ['tea']), line('c', 'CUP', 3, '12', ['ware'])] }, [
      {
        id: 'g',
        type: 'buy-get',
        buyQuantity: 2,
        getQuantity: 1,
        eligibility: { categories: ['tea'] },
        get: { skus: ['CUP'] },
      },
    ]);
    expect(lineDiscounts(gift)).toEqual({ t: '0.00', c: '12.00' });
    const short = run({ lines: [line('t', 'TEA', 1, '68', ['tea'])] }, [
      { id: 'g', type: 'buy-get', buyQuantity: 2, getQuantity: 1 },
    ]);
    expect(short.decisions[0]).toMatchObject({
      code: 'NOT_ENOUGH_UNITS',
      details: { needed: 3, available: 1 },
    });
  });

  it('N件P元 bundles the most valuable units and spreads the saving by their value', () => {
    const result = run(
      {
        lines: [
          line('a', 'A', 1, '45'),
          line('b', 'B', 1, '40'),
          line('c', 'C', 1, '38'),
          line('d', 'D', 1, '20'),
        ],
      },
      [{ id: 'n3', type: 'bundle', quantity: 3, price: '99' }],
    );
    // 45 + 40 + 38 = 123 → 24.00 saved, split 45 : 40 : 38 → 8.78 + 7.81 + 7.41
    expect(lineDiscounts(result)).toEqual({ a: '8.78', b: '7.81', c: '7.41', d: '0.00' });
    const components = run({ lines: [line('t', 'TEA', 2, '68'), line('p', 'POT', 1, '80')] }, [
      {
        id: 'set',
        type: 'bundle',
        price: '188',
        components: [
          { skus: ['TEA'], quantity: 2 },
          { skus: ['POT'], quantity: 1 },
        ],
      },
    ]);
    expect(components.discount.toDecimalString()).toBe('28.00'); // 216 − 188
  });

  it('包邮 over a minimum, up to a cap', () => {
    const cart = { lines: [line('a', 'A', 1, '99')], shipping: '12' };
    expect(
      run(cart, [
        { id: 's', type: 'free-shipping', eligibility: { minSubtotal: '99' } },
      ]).total.toDecimalString(),
    ).toBe('99.00');
    expect(
      run(cart, [
        { id: 's', type: 'free-shipping', maxDiscount: '10', eligibility: { minSubtotal: '99' } },
      ]).total.toDecimalString(),
    ).toBe('101.00');
    expect(
      codes(
        run({ ...cart, lines: [line('a', 'A', 1, '98.99')] }, [
          { id: 's', type: 'free-shipping', eligibility: { minSubtotal: '99' } },
        ]),
      ),
    ).toEqual({
      s: 'MINIMUM_NOT_MET',
    });
  });
});
