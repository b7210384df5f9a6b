import type { PromotionsStorage } from '@s2b2b/promotions';
import { expect, it } from 'vitest';
import { codeOf, PROMOTIONS_NOW, promotionsScenario } from './promotions-fixtures.js';

/**
 * The port called directly: caps saved and re-limited, claims all-or-none with every refusal
 * by code, releases partial and bounded by the claim, reads, and rollback. Registers its tests
 * in the caller's `describe`.
 *
 * @example
 * describe('my adapter: promotions', () => { promotionsPortContract(() => storage); });
 */
export function promotionsPortContract(storage: () => PromotionsStorage): void {
  const at = PROMOTIONS_NOW;

  it('saves caps, changes only their limit, and lists them by promotion', async () => {
    const { cap, id } = promotionsScenario(storage());
    const promotionId = id('promo');
    const stock = cap('stock', 5, { promotionId });
    const perCustomer = cap('per-customer', 2, { perSubject: true, unit: 'redemptions', promotionId });
    const saved = await storage().transaction((tx) => tx.promotions.saveCaps([stock, perCustomer], at));
    expect(saved.map((c) => [c.id, c.limit, c.perSubject])).toEqual([
      [stock.id, 5, false],
      [perCustomer.id, 2, true],
    ]);
    const later = new Date(at.getTime() + 60_000);
    const [raised] = await storage().transaction((tx) =>
      tx.promotions.saveCaps([{ ...stock, limit: 7 }], later),
    );
    expect(raised).toMatchObject({ id: stock.id, limit: 7, createdAt: at, updatedAt: later });
    expect(
      await codeOf(() =>
        storage().transaction((tx) => tx.promotions.saveCaps([{ ...stock, perSubject: true }], at)),
      ),
    ).toBe('CAP_DEFINITION_CONFLICT');
    expect((await storage().promotions.listCaps({ promotionId })).map((c) => c.id)).toEqual(
      [perCustomer.id, stock.id].sort(),
    );
    expect((await storage().promotions.listCaps({ promotionId, limit: 1 })).length).toBe(1);
    expect(await storage().promotions.getCap(id('nope'))).toBeNull();
    expect(await storage().promotions.getUsage(id('nope'))).toBeNull();
    expect(await storage().promotions.getUsage(perCustomer.id, 'c-1')).toEqual({
      capId: perCustomer.id,
      subject: 'c-1',
      used: 0,
      limit: 2,
      remaining: 2,
    });
  });

  it('claims every entry or none, and says why not', async () => {
    const { cap, id } = promotionsScenario(storage());
    const a = cap('a', 5);
    const b = cap('b', 1, { perSubject: true, unit: 'redemptions' });
    await storage().transaction((tx) => tx.promotions.saveCaps([a, b], at));
    const claim = (claimId: string, entries: { capId: string; subject: string; amount: number }[]) =>
      storage().transaction((tx) =>
        tx.promotions.claim({ id: claimId, reference: 'order', customerId: 'c-1', entries, at }),
      );
    const first = await claim(id('o1'), [
      { capId: b.id, subject: 'c-1', amount: 1 },
      { capId: a.id, subject: '', amount: 2 },
    ]);
    // entries come back in key order (a-… before b-…)
    expect(first.entries).toEqual([
      { capId: a.id, subject: '', amount: 2, released: 0 },
      { capId: b.id, subject: 'c-1', amount: 1, released: 0 },
    ]);
    // b is used up for c-1: the whole claim is refused and a keeps its 2
    expect(
      await codeOf(() =>
        claim(id('o2'), [
          { capId: a.id, subject: '', amount: 1 },
          { capId: b.id, subject: 'c-1', amount: 1 },
        ]),
      ),
    ).toBe('CAP_EXCEEDED');
    expect((await storage().promotions.getUsage(a.id))?.used).toBe(2);
    expect(await storage().promotions.getClaim(id('o2'))).toBeNull();
    expect(await codeOf(() => claim(id('o1'), [{ capId: a.id, subject: '', amount: 1 }]))).toBe(
      'CLAIM_EXISTS',
    );
    expect(await codeOf(() => claim(id('o3'), [{ capId: id('missing'), subject: '', amount: 1 }]))).toBe(
      'CAP_NOT_FOUND',
    );
    expect(await codeOf(() => claim(id('o4'), [{ capId: b.id, subject: '', amount: 1 }]))).toBe(
      'CAP_SUBJECT_MISMATCH',
    );
    expect(await codeOf(() => claim(id('o5'), [{ capId: a.id, subject: 'x', amount: 1 }]))).toBe(
      'CAP_SUBJECT_MISMATCH',
    );
    expect(await codeOf(() => claim(id('o6'), [{ capId: a.id, subject: '', amount: 4 }]))).toBe(
      'CAP_EXCEEDED',
    );
    await claim(id('o7'), [{ capId: a.id, subject: '', amount: 3 }]); // exactly to the limit
    expect(await storage().promotions.getUsage(a.id)).toMatchObject({ used: 5, remaining: 0 });
    // a lowered limit refuses more, takes nothing back; a raised one lets claims through again
    await storage().transaction((tx) => tx.promotions.saveCaps([{ ...a, limit: 4 }], at));
    expect(await storage().promotions.getUsage(a.id)).toMatchObject({ used: 5, limit: 4, remaining: 0 });
    expect(await codeOf(() => claim(id('o8'), [{ capId: a.id, subject: '', amount: 1 }]))).toBe(
      'CAP_EXCEEDED',
    );
    await storage().transaction((tx) => tx.promotions.saveCaps([{ ...a, limit: 6 }], at));
    expect(await codeOf(() => claim(id('o9'), [{ capId: a.id, subject: '', amount: 1 }]))).toBe('ok');
  });

  it('releases part of a claim, never more than it holds, all or none', async () => {
    const { cap, id } = promotionsScenario(storage());
    const a = cap('a', 10);
    const b = cap('b', 10);
    await storage().transaction((tx) => tx.promotions.saveCaps([a, b], at));
    const claimId = id('order');
    await storage().transaction((tx) =>
      tx.promotions.claim({
        id: claimId,
        reference: null,
        customerId: null,
        entries: [
          { capId: a.id, subject: '', amount: 4 },
          { capId: b.id, subject: '', amount: 2 },
        ],
        at,
      }),
    );
    const release = (entries: { capId: string; subject: string; amount: number }[], claim = claimId) =>
      storage().transaction((tx) => tx.promotions.release(claim, entries, new Date(at.getTime() + 1000)));
    const after = await release([{ capId: a.id, subject: '', amount: 3 }]);
    expect(after.entries.find((e) => e.capId === a.id)).toMatchObject({ amount: 4, released: 3 });
    expect(after.updatedAt).toEqual(new Date(at.getTime() + 1000));
    expect((await storage().promotions.getUsage(a.id))?.used).toBe(1);
    expect(
      await codeOf(() =>
        release([
          { capId: b.id, subject: '', amount: 1 },
          { capId: a.id, subject: '', amount: 2 },
        ]),
      ),
    ).toBe('RELEASE_EXCEEDS_CLAIM');
    expect((await storage().promotions.getUsage(b.id))?.used).toBe(2); // nothing of the refused release
    expect(await codeOf(() => release([{ capId: a.id, subject: 'x', amount: 1 }]))).toBe(
      'CLAIM_ENTRY_NOT_FOUND',
    );
    expect(await codeOf(() => release([{ capId: a.id, subject: '', amount: 1 }], id('none')))).toBe(
      'CLAIM_NOT_FOUND',
    );
    const locked = await storage().transaction((tx) => tx.promotions.lockClaim(claimId));
    expect(Object.fromEntries(locked!.entries.map((e) => [e.capId, e.amount - e.released]))).toEqual({
      [a.id]: 1,
      [b.id]: 2,
    });
    await release([
      { capId: a.id, subject: '', amount: 1 },
      { capId: b.id, subject: '', amount: 2 },
    ]);
    expect((await storage().promotions.getUsage(a.id))?.used).toBe(0);
    expect((await storage().promotions.getUsage(b.id))?.used).toBe(0);
  });

  it('a transaction that fails after a claim leaves nothing', async () => {
    const { cap, id } = promotionsScenario(storage());
    const a = cap('a', 3);
    await storage().transaction((tx) => tx.promotions.saveCaps([a], at));
    await expect(
      storage().transaction(async (tx) => {
        await tx.promotions.claim({
          id: id('o'),
          reference: null,
          customerId: null,
          entries: [{ capId: a.id, subject: '', amount: 2 }],
          at,
        });
        throw new Error('host failure');
      }),
    ).rejects.toThrow('host failure');
    expect((await storage().promotions.getUsage(a.id))?.used).toBe(0);
    expect(await storage().promotions.getClaim(id('o'))).toBeNull();
    // a refused claim inside a host transaction does not spoil the rest of it
    await storage().transaction(async (tx) => {
      expect(
        await codeOf(() =>
          tx.promotions.claim({
            id: id('big'),
            reference: null,
            customerId: null,
            entries: [{ capId: a.id, subject: '', amount: 9 }],
            at,
          }),
        ),
      ).toBe('CAP_EXCEEDED');
      await tx.promotions.claim({
        id: id('small'),
        reference: null,
        customerId: null,
        entries: [{ capId: a.id, subject: '', amount: 1 }],
        at,
      });
    });
    expect((await storage().promotions.getUsage(a.id))?.used).toBe(1);
  });
}
