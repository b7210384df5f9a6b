import { isS2b2bError } from '@s2b2b/core';
import type { CrmStorage } from '@s2b2b/crm';
import { expect, it } from 'vitest';
import { inParallel } from '../fixtures.js';
import { CRM_NOW, crmScenario } from './crm-fixtures.js';

/**
 * Options of the CRM concurrency tests.
 *
 * @example
 * const options: CrmConcurrencyOptions = { parallelism: 80 };
 */
export interface CrmConcurrencyOptions {
  /** Commands fired at once (default 50). */
  parallelism?: number;
}

const outcome = (result: PromiseSettledResult<unknown>) =>
  result.status === 'fulfilled'
    ? 'ok'
    : isS2b2bError(result.reason)
      ? result.reason.code
      : String(result.reason);

/**
 * Commands fired in parallel: many plans with one dedup key store one task; many completions of
 * one task succeed once and the rest are `TASK_CLOSED`; one idempotency key executes once.
 * Registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: crm', () => { crmConcurrencyContract(() => storage, { parallelism: 80 }); });
 */
export function crmConcurrencyContract(storage: () => CrmStorage, options: CrmConcurrencyOptions = {}): void {
  const n = options.parallelism ?? 50;

  it(`stores one task when ${n} schedules carry the same dedup key at once`, async () => {
    const { service, merchantId, key } = crmScenario(storage());
    const settled = await inParallel(n, (index) =>
      service.schedule({
        idempotencyKey: key(),
        merchantId,
        tasks: [
          { customerId: 'C-1', action: 'call', dueAt: CRM_NOW, dedupKey: 'same', reason: `attempt ${index}` },
        ],
      }),
    );
    expect(settled.map(outcome)).toEqual(Array(n).fill('ok'));
    const values = settled.map(
      (s) => (s as PromiseFulfilledResult<Awaited<ReturnType<typeof service.schedule>>>).value,
    );
    expect(values.filter((v) => v.tasks[0]!.inserted)).toHaveLength(1);
    const ids = new Set(values.map((v) => v.tasks[0]!.task.id));
    expect(ids.size).toBe(1);
    expect(await storage().crm.listTasks({ merchantId })).toHaveLength(1);
  });

  it(`completes one task once when ${n} completions race`, async () => {
    const { service, merchantId, key, heard } = crmScenario(storage());
    const { tasks } = await service.schedule({
      idempotencyKey: key(),
      merchantId,
      tasks: [{ customerId: 'C-1', action: 'call', dueAt: CRM_NOW }],
    });
    const taskId = tasks[0]!.task.id;
    const settled = await inParallel(n, (index) =>
      index % 2 === 0
        ? service.complete({ idempotencyKey: key(), merchantId, taskId, outcome: `by ${index}` })
        : service.cancel({ idempotencyKey: key(), merchantId, taskId }),
    );
    const codes = settled.map(outcome);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c === 'TASK_CLOSED')).toHaveLength(n - 1);
    const stored = (await storage().crm.getTask(merchantId, taskId))!;
    expect(stored.version).toBe(1);
    expect(heard.filter((e) => e.type !== 'crm.follow_up_created')).toHaveLength(1);
  });

  it(`executes one idempotency key once when ${n} calls carry it`, async () => {
    const { service, merchantId, key } = crmScenario(storage());
    const shared = key();
    const settled = await inParallel(n, () =>
      service.schedule({
        idempotencyKey: shared,
        merchantId,
        tasks: [{ customerId: 'C-1', action: 'call', dueAt: CRM_NOW }],
      }),
    );
    expect(settled.map(outcome)).toEqual(Array(n).fill('ok'));
    const values = settled.map(
      (s) => (s as PromiseFulfilledResult<Awaited<ReturnType<typeof service.schedule>>>).value,
    );
    expect(values.filter((v) => !v.replayed)).toHaveLength(1);
    expect(await storage().crm.listTasks({ merchantId })).toHaveLength(1);
  });
}
