import { createRng } from '@s2b2b/core';
import type { PromotionsStorage } from '@s2b2b/promotions';
import { expect, it } from 'vitest';
import { inParallel } from '../fixtures.js';
import { CapModel } from './cap-model.js';
import { promotionOutcomeCode, promotionsScenario } from './promotions-fixtures.js';

/**
 * Options of the promotions concurrency tests.
 *
 * @example
 * const options: PromotionsConcurrencyOptions = { claims: 400, parallelism: 80 };
 */
export interface PromotionsConcurrencyOptions {
  /** Parallel claims against one flash-sale stock or budget (default 200). */
  claims?: number;
  /** Parallel commands in the release and replay tests (default 50). */
  parallelism?: number;
}

/**
 * Commands fired in parallel at the caps: hundreds of flash-sale claims against one stock (a
 * serial model must agree on how many succeed), one customer's parallel claims against a
 * per-customer limit, random amounts against a budget, parallel releases of one claim (locked
 * too: never more back than it took), claims racing cancellations, claims over several caps in
 * crossing orders, and replays of one key. Registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: promotions', () => { promotionsConcurrencyContract(() => storage, { claims: 300 }); });
 */
export function promotionsConcurrencyContract(
  storage: () => PromotionsStorage,
  options: PromotionsConcurrencyOptions = {},
): void {
  const n = options.claims ?? 200;
  const parallelism = options.parallelism ?? 50;

  it(`lets exactly as many of ${n} parallel flash-sale claims succeed as a serial run would`, async () => {
    const { service, cap, id, key } = promotionsScenario(storage());
    const stock = cap('stock', Math.floor((n * 3) / 5));
    const perCustomer = cap('customer-units', 2, { perSubject: true });
    await service.saveCaps({ idempotencyKey: key(), caps: [stock, perCustomer] });
    const entries = (index: number) => [
      { capId: stock.id, amount: 1 },
      { capId: perCustomer.id, subject: `c-${index}`, amount: 1 },
    ];
    const results = await inParallel(n, (index) =>
      service.claim({
        idempotencyKey: key(),
        claimId: id(`o-${index}`),
        customerId: `c-${index}`,
        entries: entries(index),
      }),
    );
    const model = new CapModel([stock, perCustomer]);
    const oracle = Array.from({ length: n }, (_, index) =>
      model.claim(
        `o-${index}`,
        entries(index).map((e) => ({ subject: '', ...e })),
      ),
    ).filter((o) => o.ok).length;
    const codes = results.map(promotionOutcomeCode);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(oracle);
    expect(new Set(codes.filter((c) => c !== 'ok'))).toEqual(new Set(['CAP_EXCEEDED']));
    expect(await service.getUsage(stock.id)).toMatchObject({ used: stock.limit, remaining: 0 });
  });

  it(`holds one customer to the per-customer limit under ${parallelism} parallel claims`, async () => {
    const { service, cap, id, key } = promotionsScenario(storage());
    const stock = cap('stock', 1000);
    const perCustomer = cap('customer-units', 3, { perSubject: true });
    await service.saveCaps({ idempotencyKey: key(), caps: [stock, perCustomer] });
    const results = await inParallel(parallelism, (index) =>
      service.claim({
        idempotencyKey: key(),
        claimId: id(`o-${index}`),
        customerId: 'c-1',
        entries: [
          { capId: perCustomer.id, subject: 'c-1', amount: 1 },
          { capId: stock.id, amount: 1 },
        ],
      }),
    );
    expect(results.map(promotionOutcomeCode).filter((c) => c === 'ok')).toHaveLength(3);
    expect((await service.getUsage(perCustomer.id, 'c-1'))?.used).toBe(3);
    expect((await service.getUsage(stock.id))?.used).toBe(3); // the refused claims took nothing of the stock either
  });

  it(`never passes a budget under ${n} parallel claims of random amounts`, async () => {
    const { service, cap, id, key } = promotionsScenario(storage());
    const rng = createRng('budget-claims');
    const amounts = Array.from({ length: n }, () => rng.int(100, 5_000));
    const budget = cap('budget', Math.floor(amounts.reduce((s, a) => s + a, 0) / 3), { unit: 'minor-units' });
    await service.saveCaps({ idempotencyKey: key(), caps: [budget] });
    const results = await inParallel(n, (index) =>
      service.claim({
        idempotencyKey: key(),
        claimId: id(`o-${index}`),
        entries: [{ capId: budget.id, amount: amounts[index]! }],
      }),
    );
    const codes = results.map(promotionOutcomeCode);
    const taken = amounts.filter((_, i) => codes[i] === 'ok').reduce((s, a) => s + a, 0);
    const usage = (await service.getUsage(budget.id))!;
    expect(usage.used).toBe(taken);
    expect(usage.used).toBeLessThanOrEqual(budget.limit);
    // the budget only filled up during the run, so every refused amount is more than is left now
    amounts.forEach((amount, i) => {
      if (codes[i] !== 'ok') {
        expect(codes[i]).toBe('CAP_EXCEEDED');
        expect(amount).toBeGreaterThan(usage.remaining);
      }
    });
  });

  it(`releases one claim at most what it holds under ${parallelism} parallel releases`, async () => {
    const { service, cap, id, key } = promotionsScenario(storage());
    const stock = cap('stock', 100);
    await service.saveCaps({ idempotencyKey: key(), caps: [stock] });
    await service.claim({
      idempotencyKey: key(),
      claimId: id('o'),
      entries: [{ capId: stock.id, amount: 10 }],
    });
    const releases = (
      await inParallel(parallelism, () =>
        service.release({
          idempotencyKey: key(),
          claimId: id('o'),
          entries: [{ capId: stock.id, amount: 1 }],
        }),
      )
    ).map(promotionOutcomeCode);
    expect(releases.filter((c) => c === 'ok')).toHaveLength(10);
    expect(new Set(releases.filter((c) => c !== 'ok'))).toEqual(new Set(['RELEASE_EXCEEDS_CLAIM']));
    expect((await service.getUsage(stock.id))?.used).toBe(0);
    await service.claim({
      idempotencyKey: key(),
      claimId: id('p'),
      entries: [{ capId: stock.id, amount: 4 }],
    });
    const cancels = (
      await inParallel(parallelism, () =>
        service.release({ idempotencyKey: key(), claimId: id('p'), reason: 'cancelled' }),
      )
    ).map(promotionOutcomeCode);
    expect(cancels.filter((c) => c === 'ok')).toHaveLength(1);
    expect(new Set(cancels.filter((c) => c !== 'ok'))).toEqual(new Set(['NOTHING_TO_RELEASE']));
    expect((await service.getUsage(stock.id))?.used).toBe(0);
  });

  it('claims racing cancellations never pass the stock, and what is held adds up', async () => {
    const { service, cap, id, key } = promotionsScenario(storage());
    const stock = cap('stock', 20);
    await service.saveCaps({ idempotencyKey: key(), caps: [stock] });
    for (let i = 0; i < 10; i += 1) {
      await service.claim({
        idempotencyKey: key(),
        claimId: id(`first-${i}`),
        entries: [{ capId: stock.id, amount: 2 }],
      });
    }
    const tasks = [
      ...Array.from(
        { length: 10 },
        (_, i) => () => service.release({ idempotencyKey: key(), claimId: id(`first-${i}`) }),
      ),
      ...Array.from(
        { length: 30 },
        (_, i) => () =>
          service.claim({
            idempotencyKey: key(),
            claimId: id(`second-${i}`),
            entries: [{ capId: stock.id, amount: 1 }],
          }),
      ),
    ];
    const codes = (await inParallel(tasks.length, (i) => tasks[i]!())).map(promotionOutcomeCode);
    for (const code of codes) expect(['ok', 'CAP_EXCEEDED']).toContain(code);
    const heldNow = await Promise.all(
      Array.from({ length: 30 }, (_, i) => service.getClaim(id(`second-${i}`))),
    );
    const held = heldNow.reduce((s, c) => s + (c ? c.entries[0]!.amount - c.entries[0]!.released : 0), 0);
    const usage = (await service.getUsage(stock.id))!;
    expect(usage.used).toBe(held);
    expect(usage.used).toBeLessThanOrEqual(20);
    expect(codes.slice(0, 10).every((c) => c === 'ok')).toBe(true);
  });

  it('claims over several caps in crossing orders never deadlock', async () => {
    const { service, cap, id, key } = promotionsScenario(storage());
    const caps = [cap('a', 1000), cap('b', 1000), cap('c', 1000)];
    await service.saveCaps({ idempotencyKey: key(), caps });
    const rng = createRng('crossing');
    const results = await inParallel(parallelism, (index) =>
      service.claim({
        idempotencyKey: key(),
        claimId: id(`o-${index}`),
        entries: rng.shuffle(caps).map((c) => ({ capId: c.id, amount: 1 })),
      }),
    );
    expect(results.map(promotionOutcomeCode).every((c) => c === 'ok')).toBe(true);
    for (const c of caps) expect((await service.getUsage(c.id))?.used).toBe(parallelism);
  });

  it(`executes ${parallelism} parallel replays of one claim key once`, async () => {
    const { service, cap, id, key, heard } = promotionsScenario(storage());
    const stock = cap('stock', 100);
    await service.saveCaps({ idempotencyKey: key(), caps: [stock] });
    heard.length = 0;
    const input = { idempotencyKey: key(), claimId: id('o'), entries: [{ capId: stock.id, amount: 3 }] };
    const results = await inParallel(parallelism, () => service.claim(input));
    const values = results.map((r) => {
      if (r.status === 'rejected') throw r.reason;
      return r.value;
    });
    expect(values.filter((v) => !v.replayed)).toHaveLength(1);
    expect((await service.getUsage(stock.id))?.used).toBe(3);
    expect(heard).toHaveLength(1);
  });
}
