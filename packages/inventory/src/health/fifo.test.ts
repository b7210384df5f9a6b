import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/helpers.js';
import { fifoLots } from './fifo.js';

describe('fifoLots', () => {
  it("ERPNext's example: +50 on day 1, +20 on day 2, −60 on day 2 leaves 10 aged from day 2", () => {
    const lots = fifoLots(
      [
        { receivedAt: '2026-01-01', quantity: 50 },
        { receivedAt: '2026-01-02', quantity: 20 },
      ],
      [{ at: '2026-01-02T12:00:00Z', quantity: 60 }],
    );
    expect(lots).toEqual([
      {
        receivedAt: '2026-01-02T00:00:00.000Z',
        receivedAtMs: Date.parse('2026-01-02'),
        quantity: 10,
        receiptIndex: 1,
      },
    ]);
  });

  it('sales only draw on lots already received; receipts come first at the same instant', () => {
    const lots = fifoLots(
      [
        { receivedAt: '2026-01-05', quantity: 5, unitCost: '2.00', lotId: 'late' },
        { receivedAt: '2026-01-01', quantity: 5, lotId: 'early' },
      ],
      [{ at: '2026-01-05', quantity: 7 }],
    );
    expect(lots.map((l) => [l.lotId, l.quantity, l.unitCost])).toEqual([['late', 3, '2.00']]);
  });

  it('a sale larger than the stock at that moment is a ValidationError naming the sale', () => {
    const e = thrown(() =>
      fifoLots([{ receivedAt: '2026-01-10', quantity: 5 }], [{ at: '2026-01-09', quantity: 1 }]),
    );
    expect(e.issues?.[0]).toMatchObject({ path: ['sales', 0, 'quantity'], code: 'exceeds_stock' });
    expect(thrown(() => fifoLots([{ receivedAt: 'not a date', quantity: 5 }])).issues?.[0]?.path).toEqual([
      'receipts',
      0,
      'receivedAt',
    ]);
    expect(
      thrown(() => fifoLots([{ receivedAt: '2026-02-01', quantity: 5 }], [], { asOf: '2026-01-01' }))
        .issues?.[0]?.code,
    ).toBe('after_as_of');
  });

  it('property: what is left equals received − sold, oldest lots consumed first', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ day: fc.integer({ min: 0, max: 100 }), quantity: fc.integer({ min: 1, max: 50 }) }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 20 }),
        (receipts, saleSizes) => {
          const received = receipts.reduce((t, r) => t + r.quantity, 0);
          // Sales after every receipt, never more than what is left.
          let left = received;
          const sales = [];
          for (const q of saleSizes) {
            if (q > left) break;
            left -= q;
            sales.push({ at: Date.UTC(2026, 5, 1), quantity: q });
          }
          const lots = fifoLots(
            receipts.map((r) => ({
              receivedAt: Date.UTC(2026, 0, 1) + r.day * 86_400_000,
              quantity: r.quantity,
            })),
            sales,
          );
          expect(lots.reduce((t, l) => t + l.quantity, 0)).toBe(left);
          // Every lot left is at least as new as any lot fully consumed: only the oldest go.
          const kept = new Set(lots.map((l) => l.receiptIndex));
          const newestGone = Math.max(
            -Infinity,
            ...receipts.map((r, i) => (kept.has(i) ? -Infinity : r.day)),
          );
          for (const l of lots)
            if (l.quantity === receipts[l.receiptIndex]!.quantity)
              expect(receipts[l.receiptIndex]!.day).toBeGreaterThanOrEqual(newestGone);
        },
      ),
    );
  });
});
