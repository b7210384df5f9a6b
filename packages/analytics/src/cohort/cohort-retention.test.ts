import { describe, expect, it } from 'vitest';
import { cohortRetention } from './cohort-retention.js';

const purchases = [
  // January cohort: a, b, c
  { customerId: 'a', at: '2026-01-05' },
  { customerId: 'a', at: '2026-01-20' },
  { customerId: 'a', at: '2026-02-10' },
  { customerId: 'b', at: '2026-01-31T17:00:00Z' }, // 1 February 01:00 in Shanghai: a February customer
  { customerId: 'c', at: '2026-01-09' },
  { customerId: 'c', at: '2026-03-02' },
  { customerId: 'd', at: '2026-01-28' },
  { customerId: 'd', at: '2026-02-01' },
  { customerId: 'd', at: '2026-03-15' },
  // February cohort: b, e
  { customerId: 'e', at: '2026-02-14' },
  { customerId: 'e', at: '2026-03-01' },
];

describe('cohortRetention', () => {
  it('counts each cohort’s buyers in every later month, by hand (zone-aware first month)', () => {
    expect(cohortRetention(purchases, { grain: 'month' })).toEqual([
      { cohort: '2026-01', size: 3, retained: [3, 2, 2], rates: [1, 0.6667, 0.6667] },
      { cohort: '2026-02', size: 2, retained: [2, 1], rates: [1, 0.5] },
    ]);
  });

  it('extends to asOf and caps offsets', () => {
    const rows = cohortRetention(purchases, { grain: 'month', asOf: '2026-04-30', maxOffsets: 3 });
    expect(rows[0]!.retained).toEqual([3, 2, 2]);
    expect(rows[1]!.retained).toEqual([2, 1, 0]);
  });

  it('by ISO week', () => {
    const rows = cohortRetention(
      [
        { customerId: 'x', at: '2026-03-02' }, // W10 Monday
        { customerId: 'x', at: '2026-03-15' }, // W11 Sunday
        { customerId: 'y', at: '2026-03-08' }, // W10 Sunday
      ],
      { grain: 'week' },
    );
    expect(rows).toEqual([{ cohort: '2026-W10', size: 2, retained: [2, 1], rates: [1, 0.5] }]);
  });
});
