import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { planSourcing } from './sourcing.js';

const teaStock = [
  { warehouseId: 'A', sku: 'TEA', available: 4 },
  { warehouseId: 'B', sku: 'TEA', available: 3 },
  { warehouseId: 'C', sku: 'TEA', available: 10 },
];

describe('planSourcing: nearest', () => {
  it('fills from the nearest warehouse first, then the next nearest', () => {
    const plan = planSourcing({
      rule: 'nearest',
      warehouses: [
        { warehouseId: 'A', distance: 5 },
        { warehouseId: 'B', distance: 2 },
        { warehouseId: 'C', distance: 9 },
      ],
      lines: [{ sku: 'TEA', quantity: 8 }],
      stock: teaStock,
    });
    expect(plan).toEqual({
      rule: 'nearest',
      allocations: [
        { warehouseId: 'A', sku: 'TEA', quantity: 4 },
        { warehouseId: 'B', sku: 'TEA', quantity: 3 },
        { warehouseId: 'C', sku: 'TEA', quantity: 1 },
      ],
      unmet: [],
      warehouses: ['B', 'A', 'C'],
      cost: null,
      exact: true,
    });
  });
});

describe('planSourcing: cheapest', () => {
  const lanes = (shipment: [string, string, string]) => [
    { warehouseId: 'A', unitCost: '0.50', shipmentCost: shipment[0] },
    { warehouseId: 'B', unitCost: '0.30', shipmentCost: shipment[1] },
    { warehouseId: 'C', unitCost: '0.80', shipmentCost: shipment[2] },
  ];

  it('without shipment costs takes the cheapest lanes first: 3 × 0.30 + 4 × 0.50 + 1 × 0.80 = 3.70', () => {
    const plan = planSourcing({
      rule: 'cheapest',
      warehouses: lanes(['0', '0', '0']),
      lines: [{ sku: 'TEA', quantity: 8 }],
      stock: teaStock,
    });
    expect(plan.allocations).toEqual([
      { warehouseId: 'A', sku: 'TEA', quantity: 4 },
      { warehouseId: 'B', sku: 'TEA', quantity: 3 },
      { warehouseId: 'C', sku: 'TEA', quantity: 1 },
    ]);
    expect(plan.cost).toBe('3.70');
  });

  it('with shipment costs searches the warehouse subsets: B + C at 9.90 beats C alone (10.40) and all three (11.70)', () => {
    // C: 8 × 0.80 + 4.00 = 10.40; B+C: 0.90 + 1.00 + 4.00 + 4.00 = 9.90;
    // A+C: 2.00 + 3.00 + 3.20 + 4.00 = 12.20; A+B+C: 0.90 + 1.00 + 2.00 + 3.00 + 0.80 + 4.00 = 11.70.
    const plan = planSourcing({
      rule: 'cheapest',
      warehouses: lanes(['3.00', '1.00', '4.00']),
      lines: [{ sku: 'TEA', quantity: 8 }],
      stock: teaStock,
    });
    expect(plan.allocations).toEqual([
      { warehouseId: 'B', sku: 'TEA', quantity: 3 },
      { warehouseId: 'C', sku: 'TEA', quantity: 5 },
    ]);
    expect(plan.cost).toBe('9.90');
    expect(plan.warehouses).toEqual(['B', 'C']);
    expect(plan.exact).toBe(true);
  });

  it('keeps costs exact at any scale (no floats)', () => {
    const plan = planSourcing({
      rule: 'cheapest',
      warehouses: [{ warehouseId: 'A', unitCost: '0.1', shipmentCost: '0.2' }],
      lines: [{ sku: 'TEA', quantity: 3 }],
      stock: [{ warehouseId: 'A', sku: 'TEA', available: 3 }],
    });
    expect(plan.cost).toBe('0.5');
  });
});

describe('planSourcing: fewest-splits', () => {
  it('ships from one warehouse when one can cover the order', () => {
    const plan = planSourcing({
      rule: 'fewest-splits',
      warehouses: [{ warehouseId: 'A' }, { warehouseId: 'B' }, { warehouseId: 'C' }],
      lines: [{ sku: 'TEA', quantity: 8 }],
      stock: teaStock,
    });
    expect(plan.allocations).toEqual([{ warehouseId: 'C', sku: 'TEA', quantity: 8 }]);
  });

  it('breaks ties between equally small splits by quantity-weighted distance', () => {
    // Pairs that cover TEA 5 + RICE 5: A+B, B+D, C+D. Weighted distance: A+B 100, B+D 37, C+D 10.
    const warehouses = [
      { warehouseId: 'A', distance: 10 },
      { warehouseId: 'B', distance: 10 },
      { warehouseId: 'C', distance: 1 },
      { warehouseId: 'D', distance: 1 },
    ];
    const stock = [
      { warehouseId: 'A', sku: 'TEA', available: 5 },
      { warehouseId: 'B', sku: 'RICE', available: 5 },
      { warehouseId: 'C', sku: 'TEA', available: 3 },
      { warehouseId: 'C', sku: 'RICE', available: 3 },
      { warehouseId: 'D', sku: 'TEA', available: 5 },
      { warehouseId: 'D', sku: 'RICE', available: 2 },
    ];
    const lines = [
      { sku: 'TEA', quantity: 5 },
      { sku: 'RICE', quantity: 5 },
    ];
    const plan = planSourcing({ rule: 'fewest-splits', warehouses, lines, stock });
    expect(plan.allocations).toEqual([
      { warehouseId: 'C', sku: 'RICE', quantity: 3 },
      { warehouseId: 'C', sku: 'TEA', quantity: 3 },
      { warehouseId: 'D', sku: 'RICE', quantity: 2 },
      { warehouseId: 'D', sku: 'TEA', quantity: 2 },
    ]);
    // Without distances the earliest candidates win: A + B.
    const plain = planSourcing({
      rule: 'fewest-splits',
      warehouses: warehouses.map(({ warehouseId }) => ({ warehouseId })),
      lines,
      stock,
    });
    expect(plain.warehouses).toEqual(['A', 'B']);
  });

  it('supplies what it can and reports the rest as unmet', () => {
    const plan = planSourcing({
      rule: 'fewest-splits',
      warehouses: [{ warehouseId: 'A' }, { warehouseId: 'B' }],
      lines: [
        { sku: 'TEA', quantity: 5 },
        { sku: 'SALT', quantity: 2 },
      ],
      stock: [
        { warehouseId: 'A', sku: 'TEA', available: 2 },
        { warehouseId: 'B', sku: 'TEA', available: 1 },
        { warehouseId: 'B', sku: 'SALT', available: -4 },
        { warehouseId: 'Z', sku: 'TEA', available: 100 },
      ],
    });
    expect(plan.allocations).toEqual([
      { warehouseId: 'A', sku: 'TEA', quantity: 2 },
      { warehouseId: 'B', sku: 'TEA', quantity: 1 },
    ]);
    expect(plan.unmet).toEqual([
      { sku: 'TEA', quantity: 2 },
      { sku: 'SALT', quantity: 2 },
    ]);
  });

  it('falls back to greedy set cover beyond the exact budget, and says so', () => {
    const warehouses = Array.from({ length: 23 }, (_, index) => ({
      warehouseId: `W${String(index).padStart(2, '0')}`,
    }));
    const stock = warehouses.map((w, index) => ({
      warehouseId: w.warehouseId,
      sku: 'TEA',
      available: index + 1,
    }));
    const plan = planSourcing({
      rule: 'fewest-splits',
      warehouses,
      lines: [{ sku: 'TEA', quantity: 45 }],
      stock,
    });
    expect(plan.exact).toBe(false);
    expect(plan.warehouses).toEqual(['W21', 'W22']); // 22 + 23 = 45, in candidate order
    expect(plan.unmet).toEqual([]);
  });
});

describe('planSourcing: validation', () => {
  const base = {
    rule: 'nearest' as const,
    warehouses: [
      { warehouseId: 'A', distance: 1 },
      { warehouseId: 'B', distance: 2 },
    ],
    lines: [{ sku: 'TEA', quantity: 1 }],
    stock: [],
  };
  const pathOf = (request: unknown) => {
    try {
      planSourcing(request as never);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues[0]?.path;
    }
    throw new Error('expected a ValidationError');
  };

  it('names the field', () => {
    expect(
      pathOf({ ...base, warehouses: [{ warehouseId: 'A', distance: 1 }, { warehouseId: 'B' }] }),
    ).toEqual(['warehouses', 1, 'distance']);
    expect(pathOf({ ...base, rule: 'cheapest', warehouses: [{ warehouseId: 'A' }] })).toEqual([
      'warehouses',
      0,
      'unitCost',
    ]);
    expect(pathOf({ ...base, warehouses: [base.warehouses[0], base.warehouses[0]] })).toEqual([
      'warehouses',
      1,
      'warehouseId',
    ]);
    expect(
      pathOf({
        ...base,
        lines: [
          { sku: 'TEA', quantity: 1 },
          { sku: 'TEA', quantity: 2 },
        ],
      }),
    ).toEqual(['lines', 1, 'sku']);
    expect(pathOf({ ...base, lines: [{ sku: 'TEA', quantity: 1.5 }] })).toEqual(['lines', 0, 'quantity']);
    expect(pathOf({ ...base, lines: [{ sku: 'TEA', quantity: 0 }] })).toEqual(['lines', 0, 'quantity']);
    expect(pathOf({ ...base, rule: 'fastest' })).toEqual(['rule']);
    expect(
      pathOf({ ...base, rule: 'cheapest', warehouses: [{ warehouseId: 'A', unitCost: '1e3' }] }),
    ).toEqual(['warehouses', 0, 'unitCost']);
    expect(pathOf({ ...base, warehouses: [{ warehouseId: 'A', distance: -1 }] })).toEqual([
      'warehouses',
      0,
      'distance',
    ]);
    expect(
      pathOf({
        ...base,
        stock: [
          { warehouseId: 'A', sku: 'TEA', available: 1 },
          { warehouseId: 'A', sku: 'TEA', available: 2 },
        ],
      }),
    ).toEqual(['stock', 1]);
    expect(pathOf(null)).toEqual([]);
  });
});
