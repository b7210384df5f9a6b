import { ValidationError } from '@s2b2b/core';
import {
  type AccountDraft,
  type CreditLine,
  type CreditStorage,
  DEFAULT_LINE_TERMS,
  type Drawing,
  type TransferDraft,
} from '@s2b2b/credit';
import { expect, it } from 'vitest';
import { uniqueName } from '../fixtures.js';
import { CREDIT_START } from './credit-fixtures.js';

const NOW = CREDIT_START;
const LATER = new Date(NOW.getTime() + 60_000);

/** A bounded and an unbounded account of a fresh test ledger (a currency of its own). */
function ledger() {
  const run = uniqueName('acct').slice(5, 17);
  const account = (name: string, fields: Partial<AccountDraft> = {}): AccountDraft => ({
    id: `t:${run}:${name}`,
    currency: 'CNY',
    lineId: null,
    role: 'funding',
    debitLimit: null,
    creditLimit: null,
    debitsFrozen: false,
    createdAt: NOW,
    ...fields,
  });
  const meta = {
    code: 'test',
    lineId: null,
    drawingId: null,
    reference: null,
    commandScope: 'testkit.credit',
    commandKey: run,
    occurredAt: NOW,
  };
  let n = 0;
  const id = () => `${run}-t${++n}`;
  const single = (debit: string, credit: string, amount: number): TransferDraft => ({
    kind: 'single',
    id: id(),
    debitAccountId: debit,
    creditAccountId: credit,
    amount,
    ...meta,
  });
  const pending = (
    debit: string,
    credit: string,
    amount: number,
    expiresAt: Date | null = null,
  ): TransferDraft => ({
    kind: 'pending',
    id: id(),
    debitAccountId: debit,
    creditAccountId: credit,
    amount,
    expiresAt,
    ...meta,
  });
  const post = (pendingId: string, amount: number | null = null): TransferDraft => ({
    kind: 'post',
    id: id(),
    pendingId,
    amount,
    ...meta,
  });
  const voided = (pendingId: string): TransferDraft => ({ kind: 'void', id: id(), pendingId, ...meta });
  return { run, account, single, pending, post, voided, meta };
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'ok';
}

/**
 * The port contract of `tx.credit` / `storage.credit`, called directly (no service): registers
 * its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: credit', () => { creditPortContract(() => storage); });
 */
export function creditPortContract(storage: () => CreditStorage): void {
  const tx = <T>(fn: Parameters<CreditStorage['transaction']>[0]) =>
    storage().transaction(fn as never) as Promise<T>;
  const apply = (drafts: TransferDraft[], now = NOW) =>
    storage().transaction((t) => t.credit.createTransfers(drafts, now));

  it('creates accounts at zero, all or none, and leaves existing ones alone with ifMissing', async () => {
    const { account } = ledger();
    const a = account('a', { debitLimit: 500, creditLimit: 0 });
    const b = account('b');
    const created = await storage().transaction((t) => t.credit.createAccounts([a, b]));
    expect(created).toEqual([
      { ...a, debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 0 },
      { ...b, debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 0 },
    ]);
    const c = account('c');
    expect(await code(storage().transaction((t) => t.credit.createAccounts([c, a])))).toBe('ACCOUNT_EXISTS');
    expect(await storage().credit.getAccount(c.id)).toBeNull();
    await storage().transaction((t) =>
      t.credit.createAccounts([{ ...a, debitLimit: 9 }, c], { ifMissing: true }),
    );
    expect(await storage().credit.getAccount(a.id)).toMatchObject({ debitLimit: 500 });
    expect((await storage().credit.listAccounts({ ids: [c.id, a.id, 'nope'] })).map((x) => x.id)).toEqual(
      [a.id, c.id].sort(),
    );
    await expect(
      storage().transaction((t) => t.credit.createAccounts([{ ...a, id: '' } as AccountDraft])),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('posts single transfers, keeps every field, numbers them in order and sums unbounded accounts exactly', async () => {
    const { account, single } = ledger();
    const bounded = account('bounded', { debitLimit: 1_000, creditLimit: 0 });
    const world = account('world');
    await tx((t) => t.credit.createAccounts([bounded, world]));
    const drafts = [
      single(bounded.id, world.id, 300),
      single(bounded.id, world.id, 200),
      single(world.id, bounded.id, 150),
    ];
    const stored = await apply(drafts);
    expect(stored.map(({ sequence: _s, ...rest }) => rest)).toEqual(
      drafts.map((draft) => ({ ...draft, currency: 'CNY', pendingId: null, expiresAt: null })),
    );
    expect(stored[0]!.sequence).toBeLessThan(stored[1]!.sequence);
    expect(stored[1]!.sequence).toBeLessThan(stored[2]!.sequence);
    expect(await storage().credit.getTransfer(drafts[1]!.id)).toEqual(stored[1]);
    expect(await storage().credit.getAccount(bounded.id)).toMatchObject({
      debitsPosted: 500,
      creditsPosted: 150,
    });
    expect(await storage().credit.getAccount(world.id)).toMatchObject({
      debitsPending: 0,
      debitsPosted: 150,
      creditsPending: 0,
      creditsPosted: 500,
    });
    const listed = await storage().credit.listTransfers({ accountId: world.id });
    expect(listed.map((t) => t.id)).toEqual(drafts.map((d) => d.id));
    expect(
      (
        await storage().credit.listTransfers({
          accountId: world.id,
          afterSequence: stored[0]!.sequence,
          limit: 1,
        })
      ).map((t) => t.id),
    ).toEqual([drafts[1]!.id]);
  });

  it('refuses a debit one minor unit past the limit, pending debits counted in full', async () => {
    const { account, single, pending } = ledger();
    const p = account('p', { debitLimit: 1_000, creditLimit: 0 });
    const w = account('w');
    await tx((t) => t.credit.createAccounts([p, w]));
    await apply([single(p.id, w.id, 600), pending(p.id, w.id, 300)]);
    expect(await code(apply([single(p.id, w.id, 101)]))).toBe('EXCEEDS_DEBIT_LIMIT');
    expect(await code(apply([pending(p.id, w.id, 101)]))).toBe('EXCEEDS_DEBIT_LIMIT');
    await apply([single(p.id, w.id, 100)]);
    expect(await storage().credit.getAccount(p.id)).toMatchObject({ debitsPosted: 700, debitsPending: 300 });
    // a credit past the credit limit (more repaid than is owed)
    expect(await code(apply([single(w.id, p.id, 701)]))).toBe('EXCEEDS_CREDIT_LIMIT');
  });

  it('applies a linked batch all or none: a refused later transfer leaves no trace', async () => {
    const { account, single, pending } = ledger();
    const p = account('p', { debitLimit: 1_000, creditLimit: 0 });
    const w = account('w');
    await tx((t) => t.credit.createAccounts([p, w]));
    const before = await storage().credit.listTransfers({ accountId: w.id });
    const batch = [single(p.id, w.id, 400), pending(p.id, w.id, 400), single(p.id, w.id, 201)];
    const error = await storage()
      .transaction((t) => t.credit.createTransfers(batch, NOW))
      .catch((e: { code: string; details: { index: number } }) => e);
    expect(error).toMatchObject({ code: 'EXCEEDS_DEBIT_LIMIT', details: { index: 2 } });
    expect(await storage().credit.listTransfers({ accountId: w.id })).toEqual(before);
    expect(await storage().credit.getAccount(p.id)).toMatchObject({ debitsPosted: 0, debitsPending: 0 });
    expect(await storage().credit.getHold(batch[1]!.id)).toBeNull();
    // the transaction stays usable after a refused batch
    const kept = await storage().transaction(async (t) => {
      await t.credit.createTransfers(batch, NOW).catch(() => undefined);
      return t.credit.createTransfers([single(p.id, w.id, 50)], NOW);
    });
    expect(kept).toHaveLength(1);
    expect(await storage().credit.getAccount(p.id)).toMatchObject({ debitsPosted: 50 });
  });

  it('resolves a hold once: partial post releases the rest exactly; void, expiry and repeats are refused by code', async () => {
    const { account, pending, post, voided } = ledger();
    const p = account('p', { debitLimit: 10_000, creditLimit: 0 });
    const w = account('w');
    await tx((t) => t.credit.createAccounts([p, w]));
    const hold = pending(p.id, w.id, 8_000, LATER);
    await apply([hold]);
    expect(await storage().credit.getHold(hold.id)).toMatchObject({
      transferId: hold.id,
      amount: 8_000,
      status: 'pending',
      expiresAt: LATER,
      postedAmount: 0,
      resolvedBy: null,
    });
    expect(await code(apply([post(hold.id, 8_001)]))).toBe('HOLD_AMOUNT_EXCEEDED');
    const posting = post(hold.id, 5_500);
    const [posted] = await apply([posting]);
    expect(posted).toMatchObject({ kind: 'post', amount: 5_500, pendingId: hold.id, debitAccountId: p.id });
    expect(await storage().credit.getAccount(p.id)).toMatchObject({ debitsPending: 0, debitsPosted: 5_500 });
    expect(await storage().credit.getAccount(w.id)).toMatchObject({
      creditsPending: 0,
      creditsPosted: 5_500,
    });
    expect(await storage().credit.getHold(hold.id)).toMatchObject({
      status: 'posted',
      postedAmount: 5_500,
      resolvedBy: posting.id,
    });
    for (const again of [post(hold.id), voided(hold.id)]) {
      const error = await apply([again]).catch((e) => e);
      expect(error).toMatchObject({ code: 'HOLD_ALREADY_RESOLVED', details: { status: 'posted' } });
    }
    const other = pending(p.id, w.id, 1_000, LATER);
    await apply([other]);
    expect(await code(apply([voided(other.id)], LATER))).toBe('HOLD_EXPIRED');
    expect(await code(apply([post(other.id)], LATER))).toBe('HOLD_EXPIRED');
    expect(await code(apply([voided('no-such-hold')]))).toBe('HOLD_NOT_FOUND');
    await apply([voided(other.id)]);
    expect(await storage().credit.getHold(other.id)).toMatchObject({ status: 'voided' });
    expect(await storage().credit.getAccount(p.id)).toMatchObject({ debitsPending: 0, debitsPosted: 5_500 });
  });

  it('expires the holds that are due — only those, at most the limit, once — with an expire transfer each', async () => {
    const { account, pending, run } = ledger();
    const p = account('p', { debitLimit: 10_000, creditLimit: 0, lineId: `x-${run}` });
    const w = account('w');
    await tx((t) => t.credit.createAccounts([p, w]));
    const soon = [0, 1, 2].map(
      () => ({ ...pending(p.id, w.id, 100, LATER), lineId: `x-${run}` }) as TransferDraft,
    );
    const never = { ...pending(p.id, w.id, 100, null), lineId: `x-${run}` } as TransferDraft;
    await apply([...soon, never]);
    const sweep = { limit: 2, lineId: `x-${run}`, commandScope: 'testkit.sweep', commandKey: run };
    expect(await storage().transaction((t) => t.credit.expireHolds({ ...sweep, now: NOW }))).toEqual({
      holds: [],
      transfers: [],
    });
    expect(
      (await storage().credit.listHolds({ lineId: `x-${run}`, dueBy: LATER })).map((h) => h.transferId),
    ).toEqual(soon.map((h) => h.id).sort());
    const first = await storage().transaction((t) => t.credit.expireHolds({ ...sweep, now: LATER }));
    expect(first.holds.map((h) => [h.transferId, h.status])).toEqual(
      soon
        .map((h) => h.id)
        .sort()
        .slice(0, 2)
        .map((id) => [id, 'expired']),
    );
    expect(first.transfers.map((t) => [t.kind, t.amount, t.pendingId, t.commandKey])).toEqual(
      first.holds.map((h) => ['expire', 100, h.transferId, run]),
    );
    const second = await storage().transaction((t) => t.credit.expireHolds({ ...sweep, now: LATER }));
    expect(second.holds).toHaveLength(1);
    expect(
      (await storage().transaction((t) => t.credit.expireHolds({ ...sweep, now: LATER }))).holds,
    ).toEqual([]);
    expect(await storage().credit.getAccount(p.id)).toMatchObject({ debitsPending: 100, debitsPosted: 0 });
    expect(await storage().credit.getAccount(w.id)).toMatchObject({ creditsPending: 100, creditsPosted: 0 });
  });

  it('refuses unknown and same accounts, other currencies, taken ids and malformed drafts', async () => {
    const { account, single } = ledger();
    const a = account('a');
    const usd = account('usd', { currency: 'USD' });
    await tx((t) => t.credit.createAccounts([a, usd]));
    const taken = single(a.id, account('b').id, 1);
    expect(await code(apply([taken]))).toBe('ACCOUNT_NOT_FOUND');
    expect(await code(apply([single(a.id, a.id, 1)]))).toBe('ACCOUNTS_SAME');
    expect(await code(apply([single(a.id, usd.id, 1)]))).toBe('CURRENCY_MISMATCH');
    const b = account('b2');
    await tx((t) => t.credit.createAccounts([b]));
    const once = single(a.id, b.id, 1);
    await apply([once]);
    expect(await code(apply([{ ...once }]))).toBe('TRANSFER_EXISTS');
    for (const bad of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1]) {
      await expect(apply([single(a.id, b.id, bad)])).rejects.toBeInstanceOf(ValidationError);
    }
    await expect(apply([])).rejects.toBeInstanceOf(ValidationError);
    await expect(
      storage().transaction((t) => t.credit.createTransfers([single(a.id, b.id, 1)], new Date(Number.NaN))),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('stores lines, keeps the principal account in step with limit and freeze, and refuses stale versions', async () => {
    const { account, single, run } = ledger();
    const lineId = `line-port-${run}`;
    const line: CreditLine = {
      id: lineId,
      merchantId: `m-${run}`,
      currency: 'CNY',
      limit: 1_000,
      status: 'active',
      freeze: null,
      terms: structuredClone({ ...DEFAULT_LINE_TERMS }),
      openedAt: NOW,
      updatedAt: NOW,
      version: 1,
    };
    const principal = account('principal', {
      id: `line:${lineId}:principal`,
      lineId,
      role: 'principal',
      debitLimit: 1_000,
      creditLimit: 0,
    });
    const w = account('w');
    expect(await storage().transaction((t) => t.credit.insertLine(line))).toEqual(line);
    await tx((t) => t.credit.createAccounts([principal, w]));
    expect(await code(storage().transaction((t) => t.credit.insertLine(line)))).toBe('LINE_EXISTS');
    const frozen = await storage().transaction(async (t) => {
      const locked = (await t.credit.lockLine(lineId))!;
      return t.credit.updateLine({
        ...locked,
        limit: 400,
        status: 'frozen',
        freeze: { reason: 'review', automatic: false, at: LATER },
        updatedAt: LATER,
      });
    });
    expect(frozen).toMatchObject({ limit: 400, status: 'frozen', version: 2, freeze: { at: LATER } });
    expect(await storage().credit.getLine(lineId)).toEqual(frozen);
    expect(await storage().credit.getAccount(principal.id)).toMatchObject({
      debitLimit: 400,
      debitsFrozen: true,
    });
    expect(await code(apply([single(principal.id, w.id, 1)]))).toBe('LINE_FROZEN');
    expect(await code(storage().transaction((t) => t.credit.updateLine(line)))).toBe('STALE_LINE');
    expect(
      await code(storage().transaction((t) => t.credit.updateLine({ ...line, id: `${lineId}-x` }))),
    ).toBe('LINE_NOT_FOUND');
    await storage().transaction((t) => t.credit.updateLine({ ...frozen, status: 'active', freeze: null }));
    expect(await code(apply([single(principal.id, w.id, 401)]))).toBe('CREDIT_LIMIT_EXCEEDED');
    await apply([single(principal.id, w.id, 400)]);
    expect((await storage().credit.listLines({ merchantId: `m-${run}` })).map((l) => l.id)).toEqual([lineId]);
    expect(await storage().transaction((t) => t.credit.lockLine('no-such-line'))).toBeNull();
  });

  it('stores drawings with every field, locks them by status in id order and refuses stale versions', async () => {
    const { run } = ledger();
    const lineId = `line-d-${run}`;
    await storage().transaction((t) =>
      t.credit.insertLine({
        id: lineId,
        merchantId: 'm',
        currency: 'CNY',
        limit: 0,
        status: 'active',
        freeze: null,
        terms: structuredClone({ ...DEFAULT_LINE_TERMS }),
        openedAt: NOW,
        updatedAt: NOW,
        version: 1,
      }),
    );
    const drawing = (id: string, status: Drawing['status']): Drawing => ({
      id: `${run}-${id}`,
      lineId,
      currency: 'CNY',
      product: 'receivables',
      status,
      holdId: null,
      requested: 900_000,
      drawn: 900_000,
      due: { penalty: 12, fees: 30_000, interest: 7, principal: 900_000 },
      repaid: { penalty: 0, fees: 0, interest: 0, principal: 0 },
      reference: '发票 INV-88',
      basis: { invoiceAmount: 1_000_000, advanceRate: '0.9', discountRate: '0.03' },
      annualRate: '0',
      penaltyMarkup: '0.5',
      penaltyBaseRate: '0.073',
      dayCount: 'ACT/365',
      tenorDays: 60,
      createdAt: NOW,
      drawnAt: NOW,
      dueDate: '2026-04-30',
      accrual: {
        interestFrom: '2026-03-01',
        interestPrincipal: 900_000,
        interestThrough: '2026-03-05',
        penaltyFrom: null,
        penaltyPrincipal: 0,
        penaltyInterest: 0,
        penaltyThrough: null,
      },
      daysPastDue: 0,
      closedAt: null,
      version: 1,
    });
    const [b, a, c] = [drawing('b', 'active'), drawing('a', 'active'), drawing('c', 'repaid')];
    for (const d of [b, a, c])
      expect(await storage().transaction((t) => t.credit.insertDrawing(d))).toEqual(d);
    expect(await code(storage().transaction((t) => t.credit.insertDrawing(a)))).toBe('DRAWING_EXISTS');
    expect(await storage().credit.getDrawing(a.id)).toEqual(a);
    const locked = await storage().transaction((t) => t.credit.lockDrawings(lineId, ['active']));
    expect(locked.map((d) => d.id)).toEqual([a.id, b.id]);
    const updated = await storage().transaction((t) =>
      t.credit.updateDrawing({
        ...a,
        status: 'repaid',
        closedAt: LATER,
        dueDate: null,
        accrual: null,
        daysPastDue: 3,
      }),
    );
    expect(updated).toMatchObject({
      version: 2,
      status: 'repaid',
      closedAt: LATER,
      dueDate: null,
      accrual: null,
      daysPastDue: 3,
    });
    expect(await code(storage().transaction((t) => t.credit.updateDrawing(a)))).toBe('STALE_DRAWING');
    expect(await code(storage().transaction((t) => t.credit.updateDrawing({ ...a, id: `${a.id}-x` })))).toBe(
      'DRAWING_NOT_FOUND',
    );
    expect((await storage().credit.listDrawings({ lineId, status: 'repaid' })).map((d) => d.id)).toEqual([
      a.id,
      c.id,
    ]);
    expect((await storage().credit.listDrawings({ lineId, after: a.id, limit: 1 })).map((d) => d.id)).toEqual(
      [b.id],
    );
    await expect(storage().credit.listDrawings({ limit: 0 })).rejects.toBeInstanceOf(ValidationError);
  });
}
