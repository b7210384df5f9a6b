import { applyMoqAndPack, type RoundingMode } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceQuantity } from '../pricing/price-quantity.js';
import type { AgreementInput } from '../pricing/schemas.js';
import { awardRound } from './award-round.js';
import type { AwardRoundInput } from './schemas.js';

const AT = '2026-03-10T10:00:00+08:00';

/** A random agreement: 1-3 tiers, prices with 0-4 decimals (sub-cent too), MOQ, pack, capacity. */
const agreementArb = (sku: string, index: number): fc.Arbitrary<AgreementInput> =>
  fc
    .record({
      incremental: fc.boolean(),
      breaks: fc.uniqueArray(fc.integer({ min: 2, max: 40 }), { maxLength: 2 }),
      prices: fc.array(fc.integer({ min: 1, max: 90_000 }), { minLength: 3, maxLength: 3 }),
      decimals: fc.integer({ min: 0, max: 4 }),
      moq: fc.integer({ min: 1, max: 15 }),
      pack: fc.constantFrom(1, 1, 2, 3, 5),
      capacity: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    })
    .map(({ incremental, breaks, prices, decimals, moq, pack, capacity }) => {
      const mins = [1, ...breaks.sort((a, b) => a - b)];
      const sorted = [...prices].sort((a, b) => b - a);
      return {
        agreementId: `${sku}-AG${index}`,
        supplierId: `SUP-${index}`,
        sku,
        pricing: incremental ? 'incremental' : 'all-units',
        tiers: mins.map((minQuantity, k) => ({
          minQuantity,
          unitPrice: (sorted[k]! / 10 ** decimals).toFixed(decimals),
        })),
        moq,
        packSize: pack,
        capacity: capacity === null ? null : { quantity: capacity, period: 'month' },
        validFrom: '2026-01-01T00:00:00+08:00',
      } satisfies AgreementInput;
    });

/** A random round: 1-2 SKUs, 1-3 agreements each, 1-7 requests drawn from few quantities (so some are equal). */
const roundArb: fc.Arbitrary<AwardRoundInput> = fc
  .record({
    skuCount: fc.integer({ min: 1, max: 2 }),
    agreementCounts: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 2 }),
    quantities: fc.array(fc.constantFrom(1, 2, 3, 5, 7, 12, 20), { minLength: 1, maxLength: 7 }),
    skuOf: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 7, maxLength: 7 }),
    rounding: fc.constantFrom<RoundingMode>('half-even', 'half-up', 'up', 'down'),
    rationing: fc.constantFrom('proportional' as const, 'first-come' as const),
    seed: fc.integer(),
  })
  .chain((r) => {
    const skus = Array.from({ length: r.skuCount }, (_, i) => `SKU-${i}`);
    const agreements = skus.flatMap((sku, s) =>
      Array.from({ length: r.agreementCounts[s]! }, (_, i) => agreementArb(sku, i)),
    );
    return fc.tuple(...agreements).map((list) => ({
      roundId: 'R',
      at: AT,
      regions: ['华东'],
      skus: skus.map((sku) => ({ sku })),
      requests: r.quantities.map((quantity, i) => ({
        requestId: `q${i}`,
        merchantId: `M-${i % 3}`,
        region: '华东',
        lines: [{ sku: skus[Math.min(r.skuOf[i]!, skus.length - 1)]!, quantity }],
      })),
      agreements: list,
      suppliers: [0, 1, 2].map((i) => ({ supplierId: `SUP-${i}` })),
      rounding: r.rounding,
      rationing: r.rationing,
    }));
  });

/** The largest fill ≤ demand and its least exact cost, by enumerating every agreement's quantities. */
function bruteForce(agreements: readonly AgreementInput[], demand: number): { filled: number; cost: number } {
  const options = agreements.map((a) => {
    const pack = a.packSize ?? 1;
    const min = applyMoqAndPack(a.moq ?? 1, { packSize: pack });
    const max = a.capacity ? Math.floor(a.capacity.quantity / pack) * pack : demand;
    const list = [{ q: 0, cost: 0 }];
    for (let q = min; q <= Math.min(max, demand); q += pack) {
      list.push({ q, cost: Number(priceQuantity(a, q).amount.toDecimalString()) });
    }
    return list;
  });
  let best = { filled: 0, cost: 0 };
  const walk = (j: number, filled: number, cost: number) => {
    if (filled > demand) return;
    if (j === options.length) {
      if (filled > best.filled || (filled === best.filled && cost < best.cost - 1e-9))
        best = { filled, cost };
      return;
    }
    for (const o of options[j]!) walk(j + 1, filled + o.q, cost + o.cost);
  };
  walk(0, 0, 0);
  return best;
}

describe('awardRound (properties)', () => {
  it('buys the most the agreements allow at least cost (against brute force over the agreements)', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const award = awardRound(input);
        for (const sku of award.skus) {
          const reference = bruteForce(
            input.agreements.filter((a) => a.sku === sku.sku),
            sku.demand,
          );
          expect(sku.filled).toBe(reference.filled);
          const exact = sku.lines.reduce((s, l) => s + Number(l.exactAmount.toDecimalString()), 0);
          expect(Math.abs(exact - reference.cost)).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('passes the cost back exactly: amounts sum to the invoices, nobody pays more than alone, equal requests pay equal amounts', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const award = awardRound(input);
        let all = 0n;
        for (const sku of award.skus) {
          const lines = award.allocations.filter((a) => a.sku === sku.sku);
          const paid = lines.reduce((s, a) => s + a.amount.toMinorUnits(), 0n);
          const invoiced = sku.lines.reduce((s, l) => s + l.amount.toMinorUnits(), 0n);
          expect(paid).toBe(invoiced);
          expect(sku.cost.toMinorUnits()).toBe(invoiced);
          expect(lines.reduce((s, a) => s + a.filled, 0)).toBe(sku.filled);
          all += paid;
          for (const a of lines) {
            expect(a.amount.lessThanOrEqual(a.standalone)).toBe(true);
            expect(a.saving.isNegative()).toBe(false);
            expect(a.filled).toBeLessThanOrEqual(a.requested);
          }
          // equal fills pay equal amounts, but for one block split by one minor unit at most
          const byFill = new Map<number, bigint[]>();
          for (const a of lines) {
            if (a.filled === 0) continue;
            byFill.set(a.filled, [...(byFill.get(a.filled) ?? []), a.amount.toMinorUnits()]);
          }
          const split = [...byFill.values()].filter((amounts) => new Set(amounts).size > 1);
          expect(split.length).toBeLessThanOrEqual(1);
          for (const amounts of split) {
            const sorted = [...amounts].sort((x, y) => (x < y ? -1 : 1));
            expect(sorted[sorted.length - 1]! - sorted[0]!).toBe(1n);
          }
          // with no stand-alone cap binding, each amount is within one minor unit of cost × filled / total
          const total = Number(invoiced);
          const uniform = lines.map((a) => (sku.filled === 0 ? 0 : (total * a.filled) / sku.filled));
          if (lines.every((a, i) => uniform[i]! <= Number(a.standalone.toMinorUnits()))) {
            lines.forEach((a, i) => {
              expect(Math.abs(Number(a.amount.toMinorUnits()) - uniform[i]!)).toBeLessThan(1 + 1e-9);
            });
          }
        }
        const ordered = award.purchaseOrders.reduce((s, po) => s + po.total.toMinorUnits(), 0n);
        expect(ordered).toBe(all);
        expect(award.totals.cost.toMinorUnits()).toBe(all);
        const merchants = award.merchants.reduce((s, m) => s + m.amount.toMinorUnits(), 0n);
        expect(merchants).toBe(all);
      }),
      { numRuns: 300 },
    );
  });

  it('only awards eligible agreements, within their capacity', () => {
    fc.assert(
      fc.property(roundArb, (input) => {
        const award = awardRound(input);
        for (const sku of award.skus) {
          const excluded = new Set(sku.excluded.map((e) => e.agreementId));
          for (const line of sku.lines) {
            expect(excluded.has(line.agreementId)).toBe(false);
            const agreement = input.agreements.find((a) => a.agreementId === line.agreementId)!;
            if (agreement.capacity) expect(line.quantity).toBeLessThanOrEqual(agreement.capacity.quantity);
            expect(line.quantity % (agreement.packSize ?? 1)).toBe(0);
            expect(line.quantity).toBeGreaterThanOrEqual(agreement.moq ?? 1);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('with one agreement and no limits, an extra request never raises the pooled unit price', () => {
    fc.assert(
      fc.property(roundArb, fc.constantFrom(1, 5, 40, 300), (input, extra) => {
        const agreement = { ...input.agreements[0]!, sku: 'SKU-0', moq: 1, packSize: 1, capacity: null };
        const single = { ...input, skus: [{ sku: 'SKU-0' }], agreements: [agreement] };
        single.requests = single.requests.map((r) => ({
          ...r,
          lines: [{ sku: 'SKU-0', quantity: r.lines[0]!.quantity }],
        }));
        const before = awardRound(single).skus[0]!;
        const after = awardRound({
          ...single,
          requests: [
            ...single.requests,
            {
              requestId: 'extra',
              merchantId: 'M-x',
              region: '华东',
              lines: [{ sku: 'SKU-0', quantity: extra }],
            },
          ],
        }).skus[0]!;
        // exact cost per unit, compared cross-multiplied: after / filled' <= before / filled
        const a = after.lines[0]!.exactAmount.multiply(before.filled);
        const b = before.lines[0]!.exactAmount.multiply(after.filled);
        expect(a.lessThanOrEqual(b)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
