import { createRng, parseInput, type Rng } from '@s2b2b/core';
import { z } from 'zod';
import { bgNbdParamsSchema, gammaGammaParamsSchema } from './schemas.js';

/**
 * Options of {@link simulateBgNbd}: `customers` who each make a first purchase on a uniformly
 * drawn day of the first `acquisitionDays`, then follow BG/NBD (rate λ ~ Gamma(r, α) per
 * `unitDays` days, drop-out right after each repeat purchase with p ~ Beta(a, b)) until day `days`.
 *
 * @example
 * simulateBgNbdSchema.parse({ params, customers: 1000, days: 546, acquisitionDays: 84, seed: 1 })
 */
export const simulateBgNbdSchema = z
  .object({
    params: bgNbdParamsSchema,
    customers: z.number().int().min(1).max(10_000_000),
    days: z.number().int().min(1).max(36_500),
    acquisitionDays: z.number().int().min(1),
    unitDays: z.number().positive().optional(),
    seed: z.union([z.number().int(), z.string()]),
  })
  .strict();

/**
 * Options of {@link simulateBgNbd}.
 *
 * @example
 * const options: SimulateBgNbdOptions = { params, customers: 100_000, days: 546, acquisitionDays: 84, seed: 7 };
 */
export type SimulateBgNbdOptions = z.input<typeof simulateBgNbdSchema>;

/**
 * Seeded purchase histories drawn from BG/NBD — for testing that a fit recovers known parameters
 * and for benchmarks. Returns purchases as day offsets from day 0 per customer (fractional days
 * floored, so two purchases may share a day), customer ids `C<n>`.
 *
 * @example
 * const rows = simulateBgNbd({ params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, customers: 2357, days: 273, acquisitionDays: 84, unitDays: 7, seed: 1 });
 */
export function simulateBgNbd(options: SimulateBgNbdOptions): { customerId: string; day: number }[] {
  const { params, customers, days, acquisitionDays, seed } = parseInput(
    simulateBgNbdSchema,
    options,
    'options',
  );
  const unitDays = options.unitDays ?? 1;
  const rng = createRng(seed);
  const out: { customerId: string; day: number }[] = [];
  for (let c = 0; c < customers; c++) {
    const customerId = `C${c + 1}`;
    const lambda = gamma(rng, params.r) / params.alpha / unitDays;
    const g1 = gamma(rng, params.a);
    const p = g1 / (g1 + gamma(rng, params.b));
    let t = rng.uniform(0, Math.min(acquisitionDays, days));
    out.push({ customerId, day: Math.floor(t) });
    // Drop-out happens only right after a repeat purchase (FHL 2005, assumption iii).
    for (;;) {
      t += rng.exponential(lambda);
      if (t >= days) break;
      out.push({ customerId, day: Math.floor(t) });
      if (rng.next() < p) break;
    }
  }
  return out;
}

/** A Gamma(shape, 1) variate: Marsaglia & Tsang (2000), with the shape < 1 boost U^(1/shape). */
function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * rng.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Options of {@link simulateGammaGammaSpend}: the model parameters, how many purchases each
 * customer made, and the seed.
 *
 * @example
 * simulateSpendSchema.parse({ params: { p: 6.25, q: 3.74, v: 15.44 }, purchases: [3, 1, 5], seed: 1 })
 */
export const simulateSpendSchema = z
  .object({
    params: gammaGammaParamsSchema,
    purchases: z.array(z.number().int().min(0).max(1_000_000)).max(10_000_000),
    seed: z.union([z.number().int(), z.string()]),
  })
  .strict();

/**
 * Seeded purchase values drawn from Gamma-Gamma: per customer ν ~ Gamma(q, rate v), then each
 * purchase ~ Gamma(p, rate ν), rounded to cents (at least 0.01). Returns one array per customer.
 *
 * @example
 * simulateGammaGammaSpend({ params: { p: 6.25, q: 3.74, v: 15.44 }, purchases: [2, 0, 4], seed: 3 })[0] // two amounts
 */
export function simulateGammaGammaSpend(options: z.input<typeof simulateSpendSchema>): number[][] {
  const { params, purchases, seed } = parseInput(simulateSpendSchema, options, 'options');
  const rng = createRng(seed);
  return purchases.map((count) => {
    const nu = gamma(rng, params.q) / params.v;
    return Array.from(
      { length: count },
      () => Math.max(1, Math.round((gamma(rng, params.p) / nu) * 100)) / 100,
    );
  });
}
