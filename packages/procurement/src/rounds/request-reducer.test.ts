import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../store.js';
import { reduceRequest } from './request-reducer.js';

const now = new Date('2026-03-02T00:00:00Z');
const later = new Date('2026-03-03T00:00:00Z');

describe('reduceRequest', () => {
  const draft = reduceRequest<RequestRecord>(null, {
    type: 'submitted',
    roundId: 'R-1',
    requestId: 'REQ-1',
    merchantId: 'M-1',
    region: '华东',
    items: [{ sku: 'MILK-1L', quantity: 48 }],
    lines: [{ sku: 'MILK-1L', quantity: 48 }],
    at: now,
  });
  const stored: RequestRecord = { ...draft, sequence: 1 };

  it('submits, changes and cancels, keeping the sequence', () => {
    expect(draft).toMatchObject({ status: 'active', version: 0, submittedAt: now });
    const changed = reduceRequest(stored, {
      type: 'changed',
      merchantId: 'M-1',
      region: '华东',
      items: [{ sku: 'MILK-1L', quantity: 60 }],
      lines: [{ sku: 'MILK-1L', quantity: 60 }],
      at: later,
    });
    expect(changed).toMatchObject({
      sequence: 1,
      lines: [{ sku: 'MILK-1L', quantity: 60 }],
      updatedAt: later,
      submittedAt: now,
    });
    expect(stored.lines[0]!.quantity).toBe(48);
    const cancelled = reduceRequest(changed, {
      type: 'cancelled',
      merchantId: 'M-1',
      reason: 'ordered elsewhere',
      at: later,
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'ordered elsewhere' });
    expect(() =>
      reduceRequest(cancelled, { type: 'cancelled', merchantId: 'M-1', reason: null, at: later }),
    ).toThrow(expect.objectContaining({ code: 'REQUEST_CANCELLED' }));
  });

  it('refuses another merchant, an existing id and a missing request', () => {
    expect(() =>
      reduceRequest(stored, { type: 'cancelled', merchantId: 'M-2', reason: null, at: later }),
    ).toThrow(expect.objectContaining({ code: 'REQUEST_MERCHANT_MISMATCH' }));
    expect(() =>
      reduceRequest(stored, {
        type: 'submitted',
        roundId: 'R-1',
        requestId: 'REQ-1',
        merchantId: 'M-1',
        region: '华东',
        items: [],
        lines: [],
        at: later,
      }),
    ).toThrow(expect.objectContaining({ code: 'REQUEST_EXISTS' }));
    expect(() =>
      reduceRequest(null, { type: 'cancelled', merchantId: 'M-1', reason: null, at: later }),
    ).toThrow(expect.objectContaining({ code: 'REQUEST_NOT_FOUND' }));
  });
});
