import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { etsAdmissible } from './admissible.js';

// 600 seeded parameter sets classified by R forecast:::admissible (test/fixtures/make-admissible-fixtures.R).
interface Case {
  alpha: number;
  beta: number | null;
  gamma: number | null;
  phi: number;
  m: number;
  admissible: boolean;
}
const { cases } = JSON.parse(
  readFileSync(new URL('../../test/fixtures/ets-admissible-r.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

describe('etsAdmissible', () => {
  it('agrees with R on all 600 fixture cases (297 admissible, 118 of them seasonal)', () => {
    const disagreements = cases.filter(
      (c) => etsAdmissible(c.alpha, c.beta, c.gamma, c.phi, c.m) !== c.admissible,
    );
    expect(disagreements).toEqual([]);
    expect(cases.filter((c) => c.admissible)).toHaveLength(297);
  });

  it('accepts the usual starting values and rejects an unstable season', () => {
    expect(etsAdmissible(0.3, 0.1, null, 0.9, 1)).toBe(true);
    expect(etsAdmissible(0.0168, 0.0017, 0.049, 1, 12)).toBe(true);
    expect(etsAdmissible(0.3, 0.1, 0.9, 1, 12)).toBe(false);
    // the corners of the usual bounds, where fits often end: roots just inside the unit circle
    expect(etsAdmissible(1e-4, 1e-4, 1e-4, 1, 12)).toBe(true);
    expect(etsAdmissible(1e-4, 1e-4, 1e-4, 0.98, 12)).toBe(true);
    expect(etsAdmissible(1e-4, 1e-4, 1e-4, 1, 4)).toBe(true);
    expect(etsAdmissible(0.9999, 1e-4, 1e-4, 1, 12)).toBe(true);
  });
});
