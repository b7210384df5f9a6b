import { ValidationError } from '@s2b2b/core';
import type { CrmStorage } from '@s2b2b/crm';
import { expect, it } from 'vitest';
import { endCursor, readAll } from '../fixtures.js';
import { CRM_NOW, crmScenario } from './crm-fixtures.js';

/**
 * The follow-up service on the storage under test: a plan by the default rules (hand-checked
 * tasks and due times), a re-run that adds nothing, completion and its refusal on a closed task,
 * events in the outbox and to `onEvent`, idempotent replays and validation before any write.
 * Registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: crm', () => { crmServiceContract(() => storage); });
 */
export function crmServiceContract(storage: () => CrmStorage): void {
  it('plans tasks by the default rules, and a second run the same day adds none', async () => {
    const before = await endCursor(storage());
    const { service, merchantId, key, heard } = crmScenario(storage());
    const customers = [
      {
        customerId: 'new-1',
        stage: 'new' as const,
        firstPurchase: '2026-02-20',
        lastPurchase: '2026-02-20',
        orders: 1,
      },
      {
        customerId: 'new-2',
        stage: 'new' as const,
        firstPurchase: '2026-03-05',
        lastPurchase: '2026-03-05',
        orders: 1,
      },
      {
        customerId: 'vip',
        stage: 'loyal' as const,
        firstPurchase: '2025-01-01',
        lastPurchase: '2026-03-08',
        orders: 20,
      },
      {
        customerId: 'risk',
        stage: 'at-risk' as const,
        firstPurchase: '2025-01-01',
        lastPurchase: '2025-11-20',
        orders: 6,
      },
    ];
    const events = [{ id: 'AS-1', type: 'complaint', customerId: 'vip', at: '2026-03-09T20:00:00+08:00' }];
    const first = await service.planAndSchedule({ idempotencyKey: key(), merchantId, customers, events });
    expect(
      first.tasks.map((t) => [
        t.task.customerId,
        t.task.action,
        t.task.priority,
        t.task.dueAt.toISOString(),
        t.inserted,
      ]),
    ).toEqual([
      // 2026-03-10 10:00 in Shanghai: due by the end of that day (16:00 UTC), VIP service 3 days later.
      ['new-1', 'first-repeat-offer', 'normal', '2026-03-10T16:00:00.000Z', true],
      ['risk', 'call', 'high', '2026-03-10T16:00:00.000Z', true],
      ['vip', 'vip-service', 'normal', '2026-03-13T16:00:00.000Z', true],
      ['vip', 'call', 'high', '2026-03-09T16:00:00.000Z', true],
    ]);
    const again = await service.planAndSchedule({ idempotencyKey: key(), merchantId, customers, events });
    expect(again.tasks.every((t) => !t.inserted)).toBe(true);
    expect(again.events).toEqual([]);
    expect(heard.map((e) => e.type)).toEqual(Array(4).fill('crm.follow_up_created'));
    const outbox = (await readAll(storage(), before)).filter(
      (e) => (e.payload as { merchantId?: string }).merchantId === merchantId,
    );
    expect(outbox).toHaveLength(4);
    const due = await service.listDue(merchantId);
    expect(due.map((t) => t.customerId)).toEqual(['vip', 'new-1', 'risk']);
  });

  it('completes a task once; completing, cancelling or rescheduling it again is TASK_CLOSED', async () => {
    const { service, merchantId, key, heard } = crmScenario(storage());
    const { tasks } = await service.schedule({
      idempotencyKey: key(),
      merchantId,
      tasks: [{ customerId: 'C-1', action: 'call', dueAt: CRM_NOW, priority: 'high' }],
    });
    const taskId = tasks[0]!.task.id;
    const moved = await service.reschedule({
      idempotencyKey: key(),
      merchantId,
      taskId,
      dueAt: '2026-03-11T10:00:00+08:00',
    });
    expect(moved.task).toMatchObject({ dueAt: new Date('2026-03-11T02:00:00Z'), version: 1 });
    const done = await service.complete({
      idempotencyKey: key(),
      merchantId,
      taskId,
      outcome: 'ordered again',
    });
    expect(done.task).toMatchObject({
      status: 'done',
      outcome: 'ordered again',
      closedAt: CRM_NOW,
      version: 2,
    });
    for (const attempt of [
      () => service.complete({ idempotencyKey: key(), merchantId, taskId }),
      () => service.cancel({ idempotencyKey: key(), merchantId, taskId }),
      () => service.reschedule({ idempotencyKey: key(), merchantId, taskId, dueAt: CRM_NOW }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: 'TASK_CLOSED' });
    }
    await expect(
      service.complete({ idempotencyKey: key(), merchantId, taskId: 'nope' }),
    ).rejects.toMatchObject({
      code: 'TASK_NOT_FOUND',
    });
    expect(heard.map((e) => e.type)).toEqual([
      'crm.follow_up_created',
      'crm.follow_up_rescheduled',
      'crm.follow_up_completed',
    ]);
  });

  it('replays an idempotency key with the first outcome and refuses it with another payload', async () => {
    const { service, merchantId, key, heard } = crmScenario(storage());
    const input = {
      idempotencyKey: key(),
      merchantId,
      tasks: [{ customerId: 'C-1', action: 'call', dueAt: CRM_NOW }],
    };
    const first = await service.schedule(input);
    const replay = await service.schedule(input);
    expect(replay.replayed).toBe(true);
    expect(replay.tasks).toEqual(first.tasks);
    expect(replay.tasks[0]!.task.dueAt).toBeInstanceOf(Date);
    expect(heard).toHaveLength(1);
    await expect(
      service.schedule({ ...input, tasks: [{ customerId: 'C-2', action: 'call', dueAt: CRM_NOW }] }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('validates before writing anything', async () => {
    const { service, merchantId, key } = crmScenario(storage());
    await expect(service.schedule({ idempotencyKey: key(), merchantId, tasks: [] })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      service.schedule({
        idempotencyKey: key(),
        merchantId,
        tasks: [{ customerId: 'C', action: 'call', dueAt: 'tomorrow' as never }],
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await storage().crm.listTasks({ merchantId })).toEqual([]);
  });
}
