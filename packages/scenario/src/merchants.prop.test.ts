import { createRng } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CITIES, REGIONS } from './geography.js';
import { generateCustomers, generateMerchants } from './merchants.js';
import { SCALES } from './scales.js';

const cities = CITIES.filter((c) => REGIONS.some((r) => r.cityIds.slice(0, 2).includes(c.id)));

describe('merchants and customers, for any seed', () => {
  it('cover every region × vertical, stay in their region and keep their dates in the history', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const rng = createRng(seed);
        const merchants = generateMerchants(rng.fork('m'), SCALES.small, REGIONS, cities);
        const customers = generateCustomers(rng.fork('c'), SCALES.small, merchants, cities, 730);
        expect(new Set(merchants.map((m) => m.name)).size).toBe(merchants.length);
        expect(new Set(merchants.map((m) => `${m.region}/${m.verticals[0]}`)).size).toBe(15);
        for (const m of merchants) {
          expect(m.creditScore).toBeGreaterThanOrEqual(480);
          expect(m.creditScore).toBeLessThanOrEqual(800);
          expect(cities.find((c) => c.id === m.cityId)!.region).toBe(m.region);
          expect(customers.filter((c) => c.merchantId === m.merchantId).length).toBeGreaterThanOrEqual(2);
        }
        for (const c of customers) {
          expect(c.joinDay).toBeGreaterThanOrEqual(0);
          expect(c.joinDay).toBeLessThanOrEqual(700);
          if (c.leaveDay !== null) {
            expect(c.leaveDay).toBeGreaterThanOrEqual(c.joinDay + 60);
            expect(c.leaveDay).toBeLessThan(730);
          }
          expect(c.weight).toBeGreaterThan(0);
        }
      }),
      { numRuns: 50 },
    );
  });
});
