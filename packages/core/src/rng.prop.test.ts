import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, restoreRng } from './rng.js';

/** Lemire's method with exact BigInt arithmetic, as the reference for `int` on ranges up to 2^32. */
function lemireReference(next: () => number, size: number): number {
  const s = BigInt(size);
  const mask = (1n << 32n) - 1n;
  let m = BigInt(next()) * s;
  let l = m & mask;
  if (l < s) {
    const t = ((1n << 32n) - s) % s;
    while (l < t) {
      m = BigInt(next()) * s;
      l = m & mask;
    }
  }
  return Number(m >> 32n);
}

describe('rng properties', () => {
  it('shuffle is a permutation of its input', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (items, seed) => {
        const copy = [...items];
        const shuffled = createRng(seed).shuffle(items);
        expect(items).toEqual(copy);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it('int follows Lemire exactly and stays in range', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.integer({ min: 1, max: 2 ** 32 }),
        (seed, min, size) => {
          const rng = createRng(seed);
          const twin = restoreRng(rng.state());
          for (let i = 0; i < 5; i++) {
            const value = rng.int(min, min + size - 1);
            expect(value).toBe(min + lemireReference(() => twin.nextUint32(), size));
            expect(value >= min && value <= min + size - 1).toBe(true);
          }
        },
      ),
    );
  });

  it('restoreRng(state()) continues the sequence from any point', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.nat(200), (seed, skip) => {
        const rng = createRng(seed);
        for (let i = 0; i < skip; i++) rng.nextUint32();
        const restored = restoreRng(rng.state());
        for (let i = 0; i < 5; i++) expect(restored.next()).toBe(rng.next());
      }),
    );
  });
});
