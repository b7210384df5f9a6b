import {
  type AftersalesCase,
  type AftersalesStorage,
  type CaseAction,
  compensationPlanJson,
  planCompensation,
  reduceCase,
  syncCaseClocks,
} from '@s2b2b/aftersales';
import { type BusinessCalendar, chinaCalendar, isS2b2bError } from '@s2b2b/core';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { uniqueName } from '../fixtures.js';
import { aftersalesScenario } from './aftersales-fixtures.js';

/**
 * Options of the after-sales property test.
 *
 * @example
 * const options: AftersalesPropertyOptions = { runs: 10 };
 */
export interface AftersalesPropertyOptions {
  /** fast-check runs (default 15). */
  runs?: number;
}

const OPS = [
  'intervene',
  'assign',
  'platform-responds',
  'request-info',
  'merchant-answers',
  'supplier-responds',
  'resolve',
  'close',
  'withdraw',
  'reopen',
  'evaluate',
] as const;
type Op = (typeof OPS)[number];

/**
 * Random command histories (with time passing between commands, across the holiday) applied
 * through the case service on the storage under test, and the same history applied serially to
 * a model made of the pure functions (`reduceCase`, `syncCaseClocks`, `planCompensation`):
 * after every command the stored case equals the model, every refusal has the model's code,
 * and the version counts the saves. Registers its test in the caller's `describe`.
 *
 * @example
 * describe('my adapter: after-sales', () => { aftersalesPropertyContract(() => storage, { runs: 10 }); });
 */
export function aftersalesPropertyContract(
  storage: () => AftersalesStorage,
  options: AftersalesPropertyOptions = {},
): void {
  it('stores exactly what the pure model computes, command after command', async () => {
    const calendars = { default: chinaCalendar() };
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ op: fc.constantFrom(...OPS), minutes: fc.integer({ min: 0, max: 3 * 24 * 60 }) }),
          { minLength: 1, maxLength: 12 },
        ),
        async (steps) => {
          const { service, open, id, clock } = aftersalesScenario(storage());
          const { case: opened } = await open('prop');
          let model: AftersalesCase = opened;
          for (const { op, minutes } of steps) {
            clock.advance(minutes * 60_000);
            const now = clock.now();
            const expected = applyModel(model, op, now, calendars);
            const actual = await runOp(service, id('prop'), op).then(
              () => 'ok',
              (error: unknown) => (isS2b2bError(error) ? error.code : String(error)),
            );
            expect(actual).toBe(expected.code);
            model = expected.record;
            const stored = await storage().aftersales.getCase(id('prop'));
            expect(stored).toEqual(model);
          }
        },
      ),
      { numRuns: options.runs ?? 15 },
    );
  });
}

function runOp(
  service: ReturnType<typeof aftersalesScenario>['service'],
  caseId: string,
  op: Op,
): Promise<unknown> {
  const idempotencyKey = uniqueName(op);
  switch (op) {
    case 'intervene':
      return service.intervene({ idempotencyKey, caseId, agentId: 'agent-1' });
    case 'assign':
      return service.assign({ idempotencyKey, caseId, agentId: 'agent-1' });
    case 'platform-responds':
      return service.respond({ idempotencyKey, caseId, from: 'platform', message: 'on it' });
    case 'request-info':
      return service.respond({
        idempotencyKey,
        caseId,
        from: 'platform',
        message: 'batch number?',
        requestInfo: true,
      });
    case 'merchant-answers':
      return service.respond({ idempotencyKey, caseId, from: 'merchant', message: 'batch 42' });
    case 'supplier-responds':
      return service.respond({ idempotencyKey, caseId, from: 'supplier', message: 'replacing' });
    case 'resolve':
      return service.resolve({
        idempotencyKey,
        caseId,
        resolution: { kind: 'refund', returnFreight: '12.00' },
      });
    case 'close':
      return service.close({ idempotencyKey, caseId });
    case 'withdraw':
      return service.close({ idempotencyKey, caseId, withdrawn: true });
    case 'reopen':
      return service.reopen({ idempotencyKey, caseId });
    case 'evaluate':
      return service.evaluate({ idempotencyKey, caseId });
  }
}

function actionOf(record: AftersalesCase, op: Op, at: Date): CaseAction | null {
  switch (op) {
    case 'intervene':
      return { type: 'intervene', at };
    case 'assign':
      return { type: 'assign', at, party: record.suggestedParty, partyId: record.supplierId };
    case 'platform-responds':
      return { type: 'respond', at, from: 'platform', partyId: null, requestInfo: false, evidence: [] };
    case 'request-info':
      return { type: 'respond', at, from: 'platform', partyId: null, requestInfo: true, evidence: [] };
    case 'merchant-answers':
      return { type: 'respond', at, from: 'merchant', partyId: null, requestInfo: false, evidence: [] };
    case 'supplier-responds':
      return { type: 'respond', at, from: 'supplier', partyId: null, requestInfo: false, evidence: [] };
    case 'resolve': {
      const plan = compensationPlanJson(
        planCompensation({
          reason: record.reason,
          resolution: { kind: 'refund', returnFreight: '12.00' },
          currency: record.currency,
          lines: record.lines,
        }),
      );
      return {
        type: 'resolve',
        at,
        resolution: { kind: 'refund', decidedAt: at, decidedBy: null, note: null, plan },
      };
    }
    case 'close':
      return { type: 'close', at, withdrawn: false };
    case 'withdraw':
      return { type: 'close', at, withdrawn: true };
    case 'reopen':
      return { type: 'reopen', at };
    case 'evaluate':
      return null;
  }
}

/** The service's `changeCase`, serially: time passes, the action applies, the clocks observe. */
function applyModel(
  record: AftersalesCase,
  op: Op,
  at: Date,
  calendars: { default: BusinessCalendar },
): { record: AftersalesCase; code: string } {
  const ticked = syncCaseClocks(record, at, 'tick', calendars);
  const action = actionOf(ticked.record, op, at);
  if (!action) {
    if (ticked.changes.length === 0) return { record, code: 'ok' };
    return { record: { ...ticked.record, version: record.version + 1 }, code: 'ok' };
  }
  try {
    const changed = reduceCase(ticked.record, action);
    const observed = syncCaseClocks(changed, at, 'observe', calendars).record;
    return { record: { ...observed, version: record.version + 1 }, code: 'ok' };
  } catch (error) {
    return { record, code: isS2b2bError(error) ? error.code : String(error) };
  }
}
