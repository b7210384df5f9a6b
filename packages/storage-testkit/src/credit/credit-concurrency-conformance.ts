import { createRng } from '@s2b2b/core';
import type { CreditStorage } from '@s2b2b/credit';
import { expect, it } from 'vitest';
import { endCursor, inParallel, readAll } from '../fixtures.js';
import {
  creditScenario,
  expectBooksAgree,
  INTEREST_FREE_TERMS,
  lineTransfers,
  outcomeCode,
} from './credit-fixtures.js';
import { CreditModel } from './credit-model.js';

/**
 * Options of the credit concurrency tests.
 *
 * @example
 * const options: CreditConcurrencyOptions = { draws: 500, parallelism: 80 };
 */
export interface CreditConcurrencyOptions {
  /** Parallel draws against one line (default 200). */
  draws?: number;
  /** Parallel commands in the hold, replay and many-line tests (default 50). */
  parallelism?: number;
}

const cents = (minor: number) => (minor / 100).toFixed(2);

/**
 * Commands fired in parallel against the ledger's invariants: hundreds of draws against one
 * line's limit (a serial model must agree on how many succeed), draws of mixed sizes with holds
 * and confirmations, parallel confirms, cancels and expiry sweeps of the same holds (each
 * resolves once), replays of one key, and draws, repayments and closes of day across many lines
 * at once (no deadlock, every book agrees). Registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: credit', () => { creditConcurrencyContract(() => storage, { draws: 300 }); });
 */
export function creditConcurrencyContract(
  storage: () => CreditStorage,
  options: CreditConcurrencyOptions = {},
): void {
  const n = options.draws ?? 200;
  const parallelism = options.parallelism ?? 50;

  it(`lets exactly as many of ${n} parallel draws succeed as a serial run would`, {
    timeout: 120_000,
  }, async () => {
    const limit = Math.floor((n * 3) / 5) * 100;
    const {
      credit,
      lines: [lineId],
      key,
    } = await creditScenario(storage(), { limits: [cents(limit)], terms: INTEREST_FREE_TERMS });
    const results = await inParallel(n, () =>
      credit.draw({ idempotencyKey: key(), lineId: lineId!, product: 'purchase', amount: '1.00' }),
    );
    const model = new CreditModel(limit);
    const oracle = Array.from({ length: n }, (_, index) => model.draw(`d-${index}`, 100, null, 0)).filter(
      (outcome) => outcome.ok,
    ).length;
    const codes = results.map(outcomeCode);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(oracle);
    expect(new Set(codes.filter((code) => code !== 'ok'))).toEqual(new Set(['CREDIT_LIMIT_EXCEEDED']));
    const { exposure } = await expectBooksAgree(storage(), lineId!);
    expect(exposure).toBe(limit);
    expect(await credit.getLine(lineId!)).toMatchObject({ available: { amount: '0.00' } });
  });

  it(`never lends past the limit under ${n} parallel draws, holds and confirmations of mixed sizes`, {
    timeout: 120_000,
  }, async () => {
    const rng = createRng('credit-mixed');
    const amounts = Array.from({ length: n }, () => rng.int(1, 500) * 100);
    const limit = Math.floor(amounts.reduce((s, a) => s + a, 0) / 3);
    const {
      credit,
      lines: [lineId],
      key,
    } = await creditScenario(storage(), { limits: [cents(limit)], terms: INTEREST_FREE_TERMS });
    const results = await inParallel(n, async (index) => {
      const held = index % 3 === 0;
      const { drawing } = await credit.draw({
        idempotencyKey: key(),
        lineId: lineId!,
        product: 'purchase',
        amount: cents(amounts[index]!),
        hold: held,
      });
      // confirmed in full: availability only falls during the run
      if (held && index % 2 === 0) await credit.confirmDraw({ idempotencyKey: key(), drawingId: drawing.id });
      return drawing;
    });
    const codes = results.map(outcomeCode);
    for (const code of codes) expect(['ok', 'CREDIT_LIMIT_EXCEEDED']).toContain(code);
    const { exposure } = await expectBooksAgree(storage(), lineId!);
    expect(exposure).toBeLessThanOrEqual(limit);
    const line = (await credit.getLine(lineId!))!;
    const available = Math.round(Number(line.available.amount) * 100);
    // availability only fell during the run, so every refused draw wanted more than is left now
    amounts.forEach((amount, index) => {
      if (codes[index] !== 'ok') expect(amount).toBeGreaterThan(available);
    });
    // replayed serially in ledger order, every accepted draw fits the limit
    const model = new CreditModel(limit);
    for (const transfer of await lineTransfers(storage(), lineId!)) {
      if (transfer.code !== 'draw') continue;
      if (transfer.kind === 'single' || transfer.kind === 'pending') {
        expect(
          model.draw(
            transfer.id,
            transfer.amount,
            transfer.kind === 'pending' ? Number.MAX_SAFE_INTEGER : null,
            0,
          ),
        ).toEqual({ ok: true });
      } else if (transfer.kind === 'post') {
        expect(model.confirm(transfer.pendingId!, transfer.amount, 0)).toEqual({ ok: true });
      }
    }
    expect(model.drawn() + model.pending()).toBe(exposure);
  });

  it(`resolves each hold once under ${parallelism} parallel confirms, cancels and expiry sweeps`, {
    timeout: 120_000,
  }, async () => {
    const {
      credit,
      clock,
      lines: [lineId],
      key,
    } = await creditScenario(storage(), { limits: ['100000.00'], terms: INTEREST_FREE_TERMS });
    const holds = await Promise.all(
      Array.from({ length: 10 }, () =>
        credit.draw({
          idempotencyKey: key(),
          lineId: lineId!,
          product: 'purchase',
          amount: '100.00',
          hold: true,
        }),
      ),
    );
    const ids = holds.map((held) => held.drawing.id);
    // half are raced by confirms and cancels before the timeout
    const early = await inParallel(parallelism, (index) => {
      const drawingId = ids[index % 5]!;
      return index % 2 === 0
        ? credit.confirmDraw({ idempotencyKey: key(), drawingId, amount: '60.00' })
        : credit.cancelDraw({ idempotencyKey: key(), drawingId });
    });
    const byHold = new Map<string, string[]>();
    early.forEach((result, index) => {
      const codes = byHold.get(ids[index % 5]!) ?? [];
      codes.push(outcomeCode(result));
      byHold.set(ids[index % 5]!, codes);
    });
    for (const codes of byHold.values()) {
      expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
      expect(new Set(codes.filter((code) => code !== 'ok'))).toEqual(new Set(['HOLD_ALREADY_RESOLVED']));
    }
    // the other half time out, raced by confirms and by sweeps
    clock.advance(300_000);
    const late = await inParallel<unknown>(parallelism, (index) =>
      index % 5 === 0
        ? credit.expireHolds({ idempotencyKey: key(), lineId: lineId! })
        : credit.confirmDraw({ idempotencyKey: key(), drawingId: ids[5 + (index % 5)]! }),
    );
    // a sweep skips a hold another transaction holds locked; a last sweep collects any left
    const last = await credit.expireHolds({ idempotencyKey: key(), lineId: lineId! });
    const swept = (value: unknown) =>
      typeof value === 'object' && value !== null && 'expired' in value
        ? (value as { expired: { id: string }[] }).expired.map((d) => d.id)
        : [];
    const expired = [
      ...late.flatMap((result) => (result.status === 'fulfilled' ? swept(result.value) : [])),
      ...swept(last),
    ];
    expect([...expired].sort()).toEqual(ids.slice(5).sort());
    for (const [index, result] of late.entries()) {
      if (index % 5 !== 0) expect(['HOLD_EXPIRED', 'HOLD_ALREADY_RESOLVED']).toContain(outcomeCode(result));
    }
    const drawings = await credit.listDrawings({ lineId: lineId! });
    expect(drawings.filter((d) => d.status === 'expired')).toHaveLength(5);
    const transfers = await lineTransfers(storage(), lineId!);
    const resolutions = transfers.filter((t) => t.pendingId !== null).map((t) => t.pendingId);
    expect(resolutions).toHaveLength(10);
    expect(new Set(resolutions).size).toBe(10);
    await expectBooksAgree(storage(), lineId!);
  });

  it(`executes ${parallelism} parallel replays of one draw key once`, async () => {
    const {
      credit,
      lines: [lineId],
      key,
      heard,
    } = await creditScenario(storage(), { limits: ['1000.00'], terms: INTEREST_FREE_TERMS });
    const before = await endCursor(storage());
    const input = { idempotencyKey: key(), lineId: lineId!, product: 'purchase' as const, amount: '10.00' };
    const results = await inParallel(parallelism, () => credit.draw(input));
    const values = results.map((result) => {
      if (result.status === 'rejected') throw result.reason;
      return result.value;
    });
    expect(values.filter((value) => !value.replayed)).toHaveLength(1);
    expect(new Set(values.map((value) => value.drawing.id)).size).toBe(1);
    expect(await credit.getLine(lineId!)).toMatchObject({ drawn: { amount: '10.00' } });
    expect((await readAll(storage(), before)).filter((event) => event.type === 'credit.drawn')).toHaveLength(
      1,
    );
    expect(heard).toHaveLength(1);
    await expectBooksAgree(storage(), lineId!);
  });

  it('never deadlocks with draws, repayments, limit changes and closes of day on many lines at once', {
    timeout: 120_000,
  }, async () => {
    const { credit, lines, key } = await creditScenario(storage(), {
      limits: Array.from({ length: 5 }, () => '500.00'),
    });
    const rng = createRng('credit-many-lines');
    const tasks = Array.from({ length: Math.max(parallelism, 40) }, (_, index): (() => Promise<unknown>) => {
      const lineId = lines[index % lines.length]!;
      const pick = rng.int(0, 9);
      if (pick < 5) {
        return () =>
          credit.draw({ idempotencyKey: key(), lineId, product: 'purchase', amount: `${rng.int(1, 80)}.00` });
      }
      if (pick < 8)
        return () => credit.repay({ idempotencyKey: key(), lineId, amount: `${rng.int(1, 60)}.00` });
      if (pick < 9)
        return () =>
          credit.changeLimit({
            idempotencyKey: key(),
            lineId,
            limit: `${rng.int(100, 600)}.00`,
            reason: 'review',
          });
      return () => credit.closeDay({ idempotencyKey: key(), lineId });
    });
    const results = await inParallel(tasks.length, (index) => tasks[index]!());
    for (const result of results) expect(['ok', 'CREDIT_LIMIT_EXCEEDED']).toContain(outcomeCode(result));
    for (const lineId of lines) await expectBooksAgree(storage(), lineId);
  });
}
