import { fixedClock, ValidationError } from '@s2b2b/core';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import { describe, expect, it } from 'vitest';
import type { FollowUpEvent } from './events.js';
import { createFollowUpService } from './service.js';

const NOW = '2026-03-01T02:00:00.000Z';

function setup() {
  const storage = createMemoryStorage();
  const heard: FollowUpEvent[] = [];
  let n = 0;
  const followUps = createFollowUpService({
    storage,
    clock: fixedClock(NOW),
    onEvent: (event) => {
      heard.push(event);
    },
    ids: () => `id-${++n}`,
  });
  return { storage, heard, followUps };
}

describe('createFollowUpService', () => {
  it('plans, lists who to contact today and completes: events in the outbox and to onEvent', async () => {
    const { storage, heard, followUps } = setup();
    const { tasks } = await followUps.planAndSchedule({
      idempotencyKey: 'plan-1',
      merchantId: 'M-1',
      customers: [
        {
          customerId: 'C-1',
          stage: 'at-risk',
          firstPurchase: '2025-05-01',
          lastPurchase: '2025-11-20',
          orders: 6,
        },
        {
          customerId: 'C-2',
          stage: 'loyal',
          firstPurchase: '2025-05-01',
          lastPurchase: '2026-02-27',
          orders: 12,
        },
      ],
    });
    expect(tasks.map((t) => [t.task.id, t.task.action, t.task.dueAt.toISOString()])).toEqual([
      ['id-1', 'call', '2026-03-01T16:00:00.000Z'],
      ['id-2', 'vip-service', '2026-03-04T16:00:00.000Z'],
    ]);
    expect((await followUps.listDue('M-1')).map((t) => t.customerId)).toEqual(['C-1']);
    await followUps.complete({
      idempotencyKey: 'done-1',
      merchantId: 'M-1',
      taskId: 'id-1',
      outcome: 'will reorder',
    });
    expect(heard.map((e) => [e.type, e.payload.customerId])).toEqual([
      ['crm.follow_up_created', 'C-1'],
      ['crm.follow_up_created', 'C-2'],
      ['crm.follow_up_completed', 'C-1'],
    ]);
    const outbox = await storage.events.since(null);
    expect(outbox.events.map((e) => e.type)).toEqual(heard.map((e) => e.type));
    expect(await followUps.listTasks({ merchantId: 'M-1', status: 'open' })).toHaveLength(1);
  });

  it('tells onEvent nothing when the host rolls back its own transaction around the command', async () => {
    const { storage, heard, followUps } = setup();
    await expect(
      storage.transaction(async () => {
        await followUps.schedule({
          idempotencyKey: 's-1',
          merchantId: 'M-1',
          tasks: [{ customerId: 'C-1', action: 'call', dueAt: new Date(NOW) }],
        });
        throw new Error('host failure');
      }),
    ).rejects.toThrow('host failure');
    expect(heard).toEqual([]);
    expect(await followUps.listTasks({ merchantId: 'M-1' })).toEqual([]);
  });

  it('validates options and input', async () => {
    expect(() => createFollowUpService({ storage: {} as never })).toThrow(ValidationError);
    const { followUps } = setup();
    await expect(followUps.getTask('', 'x')).rejects.toBeInstanceOf(ValidationError);
    await expect(
      followUps.schedule({
        idempotencyKey: 'k',
        merchantId: 'M',
        tasks: [{ customerId: 'C', action: '', dueAt: new Date() }],
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
