import { DomainError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import type { LedgerAccount } from './accounts.js';
import { type LedgerDraft, planTransfers } from './plan-transfers.js';
import type { PendingHold, TransferDraft } from './transfers.js';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const meta = {
  code: 'draw',
  lineId: 'L-1',
  drawingId: 'D-1',
  reference: null,
  commandScope: 'test',
  commandKey: 'k',
  occurredAt: NOW,
};

function account(id: string, fields: Partial<LedgerAccount> = {}): LedgerAccount {
  return {
    id,
    currency: 'CNY',
    lineId: id.startsWith('line:') ? 'L-1' : null,
    role: id.endsWith('principal') ? 'principal' : id.endsWith('credit') ? 'credit' : 'funding',
    debitLimit: null,
    creditLimit: null,
    debitsFrozen: false,
    debitsPending: 0,
    debitsPosted: 0,
    creditsPending: 0,
    creditsPosted: 0,
    createdAt: NOW,
    ...fields,
  };
}

const P = 'line:L-1:principal';
const F = 'platform:CNY:funding';
const principal = (fields: Partial<LedgerAccount> = {}) =>
  account(P, { debitLimit: 100_000, creditLimit: 0, ...fields });

function plan(drafts: LedgerDraft[], accounts: LedgerAccount[], holds: PendingHold[] = [], now = NOW) {
  return planTransfers({
    drafts,
    accounts: new Map(accounts.map((a) => [a.id, a])),
    holds: new Map(holds.map((h) => [h.transferId, h])),
    existing: new Set(),
    now,
  });
}

function refusal(run: () => unknown): { code: string; details: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).code, details: { ...(error as DomainError).details } };
  }
  throw new Error('expected a refusal');
}

const single = (id: string, amount: number, debit = P, credit = F): TransferDraft => ({
  kind: 'single',
  id,
  debitAccountId: debit,
  creditAccountId: credit,
  amount,
  ...meta,
});
const pending = (id: string, amount: number, expiresAt: Date | null = null): TransferDraft => ({
  kind: 'pending',
  id,
  debitAccountId: P,
  creditAccountId: F,
  amount,
  expiresAt,
  ...meta,
});

describe('planTransfers', () => {
  it('posts a single transfer on both sides and reports deltas in id order', () => {
    const result = plan([single('T-1', 30_000)], [principal(), account(F)]);
    expect(result.transfers).toEqual([
      {
        ...meta,
        id: 'T-1',
        kind: 'single',
        debitAccountId: P,
        creditAccountId: F,
        amount: 30_000,
        currency: 'CNY',
        pendingId: null,
        expiresAt: null,
      },
    ]);
    expect(result.deltas).toEqual([
      { accountId: P, debitsPending: 0, debitsPosted: 30_000, creditsPending: 0, creditsPosted: 0 },
      { accountId: F, debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 30_000 },
    ]);
    // only the bounded account is tracked
    expect(result.accounts.map((a) => [a.id, a.debitsPosted])).toEqual([[P, 30_000]]);
  });

  it('refuses a draw one unit past the limit, pending draws counted in full (TigerBeetle exceeds_credits)', () => {
    const state = principal({ debitsPosted: 60_000, creditsPosted: 10_000, debitsPending: 20_000 });
    // net debit 70,000 of 100,000: 30,000 fits, 30,001 does not
    expect(plan([single('T-1', 30_000)], [state, account(F)]).accounts[0]!.debitsPosted).toBe(90_000);
    expect(refusal(() => plan([single('T-1', 30_001)], [state, account(F)]))).toEqual({
      code: 'CREDIT_LIMIT_EXCEEDED',
      details: {
        accountId: P,
        lineId: 'L-1',
        index: 0,
        limit: 100_000,
        drawn: 50_000,
        pending: 20_000,
        available: 30_000,
        requested: 30_001,
      },
    });
  });

  it('refuses new debits of a frozen account but still posts a hold placed before', () => {
    const hold: PendingHold = {
      transferId: 'T-0',
      debitAccountId: P,
      creditAccountId: F,
      amount: 5_000,
      currency: 'CNY',
      expiresAt: null,
      lineId: 'L-1',
      drawingId: 'D-1',
      status: 'pending',
      postedAmount: 0,
      resolvedBy: null,
      resolvedAt: null,
    };
    const frozen = principal({ debitsFrozen: true, debitsPending: 5_000 });
    expect(refusal(() => plan([single('T-1', 1)], [frozen, account(F)])).code).toBe('LINE_FROZEN');
    const posted = plan(
      [{ kind: 'post', id: 'T-1', pendingId: 'T-0', amount: null, ...meta }],
      [frozen, account(F)],
      [hold],
    );
    expect(posted.accounts[0]).toMatchObject({ debitsPending: 0, debitsPosted: 5_000 });
  });

  it('posts part of a hold and releases the rest exactly; the hold resolves once', () => {
    const first = plan([pending('T-1', 80_000)], [principal(), account(F)]);
    const hold = first.holds[0]!;
    expect(hold).toMatchObject({ transferId: 'T-1', status: 'pending', amount: 80_000 });
    const afterHold = first.accounts[0]!;
    expect(afterHold).toMatchObject({ debitsPending: 80_000, debitsPosted: 0 });
    const second = plan(
      [{ kind: 'post', id: 'T-2', pendingId: 'T-1', amount: 55_000, ...meta }],
      [afterHold, account(F, { creditsPending: 80_000 })],
      [hold],
    );
    expect(second.accounts[0]).toMatchObject({ debitsPending: 0, debitsPosted: 55_000 });
    expect(second.deltas[1]).toEqual({
      accountId: F,
      debitsPending: 0,
      debitsPosted: 0,
      creditsPending: -80_000,
      creditsPosted: 55_000,
    });
    expect(second.transfers[0]).toMatchObject({ kind: 'post', amount: 55_000, pendingId: 'T-1' });
    const posted = second.holds[0]!;
    expect(posted).toMatchObject({ status: 'posted', postedAmount: 55_000, resolvedBy: 'T-2' });
    for (const kind of ['post', 'void'] as const) {
      const again = { kind, id: 'T-3', pendingId: 'T-1', amount: null, ...meta } as TransferDraft;
      expect(refusal(() => plan([again], second.accounts.concat(account(F)), [posted]))).toMatchObject({
        code: 'HOLD_ALREADY_RESOLVED',
        details: { status: 'posted', resolvedBy: 'T-2' },
      });
    }
  });

  it('refuses posting more than held, and posting or voiding a timed-out hold', () => {
    const expiresAt = new Date(NOW.getTime() + 60_000);
    const { holds, accounts } = plan([pending('T-1', 10_000, expiresAt)], [principal(), account(F)]);
    const state = [...accounts, account(F)];
    expect(
      refusal(() =>
        plan([{ kind: 'post', id: 'T-2', pendingId: 'T-1', amount: 10_001, ...meta }], state, holds),
      ).code,
    ).toBe('HOLD_AMOUNT_EXCEEDED');
    const later = new Date(expiresAt.getTime());
    for (const draft of [
      { kind: 'post', id: 'T-2', pendingId: 'T-1', amount: null, ...meta },
      { kind: 'void', id: 'T-2', pendingId: 'T-1', ...meta },
    ] as TransferDraft[]) {
      expect(refusal(() => plan([draft], state, holds, later)).code).toBe('HOLD_EXPIRED');
    }
    expect(
      refusal(() => plan([{ kind: 'void', id: 'T-2', pendingId: 'T-9', ...meta }], state, holds)).code,
    ).toBe('HOLD_NOT_FOUND');
    // expiring needs the timeout to have passed
    const expire = { kind: 'expire' as const, pendingId: 'T-1', ...meta };
    expect(refusal(() => plan([expire], state, holds, NOW)).code).toBe('HOLD_NOT_DUE');
    const expired = plan([expire], state, holds, later);
    expect(expired.transfers[0]).toMatchObject({ id: 'T-1/expire', kind: 'expire', amount: 10_000 });
    expect(expired.accounts[0]).toMatchObject({ debitsPending: 0, debitsPosted: 0 });
    expect(expired.holds[0]).toMatchObject({ status: 'expired', resolvedBy: 'T-1/expire' });
  });

  it('applies a linked chain in order: each transfer sees the balances the earlier ones left', () => {
    const credit = account('line:L-1:credit', { debitLimit: 0 });
    // a credit of 500 first makes the debit of 500 possible; the other way round fails
    const ok = plan(
      [single('T-1', 500, F, credit.id), single('T-2', 500, credit.id, F)],
      [credit, account(F)],
    );
    expect(ok.accounts[0]).toMatchObject({ debitsPosted: 500, creditsPosted: 500 });
    expect(
      refusal(() =>
        plan([single('T-1', 500, credit.id, F), single('T-2', 500, F, credit.id)], [credit, account(F)]),
      ),
    ).toMatchObject({
      code: 'CREDIT_BALANCE_INSUFFICIENT',
      details: { index: 0, balance: 0, requested: 500 },
    });
    // the second draw of a chain sees the first
    expect(
      refusal(() => plan([single('T-1', 60_000), single('T-2', 40_001)], [principal(), account(F)])),
    ).toMatchObject({ code: 'CREDIT_LIMIT_EXCEEDED', details: { index: 1, available: 40_000 } });
    // a pending transfer can be posted later in the same chain
    const chained = plan(
      [pending('T-1', 1_000), { kind: 'post', id: 'T-2', pendingId: 'T-1', amount: 400, ...meta }],
      [principal(), account(F)],
    );
    expect(chained.accounts[0]).toMatchObject({ debitsPending: 0, debitsPosted: 400 });
    expect(chained.holds).toHaveLength(1);
  });

  it('refuses unknown accounts, the same account, other currencies, taken ids and overflow', () => {
    expect(refusal(() => plan([single('T-1', 1, P, 'nope')], [principal()])).code).toBe('ACCOUNT_NOT_FOUND');
    expect(refusal(() => plan([single('T-1', 1, F, F)], [account(F)])).code).toBe('ACCOUNTS_SAME');
    const usd = account('platform:USD:funding', { currency: 'USD' });
    expect(refusal(() => plan([single('T-1', 1, P, usd.id)], [principal(), usd])).code).toBe(
      'CURRENCY_MISMATCH',
    );
    expect(
      refusal(() => plan([single('T-1', 1), single('T-1', 1)], [principal(), account(F)])),
    ).toMatchObject({
      code: 'TRANSFER_EXISTS',
      details: { index: 1 },
    });
    expect(
      refusal(() =>
        planTransfers({
          drafts: [single('T-1', 1)],
          accounts: new Map([principal(), account(F)].map((a) => [a.id, a])),
          holds: new Map(),
          existing: new Set(['T-1']),
          now: NOW,
        }),
      ).code,
    ).toBe('TRANSFER_EXISTS');
    const big = account('line:L-1:interest', { debitsPosted: Number.MAX_SAFE_INTEGER, creditLimit: 0 });
    expect(refusal(() => plan([single('T-1', 1, big.id, F)], [big, account(F)])).code).toBe(
      'AMOUNT_OVERFLOW',
    );
  });

  it('refuses crediting a debit-normal account past what is due (creditLimit 0)', () => {
    const state = principal({ debitsPosted: 700 });
    expect(plan([single('T-1', 700, F, P)], [state, account(F)]).accounts[0]).toMatchObject({
      creditsPosted: 700,
    });
    expect(refusal(() => plan([single('T-1', 701, F, P)], [state, account(F)]))).toMatchObject({
      code: 'EXCEEDS_CREDIT_LIMIT',
      details: { limit: 0, current: -700, amount: 701 },
    });
  });
});
