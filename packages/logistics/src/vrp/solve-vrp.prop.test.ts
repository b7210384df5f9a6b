import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForce, type TinyProblem } from '../../test/brute-force.js';
import { evaluateVrpSolution } from './evaluate.js';
import type { VrpProblem } from './schemas.js';
import { solveVrp } from './solve-vrp.js';

const customer = (windows: boolean) =>
  fc.record({
    x: fc.integer({ min: 0, max: 100 }),
    y: fc.integer({ min: 0, max: 100 }),
    demand: fc.integer({ min: 0, max: 12 }),
    ready: fc.integer({ min: 0, max: 300 }),
    width: fc.integer({ min: 0, max: 200 }),
    service: fc.integer({ min: 0, max: 15 }),
    windowed: windows ? fc.boolean() : fc.constant(false),
  });

const problemArb: fc.Arbitrary<VrpProblem> = fc
  .record({
    customers: fc.array(customer(true), { minLength: 1, maxLength: 12 }),
    depotWindow: fc.option(fc.integer({ min: 150, max: 600 }), { nil: undefined }),
    types: fc.array(
      fc.record({
        capacity: fc.integer({ min: 5, max: 40 }),
        count: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        maxDistance: fc.option(fc.integer({ min: 80, max: 400 }), { nil: undefined }),
        maxDuration: fc.option(fc.integer({ min: 100, max: 500 }), { nil: undefined }),
        fixedCost: fc.integer({ min: 0, max: 50 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    rounded: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ customers, depotWindow, types, rounded, seed }) => ({
    depot:
      depotWindow === undefined
        ? { x: 50, y: 50 }
        : { x: 50, y: 50, timeWindow: [0, depotWindow] as [number, number] },
    customers: customers.map((c, i) => ({
      id: `c${i}`,
      x: c.x,
      y: c.y,
      demand: c.demand,
      serviceTime: c.service,
      ...(c.windowed ? { timeWindow: [c.ready, c.ready + c.width] as [number, number] } : {}),
    })),
    vehicles: types.map((t) => ({
      capacity: t.capacity,
      fixedCost: t.fixedCost,
      ...(t.count === undefined ? {} : { count: t.count }),
      ...(t.maxDistance === undefined ? {} : { maxDistance: t.maxDistance }),
      ...(t.maxDuration === undefined ? {} : { maxDuration: t.maxDuration }),
    })),
    distance: rounded ? ('euclidean-rounded' as const) : ('euclidean' as const),
    seed,
    iterations: 25,
  }));

describe('solveVrp properties', () => {
  it('serves every customer once or returns it unassigned, within every limit', () => {
    fc.assert(
      fc.property(problemArb, (problem) => {
        const result = solveVrp(problem);
        const check = evaluateVrpSolution(problem, {
          routes: result.routes.map((r) => ({ vehicle: r.vehicle, stops: r.stops.map((s) => s.id) })),
          unassigned: result.unassigned.map((u) => u.id),
        });
        expect(check.violations).toEqual([]);
        const served = result.routes.flatMap((r) => r.stops.map((s) => s.id));
        const all = [...served, ...result.unassigned.map((u) => u.id)].sort();
        expect(all).toEqual(problem.customers.map((c) => c.id).sort());
        // The solver's own figures agree with the independent evaluation.
        result.routes.forEach((route, k) => {
          const again = check.routes[k]!;
          expect(route.distance).toBeCloseTo(again.distance, 9);
          expect(route.load).toBeCloseTo(again.load, 9);
          expect(route.duration).toBeCloseTo(again.duration, 6);
        });
        expect(result.totalCost).toBeCloseTo(check.totalCost, 9);
      }),
      { numRuns: 120 },
    );
  });

  it('is deterministic for a seed and an iteration budget', () => {
    fc.assert(
      fc.property(problemArb, (problem) => {
        expect(solveVrp(problem)).toEqual(solveVrp(problem));
      }),
      { numRuns: 30 },
    );
  });

  it('matches exhaustive search on tiny capacitated problems', () => {
    const tiny = fc.record({
      customers: fc.array(customer(false), { minLength: 1, maxLength: 6 }),
      capacity: fc.integer({ min: 12, max: 30 }),
      count: fc.integer({ min: 2, max: 4 }),
    });
    fc.assert(
      fc.property(tiny, ({ customers, capacity, count }) => {
        const problem: TinyProblem = {
          depot: { x: 50, y: 50 },
          customers: customers.map((c, i) => ({ id: i + 1, x: c.x, y: c.y, demand: c.demand })),
          vehicles: { capacity, count },
        };
        const exact = bruteForce(problem);
        const result = solveVrp({ ...problem, iterations: 60, seed: 3 });
        if (exact === null) return;
        expect(result.unassigned).toEqual([]);
        expect(result.totalCost).toBeCloseTo(exact.cost, 6);
      }),
      { numRuns: 40 },
    );
  });
});
