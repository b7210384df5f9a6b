import { describe, expect, it } from 'vitest';
import { availableToDebit, checkCredit, checkDebit } from './limits.js';
import type { LedgerTransfer } from './transfers.js';
import { balancesFromTransfers, trialBalance } from './trial-balance.js';

const at = new Date('2026-03-01T00:00:00Z');
const transfer = (
  fields: Partial<LedgerTransfer> & Pick<LedgerTransfer, 'id' | 'kind' | 'amount' | 'sequence'>,
): LedgerTransfer => ({
  debitAccountId: 'P',
  creditAccountId: 'F',
  currency: 'CNY',
  pendingId: null,
  expiresAt: null,
  code: 'draw',
  lineId: null,
  drawingId: null,
  reference: null,
  commandScope: 's',
  commandKey: 'k',
  occurredAt: at,
  ...fields,
});

describe('trialBalance and balancesFromTransfers', () => {
  it('rebuilds balances from a log of single, pending, post, void and expire transfers', () => {
    const log = [
      transfer({ id: 'T1', kind: 'pending', amount: 800, sequence: 1 }),
      transfer({ id: 'T2', kind: 'single', amount: 100, sequence: 2 }),
      transfer({ id: 'T3', kind: 'post', amount: 500, pendingId: 'T1', sequence: 3 }),
      transfer({ id: 'T4', kind: 'pending', amount: 50, sequence: 4 }),
      transfer({ id: 'T5', kind: 'pending', amount: 70, sequence: 5 }),
      transfer({ id: 'T4/expire', kind: 'expire', amount: 50, pendingId: 'T4', sequence: 6 }),
      transfer({
        id: 'T6',
        kind: 'single',
        amount: 30,
        debitAccountId: 'F',
        creditAccountId: 'P',
        sequence: 7,
      }),
    ];
    const balances = balancesFromTransfers([...log].reverse()); // sorted by sequence inside
    expect(balances.get('P')).toEqual({
      debitsPending: 70,
      debitsPosted: 600,
      creditsPending: 0,
      creditsPosted: 30,
    });
    expect(balances.get('F')).toEqual({
      debitsPending: 0,
      debitsPosted: 30,
      creditsPending: 70,
      creditsPosted: 600,
    });
    expect(trialBalance([...balances.values()])).toEqual({
      debitsPending: 70,
      debitsPosted: 630,
      creditsPending: 70,
      creditsPosted: 630,
      balanced: true,
    });
    expect(
      trialBalance([{ debitsPending: 0, debitsPosted: 1, creditsPending: 0, creditsPosted: 0 }]).balanced,
    ).toBe(false);
    expect(() =>
      balancesFromTransfers([transfer({ id: 'X', kind: 'void', amount: 1, pendingId: 'none', sequence: 1 })]),
    ).toThrow(/not in the log/);
  });
});

describe('the account limits', () => {
  const account = {
    id: 'line:L:principal',
    currency: 'CNY',
    lineId: 'L',
    role: 'principal' as const,
    debitLimit: 1_000,
    creditLimit: 0,
    debitsFrozen: false,
    debitsPending: 200,
    debitsPosted: 700,
    creditsPending: 0,
    creditsPosted: 100,
    createdAt: at,
  };
  it('bound the net debit and credit a new transfer leaves, counting pending debits in full', () => {
    // net debit 800 of 1,000
    expect(checkDebit(account, 200, 'posted')).toBeNull();
    expect(checkDebit(account, 201, 'pending')).toEqual({
      rule: 'debit-limit',
      limit: 1_000,
      current: 800,
      amount: 201,
    });
    // net credit 100 − 700 = −600: 600 may still be credited
    expect(checkCredit(account, 600, 'posted')).toBeNull();
    expect(checkCredit(account, 601, 'posted')).toEqual({
      rule: 'credit-limit',
      limit: 0,
      current: -600,
      amount: 601,
    });
    expect(checkDebit({ ...account, debitsFrozen: true }, 1, 'posted')).toEqual({ rule: 'debits-frozen' });
    expect(
      checkDebit({ ...account, debitLimit: null, debitsPosted: Number.MAX_SAFE_INTEGER }, 1, 'posted'),
    ).toMatchObject({
      rule: 'overflow',
      balance: 'debitsPosted',
    });
    expect(availableToDebit(account)).toBe(200);
    expect(availableToDebit({ ...account, debitLimit: 500 })).toBe(0);
    expect(availableToDebit({ ...account, debitLimit: null })).toBeNull();
    expect(availableToDebit({ ...account, debitsFrozen: true })).toBe(0);
  });
});
