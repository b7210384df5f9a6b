import { isDraft } from 'immer';
import { describe, expect, it } from 'vitest';
import type { RoundDefinition } from '../store.js';
import { reduceRound } from './round-reducer.js';

const at = (iso: string) => new Date(iso);
const DEFINITION: RoundDefinition = {
  roundId: 'R-1',
  name: null,
  currency: 'CNY',
  skus: [{ sku: 'MILK-1L', name: null, requiredDocuments: [] }],
  bundles: [],
  regions: ['华东'],
  requiredDocuments: [],
  opensAt: at('2026-03-01T00:00:00Z'),
  closesAt: at('2026-03-08T00:00:00Z'),
  needBy: null,
  zone: 'Asia/Shanghai',
  rounding: 'half-even',
  rationing: 'proportional',
  createdAt: at('2026-02-28T00:00:00Z'),
};
const lines = (quantity: number) => [{ sku: 'MILK-1L', quantity }];

describe('reduceRound', () => {
  const open = reduceRound(null, { type: 'opened', definition: DEFINITION, at: at('2026-02-28T00:00:00Z') });

  it('opens, keeps the counters of active requests, and never mutates the state it is given', () => {
    expect(open).toMatchObject({ status: 'open', requestCount: 0, units: 0, version: 0 });
    const mid = at('2026-03-02T00:00:00Z');
    const a = reduceRound(open, { type: 'request-submitted', region: '华东', lines: lines(48), at: mid });
    const b = reduceRound(a, { type: 'request-submitted', region: '华东', lines: lines(12), at: mid });
    const c = reduceRound(b, {
      type: 'request-changed',
      region: '华东',
      before: lines(12),
      after: lines(30),
      at: mid,
    });
    const d = reduceRound(c, { type: 'request-cancelled', lines: lines(48), at: mid });
    expect([a, b, c, d].map((s) => [s.requestCount, s.units])).toEqual([
      [1, 48],
      [2, 60],
      [2, 78],
      [1, 30],
    ]);
    expect(open.units).toBe(0);
    expect(Object.isFrozen(a)).toBe(true);
    expect(isDraft(a)).toBe(false);
    expect(d.updatedAt).toEqual(mid);
  });

  it('takes requests only inside the window while open', () => {
    const submit = (state: typeof open, when: string) =>
      reduceRound(state, { type: 'request-submitted', region: '华东', lines: lines(1), at: at(when) });
    expect(() => submit(open, '2026-02-28T23:59:59Z')).toThrow(
      expect.objectContaining({ code: 'ROUND_NOT_OPEN' }),
    );
    expect(() => submit(open, '2026-03-08T00:00:00Z')).toThrow(
      expect.objectContaining({ code: 'ROUND_CLOSED' }),
    );
    expect(() =>
      reduceRound(open, {
        type: 'request-submitted',
        region: '华南',
        lines: lines(1),
        at: at('2026-03-02T00:00:00Z'),
      }),
    ).toThrow(expect.objectContaining({ code: 'UNKNOWN_REGION' }));
    const closed = reduceRound(open, { type: 'closed', at: at('2026-03-05T00:00:00Z') });
    expect(closed).toMatchObject({ status: 'closed', closedAt: at('2026-03-05T00:00:00Z') });
    expect(() => submit(closed, '2026-03-06T00:00:00Z')).toThrow(
      expect.objectContaining({ code: 'ROUND_CLOSED' }),
    );
    expect(() => reduceRound(closed, { type: 'closed', at: at('2026-03-06T00:00:00Z') })).toThrow(
      expect.objectContaining({ code: 'ROUND_CLOSED' }),
    );
    const cancelled = reduceRound(open, {
      type: 'cancelled',
      reason: 'duplicate',
      at: at('2026-03-02T00:00:00Z'),
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'duplicate' });
    expect(() => submit(cancelled, '2026-03-03T00:00:00Z')).toThrow(
      expect.objectContaining({ code: 'ROUND_CANCELLED' }),
    );
    expect(() => reduceRound(cancelled, { type: 'closed', at: at('2026-03-03T00:00:00Z') })).toThrow(
      expect.objectContaining({ code: 'ROUND_CANCELLED' }),
    );
    expect(() => reduceRound(open, { type: 'closed', at: at('2026-02-28T12:00:00Z') })).toThrow(
      expect.objectContaining({ code: 'ROUND_NOT_OPEN' }),
    );
    expect(() =>
      reduceRound(open, { type: 'opened', definition: DEFINITION, at: at('2026-03-01T00:00:00Z') }),
    ).toThrow(expect.objectContaining({ code: 'ROUND_EXISTS' }));
  });
});
