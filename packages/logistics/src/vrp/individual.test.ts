import { describe, expect, it } from 'vitest';
import { Individual } from './individual.js';

function ind(routes: number[][], n: number): Individual {
  const x = new Individual(n);
  x.routes = routes.map((r) => Int32Array.from(r));
  x.routeTypes = routes.map(() => 0);
  x.index();
  return x;
}

describe('Individual.brokenPairs', () => {
  it('is 0 for the same solution, also with a route reversed', () => {
    const a = ind(
      [
        [1, 2, 3],
        [4, 5],
      ],
      5,
    );
    expect(
      a.brokenPairs(
        ind(
          [
            [1, 2, 3],
            [4, 5],
          ],
          5,
        ),
      ),
    ).toBe(0);
    expect(
      a.brokenPairs(
        ind(
          [
            [3, 2, 1],
            [4, 5],
          ],
          5,
        ),
      ),
    ).toBe(0);
  });

  it('counts the customers whose neighbours changed, by hand', () => {
    const a = ind(
      [
        [1, 2, 3],
        [4, 5],
      ],
      5,
    );
    // Moving 3 to the start of the second route: 2 loses its successor 3 (3 keeps the depot as
    // a neighbour, so it does not count), and 4 no longer starts a route.
    const b = ind(
      [
        [1, 2],
        [3, 4, 5],
      ],
      5,
    );
    expect(a.brokenPairs(b)).toBeCloseTo(2 / 5, 12);
  });
});
