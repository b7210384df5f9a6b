import { fixedClock } from '@s2b2b/core';
import {
  type CrmStorage,
  createFollowUpService,
  type FollowUpEvent,
  type FollowUpService,
  type FollowUpTask,
} from '@s2b2b/crm';
import { uniqueName } from '../fixtures.js';

/**
 * The instant every CRM conformance command runs at.
 *
 * @example
 * createFollowUpService({ storage, clock: fixedClock(CRM_NOW) });
 */
export const CRM_NOW = new Date('2026-03-10T02:00:00.000Z');

/**
 * A follow-up service on the storage under test, a merchant of its own, and helpers.
 *
 * @example
 * const { service, merchantId, key, task } = crmScenario(storage);
 */
export interface CrmScenario {
  service: FollowUpService;
  /** Events passed to `onEvent`, in order. */
  heard: FollowUpEvent[];
  /** A merchant id no other test uses. */
  merchantId: string;
  /** A fresh idempotency key. */
  key(): string;
  /** A stored-task shape for the port tests (open, version 0). */
  task(id: string, fields?: Partial<FollowUpTask>): FollowUpTask;
}

/**
 * Opens a CRM scenario: a service at {@link CRM_NOW} that records what `onEvent` hears.
 *
 * @example
 * const { service, merchantId, key } = crmScenario(storage);
 * await service.schedule({ idempotencyKey: key(), merchantId, tasks: [{ customerId: 'C-1', action: 'call', dueAt: CRM_NOW }] });
 */
export function crmScenario(storage: CrmStorage): CrmScenario {
  const heard: FollowUpEvent[] = [];
  const merchantId = uniqueName('M');
  let n = 0;
  const service = createFollowUpService({
    storage,
    clock: fixedClock(CRM_NOW),
    onEvent: (event) => {
      heard.push(event);
    },
  });
  return {
    service,
    heard,
    merchantId,
    key: () => uniqueName(`k${++n}`),
    task: (id, fields = {}) => ({
      id: `${merchantId}-${id}`,
      merchantId,
      customerId: 'C-1',
      ruleId: null,
      action: 'call',
      reason: null,
      priority: 'normal',
      dedupKey: `dedup-${id}`,
      status: 'open',
      dueAt: CRM_NOW,
      createdAt: CRM_NOW,
      updatedAt: CRM_NOW,
      closedAt: null,
      outcome: null,
      note: null,
      version: 0,
      ...fields,
    }),
  };
}
