import { createRng } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderedCrossover } from './crossover.js';

describe('orderedCrossover', () => {
  it('yields a permutation that keeps a slice of the first parent in place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer(), (n, seed) => {
        const rng = createRng(seed);
        const perm = () => {
          const p = Int32Array.from({ length: n }, (_, i) => i + 1);
          for (let i = n - 1; i > 0; i--) {
            const j = Math.floor(rng.next() * (i + 1));
            [p[i], p[j]] = [p[j]!, p[i]!];
          }
          return p;
        };
        const a = perm();
        const b = perm();
        const child = new Int32Array(n);
        orderedCrossover(a, b, rng, child, new Uint8Array(n + 1));
        expect(Array.from(child).sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
        if (n > 1) {
          const same = Array.from(child).filter((c, i) => c === a[i]).length;
          expect(same).toBeGreaterThanOrEqual(2); // the slice has at least two positions
        }
      }),
    );
  });
});
