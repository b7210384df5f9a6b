import { Money } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PackItem, type PackVehicle, planCost } from './bins.js';
import { consolidate } from './consolidate.js';
import { firstFitDecreasing } from './first-fit-decreasing.js';
import { improvePlan } from './local-search.js';
import { reduceVehicles } from './reduce-vehicles.js';
import type { ConsolidationOrder, ConsolidationProblem, ConsolidationVehicle } from './schemas.js';

/** Every partition of 0..n-1 into blocks (Bell(n) of them). */
function* partitions(n: number): Generator<number[][]> {
  if (n === 0) {
    yield [];
    return;
  }
  for (const rest of partitions(n - 1)) {
    for (let i = 0; i < rest.length; i += 1)
      yield rest.map((block, j) => (j === i ? [...block, n - 1] : block));
    yield [...rest, [n - 1]];
  }
}

/** The optimum by brute force: each block on its cheapest vehicle, a single order also alone. */
function bruteForceCost(problem: { orders: ConsolidationOrder[]; vehicles: ConsolidationVehicle[] }): number {
  const cents = (amount: string) => Math.round(Number(amount) * 100);
  let best = Number.POSITIVE_INFINITY;
  for (const blocks of partitions(problem.orders.length)) {
    let cost = 0;
    for (const block of blocks) {
      const weight = block.reduce((s, i) => s + Number(problem.orders[i]!.weightKg), 0);
      const volume = block.reduce((s, i) => s + Number(problem.orders[i]!.volumeM3), 0);
      let blockCost = Number.POSITIVE_INFINITY;
      for (const v of problem.vehicles) {
        if (weight <= Number(v.capacityKg) + 1e-9 && volume <= Number(v.capacityM3) + 1e-9) {
          blockCost = Math.min(blockCost, cents(v.tripCost));
        }
      }
      if (block.length === 1) blockCost = Math.min(blockCost, cents(problem.orders[block[0]!]!.aloneCost));
      cost += blockCost;
    }
    best = Math.min(best, cost);
  }
  return best;
}

const vehicleArb = fc.record({
  id: fc.constantFrom('a', 'b', 'c'),
  capacityKg: fc.integer({ min: 200, max: 2000 }),
  capacityM3: fc.integer({ min: 2, max: 20 }),
  tripCost: fc.integer({ min: 100, max: 900 }).map(String),
});
const vehiclesArb = fc.uniqueArray(vehicleArb, { minLength: 1, maxLength: 3, selector: (v) => v.id });
const orderArb = (index: number) =>
  fc.record({
    id: fc.constant(`o${index}`),
    merchantId: fc.constantFrom('M1', 'M2', 'M3'),
    area: fc.constant('A'),
    shipDate: fc.constant('2026-03-02'),
    weightKg: fc.integer({ min: 1, max: 1200 }),
    volumeM3: fc.integer({ min: 0, max: 120 }).map((n) => n / 10),
    aloneCost: fc.integer({ min: 1, max: 60_000 }).map((n) => (n / 100).toFixed(2)),
  });
const ordersArb = (max: number) =>
  fc.integer({ min: 1, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => orderArb(i))));

/** The invariants every consolidation keeps. */
function checkInvariants(problem: ConsolidationProblem) {
  const result = consolidate(problem);
  const ids = problem.orders.map((o) => o.id);
  // Every order exactly once: in one load, or alone.
  const loaded = result.loads.flatMap((load) => load.orders);
  expect(new Set(loaded).size).toBe(loaded.length);
  expect(result.orders.map((o) => o.orderId)).toEqual(ids);
  for (const share of result.orders) {
    expect(
      share.load === null
        ? !loaded.includes(share.orderId)
        : result.loads[share.load]!.orders.includes(share.orderId),
    ).toBe(true);
  }
  // No vehicle over capacity.
  for (const load of result.loads) {
    const vehicle = problem.vehicles.find((v) => v.id === load.vehicleId)!;
    const members = problem.orders.filter((o) => load.orders.includes(o.id));
    expect(members.reduce((s, o) => s + Number(o.weightKg), 0)).toBeLessThanOrEqual(
      Number(vehicle.capacityKg) + 1e-9,
    );
    expect(members.reduce((s, o) => s + Number(o.volumeM3), 0)).toBeLessThanOrEqual(
      Number(vehicle.capacityM3) + 1e-9,
    );
    expect(load.cost.lessThanOrEqual(load.aloneCost)).toBe(true);
  }
  // Savings sum exactly to the total; nobody pays more than alone, nobody pays less than zero.
  const zero = Money.zero();
  const total = (values: Money[]) => values.reduce((s, v) => s.add(v), zero);
  expect(total(result.orders.map((o) => o.saving)).equals(result.totals.saving)).toBe(true);
  expect(total(result.merchants.map((m) => m.saving)).equals(result.totals.saving)).toBe(true);
  expect(total(result.loads.map((l) => l.saving)).equals(result.totals.saving)).toBe(true);
  expect(total(result.orders.map((o) => o.pays)).equals(result.totals.cost)).toBe(true);
  for (const share of result.orders) {
    expect(share.pays.lessThanOrEqual(share.aloneCost)).toBe(true);
    expect(share.saving.isNegative()).toBe(false);
    expect(share.pays.add(share.saving).equals(share.aloneCost)).toBe(true);
  }
  for (const merchant of result.merchants)
    expect(merchant.pays.lessThanOrEqual(merchant.aloneCost)).toBe(true);
  // Each load's payments are its vehicle's cost, to the cent.
  result.loads.forEach((load, index) => {
    const paid = total(result.orders.filter((o) => o.load === index).map((o) => o.pays));
    expect(paid.equals(load.cost)).toBe(true);
  });
  return result;
}

describe('consolidate against brute force', () => {
  it('the exact method finds the optimum of every partition (up to 7 orders, 1-3 vehicle types)', () => {
    fc.assert(
      fc.property(vehiclesArb, ordersArb(7), (vehicles, orders) => {
        const problem = { vehicles, orders };
        const result = checkInvariants(problem);
        expect(result.groups[0]!.method).toBe('exact');
        expect(Number(result.totals.cost.toMinorUnits())).toBe(bruteForceCost(problem));
      }),
      { numRuns: 150 },
    );
  });

  it('the heuristic is feasible, never below the optimum, and keeps every invariant', () => {
    fc.assert(
      fc.property(vehiclesArb, ordersArb(7), (vehicles, orders) => {
        const problem = { vehicles, orders, exactUpTo: 0 };
        const result = checkInvariants(problem);
        expect(result.groups[0]!.method).toBe('heuristic');
        expect(Number(result.totals.cost.toMinorUnits())).toBeGreaterThanOrEqual(bruteForceCost(problem));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the invariants on larger mixed problems (many areas and dates)', () => {
    const many = fc.array(
      fc.record({
        merchantId: fc.constantFrom('M1', 'M2', 'M3', 'M4', 'M5'),
        area: fc.constantFrom('A', 'B', 'A/x'),
        shipDate: fc.constantFrom('2026-03-02', '2026-03-03'),
        weightKg: fc.integer({ min: 1, max: 2500 }),
        volumeM3: fc.integer({ min: 0, max: 250 }).map((n) => n / 10),
        aloneCost: fc.integer({ min: 1, max: 90_000 }).map((n) => (n / 100).toFixed(2)),
      }),
      { minLength: 1, maxLength: 80 },
    );
    fc.assert(
      fc.property(vehiclesArb, many, fc.integer({ min: 0, max: 10 }), (vehicles, rows, exactUpTo) => {
        checkInvariants({ vehicles, orders: rows.map((row, i) => ({ ...row, id: `o${i}` })), exactUpTo });
      }),
      { numRuns: 60 },
    );
  });
});

describe('first-fit decreasing and its bound', () => {
  it('one vehicle type, one binding dimension: at most 11/9·OPT + 6/9 vehicles, and no two loads could merge', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 10 }), (weights) => {
        const vehicles = [{ id: 't', capacityKg: 1000, capacityM3: 100, tripCost: '100' }];
        const orders = weights.map((weightKg, i) => ({
          id: `o${i}`,
          merchantId: 'M',
          area: 'A',
          shipDate: '2026-03-02',
          weightKg,
          volumeM3: 0,
          aloneCost: '100000',
        }));
        const optimum = consolidate({ vehicles, orders, exactUpTo: 10 }).totals.vehicles;
        const heuristic = consolidate({ vehicles, orders, exactUpTo: 0 });
        expect(heuristic.totals.vehicles).toBeLessThanOrEqual(Math.floor((11 / 9) * optimum + 6 / 9));
        const loads = heuristic.loads.map((load) => Number(load.weightKg));
        for (let a = 0; a < loads.length; a += 1) {
          for (let b = a + 1; b < loads.length; b += 1) expect(loads[a]! + loads[b]!).toBeGreaterThan(1000);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("FFD's tight instance: 11 vehicles where 9 suffice; the local search finds the 9", () => {
    // ε = 10 g on 1,000 g bins: 6 × 510, 6 × 270, 6 × 260, 12 × 230 fill exactly 9 bins.
    const weights = [
      ...Array(6).fill(510),
      ...Array(6).fill(270),
      ...Array(6).fill(260),
      ...Array(12).fill(230),
    ] as number[];
    const items: PackItem[] = weights.map((weight) => ({ weight, volume: 0, alone: 1_000_000 }));
    const vehicles: PackVehicle[] = [{ weight: 1000, volume: 1, cost: 100 }];
    const indices = items.map((_, i) => i);
    const ffd = firstFitDecreasing(indices, items, vehicles, 0);
    expect(ffd.loads).toHaveLength(11);
    const improved = improvePlan(ffd, items, vehicles);
    expect(improved.loads).toHaveLength(9);
    expect(improved.loads.every((load) => load.weight === 1000)).toBe(true);
    expect(planCost(improved, items, vehicles)).toBe(improved.loads.length * 100);
    expect(improved.loads.flatMap((load) => load.items).sort((a, b) => a - b)).toEqual(indices);
    // Vehicle elimination alone, from FFD's 11: dissolve a load, repair the overload, repeat.
    const reduced = reduceVehicles(ffd, items, vehicles);
    expect(reduced.loads).toHaveLength(9);
    expect(reduced.loads.every((load) => load.weight <= 1000)).toBe(true);
    expect(reduced.loads.flatMap((load) => load.items).sort((a, b) => a - b)).toEqual(indices);
    for (const load of reduced.loads) {
      expect(load.items.reduce((sum, i) => sum + items[i]!.weight, 0)).toBe(load.weight);
    }
  });
});
