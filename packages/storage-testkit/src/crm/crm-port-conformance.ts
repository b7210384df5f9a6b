import { isS2b2bError } from '@s2b2b/core';
import type { CrmStorage } from '@s2b2b/crm';
import { expect, it } from 'vitest';
import { CRM_NOW, crmScenario } from './crm-fixtures.js';

const hours = (n: number) => new Date(CRM_NOW.getTime() + n * 3_600_000);

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (isS2b2bError(error)) return error.code;
    throw error;
  }
}

/**
 * The follow-up port called directly: inserts keep one task per (merchant, dedup key) also within
 * one batch, ids are unique, a task changes only while open and its version rises, lists filter,
 * sort by (dueAt, id) and page, reads are copies, and a rolled-back transaction leaves nothing.
 * Registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: crm', () => { crmPortContract(() => storage); });
 */
export function crmPortContract(storage: () => CrmStorage): void {
  it('stores tasks once per dedup key, within one batch and across batches', async () => {
    const { task, merchantId } = crmScenario(storage());
    const first = await storage().transaction((tx) =>
      tx.crm.insertTasks([task('a'), task('b', { dedupKey: 'dedup-a' }), task('c')]),
    );
    expect(first.map((r) => [r.task.id, r.inserted])).toEqual([
      [`${merchantId}-a`, true],
      [`${merchantId}-a`, false],
      [`${merchantId}-c`, true],
    ]);
    const again = await storage().transaction((tx) =>
      tx.crm.insertTasks([task('d', { dedupKey: 'dedup-c' })]),
    );
    expect(again[0]).toMatchObject({ inserted: false, task: { id: `${merchantId}-c` } });
    // The same dedup key at another merchant is another task.
    const other = crmScenario(storage());
    const elsewhere = await storage().transaction((tx) => tx.crm.insertTasks([other.task('a')]));
    expect(elsewhere[0]!.inserted).toBe(true);
    expect(
      await code(storage().transaction((tx) => tx.crm.insertTasks([task('a', { dedupKey: 'fresh' })]))),
    ).toBe('TASK_EXISTS');
  });

  it('changes a task only while it is open, raising the version', async () => {
    const { task, merchantId } = crmScenario(storage());
    await storage().transaction((tx) => tx.crm.insertTasks([task('t')]));
    const id = `${merchantId}-t`;
    const moved = await storage().transaction((tx) =>
      tx.crm.updateOpenTask(merchantId, id, {
        status: 'open',
        dueAt: hours(5),
        outcome: null,
        note: 'later',
        closedAt: null,
        updatedAt: hours(1),
      }),
    );
    expect(moved).toMatchObject({ status: 'open', dueAt: hours(5), note: 'later', version: 1 });
    const done = await storage().transaction((tx) =>
      tx.crm.updateOpenTask(merchantId, id, {
        status: 'done',
        dueAt: hours(5),
        outcome: 'ordered',
        note: 'later',
        closedAt: hours(2),
        updatedAt: hours(2),
      }),
    );
    expect(done).toMatchObject({ status: 'done', outcome: 'ordered', closedAt: hours(2), version: 2 });
    const change = {
      status: 'cancelled' as const,
      dueAt: hours(5),
      outcome: null,
      note: null,
      closedAt: hours(3),
      updatedAt: hours(3),
    };
    expect(await code(storage().transaction((tx) => tx.crm.updateOpenTask(merchantId, id, change)))).toBe(
      'TASK_CLOSED',
    );
    expect(
      await code(storage().transaction((tx) => tx.crm.updateOpenTask(merchantId, 'missing', change))),
    ).toBe('TASK_NOT_FOUND');
    // Another merchant cannot touch it.
    expect(await code(storage().transaction((tx) => tx.crm.updateOpenTask('someone-else', id, change)))).toBe(
      'TASK_NOT_FOUND',
    );
    expect(await storage().crm.getTask(merchantId, id)).toMatchObject({ status: 'done', version: 2 });
  });

  it('lists one merchant’s tasks by (dueAt, id), filtered and paged', async () => {
    const { task, merchantId } = crmScenario(storage());
    await storage().transaction((tx) =>
      tx.crm.insertTasks([
        task('3', { dueAt: hours(3), customerId: 'C-2' }),
        task('1', { dueAt: hours(1) }),
        task('2b', { dueAt: hours(2) }),
        task('2a', { dueAt: hours(2), status: 'done', closedAt: hours(1) }),
      ]),
    );
    const ids = (tasks: { id: string }[]) => tasks.map((t) => t.id.slice(merchantId.length + 1));
    expect(ids(await storage().crm.listTasks({ merchantId }))).toEqual(['1', '2a', '2b', '3']);
    expect(ids(await storage().crm.listTasks({ merchantId, status: 'open' }))).toEqual(['1', '2b', '3']);
    expect(ids(await storage().crm.listTasks({ merchantId, customerId: 'C-2' }))).toEqual(['3']);
    expect(ids(await storage().crm.listTasks({ merchantId, dueBefore: hours(2) }))).toEqual(['1']);
    const page = await storage().crm.listTasks({ merchantId, limit: 2 });
    const last = page[page.length - 1]!;
    expect(
      ids(await storage().crm.listTasks({ merchantId, after: { dueAt: last.dueAt, id: last.id } })),
    ).toEqual(['2b', '3']);
    expect(await storage().crm.getTask(merchantId, 'nope')).toBeNull();
    expect(await code(storage().crm.listTasks({ merchantId, limit: 0 }))).toBe('VALIDATION');
  });

  it('returns copies and keeps nothing of a rolled-back transaction', async () => {
    const { task, merchantId } = crmScenario(storage());
    await storage().transaction((tx) => tx.crm.insertTasks([task('x')]));
    const copy = (await storage().crm.getTask(merchantId, `${merchantId}-x`))!;
    copy.action = 'mutated';
    expect((await storage().crm.getTask(merchantId, `${merchantId}-x`))!.action).toBe('call');
    await expect(
      storage().transaction(async (tx) => {
        await tx.crm.insertTasks([task('y')]);
        await tx.crm.updateOpenTask(merchantId, `${merchantId}-x`, {
          status: 'done',
          dueAt: CRM_NOW,
          outcome: null,
          note: null,
          closedAt: CRM_NOW,
          updatedAt: CRM_NOW,
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await storage().crm.getTask(merchantId, `${merchantId}-y`)).toBeNull();
    expect((await storage().crm.getTask(merchantId, `${merchantId}-x`))!.status).toBe('open');
    // The dedup key of the rolled-back task is free again.
    const retry = await storage().transaction((tx) => tx.crm.insertTasks([task('y')]));
    expect(retry[0]!.inserted).toBe(true);
  });
}
