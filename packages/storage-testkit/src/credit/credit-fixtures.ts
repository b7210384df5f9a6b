import { type ManualClock, manualClock } from '@s2b2b/core';
import {
  balancesFromTransfers,
  type CreditEvent,
  type CreditService,
  type CreditStorage,
  createCreditService,
  type Drawing,
  type LedgerTransfer,
  type LineTermsInput,
  lineAccountId,
  netDebit,
  postedDebitBalance,
  trialBalance,
} from '@s2b2b/credit';
import { expect } from 'vitest';
import { uniqueName } from '../fixtures.js';

/**
 * The instant every credit conformance scenario starts at: 10:00 in Shanghai on 2026-03-01.
 *
 * @example
 * manualClock(CREDIT_START)
 */
export const CREDIT_START = new Date('2026-03-01T02:00:00.000Z');

/**
 * Interest-free terms (the serial model owes principal only) with a 5-minute hold timeout.
 *
 * @example
 * await credit.openLine({ ..., terms: INTEREST_FREE_TERMS });
 */
export const INTEREST_FREE_TERMS: LineTermsInput = Object.freeze({
  annualRate: '0',
  receivablesAnnualRate: '0',
  holdTimeoutSeconds: 300,
});

/**
 * Fresh lines for one test, and a service on the storage under test with its own clock.
 *
 * @example
 * const { credit, lines: [line], key, clock }: CreditScenario = await creditScenario(storage, { limits: ['1000.00'] });
 */
export interface CreditScenario {
  credit: CreditService;
  clock: ManualClock;
  /** The line ids, in the order asked for (unique to this test). */
  lines: string[];
  /** A fresh idempotency key. */
  key(name?: string): string;
  /** Events passed to `onEvent`, in order. */
  heard: CreditEvent[];
}

/**
 * Opens one line per limit (unique ids, CNY, the terms given) on a service whose clock starts at
 * {@link CREDIT_START} and records what `onEvent` hears.
 *
 * @example
 * const { credit, lines: [a, b] } = await creditScenario(storage, { limits: ['500.00', '500.00'] });
 */
export async function creditScenario(
  storage: CreditStorage,
  options: { limits: string[]; terms?: LineTermsInput },
): Promise<CreditScenario> {
  const clock = manualClock(CREDIT_START);
  const heard: CreditEvent[] = [];
  const credit = createCreditService({
    storage,
    clock,
    onEvent: (event) => {
      heard.push(event);
    },
  });
  const run = uniqueName('line').slice(5, 17);
  const lines = options.limits.map((_, index) => `line-${run}-${index}`);
  for (const [index, lineId] of lines.entries()) {
    await credit.openLine({
      idempotencyKey: uniqueName('open'),
      lineId,
      merchantId: `merchant-${run}-${index}`,
      limit: options.limits[index]!,
      terms: options.terms,
    });
  }
  heard.length = 0;
  return { credit, clock, lines, key: (name = 'cmd') => uniqueName(name), heard };
}

/**
 * `'ok'`, or the `code` of the error a settled command ended with.
 *
 * @example
 * results.map(outcomeCode) // ['ok', 'CREDIT_LIMIT_EXCEEDED', ...]
 */
export function outcomeCode(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'ok';
  const reason = result.reason as { code?: unknown };
  if (typeof reason?.code === 'string') return reason.code;
  throw result.reason;
}

/**
 * Every transfer of a line, page by page.
 *
 * @example
 * const transfers = await lineTransfers(storage, 'L-1');
 */
export async function lineTransfers(storage: CreditStorage, lineId: string): Promise<LedgerTransfer[]> {
  const all: LedgerTransfer[] = [];
  for (let after = 0; ; ) {
    const page = await storage.credit.listTransfers({ lineId, afterSequence: after, limit: 1_000 });
    all.push(...page);
    if (page.length < 1_000) return all;
    after = page.at(-1)!.sequence;
  }
}

/**
 * Checks a line's books against each other and returns its principal account: every line
 * account's balances equal those rebuilt from the line's transfers; the principal account
 * carries the line's limit and freeze; the limit account holds the limit; the drawings add up to
 * the principal, interest, fees and penalty accounts, and the held ones to the pending
 * principal; and the whole storage's trial balance balances.
 *
 * @example
 * await expectBooksAgree(storage, lineId);
 */
export async function expectBooksAgree(storage: CreditStorage, lineId: string) {
  const line = (await storage.credit.getLine(lineId))!;
  expect(line).not.toBeNull();
  const accounts = await storage.credit.listAccounts({ lineId });
  expect(accounts).toHaveLength(7);
  const rebuilt = balancesFromTransfers(await lineTransfers(storage, lineId));
  const byRole = new Map(accounts.map((account) => [account.role, account]));
  for (const account of accounts) {
    const { debitsPending, debitsPosted, creditsPending, creditsPosted } = account;
    expect({ id: account.id, debitsPending, debitsPosted, creditsPending, creditsPosted }).toEqual({
      id: account.id,
      ...(rebuilt.get(account.id) ?? {
        debitsPending: 0,
        debitsPosted: 0,
        creditsPending: 0,
        creditsPosted: 0,
      }),
    });
  }
  const principal = byRole.get('principal')!;
  expect(principal).toMatchObject({
    id: lineAccountId(lineId, 'principal'),
    debitLimit: line.limit,
    debitsFrozen: line.status === 'frozen',
  });
  const limit = byRole.get('limit')!;
  expect(limit.creditsPosted - limit.debitsPosted).toBe(line.limit);
  const drawings: Drawing[] = [];
  for (let after: string | undefined; ; ) {
    const page = await storage.credit.listDrawings({ lineId, after, limit: 1_000 });
    drawings.push(...page);
    if (page.length < 1_000) break;
    after = page.at(-1)!.id;
  }
  const sum = (pick: (d: Drawing) => number) => drawings.reduce((s, d) => s + pick(d), 0);
  expect(postedDebitBalance(principal)).toBe(sum((d) => d.due.principal));
  expect(principal.debitsPending).toBe(sum((d) => (d.status === 'held' ? d.requested : 0)));
  for (const part of ['interest', 'fees', 'penalty'] as const) {
    expect(postedDebitBalance(byRole.get(part)!)).toBe(sum((d) => d.due[part]));
  }
  for (const account of accounts) {
    for (const balance of ['debitsPending', 'debitsPosted', 'creditsPending', 'creditsPosted'] as const) {
      expect(account[balance]).toBeGreaterThanOrEqual(0);
    }
  }
  expect(trialBalance(await storage.credit.listAccounts()).balanced).toBe(true);
  return { line, principal, exposure: netDebit(principal) };
}
