import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSourcing } from './sourcing.js';

/** A small instance: 1-4 warehouses, 1-2 SKUs, integer costs so brute force can use plain numbers. */
const instance = fc
  .record({
    warehouses: fc.integer({ min: 1, max: 4 }),
    skus: fc.integer({ min: 1, max: 2 }),
  })
  .chain(({ warehouses, skus }) =>
    fc.record({
      candidates: fc.tuple(
        ...Array.from({ length: warehouses }, (_, index) =>
          fc.record({
            warehouseId: fc.constant(`W${index}`),
            distance: fc.integer({ min: 0, max: 20 }),
            unitCost: fc.integer({ min: 0, max: 9 }),
            shipmentCost: fc.integer({ min: 0, max: 12 }),
          }),
        ),
      ),
      quantities: fc.tuple(...Array.from({ length: skus }, () => fc.integer({ min: 1, max: 6 }))),
      available: fc.tuple(
        ...Array.from({ length: warehouses * skus }, () => fc.integer({ min: -2, max: 5 })),
      ),
    }),
  );

type Instance = typeof instance extends fc.Arbitrary<infer T> ? T : never;

function request(rule: 'nearest' | 'cheapest' | 'fewest-splits', data: Instance) {
  const skus = data.quantities.map((_, index) => `S${index}`);
  return {
    rule,
    warehouses: data.candidates.map((c) => ({
      warehouseId: c.warehouseId,
      distance: c.distance,
      unitCost: String(c.unitCost),
      shipmentCost: String(c.shipmentCost),
    })),
    lines: data.quantities.map((quantity, index) => ({ sku: skus[index]!, quantity })),
    stock: data.candidates.flatMap((c, w) =>
      skus.map((sku, s) => ({
        warehouseId: c.warehouseId,
        sku,
        available: data.available[w * skus.length + s]!,
      })),
    ),
  };
}

/** Every way to split each line over the warehouses that supplies the most: [qty per warehouse per line]. */
function* allAllocations(data: Instance): Generator<number[][]> {
  const W = data.candidates.length;
  const avail = (w: number, s: number) => Math.max(0, data.available[w * data.quantities.length + s]!);
  const perLine = data.quantities.map((quantity, s) => {
    const target = Math.min(
      quantity,
      Array.from({ length: W }, (_, w) => avail(w, s)).reduce((a, b) => a + b, 0),
    );
    const splits: number[][] = [];
    const walk = (w: number, left: number, acc: number[]) => {
      if (w === W) {
        if (left === 0) splits.push([...acc]);
        return;
      }
      for (let units = 0; units <= Math.min(left, avail(w, s)); units += 1)
        walk(w + 1, left - units, [...acc, units]);
    };
    walk(0, target, []);
    return splits;
  });
  const combine = function* (s: number, acc: number[][]): Generator<number[][]> {
    if (s === perLine.length) {
      yield acc;
      return;
    }
    for (const split of perLine[s]!) yield* combine(s + 1, [...acc, split]);
  };
  yield* combine(0, []);
}

const used = (allocation: number[][], W: number) =>
  Array.from({ length: W }, (_, w) => allocation.some((split) => split[w]! > 0));

describe('planSourcing properties (brute force on small instances)', () => {
  it('never allocates more than is available and supplies as much as the candidates have', () => {
    fc.assert(
      fc.property(instance, fc.constantFrom('nearest', 'cheapest', 'fewest-splits'), (data, rule) => {
        const plan = planSourcing(request(rule, data));
        const req = request(rule, data);
        for (const a of plan.allocations) {
          const stock = req.stock.find((s) => s.warehouseId === a.warehouseId && s.sku === a.sku)!;
          expect(a.quantity).toBeGreaterThan(0);
          expect(a.quantity).toBeLessThanOrEqual(stock.available);
        }
        for (const line of req.lines) {
          const got = plan.allocations.filter((a) => a.sku === line.sku).reduce((s, a) => s + a.quantity, 0);
          const unmet = plan.unmet.find((u) => u.sku === line.sku)?.quantity ?? 0;
          const total = req.stock
            .filter((s) => s.sku === line.sku)
            .reduce((s, x) => s + Math.max(0, x.available), 0);
          expect(got + unmet).toBe(line.quantity);
          expect(unmet).toBe(Math.max(0, line.quantity - total));
        }
      }),
    );
  });

  it('cheapest: the plan costs exactly the brute-force minimum', () => {
    fc.assert(
      fc.property(instance, (data) => {
        const plan = planSourcing(request('cheapest', data));
        let best = Number.POSITIVE_INFINITY;
        for (const allocation of allAllocations(data)) {
          const cost = data.candidates.reduce((sum, c, w) => {
            const units = allocation.reduce((s, split) => s + split[w]!, 0);
            return sum + units * c.unitCost + (units > 0 ? c.shipmentCost : 0);
          }, 0);
          best = Math.min(best, cost);
        }
        expect(Number(plan.cost)).toBe(best);
      }),
    );
  });

  it('fewest-splits: no allocation that supplies as much uses fewer warehouses', () => {
    fc.assert(
      fc.property(instance, (data) => {
        const plan = planSourcing(request('fewest-splits', data));
        let fewest = Number.POSITIVE_INFINITY;
        for (const allocation of allAllocations(data)) {
          fewest = Math.min(fewest, used(allocation, data.candidates.length).filter(Boolean).length);
        }
        expect(plan.warehouses.length).toBe(fewest);
      }),
    );
  });

  it('nearest: a line uses a less preferred warehouse only when every more preferred one is empty for it', () => {
    fc.assert(
      fc.property(instance, (data) => {
        const req = request('nearest', data);
        const plan = planSourcing(req);
        // Preference: distance, then unit cost, then candidate order.
        const order = [...data.candidates].sort(
          (a, b) =>
            a.distance - b.distance ||
            a.unitCost - b.unitCost ||
            Number(a.warehouseId.slice(1)) - Number(b.warehouseId.slice(1)),
        );
        for (const line of req.lines) {
          const taken = order.map(
            (c) =>
              plan.allocations.find((a) => a.warehouseId === c.warehouseId && a.sku === line.sku)?.quantity ??
              0,
          );
          const avail = order.map((c) =>
            Math.max(
              0,
              req.stock.find((s) => s.warehouseId === c.warehouseId && s.sku === line.sku)!.available,
            ),
          );
          taken.forEach((units, position) => {
            if (units > 0)
              for (let nearer = 0; nearer < position; nearer += 1) expect(taken[nearer]).toBe(avail[nearer]);
          });
        }
      }),
    );
  });
});
