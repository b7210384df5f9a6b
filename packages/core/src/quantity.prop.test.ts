import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMoqAndPack, roundToPack, sumQuantities } from './quantity.js';

const Exact = Decimal.clone({ precision: 60 });

/** A decimal number `units / 10^places` with up to `maxPlaces` decimals. */
const decimalNumber = (maxUnits: number, maxPlaces: number, minUnits = 0) =>
  fc
    .tuple(fc.integer({ min: minUnits, max: maxUnits }), fc.integer({ min: 0, max: maxPlaces }))
    .map(([units, places]) => units / 10 ** places);

describe('quantity properties', () => {
  it('roundToPack equals exact decimal arithmetic', () => {
    fc.assert(
      fc.property(
        decimalNumber(10_000_000, 4),
        decimalNumber(5_000, 3, 1),
        fc.constantFrom('up', 'down', 'nearest'),
        (quantity, packSize, mode) => {
          const ratio = new Exact(quantity).div(packSize);
          const packs =
            mode === 'up'
              ? ratio.ceil()
              : mode === 'down'
                ? ratio.floor()
                : ratio.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
          expect(roundToPack(quantity, packSize, mode)).toBe(packs.times(packSize).toNumber());
        },
      ),
    );
  });

  it('applyMoqAndPack gives the smallest pack multiple at or above max(quantity, moq)', () => {
    fc.assert(
      fc.property(
        decimalNumber(100_000, 2, 1),
        decimalNumber(1_000, 2),
        decimalNumber(500, 2, 1),
        (q, moq, pack) => {
          const result = applyMoqAndPack(q, { moq, packSize: pack });
          const floor = Math.max(q, moq);
          const packs = new Exact(result).div(pack);
          expect(packs.isInteger()).toBe(true);
          expect(result).toBeGreaterThanOrEqual(floor);
          expect(new Exact(result).minus(pack).lessThan(floor)).toBe(true);
        },
      ),
    );
  });

  it('sumQuantities is within an ulp-scale bound of the exact sum', () => {
    // values m * 2^e are dyadic, so their exact sum is a BigInt over 2^30
    const dyadic = fc.tuple(fc.integer({ min: -(2 ** 30), max: 2 ** 30 }), fc.integer({ min: -30, max: 30 }));
    fc.assert(
      fc.property(fc.array(dyadic, { maxLength: 200 }), (parts) => {
        const values = parts.map(([m, e]) => m * 2 ** e);
        const exactBig = parts.reduce((acc, [m, e]) => acc + BigInt(m) * 2n ** BigInt(e + 30), 0n);
        const exact = Number(exactBig) / 2 ** 30;
        const absSum = values.reduce((a, v) => a + Math.abs(v), 0);
        const bound = Math.abs(exact) * 2 ** -52 + values.length * absSum * 2 ** -104;
        expect(Math.abs(sumQuantities(values) - exact)).toBeLessThanOrEqual(bound);
      }),
    );
  });
});
