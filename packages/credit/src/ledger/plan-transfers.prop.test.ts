import { DomainError } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LedgerAccount, netCredit, netDebit } from './accounts.js';
import { type LedgerDraft, planTransfers } from './plan-transfers.js';
import type { LedgerTransfer, PendingHold } from './transfers.js';
import { balancesFromTransfers, trialBalance } from './trial-balance.js';

const START = Date.parse('2026-03-01T08:00:00.000Z');
const ACCOUNTS: LedgerAccount[] = [
  { id: 'a:limited', debitLimit: 1_000, creditLimit: 0 },
  { id: 'b:no-overdraft', debitLimit: 0, creditLimit: null },
  { id: 'c:frozen', debitLimit: null, creditLimit: 500, debitsFrozen: true },
  { id: 'd:world', debitLimit: null, creditLimit: null },
].map((fields) => ({
  currency: 'CNY',
  lineId: null,
  role: 'funding' as const,
  debitsFrozen: false,
  debitsPending: 0,
  debitsPosted: 0,
  creditsPending: 0,
  creditsPosted: 0,
  createdAt: new Date(START),
  ...fields,
}));

const accountIndex = fc.integer({ min: 0, max: ACCOUNTS.length - 1 });
const step = fc.oneof(
  fc.record({
    kind: fc.constantFrom('single' as const, 'pending' as const),
    debit: accountIndex,
    credit: accountIndex,
    amount: fc.integer({ min: 1, max: 700 }),
    timeout: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  }),
  fc.record({
    kind: fc.constantFrom('post' as const, 'void' as const),
    hold: fc.nat({ max: 20 }),
    amount: fc.option(fc.integer({ min: 1, max: 700 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant('expire' as const), hold: fc.nat({ max: 20 }) }),
);
const batches = fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 30 });

describe('planTransfers over random batches', () => {
  it('keeps debits = credits, every limit, each hold resolved once, and a log that rebuilds the balances', () => {
    fc.assert(
      fc.property(batches, (plan) => {
        const accounts = new Map(ACCOUNTS.map((a) => [a.id, { ...a }]));
        const holds = new Map<string, PendingHold>();
        const log: LedgerTransfer[] = [];
        const pendingIds: string[] = [];
        let n = 0;
        plan.forEach((batch, minute) => {
          const now = new Date(START + minute * 60_000);
          const drafts: LedgerDraft[] = batch.map((s) => {
            const meta = {
              code: 'test',
              lineId: null,
              drawingId: null,
              reference: null,
              commandScope: 'prop',
              commandKey: `b-${minute}`,
              occurredAt: now,
            };
            n += 1;
            if (s.kind === 'single' || s.kind === 'pending') {
              const base = {
                id: `T-${n}`,
                debitAccountId: ACCOUNTS[s.debit]!.id,
                creditAccountId: ACCOUNTS[s.credit]!.id,
                amount: s.amount,
                ...meta,
              };
              if (s.kind === 'single') return { kind: 'single', ...base };
              return {
                kind: 'pending',
                ...base,
                expiresAt: s.timeout === null ? null : new Date(now.getTime() + s.timeout * 60_000),
              };
            }
            const pendingId =
              pendingIds[(s as { hold: number }).hold % Math.max(1, pendingIds.length)] ?? 'none';
            if (s.kind === 'expire') return { kind: 'expire', pendingId, ...meta };
            if (s.kind === 'void') return { kind: 'void', id: `T-${n}`, pendingId, ...meta };
            return {
              kind: 'post',
              id: `T-${n}`,
              pendingId,
              amount: (s as { amount: number | null }).amount,
              ...meta,
            };
          });
          let result: ReturnType<typeof planTransfers>;
          try {
            result = planTransfers({
              drafts,
              accounts,
              holds,
              existing: new Set(log.map((t) => t.id)),
              now,
            });
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            return; // refused: nothing changes
          }
          for (const delta of result.deltas) {
            const current = accounts.get(delta.accountId)!;
            accounts.set(delta.accountId, {
              ...current,
              debitsPending: current.debitsPending + delta.debitsPending,
              debitsPosted: current.debitsPosted + delta.debitsPosted,
              creditsPending: current.creditsPending + delta.creditsPending,
              creditsPosted: current.creditsPosted + delta.creditsPosted,
            });
          }
          for (const bounded of result.accounts) expect(accounts.get(bounded.id)).toEqual(bounded);
          for (const hold of result.holds) {
            const before = holds.get(hold.transferId);
            if (before) expect(before.status).toBe('pending');
            else pendingIds.push(hold.transferId);
            holds.set(hold.transferId, hold);
          }
          result.transfers.forEach((t) => {
            log.push({ ...t, sequence: log.length + 1 });
          });
          // new debits and credits never leave an account past its limits
          for (const draft of drafts) {
            if (draft.kind !== 'single' && draft.kind !== 'pending') continue;
            const debit = accounts.get(draft.debitAccountId)!;
            const credit = accounts.get(draft.creditAccountId)!;
            if (debit.debitLimit !== null) expect(netDebit(debit)).toBeLessThanOrEqual(debit.debitLimit);
            if (credit.creditLimit !== null)
              expect(netCredit(credit)).toBeLessThanOrEqual(credit.creditLimit);
            expect(debit.debitsFrozen).toBe(false);
          }
        });
        const states = [...accounts.values()];
        expect(trialBalance(states).balanced).toBe(true);
        for (const state of states) {
          for (const balance of [
            'debitsPending',
            'debitsPosted',
            'creditsPending',
            'creditsPosted',
          ] as const) {
            expect(state[balance]).toBeGreaterThanOrEqual(0);
          }
        }
        const rebuilt = balancesFromTransfers(log);
        for (const state of states) {
          const { debitsPending, debitsPosted, creditsPending, creditsPosted } = state;
          const expected = rebuilt.get(state.id) ?? {
            debitsPending: 0,
            debitsPosted: 0,
            creditsPending: 0,
            creditsPosted: 0,
          };
          expect({ debitsPending, debitsPosted, creditsPending, creditsPosted }).toEqual(expected);
        }
        const resolutions = log.filter((t) => t.pendingId !== null).map((t) => t.pendingId);
        expect(new Set(resolutions).size).toBe(resolutions.length);
        // pending balances are exactly the holds still pending
        const stillPending = [...holds.values()].filter((h) => h.status === 'pending');
        expect(states.reduce((s, a) => s + a.debitsPending, 0)).toBe(
          stillPending.reduce((s, h) => s + h.amount, 0),
        );
      }),
      { numRuns: 300 },
    );
  });
});
