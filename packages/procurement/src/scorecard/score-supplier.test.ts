import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { awardRound } from '../award/award-round.js';
import { scoreCriterion } from './criteria.js';
import { decayWeight } from './decay.js';
import { ratingFromScorecard } from './rating.js';
import { scoreSupplier } from './score-supplier.js';

/** A delivery of 100 units promised at noon (Shanghai) on `date`, ordered three days before. */
function delivery(id: string, date: string, { late = false, short = false } = {}) {
  const promisedAt = new Date(`${date}T12:00:00+08:00`);
  return {
    deliveryId: id,
    sku: 'MILK-1L',
    orderedQuantity: 100,
    deliveredQuantity: short ? 90 : 100,
    orderedAt: new Date(promisedAt.getTime() - 3 * 86_400_000),
    promisedAt,
    deliveredAt: new Date(promisedAt.getTime() + (late ? 86_400_000 : -3_600_000)),
  };
}

const CRITERIA = [
  { criterionId: 'delivery', kpi: 'otif' as const, weight: 60, worst: 80, best: 100 },
  { criterionId: 'quality', kpi: 'ppm' as const, weight: 40, worst: 10_000, best: 0 },
];

describe('scoreSupplier', () => {
  const input = {
    supplierId: 'SUP-1',
    asOf: '2026-03-31T20:00:00+08:00',
    periods: 3,
    criteria: CRITERIA,
    deliveries: [
      // January: 3 of 4 OTIF (75 % → 0 points), no defects (100): 0.6 × 0 + 0.4 × 100 = 40
      delivery('j1', '2026-01-05'),
      delivery('j2', '2026-01-12'),
      delivery('j3', '2026-01-19', { late: true }),
      delivery('j4', '2026-01-26'),
      // February: 2 of 2 OTIF (100), 1 defect in 200 units = 5,000 PPM (50): 60 + 20 = 80
      delivery('f1', '2026-02-09'),
      delivery('f2', '2026-02-23'),
      // March: 1 of 1 (100), no defects (100): 100
      delivery('m1', '2026-03-30'),
      // before the window: ignored
      delivery('old', '2025-12-20', { late: true, short: true }),
    ],
    returns: [
      {
        returnId: 'r1',
        sku: 'MILK-1L',
        quantity: 1,
        at: '2026-02-25T10:00:00+08:00',
        cause: 'quality' as const,
      },
    ],
  };

  it('scores each period and weighs them by the linear decay (ERPNext-style)', () => {
    const card = scoreSupplier(input);
    expect(card.periods.map((p) => [p.start.toISOString(), p.back, p.weight, p.score])).toEqual([
      ['2025-12-31T16:00:00.000Z', 2, 10 / 12, 40],
      ['2026-01-31T16:00:00.000Z', 1, 11 / 12, 80],
      ['2026-02-28T16:00:00.000Z', 0, 1, 100],
    ]);
    // (1 × 100 + 11/12 × 80 + 10/12 × 40) / (1 + 11/12 + 10/12) = 75.15…
    expect(card.score).toBe(75.2);
    expect(card.standing?.name).toBe('Average');
    expect(card.blocksAwards).toBe(false);
    expect(card.kpis.deliveries).toBe(7);
    expect(card.kpis.otif).toBeCloseTo((6 / 7) * 100, 9);
  });

  it('blocks awards in the lowest standing', () => {
    const card = scoreSupplier({
      ...input,
      deliveries: input.deliveries.map((d) => ({
        ...d,
        deliveredAt: new Date(d.promisedAt.getTime() + 86_400_000),
      })),
      returns: [],
    });
    // nothing on time: OTIF 0 → 0 points, quality 100 → 40 per period
    expect(card.score).toBe(40);
    expect(card.standing?.name).toBe('Poor');
    const worse = scoreSupplier({
      ...input,
      deliveries: input.deliveries.map((d) => ({
        ...d,
        deliveredAt: new Date(d.promisedAt.getTime() + 86_400_000),
      })),
      returns: [
        { returnId: 'r', sku: 'MILK-1L', quantity: 10, at: '2026-03-30T13:00:00+08:00', cause: 'quality' },
      ],
      decay: { type: 'none' },
      periods: 1,
    });
    // March: 10 defects in 100 units = 100,000 PPM → 0: score 0
    expect(worse.score).toBe(0);
    expect(worse.blocksAwards).toBe(true);
  });

  it('the lowest standing, saved as the supplier rating, keeps the supplier out of awards', () => {
    const late = scoreSupplier({
      ...input,
      deliveries: input.deliveries.map((d) => ({
        ...d,
        deliveredAt: new Date(d.promisedAt.getTime() + 86_400_000),
      })),
      returns: [
        { returnId: 'r', sku: 'MILK-1L', quantity: 10, at: '2026-03-30T13:00:00+08:00', cause: 'quality' },
      ],
      decay: { type: 'none' },
      periods: 1,
    });
    const rating = ratingFromScorecard(late);
    expect(rating).toEqual({
      score: 0,
      standing: 'Very Poor',
      blocksAwards: true,
      asOf: new Date('2026-03-31T20:00:00+08:00'),
    });
    const award = awardRound({
      at: '2026-04-01T10:00:00+08:00',
      regions: ['华东'],
      skus: [{ sku: 'MILK-1L' }],
      requests: [
        { requestId: 'q', merchantId: 'M-1', region: '华东', lines: [{ sku: 'MILK-1L', quantity: 10 }] },
      ],
      agreements: ['SUP-1', 'SUP-2'].map((supplierId, i) => ({
        agreementId: `AG-${supplierId}`,
        supplierId,
        sku: 'MILK-1L',
        validFrom: '2026-01-01T00:00:00+08:00',
        tiers: [{ minQuantity: 1, unitPrice: i === 0 ? '4.00' : '5.00' }],
      })),
      suppliers: [{ supplierId: 'SUP-1', rating }, { supplierId: 'SUP-2' }],
    });
    // the cheaper supplier is out, with the reason
    expect(award.skus[0]!.lines.map((l) => l.supplierId)).toEqual(['SUP-2']);
    expect(award.skus[0]!.excluded[0]!.reasons.map((r) => r.code)).toEqual(['STANDING_BLOCKS_AWARDS']);
    // an unscored card gives no rating, which blocks nothing
    expect(
      ratingFromScorecard(
        scoreSupplier({ supplierId: 'SUP-9', asOf: '2026-03-31T00:00:00+08:00', deliveries: [] }),
      ),
    ).toBeNull();
  });

  it('has no score without due deliveries', () => {
    const card = scoreSupplier({ supplierId: 'SUP-9', asOf: '2026-03-31T00:00:00+08:00', deliveries: [] });
    expect([card.score, card.standing, card.blocksAwards]).toEqual([null, null, false]);
  });

  it('refuses criteria whose weights do not sum to 100', () => {
    try {
      scoreSupplier({ ...input, criteria: [{ ...CRITERIA[0]!, weight: 50 }, CRITERIA[1]!] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]).toMatchObject({
        path: ['criteria'],
        message: 'Expected the weights to sum to 100, got 90',
      });
    }
    expect(() =>
      scoreSupplier({
        ...input,
        criteria: [{ criterionId: 'a', kpi: 'otif', weight: 100, worst: 5, best: 5 }],
      }),
    ).toThrow(ValidationError);
    // 33.33 + 33.33 + 33.34 is 100
    expect(() =>
      scoreSupplier({
        ...input,
        criteria: [
          { criterionId: 'a', kpi: 'otif', weight: 33.33, worst: 80, best: 100 },
          { criterionId: 'b', kpi: 'fill-rate', weight: 33.33, worst: 90, best: 100 },
          { criterionId: 'c', kpi: 'ppm', weight: 33.34, worst: 10_000, best: 0 },
        ],
      }),
    ).not.toThrow();
  });

  it('criteria and decay', () => {
    expect(scoreCriterion(CRITERIA[0]!, 95)).toBe(75);
    expect(scoreCriterion(CRITERIA[0]!, 70)).toBe(0);
    expect(scoreCriterion(CRITERIA[1]!, 2_500)).toBe(75);
    expect(scoreCriterion(CRITERIA[1]!, null)).toBe(null);
    expect(decayWeight({ type: 'linear', periods: 12 }, 0)).toBe(1);
    expect(decayWeight({ type: 'linear', periods: 12 }, 12)).toBe(0);
    expect(decayWeight({ type: 'exponential', halfLife: 3 }, 6)).toBe(0.25);
  });
});
