import {
  type AftersalesStorage,
  type CaseEvent,
  type CaseResult,
  type CaseService,
  createCaseService,
  type OpenCaseInput,
} from '@s2b2b/aftersales';
import { isS2b2bError, type ManualClock, manualClock } from '@s2b2b/core';
import { uniqueName } from '../fixtures.js';

/**
 * An instant in Asia/Shanghai wall time, from `'2025-09-30T10:00:00'`.
 *
 * @example
 * shanghai('2025-09-30T10:00:00').toISOString() // '2025-09-30T02:00:00.000Z'
 */
export function shanghai(local: string): Date {
  return new Date(`${local}+08:00`);
}

/**
 * A case service on the storage under test with a clock the test moves, ids unique to one
 * test, and a helper to open cases.
 *
 * @example
 * const { service, clock, open } = aftersalesScenario(storage);
 */
export interface AftersalesScenario {
  service: CaseService;
  clock: ManualClock;
  /** Events passed to `onEvent`, in order. */
  heard: CaseEvent[];
  /** An id unique to this test, from a name. */
  id(name: string): string;
  /** A fresh idempotency key. */
  key(name?: string): string;
  /** Opens case `id(name)`: a quality return of 3 of 10 teas at 19.90 with 15.00 off the line. */
  open(name: string, fields?: Partial<OpenCaseInput>): Promise<CaseResult>;
}

/**
 * Opens an after-sales scenario at `start` (Shanghai wall time; default Tue 2025-09-30 10:00,
 * the day before the National Day holiday) with the default policies and the China calendar.
 *
 * @example
 * const { service, open, key, id } = aftersalesScenario(storage);
 * await open('a');
 * await service.intervene({ idempotencyKey: key(), caseId: id('a'), agentId: 'agent-1' });
 */
export function aftersalesScenario(
  storage: AftersalesStorage,
  start = '2025-09-30T10:00:00',
): AftersalesScenario {
  const heard: CaseEvent[] = [];
  const clock = manualClock(shanghai(start));
  const service = createCaseService({
    storage,
    clock,
    onEvent: (event) => {
      heard.push(event);
    },
  });
  const run = uniqueName('as').slice(3, 15);
  const id = (name: string) => `${name}-${run}`;
  return {
    service,
    clock,
    heard,
    id,
    key: (name = 'cmd') => uniqueName(name),
    open: (name, fields = {}) =>
      service.open({
        idempotencyKey: uniqueName('open'),
        caseId: id(name),
        orderId: id(`order-${name}`),
        merchantId: id('merchant'),
        supplierId: id('supplier'),
        carrierId: 'SF',
        category: 'tea',
        type: 'return',
        reason: 'quality-defect',
        lines: [
          {
            lineId: 'L1',
            sku: 'TEA-500G',
            orderedQuantity: 10,
            unitPrice: '19.90',
            discount: '15.00',
            quantity: 3,
          },
        ],
        evidence: [{ kind: 'photo', uri: `oss://cases/${id(name)}/1.jpg` }],
        ...fields,
      }),
  };
}

/**
 * `'ok'` for a fulfilled result, the error code for a kit error, else the error's text.
 *
 * @example
 * expect(settled.map(caseOutcomeCode)).toContain('ALREADY_INTERVENED');
 */
export function caseOutcomeCode(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'ok';
  return isS2b2bError(result.reason) ? result.reason.code : String(result.reason);
}
