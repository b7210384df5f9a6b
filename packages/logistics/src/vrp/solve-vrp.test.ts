import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { readBenchData } from '../../test/bench-data.js';
import { bruteForce, type TinyProblem } from '../../test/brute-force.js';
import { evaluateVrpSolution } from './evaluate.js';
import { parseCvrplib } from './io/cvrplib.js';
import { parseSolomon } from './io/solomon.js';
import type { VrpProblem } from './schemas.js';
import { solveVrp } from './solve-vrp.js';

function validationPaths(run: () => unknown): (string | number)[][] {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => i.path);
    throw e;
  }
  throw new Error('expected a ValidationError');
}

function checked(problem: VrpProblem, result: ReturnType<typeof solveVrp>) {
  return evaluateVrpSolution(problem, {
    routes: result.routes.map((r) => ({ vehicle: r.vehicle, stops: r.stops.map((s) => s.id) })),
    unassigned: result.unassigned.map((u) => u.id),
  });
}

describe('solveVrp on hand-checked problems', () => {
  it('serves four customers on a square with two vehicles optimally', () => {
    // Depot at the centre, customers at the corners of a 20 x 20 square, capacity 2 each:
    // two routes of two adjacent corners: 4 × √200 + 2 × 20 = 96.5685...
    const problem: VrpProblem = {
      depot: { x: 0, y: 0 },
      customers: [
        { id: 1, x: 10, y: 10, demand: 1 },
        { id: 2, x: -10, y: 10, demand: 1 },
        { id: 3, x: -10, y: -10, demand: 1 },
        { id: 4, x: 10, y: -10, demand: 1 },
      ],
      vehicles: { capacity: 2 },
      iterations: 50,
    };
    const result = solveVrp(problem);
    expect(result.vehiclesUsed).toBe(2);
    expect(result.totalDistance).toBeCloseTo(4 * Math.sqrt(200) + 40, 9);
    expect(result.unassigned).toEqual([]);
    const pairs = result.routes.map((r) => r.stops.map((s) => s.id).sort()).sort();
    expect([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [1, 4],
        [2, 3],
      ],
    ]).toContainEqual(pairs);
    expect(checked(problem, result).feasible).toBe(true);
  });

  it('orders a route to meet the time windows, waiting when early', () => {
    // One vehicle. B is nearer but only opens at 100; A must be served first, by 20.
    const problem: VrpProblem = {
      depot: { x: 0, y: 0, timeWindow: [0, 1000] },
      customers: [
        { id: 'B', x: 5, y: 0, demand: 1, timeWindow: [100, 200], serviceTime: 10 },
        { id: 'A', x: 0, y: 15, demand: 1, timeWindow: [0, 20], serviceTime: 5 },
      ],
      vehicles: { capacity: 10, count: 1 },
      iterations: 30,
    };
    const result = solveVrp(problem);
    expect(result.routes).toHaveLength(1);
    const route = result.routes[0]!;
    expect(route.stops.map((s) => s.id)).toEqual(['A', 'B']);
    const dAB = Math.sqrt(25 + 225);
    expect(route.distance).toBeCloseTo(15 + dAB + 5, 9);
    // Leave as late as A's due time allows (reach A at 20), then wait at B until it opens.
    expect(route.start).toBeCloseTo(5, 9);
    expect(route.stops[0]!.arrival).toBeCloseTo(20, 9);
    expect(route.stops[1]!.arrival).toBeCloseTo(25 + dAB, 9);
    expect(route.stops[1]!.serviceStart).toBe(100);
    expect(route.end).toBeCloseTo(115, 9);
    expect(route.duration).toBeCloseTo(110, 9);
    expect(route.duration).toBeCloseTo(route.end - route.start, 9);
    expect(checked(problem, result).feasible).toBe(true);
  });

  it('finds the optimum of small seeded instances, as exhaustive search does', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const problem = tinyInstance(seed, 7);
      const exact = bruteForce(problem)!;
      const result = solveVrp({ ...problem, seed, iterations: 200 });
      expect(result.unassigned, `seed ${seed}`).toEqual([]);
      expect(result.totalCost, `seed ${seed}`).toBeCloseTo(exact.cost, 6);
    }
  });

  it('finds the optimum of small time-windowed instances, as exhaustive search does', () => {
    for (let seed = 11; seed <= 16; seed++) {
      const problem = tinyInstance(seed, 7, true);
      const exact = bruteForce(problem);
      const result = solveVrp({ ...problem, seed, iterations: 200 });
      if (!exact) continue;
      expect(result.unassigned, `seed ${seed}`).toEqual([]);
      expect(result.totalCost, `seed ${seed}`).toBeCloseTo(exact.cost, 6);
    }
  });

  it('solves A-n32-k5 to its optimum 784 within 5 vehicles', () => {
    const { problem } = parseCvrplib(readBenchData('cvrp/A/A-n32-k5.vrp'));
    const result = solveVrp({ ...problem, iterations: 1500, seed: 1 });
    expect(result.totalDistance).toBe(784);
    expect(result.vehiclesUsed).toBeLessThanOrEqual(5);
    expect(checked(problem, result).feasible).toBe(true);
  });

  it('solves C101 to its best-known 828.94 with 10 vehicles', () => {
    const { problem } = parseSolomon(readBenchData('vrptw/solomon/C101.txt'));
    const result = solveVrp({ ...problem, iterations: 300, seed: 1 });
    expect(Math.round(result.totalDistance * 100) / 100).toBe(828.94);
    expect(result.vehiclesUsed).toBe(10);
    expect(checked(problem, result).feasible).toBe(true);
  });

  it('respects route duration limits with service times (CMT6)', () => {
    const { problem } = parseCvrplib(readBenchData('cvrp/CMT/CMT6.vrp'), { distance: 'euclidean' });
    const result = solveVrp({ ...problem, iterations: 400, seed: 2 });
    const check = checked(problem, result);
    expect(check.feasible).toBe(true);
    for (const route of result.routes) expect(route.duration).toBeLessThanOrEqual(200 + 1e-9);
    expect(result.totalDistance).toBeLessThan(555.43 * 1.03);
  });

  it('chooses vehicle types in a heterogeneous fleet by cost', () => {
    // Two far clusters; a big truck with a high fixed cost, and small vans. Each cluster fits a van.
    const problem: VrpProblem = {
      depot: { x: 0, y: 0 },
      customers: [
        { id: 'n1', x: 0, y: 50, demand: 4 },
        { id: 'n2', x: 2, y: 50, demand: 4 },
        { id: 's1', x: 0, y: -50, demand: 4 },
        { id: 's2', x: 2, y: -50, demand: 4 },
      ],
      vehicles: [
        { id: 'truck', capacity: 100, count: 1, fixedCost: 500 },
        { id: 'van', capacity: 8, count: 2, fixedCost: 10 },
      ],
      iterations: 100,
    };
    const result = solveVrp(problem);
    expect(result.routes.map((r) => r.vehicleId)).toEqual(['van', 'van']);
    expect(result.totalCost).toBeCloseTo(result.totalDistance + 20, 9);
    // One truck run is about as long as the two van runs; the truck's fixed cost of 500 decides.
    expect(checked(problem, result).feasible).toBe(true);
  });
});

describe('solveVrp objectives and budgets', () => {
  it('uses fewer vehicles with vehicles-then-distance than with distance (R101: 19 against 20)', () => {
    const { problem } = parseSolomon(readBenchData('vrptw/solomon/R101.txt'));
    const fewest = solveVrp({ ...problem, objective: 'vehicles-then-distance', iterations: 12_000, seed: 1 });
    const shortest = solveVrp({ ...problem, iterations: 3000, seed: 1 });
    expect(checked(problem, fewest).feasible).toBe(true);
    expect(fewest.vehiclesUsed).toBeLessThanOrEqual(19);
    expect(shortest.vehiclesUsed).toBeGreaterThan(fewest.vehiclesUsed);
    expect(shortest.totalDistance).toBeLessThan(fewest.totalDistance);
  });

  it('stops on an aborted signal with a feasible plan', () => {
    const { problem } = parseSolomon(readBenchData('vrptw/solomon/R201.txt'));
    const controller = new AbortController();
    controller.abort();
    const result = solveVrp({ ...problem, signal: controller.signal });
    expect(result.stoppedBy).toBe('signal');
    expect(result.iterations).toBe(0);
    expect(result.unassigned).toEqual([]);
    expect(checked(problem, result).feasible).toBe(true);
  });

  it('reports the iterations done and what stopped the search', () => {
    const { problem } = parseCvrplib(readBenchData('cvrp/P/P-n19-k2.vrp'));
    const result = solveVrp({ ...problem, iterations: 250 });
    expect(result).toMatchObject({ iterations: 250, stoppedBy: 'iterations', totalDistance: 212 });
  });
});

describe('solveVrp returns what cannot be served', () => {
  it('gives each unservable customer a reason instead of throwing', () => {
    const problem: VrpProblem = {
      depot: { x: 0, y: 0, timeWindow: [0, 100] },
      customers: [
        { id: 'ok', x: 1, y: 0, demand: 1 },
        { id: 'heavy', x: 2, y: 0, demand: 50 },
        { id: 'late', x: 0, y: 30, demand: 1, timeWindow: [0, 10] },
        { id: 'far', x: 0, y: -40, demand: 1 },
      ],
      vehicles: { capacity: 10, maxDistance: 60 },
      iterations: 20,
    };
    const result = solveVrp(problem);
    expect(result.unassigned).toEqual([
      { id: 'heavy', reason: 'DEMAND_EXCEEDS_CAPACITY' },
      { id: 'late', reason: 'TIME_WINDOW_UNREACHABLE' },
      { id: 'far', reason: 'MAX_DISTANCE_EXCEEDED' },
    ]);
    expect(result.routes.map((r) => r.stops.map((s) => s.id))).toEqual([['ok']]);
  });

  it('reports an unreachable window after the depot closes, and a duration limit', () => {
    const problem: VrpProblem = {
      depot: { x: 0, y: 0, timeWindow: [0, 50] },
      customers: [
        { id: 'closing', x: 20, y: 0, demand: 1, timeWindow: [0, 40], serviceTime: 20 },
        { id: 'long', x: 0, y: 10, demand: 1, serviceTime: 25 },
      ],
      vehicles: { capacity: 10, maxDuration: 40 },
      iterations: 20,
    };
    expect(solveVrp(problem).unassigned).toEqual([
      { id: 'closing', reason: 'TIME_WINDOW_UNREACHABLE' },
      { id: 'long', reason: 'MAX_DURATION_EXCEEDED' },
    ]);
  });

  it('leaves customers out when the fleet is too small, and keeps the plan feasible', () => {
    const problem: VrpProblem = {
      depot: { x: 0, y: 0 },
      customers: [
        { id: 1, x: 10, y: 0, demand: 6 },
        { id: 2, x: 0, y: 10, demand: 6 },
        { id: 3, x: -10, y: 0, demand: 6 },
      ],
      vehicles: { capacity: 10, count: 2 },
      iterations: 50,
    };
    const result = solveVrp(problem);
    expect(result.vehiclesUsed).toBe(2);
    expect(result.unassigned).toHaveLength(1);
    expect(result.unassigned[0]!.reason).toBe('FLEET_EXHAUSTED');
    expect(checked(problem, result).feasible).toBe(true);
  });

  it('returns an empty plan for no customers', () => {
    const result = solveVrp({ depot: { x: 0, y: 0 }, customers: [], vehicles: { capacity: 1 } });
    expect(result).toMatchObject({ routes: [], totalDistance: 0, unassigned: [], iterations: 0 });
  });
});

describe('solveVrp validates its input', () => {
  const good: VrpProblem = {
    depot: { x: 0, y: 0 },
    customers: [
      { id: 'a', x: 1, y: 1, demand: 1 },
      { id: 'b', x: 2, y: 2, demand: 1 },
    ],
    vehicles: { capacity: 5 },
  };

  it('names the field of each problem', () => {
    expect(
      validationPaths(() =>
        solveVrp({ ...good, customers: [good.customers[0]!, { ...good.customers[1]!, id: 'a' }] }),
      ),
    ).toEqual([['customers', 1, 'id']]);
    expect(
      validationPaths(() => solveVrp({ ...good, customers: [{ id: 'a', x: 1, y: 1, demand: -1 }] })),
    ).toEqual([['customers', 0, 'demand']]);
    expect(
      validationPaths(() => solveVrp({ ...good, customers: [{ id: 'a', x: 1, y: 1, timeWindow: [10, 5] }] })),
    ).toEqual([['customers', 0, 'timeWindow']]);
    expect(validationPaths(() => solveVrp({ ...good, vehicles: { capacity: 0 } }))).toEqual([
      ['vehicles', 'capacity'],
    ]);
    expect(
      validationPaths(() =>
        solveVrp({
          ...good,
          distance: [
            [0, 1],
            [1, 0],
          ],
        }),
      ),
    ).toEqual([['distance']]);
    expect(
      validationPaths(() =>
        solveVrp({
          ...good,
          distance: [
            [0, 1, 1],
            [1, 0, 1],
            [1, -2, 0],
          ],
        }),
      ),
    ).toEqual([['distance', 2, 1]]);
    expect(validationPaths(() => solveVrp({ ...good, customers: [{ id: 'a', lat: 31, lng: 121 }] }))).toEqual(
      [
        ['customers', 0, 'x'],
        ['customers', 0, 'y'],
        ['customers', 0, 'lat'],
        ['customers', 0, 'lng'],
      ],
    );
    expect(validationPaths(() => solveVrp({ ...good, distance: 'haversine' }))).toContainEqual([
      'depot',
      'lat',
    ]);
    expect(validationPaths(() => solveVrp({ ...good, seed: 1.5 }))).toEqual([['seed']]);
    expect(validationPaths(() => solveVrp({ ...good, timeLimitMs: -1 }))).toEqual([['timeLimitMs']]);
    expect(validationPaths(() => solveVrp({ ...good, extra: 1 } as never))).toEqual([[]]);
  });

  it('accepts geographic coordinates with haversine distances in km', () => {
    const result = solveVrp({
      depot: { lat: 31.2304, lng: 121.4737 },
      customers: [
        { id: 'Suzhou', lat: 31.2989, lng: 120.5853, demand: 3 },
        { id: 'Hangzhou', lat: 30.2741, lng: 120.1551, demand: 3 },
      ],
      vehicles: { capacity: 10 },
      distance: 'haversine',
      iterations: 20,
    });
    expect(result.vehiclesUsed).toBe(1);
    // Shanghai–Suzhou ≈ 85 km, Suzhou–Hangzhou ≈ 120 km, Hangzhou–Shanghai ≈ 165 km.
    expect(result.totalDistance).toBeGreaterThan(360);
    expect(result.totalDistance).toBeLessThan(380);
  });

  it('accepts a distance matrix and a travel-time matrix without coordinates', () => {
    const distance = [
      [0, 10, 10],
      [10, 0, 1],
      [10, 1, 0],
    ];
    const travelTime = [
      [0, 5, 5],
      [5, 0, 1],
      [5, 1, 0],
    ];
    const result = solveVrp({
      depot: { timeWindow: [0, 100] },
      customers: [
        { id: 'a', demand: 1, timeWindow: [0, 6] },
        { id: 'b', demand: 1, timeWindow: [0, 6] },
      ],
      vehicles: { capacity: 5 },
      distance,
      travelTime,
      iterations: 20,
    });
    expect(result.totalDistance).toBe(21);
    expect(result.totalDuration).toBe(11);
  });
});

/** A seeded random tiny instance (no RNG from the library, so the instance is independent). */
function tinyInstance(seed: number, n: number, windows = false): TinyProblem {
  let s = seed * 2654435761;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const customers = Array.from({ length: n }, (_, i) => {
    const x = Math.round(rand() * 100);
    const y = Math.round(rand() * 100);
    const c: TinyProblem['customers'][number] = { id: i + 1, x, y, demand: 1 + Math.floor(rand() * 5) };
    if (windows) {
      const ready = Math.floor(rand() * 200);
      c.timeWindow = [ready, ready + 40 + Math.floor(rand() * 100)];
      c.serviceTime = 5;
    }
    return c;
  });
  return {
    depot: windows ? { x: 50, y: 50, timeWindow: [0, 500] } : { x: 50, y: 50 },
    customers,
    vehicles: { capacity: 10, count: 4 },
  };
}
