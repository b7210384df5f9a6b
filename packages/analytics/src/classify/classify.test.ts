import { ValidationError } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcClassify } from './abc.js';
import { abcXyzMatrix, xyzClassify } from './xyz.js';

describe('abcClassify', () => {
  it('cuts at 80 % / 95 % of cumulative value; the SKU that crosses a cut-off stays in the upper class', () => {
    // Total 1000: 500 (0→50 %), 250 (50→75 %), 100 (75→85 %: crosses 80 %, still A), 60 (85→91 %), 50 (91→96 %: crosses 95 %, B), 30, 10
    const rows = abcClassify([
      { sku: 'G', value: 10 },
      { sku: 'A', value: 500 },
      { sku: 'C', value: 100 },
      { sku: 'B', value: 250 },
      { sku: 'E', value: '50' },
      { sku: 'D', value: 60 },
      { sku: 'F', value: 30 },
    ]);
    expect(rows.map((r) => [r.sku, r.class, r.cumulativeShare])).toEqual([
      ['A', 'A', 0.5],
      ['B', 'A', 0.75],
      ['C', 'A', 0.85],
      ['D', 'B', 0.91],
      ['E', 'B', 0.96],
      ['F', 'C', 0.99],
      ['G', 'C', 1],
    ]);
    expect(
      abcClassify([
        { sku: 'X', value: 0 },
        { sku: 'Y', value: 0 },
      ]).map((r) => r.class),
    ).toEqual(['C', 'C']);
  });

  it('is monotone: a higher value never gets a lower class (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(1000), { minLength: 1, maxLength: 30 }), (values) => {
        const rows = abcClassify(values.map((value, i) => ({ sku: `S${i}`, value })));
        const order = { A: 0, B: 1, C: 2 };
        for (let i = 1; i < rows.length; i++)
          expect(order[rows[i]!.class]).toBeGreaterThanOrEqual(order[rows[i - 1]!.class]);
        expect(rows.at(-1)!.cumulativeShare).toBeCloseTo(values.some((v) => v > 0) ? 1 : 0, 12);
      }),
    );
  });

  it('refuses duplicates, negative values and a ≥ b', () => {
    expect(() =>
      abcClassify([
        { sku: 'A', value: 1 },
        { sku: 'A', value: 2 },
      ]),
    ).toThrow(ValidationError);
    expect(() => abcClassify([{ sku: 'A', value: -1 }])).toThrow(ValidationError);
    expect(() => abcClassify([{ sku: 'A', value: 1 }], { a: 0.9, b: 0.8 })).toThrow(ValidationError);
  });
});

describe('xyzClassify', () => {
  it('CV = σ/μ (population σ): X below 0.5, Y to 1.0, Z above, by hand', () => {
    const rows = xyzClassify([
      { sku: 'steady', demand: [10, 12, 8, 10] }, // μ 10, σ √2 = 1.414, CV 0.1414
      { sku: 'mid', demand: [2, 10, 2, 10] }, // μ 6, σ 4, CV 0.6667
      { sku: 'edge', demand: [0, 2] }, // μ 1, σ 1, CV 1.0 → Y
      { sku: 'lumpy', demand: [0, 0, 9, 0] }, // μ 2.25, σ 3.897, CV 1.732
      { sku: 'none', demand: [0, 0] },
    ]);
    expect(rows.map((r) => [r.sku, r.class])).toEqual([
      ['steady', 'X'],
      ['mid', 'Y'],
      ['edge', 'Y'],
      ['lumpy', 'Z'],
      ['none', 'Z'],
    ]);
    expect(rows[0]!.cv).toBeCloseTo(Math.SQRT2 / 10, 12);
    expect(rows[1]!.cv).toBeCloseTo(4 / 6, 12);
    expect(rows[4]!.cv).toBeNull();
  });

  it('combines with ABC into the 3 × 3 matrix', () => {
    const abc = abcClassify([
      { sku: 'a', value: 90 },
      { sku: 'b', value: 9 },
      { sku: 'c', value: 1 },
    ]);
    const xyz = xyzClassify([
      { sku: 'a', demand: [5, 5] },
      { sku: 'b', demand: [0, 5] },
      { sku: 'c', demand: [0, 0, 7] },
    ]);
    const matrix = abcXyzMatrix(abc, xyz);
    expect(matrix.skus).toEqual([
      { sku: 'a', class: 'AX' },
      { sku: 'b', class: 'BY' },
      { sku: 'c', class: 'CZ' },
    ]);
    expect(Object.values(matrix.counts).reduce((s, n) => s + n, 0)).toBe(3);
  });
});
