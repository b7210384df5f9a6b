import { z } from 'zod';

/**
 * Most customers one problem may hold (the distance matrices are dense: 2001² doubles each).
 *
 * @example
 * if (orders.length > VRP_MAX_CUSTOMERS) splitByRegion(orders);
 */
export const VRP_MAX_CUSTOMERS = 2000;

/**
 * Most vehicle types in a heterogeneous fleet.
 *
 * @example
 * VRP_MAX_VEHICLE_TYPES; // 50
 */
export const VRP_MAX_VEHICLE_TYPES = 50;

const nonNegative = z.number().nonnegative();
const customerId = z.union([z.string().min(1).max(200), z.number().int()]);

/**
 * A time window `[ready, due]`: service may start no earlier than `ready` (the vehicle waits) and
 * no later than `due` (Solomon's convention: the window bounds the start of service).
 *
 * @example
 * timeWindowSchema.parse([480, 720]) // 08:00–12:00 in minutes
 */
export const timeWindowSchema = z
  .tuple([z.number(), z.number()])
  .refine(([ready, due]) => ready <= due, { message: 'ready must not be after due' });

/**
 * The depot: planar `{ x, y }` or geographic `{ lat, lng }` (degrees), with optional opening hours
 * `timeWindow: [open, close]` — routes leave no earlier than `open` and are back by `close`.
 * Coordinates may be left out when `distance` is a matrix.
 *
 * @example
 * depotSchema.parse({ x: 40, y: 50, timeWindow: [0, 1236] })
 */
export const depotSchema = z
  .object({
    x: z.number().optional(),
    y: z.number().optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    timeWindow: timeWindowSchema.optional(),
  })
  .strict();

/**
 * A customer to visit once: `id` (unique), coordinates like the depot's, `demand` (default 0),
 * optional `timeWindow: [ready, due]` and `serviceTime` (default 0).
 *
 * @example
 * vrpCustomerSchema.parse({ id: 'C-17', x: 45, y: 68, demand: 10, timeWindow: [912, 967], serviceTime: 90 })
 */
export const vrpCustomerSchema = z
  .object({
    id: customerId,
    x: z.number().optional(),
    y: z.number().optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    demand: nonNegative.default(0),
    timeWindow: timeWindowSchema.optional(),
    serviceTime: nonNegative.default(0),
  })
  .strict();

/**
 * A vehicle type: `capacity` (same unit as demand), `count` (how many; unlimited when left out),
 * `maxDuration` (route time from leaving to returning to the depot, waiting and service included),
 * `maxDistance` (route length), `fixedCost` (added to the cost of every vehicle used) and an
 * optional `id` echoed in the routes.
 *
 * @example
 * vehicleTypeSchema.parse({ id: 'van', capacity: 200, count: 25 })
 */
export const vehicleTypeSchema = z
  .object({
    id: z.string().min(1).max(200).optional(),
    capacity: z.number().positive(),
    count: z.number().int().positive().optional(),
    maxDuration: z.number().positive().optional(),
    maxDistance: z.number().positive().optional(),
    fixedCost: nonNegative.default(0),
  })
  .strict();

/**
 * A dense matrix over the depot (row/column 0) and the customers in input order (1..n).
 * Its shape and entries are checked by {@link vrpProblemSchema}.
 */
const matrixSchema = z.custom<number[][]>((value) => Array.isArray(value), {
  message: 'Expected a matrix: an array of rows of numbers',
});

/**
 * Distance conventions `solveVrp` understands, besides a matrix.
 *
 * @example
 * VRP_DISTANCES.includes('haversine'); // true
 */
export const VRP_DISTANCES = ['euclidean', 'euclidean-rounded', 'euclidean-truncated', 'haversine'] as const;

/**
 * A vehicle-routing problem (CVRP, VRPTW, heterogeneous fleet, route limits).
 *
 * - `distance`: `euclidean` (exact), `euclidean-rounded` (nearest integer, as CVRPLIB),
 *   `euclidean-truncated` (one decimal, as DIMACS), `haversine` (km, for `{ lat, lng }`) or a
 *   matrix (depot first, then the customers in input order).
 * - Travel time equals distance unless `travelTime` (a matrix) or `speed` (distance per time
 *   unit) is given.
 * - `objective`: `distance` (default) minimises total distance plus fixed costs;
 *   `vehicles-then-distance` first minimises the number of vehicles, then that.
 * - Budget: `iterations` (genetic-search generations) and/or `timeLimitMs`, whichever ends
 *   first. A run is reproducible from `seed` and `iterations` alone; a time limit makes the
 *   result depend on the machine's speed. Default: 3,000 iterations.
 *
 * @example
 * vrpProblemSchema.parse({
 *   depot: { x: 0, y: 0 },
 *   customers: [{ id: 'a', x: 3, y: 4, demand: 2 }],
 *   vehicles: { capacity: 10 },
 * })
 */
export const vrpProblemSchema = z
  .object({
    depot: depotSchema,
    customers: z.array(vrpCustomerSchema).max(VRP_MAX_CUSTOMERS),
    vehicles: z.union([vehicleTypeSchema, z.array(vehicleTypeSchema).min(1).max(VRP_MAX_VEHICLE_TYPES)]),
    distance: z.union([z.enum(VRP_DISTANCES), matrixSchema]).default('euclidean'),
    travelTime: matrixSchema.optional(),
    speed: z.number().positive().optional(),
    objective: z.enum(['distance', 'vehicles-then-distance']).default('distance'),
    iterations: z.number().int().positive().max(100_000_000).optional(),
    timeLimitMs: z.number().positive().max(86_400_000).optional(),
    seed: z.union([z.number().int(), z.string().max(200)]).default(1),
    signal: z
      .custom<AbortSignal>((value) => value instanceof AbortSignal, { message: 'Expected an AbortSignal' })
      .optional(),
  })
  .strict()
  .superRefine((problem, ctx) => {
    const n = problem.customers.length;
    const seen = new Map<string, number>();
    problem.customers.forEach((customer, i) => {
      const key = `${typeof customer.id}:${customer.id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['customers', i, 'id'],
          message: `Duplicate customer id ${JSON.stringify(customer.id)} (first at customers.${first})`,
        });
      } else seen.set(key, i);
    });
    const matrix = Array.isArray(problem.distance);
    if (matrix) checkMatrix(problem.distance as unknown[], n + 1, ['distance'], ctx);
    if (problem.travelTime !== undefined) checkMatrix(problem.travelTime, n + 1, ['travelTime'], ctx);
    if (problem.travelTime !== undefined && problem.speed !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['speed'], message: 'Give either travelTime or speed, not both' });
    }
    const geographic = problem.distance === 'haversine';
    const need = matrix ? null : geographic ? (['lat', 'lng'] as const) : (['x', 'y'] as const);
    const other = geographic ? (['x', 'y'] as const) : (['lat', 'lng'] as const);
    const checkPoint = (point: Record<string, unknown>, path: (string | number)[]) => {
      if (!need) return;
      for (const field of need) {
        if (point[field] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, field],
            message: `Required with distance '${String(problem.distance)}'`,
          });
        }
      }
      for (const field of other) {
        if (point[field] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, field],
            message: geographic
              ? "Planar coordinates cannot be used with distance 'haversine'"
              : "Geographic coordinates need distance 'haversine' or a matrix",
          });
        }
      }
    };
    checkPoint(problem.depot, ['depot']);
    problem.customers.forEach((customer, i) => {
      checkPoint(customer, ['customers', i]);
    });
    if (matrix) {
      // Coordinates are optional with a matrix, but when given they must be complete pairs.
      const pairs = [problem.depot, ...problem.customers];
      pairs.forEach((point, i) => {
        const path = i === 0 ? ['depot'] : ['customers', i - 1];
        if ((point.x === undefined) !== (point.y === undefined)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'x'], message: 'Give both x and y, or neither' });
        }
        if ((point.lat === undefined) !== (point.lng === undefined)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'lat'],
            message: 'Give both lat and lng, or neither',
          });
        }
      });
    }
  });

function checkMatrix(value: unknown[], size: number, path: string[], ctx: z.RefinementCtx): void {
  if (value.length !== size) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `Expected ${size} rows (the depot, then each customer), got ${value.length}`,
    });
    return;
  }
  for (let i = 0; i < size; i++) {
    const row = value[i];
    if (!Array.isArray(row) || row.length !== size) {
      ctx.addIssue({ code: 'custom', path: [...path, i], message: `Expected a row of ${size} numbers` });
      return;
    }
    for (let j = 0; j < size; j++) {
      const entry = row[j];
      if (typeof entry !== 'number' || !Number.isFinite(entry) || entry < 0) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, i, j],
          message: 'Expected a finite, non-negative number',
        });
        return;
      }
    }
  }
}

/**
 * A problem as the caller writes it (defaults optional).
 *
 * @example
 * const problem: VrpProblem = { depot: { x: 0, y: 0 }, customers: [], vehicles: { capacity: 10 } };
 */
export type VrpProblem = z.input<typeof vrpProblemSchema>;
/**
 * A problem with every default filled in.
 *
 * @example
 * const parsed: ParsedVrpProblem = vrpProblemSchema.parse(problem); // distance: 'euclidean', seed: 1, ...
 */
export type ParsedVrpProblem = z.output<typeof vrpProblemSchema>;
/**
 * A customer as the caller writes it.
 *
 * @example
 * const c: VrpCustomer = { id: 'M-101', x: 12, y: 4, demand: 8, timeWindow: [540, 660], serviceTime: 15 };
 */
export type VrpCustomer = z.input<typeof vrpCustomerSchema>;
/**
 * A vehicle type as the caller writes it.
 *
 * @example
 * const van: VehicleType = { id: 'van', capacity: 20, count: 6, maxDuration: 600, fixedCost: 80 };
 */
export type VehicleType = z.input<typeof vehicleTypeSchema>;
/**
 * A customer id: a string or an integer, echoed back unchanged.
 *
 * @example
 * const ids: CustomerId[] = ['M-101', 17];
 */
export type CustomerId = z.output<typeof customerId>;

/**
 * A solution to check with `evaluateVrpSolution`: routes as lists of customer ids (or stops with
 * an `id`, as `solveVrp` returns them), each with the index of its vehicle type (default 0), and
 * optionally the customers the solution leaves out on purpose.
 *
 * @example
 * vrpSolutionSchema.parse({ routes: [{ stops: ['a', 'b'] }, { vehicle: 0, stops: [{ id: 'c' }] }] })
 */
export const vrpSolutionSchema = z
  .object({
    routes: z.array(
      z
        .object({
          vehicle: z.number().int().nonnegative().default(0),
          stops: z.array(z.union([customerId, z.object({ id: customerId }).loose()])),
        })
        .loose(),
    ),
    unassigned: z.array(z.union([customerId, z.object({ id: customerId }).loose()])).default([]),
  })
  .loose();

/**
 * A solution as the caller writes it: `solveVrp`'s result fits as it is.
 *
 * @example
 * const input: VrpSolutionInput = { routes: plan.routes, unassigned: plan.unassigned };
 */
export interface VrpSolutionInput {
  routes: readonly { vehicle?: number; stops: readonly (CustomerId | { id: CustomerId })[] }[];
  unassigned?: readonly (CustomerId | { id: CustomerId })[];
}
