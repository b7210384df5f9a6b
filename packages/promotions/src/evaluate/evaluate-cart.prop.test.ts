import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cartArbitrary, promotionsArbitrary } from '../test-arbitraries.js';
import { NOW } from '../test-fixtures.js';
import { branchAndBoundBest } from './best/branch-and-bound.js';
import { bruteForceBest } from './best/brute-force.js';
import type { Candidate } from './best/candidates.js';
import { compilePromotions } from './compile.js';
import { buildContext, type CartEvaluation, evaluateCart } from './evaluate-cart.js';
import { lineMatches } from './line-filter.js';
import { policyOrder } from './policy-order.js';
import { runStack } from './stack.js';
import { staticReason } from './static-eligibility.js';
import { buyGetDiscount } from './templates/buy-get.js';
import { lineUpperBounds, upperBound } from './upper-bound.js';

const minor = (m: { toMinorUnits(): bigint }) => m.toMinorUnits();
const policyArbitrary = fc.record({
  mode: fc.constantFrom('sequence' as const, 'best' as const),
  order: fc.constantFrom(
    'percent-before-fixed' as const,
    'fixed-before-percent' as const,
    'priority' as const,
  ),
  thresholdBasis: fc.constantFrom('current' as const, 'original' as const),
  rounding: fc.constantFrom('half-even' as const, 'up' as const, 'down' as const),
});

/** The amount each line had before the applied promotion `sequence` (its earlier adjustments taken off). */
function amountsBefore(result: CartEvaluation, sequence: number): Map<string, bigint> {
  const earlier = new Set(result.applied.filter((a) => a.sequence < sequence).map((a) => a.promotionId));
  return new Map(
    result.lines.map((line) => [
      line.lineId,
      minor(line.subtotal) -
        line.adjustments.filter((a) => earlier.has(a.promotionId)).reduce((s, a) => s + minor(a.amount), 0n),
    ]),
  );
}

describe('evaluateCart properties', () => {
  it('discounts stay within each line, totals never go below zero, and every part adds up exactly', () => {
    fc.assert(
      fc.property(cartArbitrary, promotionsArbitrary(8), policyArbitrary, (cart, promotions, policy) => {
        const result = evaluateCart({ cart, promotions, now: NOW, policy });
        expect(result.decisions).toHaveLength(promotions.length);
        expect(
          result.decisions
            .filter((d) => d.applied)
            .map((d) => d.promotionId)
            .sort(),
        ).toEqual(result.applied.map((a) => a.promotionId).sort());
        let lineDiscounts = 0n;
        for (const line of result.lines) {
          const off = line.adjustments.reduce((s, a) => s + minor(a.amount), 0n);
          for (const a of line.adjustments) expect(minor(a.amount)).toBeGreaterThan(0n);
          expect(off).toBe(minor(line.discount));
          expect(minor(line.total)).toBe(minor(line.subtotal) - off);
          expect(minor(line.total)).toBeGreaterThanOrEqual(0n);
          lineDiscounts += off;
        }
        expect(lineDiscounts).toBe(minor(result.discount));
        let applied = 0n;
        for (const a of result.applied) {
          // the lines' parts sum to the promotion's discount exactly, and no part exceeds what
          // its line had left before this promotion
          const before = amountsBefore(result, a.sequence);
          expect(a.lines.reduce((s, l) => s + minor(l.amount), 0n)).toBe(minor(a.discount));
          for (const l of a.lines) expect(minor(l.amount)).toBeLessThanOrEqual(before.get(l.lineId)!);
          expect(minor(a.total)).toBe(minor(a.discount) + minor(a.shippingDiscount));
          applied += minor(a.discount);
        }
        expect(applied).toBe(minor(result.discount));
        expect(minor(result.shippingDiscount)).toBeLessThanOrEqual(minor(result.shipping));
        expect(minor(result.total)).toBe(
          minor(result.subtotal) -
            minor(result.discount) +
            minor(result.shipping) -
            minor(result.shippingDiscount),
        );
        expect(minor(result.total)).toBeGreaterThanOrEqual(0n);
      }),
      { numRuns: 300 },
    );
  });

  it('a threshold applies only when the pre-discount eligible subtotal reaches it', () => {
    fc.assert(
      fc.property(cartArbitrary, promotionsArbitrary(6), policyArbitrary, (cart, promotions, policy) => {
        const result = evaluateCart({ cart, promotions, now: NOW, policy });
        const set = compilePromotions(promotions).forCurrency('CNY');
        for (const a of result.applied) {
          const promotion = set.find((p) => p.id === a.promotionId)!;
          const params = promotion.params;
          if (params.type !== 'threshold') continue;
          const before = amountsBefore(result, a.sequence);
          const eligible = cart.lines.filter((l) =>
            lineMatches(promotion.filter, { ...l, categories: l.categories ?? [] }),
          );
          const expected = eligible.reduce(
            (s, l) =>
              s +
              (policy.thresholdBasis === 'original'
                ? minor(result.lines.find((x) => x.lineId === l.id)!.subtotal)
                : before.get(l.id)!),
            0n,
          );
          expect(minor(a.basis)).toBe(expected);
          const lowest = params.tiers ? params.tiers[0]!.spend : params.every!.spend;
          expect(minor(a.basis)).toBeGreaterThanOrEqual(lowest);
        }
        for (const d of result.decisions) {
          if (d.code === 'THRESHOLD_NOT_MET')
            expect(Number(d.details.basis)).toBeLessThan(Number(d.details.spend));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('branch and bound finds exactly what brute force finds; best never saves less than the sequence', () => {
    fc.assert(
      fc.property(cartArbitrary, promotionsArbitrary(9), policyArbitrary, (cart, promotions, policy) => {
        const { ctx, compiled } = buildContext({
          cart,
          promotions,
          now: NOW,
          policy: { ...policy, mode: 'best' },
        });
        const eligible = compiled.filter((p) => staticReason(p, ctx) === null);
        const ranked = [...eligible].sort(policyOrder(ctx.policy));
        const candidates: Candidate[] = ranked
          .map((promotion, rank) => ({
            promotion,
            upperBound: upperBound(promotion, ctx),
            rank,
            lineBounds: lineUpperBounds(promotion, ctx),
          }))
          .filter((c) => c.upperBound > 0n);
        const brute = bruteForceBest(ctx, candidates);
        const bnb = branchAndBoundBest(ctx, candidates);
        expect(bnb.solution.value).toBe(brute.solution.value);
        expect(bnb.solution.members.map((m) => m.promotion.id)).toEqual(
          brute.solution.members.map((m) => m.promotion.id),
        );
        expect(bnb.evaluated).toBeLessThanOrEqual(Math.max(brute.evaluated, 1));
        // the bounds hold in every stack tried: totals and, for line-by-line templates, each line
        for (const entry of brute.solution.run.entries) {
          const candidate = candidates.find((c) => c.promotion.index === entry.promotion.index)!;
          expect(entry.total).toBeLessThanOrEqual(candidate.upperBound);
          const lines = new Map(candidate.lineBounds ?? []);
          for (const d of entry.outcome?.discounts ?? []) {
            if (candidate.lineBounds) expect(d.amount).toBeLessThanOrEqual(lines.get(d.line)!);
          }
        }
        const best = evaluateCart({ cart, promotions, now: NOW, policy: { ...policy, mode: 'best' } });
        const sequence = evaluateCart({
          cart,
          promotions,
          now: NOW,
          policy: { ...policy, mode: 'sequence' },
        });
        expect(minor(best.savings)).toBe(brute.solution.value);
        expect(minor(best.savings)).toBeGreaterThanOrEqual(minor(sequence.savings));
        // and in the sequence's stack: a promotion it applies is a candidate within its bounds
        const lineIndex = new Map(ctx.lines.map((l) => [l.id, l.index]));
        for (const a of sequence.applied) {
          const candidate = candidates.find((c) => c.promotion.id === a.promotionId);
          expect(candidate).toBeDefined();
          expect(minor(a.total)).toBeLessThanOrEqual(candidate!.upperBound);
          const lines = new Map(candidate!.lineBounds ?? []);
          for (const l of a.lines) {
            if (candidate!.lineBounds) {
              expect(minor(l.amount)).toBeLessThanOrEqual(lines.get(lineIndex.get(l.lineId)!)!);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('buy-get never counts one unit as both bought and given', () => {
    fc.assert(
      fc.property(
        cartArbitrary,
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 7, maxLength: 7 }),
        fc.boolean(),
        (cart, buy, get, used, separateGet) => {
          const promotion = {
            id: 'bg',
            type: 'buy-get' as const,
            buyQuantity: buy,
            getQuantity: get,
            eligibility: { categories: ['c0', 'c1'] },
            ...(separateGet ? { get: { categories: ['c1', 'c2'] } } : {}),
          };
          const { ctx, compiled } = buildContext({ cart, promotions: [promotion], now: NOW });
          const run = runStack(ctx, [], { exclusiveGroups: false });
          // earlier buy-gets or bundles used some units already
          ctx.lines.forEach((line, i) => {
            run.state.consumed[i] = Math.min(line.quantity, used[i]!);
          });
          const before = [...run.state.consumed];
          const result = buyGetDiscount(compiled[0]!, ctx, run.state, ctx.eligible[0]!);
          if (result.reason) return;
          const consumed = result.consumed.reduce((s, c) => s + c.units, 0);
          const applications = result.units / get;
          expect(Number.isInteger(applications)).toBe(true);
          // each application used buy + get distinct units: bought ones and given ones never overlap
          expect(consumed).toBe(applications * (buy + get));
          for (const c of result.consumed) {
            expect(c.units).toBeLessThanOrEqual(ctx.lines[c.line]!.quantity - before[c.line]!);
          }
          for (const d of result.discounts) expect(d.amount).toBeLessThanOrEqual(run.state.amounts[d.line]!);
        },
      ),
      { numRuns: 300 },
    );
  });
});
