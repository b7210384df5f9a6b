import { fixedClock, ValidationError } from '@s2b2b/core';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import { describe, expect, it } from 'vitest';
import type { PromotionEvent } from './events.js';
import { createPromotionsService } from './service.js';

const NOW = '2026-03-08T02:30:00.000Z';

describe('createPromotionsService', () => {
  it('relays events after the outermost commit, never on a rollback or a replay', async () => {
    const storage = createMemoryStorage();
    const heard: PromotionEvent[] = [];
    let n = 0;
    const service = createPromotionsService({
      storage,
      clock: fixedClock(NOW),
      onEvent: (e) => {
        heard.push(e);
      },
      ids: () => `e-${++n}`,
    });
    await service.saveCaps({ idempotencyKey: 'caps', caps: [{ id: 'stock', limit: 2, unit: 'units' }] });
    expect(heard.map((e) => [e.id, e.type, e.occurredAt.toISOString()])).toEqual([
      ['e-1', 'promotion.caps_saved', NOW],
    ]);
    await expect(
      storage.transaction(async () => {
        await service.claim({
          idempotencyKey: 'c1',
          claimId: 'o1',
          entries: [{ capId: 'stock', amount: 1 }],
        });
        expect(heard).toHaveLength(1); // not yet: the host's transaction is still open
        throw new Error('host rolls back');
      }),
    ).rejects.toThrow('host rolls back');
    expect(heard).toHaveLength(1);
    expect((await service.getUsage('stock'))?.used).toBe(0);
    const first = await service.claim({
      idempotencyKey: 'c1',
      claimId: 'o1',
      entries: [{ capId: 'stock', amount: 1 }],
    });
    const again = await service.claim({
      idempotencyKey: 'c1',
      claimId: 'o1',
      entries: [{ capId: 'stock', amount: 1 }],
    });
    expect([first.replayed, again.replayed]).toEqual([false, true]);
    expect(again.claim?.createdAt).toEqual(new Date(NOW));
    expect(heard.map((e) => e.type)).toEqual(['promotion.caps_saved', 'promotion.claimed']);
  });

  it('claimEvaluation without capped promotions holds nothing; options and ids are checked', async () => {
    const service = createPromotionsService({ storage: createMemoryStorage() });
    const result = await service.claimEvaluation({
      idempotencyKey: 'k',
      claimId: 'o',
      evaluation: { currency: 'CNY', applied: [{ promotionId: 'p', total: '5.00', units: 0, code: null }] },
      promotions: [{ id: 'p', type: 'amount-off', amount: '5' }],
    });
    expect(result).toEqual({ claim: null, entries: [], events: [], replayed: false });
    expect(() => createPromotionsService({ storage: {} as never })).toThrow(ValidationError);
    await expect(service.getCap('')).rejects.toBeInstanceOf(ValidationError);
  });
});
