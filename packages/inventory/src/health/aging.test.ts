import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/helpers.js';
import { ageBuckets, DEFAULT_AGING_EDGES } from './aging.js';

describe('ageBuckets', () => {
  it('0-30, 31-60, 61-90, 91-180, 181+ by whole days; an age equal to an edge closes that bucket', () => {
    const asOf = '2026-07-01T00:00:00Z';
    const day = (n: number) => new Date(Date.parse(asOf) - n * 86_400_000);
    const buckets = ageBuckets(
      [
        { receivedAt: day(0), quantity: 1 },
        { receivedAt: day(30), quantity: 2 },
        { receivedAt: day(31), quantity: 4 },
        { receivedAt: day(90), quantity: 8 },
        { receivedAt: day(91), quantity: 16 },
        { receivedAt: day(181), quantity: 32 },
      ],
      asOf,
    );
    expect(buckets.map((b) => [b.label, b.quantity])).toEqual([
      ['0-30', 3],
      ['31-60', 4],
      ['61-90', 8],
      ['91-180', 16],
      ['181+', 32],
    ]);
    expect(DEFAULT_AGING_EDGES).toEqual([30, 60, 90, 180]);
  });

  it('custom edges, and a partial day does not count', () => {
    const b = ageBuckets(
      [{ receivedAt: '2026-01-01T00:00:00Z', quantity: 5 }],
      '2026-01-08T23:59:59Z',
      [7, 14],
    );
    expect(b.map((x) => x.quantity)).toEqual([5, 0, 0]);
  });

  it('rejects edges that do not increase and lots after asOf', () => {
    expect(thrown(() => ageBuckets([], '2026-01-01', [30, 30])).issues?.[0]?.path).toEqual(['edges', 1]);
    expect(
      thrown(() => ageBuckets([{ receivedAt: '2026-02-01', quantity: 1 }], '2026-01-01')).issues?.[0]?.code,
    ).toBe('after_as_of');
    expect(
      thrown(() => ageBuckets([{ receivedAt: '2026-01-01', quantity: -1 }], '2026-02-01')).issues?.[0]?.path,
    ).toEqual(['lots', 0, 'quantity']);
  });

  it('property: bucket quantities sum to the lots', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ age: fc.integer({ min: 0, max: 400 }), quantity: fc.integer({ min: 0, max: 1000 }) }),
        ),
        (lots) => {
          const asOf = Date.UTC(2026, 0, 1);
          const b = ageBuckets(
            lots.map((l) => ({ receivedAt: asOf - l.age * 86_400_000, quantity: l.quantity })),
            asOf,
          );
          expect(b.reduce((t, x) => t + x.quantity, 0)).toBe(lots.reduce((t, l) => t + l.quantity, 0));
        },
      ),
    );
  });
});
