import type { CreditService, CreditStorage } from '@s2b2b/credit';
import { netDebit } from '@s2b2b/credit';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { creditScenario, expectBooksAgree, INTEREST_FREE_TERMS } from './credit-fixtures.js';
import { CreditModel, type CreditModelOutcome } from './credit-model.js';

const yuan = fc.integer({ min: 1, max: 40 });
const target = fc.nat({ max: 20 });

/** One random credit command; drawings are referred to by the index of their creation. */
const command = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('draw' as const), amount: yuan, hold: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('confirm' as const),
      drawing: target,
      amount: fc.option(yuan, { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), drawing: target }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('expire' as const), minutes: fc.integer({ min: 1, max: 8 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('repay' as const),
      amount: fc.integer({ min: 1, max: 60 }),
      fromCredit: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('refund' as const), amount: fc.integer({ min: 1, max: 20 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('limit' as const), limit: fc.integer({ min: 0, max: 120 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('freeze' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unfreeze' as const) }) },
);

type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

/**
 * Options of the credit property.
 *
 * @example
 * const options: CreditPropertyOptions = { runs: 100, maxCommands: 40 };
 */
export interface CreditPropertyOptions {
  /** Random command sequences to run (default 25). */
  runs?: number;
  /** Longest sequence (default 25 commands). */
  maxCommands?: number;
}

const code = async (run: () => Promise<unknown>): Promise<{ ok: boolean; code: string; value?: unknown }> => {
  try {
    return { ok: true, code: 'ok', value: await run() };
  } catch (error) {
    const found = (error as { code?: unknown }).code;
    if (typeof found !== 'string') throw error;
    return { ok: false, code: found };
  }
};

const asCode = (outcome: CreditModelOutcome) => (outcome.ok ? 'ok' : outcome.code);

/**
 * fast-check over random command sequences on one interest-free line (draws with and without
 * holds, confirmations in full and in part, cancels, expiry sweeps as time passes, repayments
 * from money and from credit, refunds, limit changes, freezes): each command's outcome equals
 * the serial model's, and after it the line's drawn, pending, credit, limit and status equal the
 * model's; an accepted draw never leaves principal plus pending draws above the limit; and at
 * the end every book of the line agrees (`expectBooksAgree`: the log rebuilds the balances, debits
 * equal credits). Registers its test in the caller's `describe`.
 *
 * @example
 * describe('my adapter: credit', () => { creditPropertyContract(() => storage, { runs: 50 }); });
 */
export function creditPropertyContract(
  storage: () => CreditStorage,
  options: CreditPropertyOptions = {},
): void {
  const runs = options.runs ?? 25;
  it(`agrees with a serial model on ${runs} random command sequences`, { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: options.maxCommands ?? 25 }),
        async (commands) => {
          const scenario = await creditScenario(storage(), {
            limits: ['100.00'],
            terms: INTEREST_FREE_TERMS,
          });
          const lineId = scenario.lines[0]!;
          const model = new CreditModel(10_000);
          const drawings: string[] = [];
          for (const [step, cmd] of commands.entries()) {
            const [expected, actual] = await runBoth(cmd, scenario, lineId, model, drawings);
            expect({ step, cmd, code: actual }).toEqual({ step, cmd, code: expected });
            const line = (await scenario.credit.getLine(lineId))!;
            const minor = (amount: string) => Math.round(Number(amount) * 100);
            expect({
              step,
              drawn: minor(line.drawn.amount),
              pending: minor(line.pending.amount),
              credit: minor(line.credit.amount),
              limit: minor(line.limit.amount),
              frozen: line.status === 'frozen',
            }).toEqual({
              step,
              drawn: model.drawn(),
              pending: model.pending(),
              credit: model.credit,
              limit: model.limit,
              frozen: model.frozen,
            });
            if (cmd.kind === 'draw' && actual === 'ok') {
              const principal = (await storage().credit.listAccounts({ lineId })).find(
                (a) => a.role === 'principal',
              )!;
              expect(netDebit(principal)).toBeLessThanOrEqual(model.limit);
            }
          }
          await expectBooksAgree(storage(), lineId);
        },
      ),
      { numRuns: runs },
    );
  });
}

async function runBoth(
  cmd: Command,
  scenario: {
    credit: CreditService;
    clock: { now(): Date; advance(ms: number): Date };
    key(name?: string): string;
  },
  lineId: string,
  model: CreditModel,
  drawings: string[],
): Promise<[string, string]> {
  const { credit, clock, key } = scenario;
  const now = clock.now().getTime();
  const pick = (index: number) => drawings[index % Math.max(1, drawings.length)] ?? 'no-such-drawing';
  switch (cmd.kind) {
    case 'draw': {
      const result = await code(() =>
        credit.draw({
          idempotencyKey: key(),
          lineId,
          product: 'purchase',
          amount: `${cmd.amount}.00`,
          hold: cmd.hold,
        }),
      );
      const id = result.ok
        ? (result.value as { drawing: { id: string } }).drawing.id
        : `refused-${drawings.length}`;
      const expected = model.draw(id, cmd.amount * 100, cmd.hold ? now + 300_000 : null, now);
      if (result.ok) drawings.push(id);
      return [asCode(expected), result.code];
    }
    case 'confirm': {
      const drawingId = pick(cmd.drawing);
      const amount = cmd.amount === undefined ? undefined : `${cmd.amount}.00`;
      const expected = model.confirm(drawingId, cmd.amount === undefined ? null : cmd.amount * 100, now);
      const result = await code(() => credit.confirmDraw({ idempotencyKey: key(), drawingId, amount }));
      return [asCode(expected), result.code];
    }
    case 'cancel': {
      const drawingId = pick(cmd.drawing);
      const expected = model.cancel(drawingId, now);
      return [
        asCode(expected),
        (await code(() => credit.cancelDraw({ idempotencyKey: key(), drawingId }))).code,
      ];
    }
    case 'expire': {
      clock.advance(cmd.minutes * 60_000);
      const expected = model.expire(clock.now().getTime()).sort();
      const result = await credit.expireHolds({ idempotencyKey: key(), lineId });
      return [
        expected.join(','),
        result.expired
          .map((d) => d.id)
          .sort()
          .join(','),
      ];
    }
    case 'repay': {
      const expected = model.repay(cmd.amount * 100, cmd.fromCredit);
      const result = await code(() =>
        credit.repay({
          idempotencyKey: key(),
          lineId,
          amount: `${cmd.amount}.00`,
          source: cmd.fromCredit ? 'credit' : 'payment',
        }),
      );
      return [asCode(expected), result.code];
    }
    case 'refund': {
      const expected = model.refund(cmd.amount * 100);
      return [
        asCode(expected),
        (await code(() => credit.refundCredit({ idempotencyKey: key(), lineId, amount: `${cmd.amount}.00` })))
          .code,
      ];
    }
    case 'limit': {
      const expected = model.changeLimit(cmd.limit * 100);
      return [
        asCode(expected),
        (
          await code(() =>
            credit.changeLimit({ idempotencyKey: key(), lineId, limit: `${cmd.limit}.00`, reason: 'p' }),
          )
        ).code,
      ];
    }
    case 'freeze':
      return [
        asCode(model.freeze()),
        (await code(() => credit.freeze({ idempotencyKey: key(), lineId, reason: 'p' }))).code,
      ];
    case 'unfreeze':
      return [
        asCode(model.unfreeze()),
        (await code(() => credit.unfreeze({ idempotencyKey: key(), lineId, reason: 'p' }))).code,
      ];
  }
}
