import type { CrmStorage, FollowUpStatus } from '@s2b2b/crm';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { CRM_NOW, crmScenario } from './crm-fixtures.js';

/**
 * Options of the CRM property.
 *
 * @example
 * const options: CrmPropertyOptions = { runs: 50 };
 */
export interface CrmPropertyOptions {
  /** Random command sequences to run (default 15). */
  runs?: number;
}

type Command =
  | { kind: 'schedule'; dedup: number; customer: number }
  | { kind: 'complete' | 'cancel' | 'reschedule'; target: number; hours: number };

/**
 * fast-check over random command sequences (schedules on a few dedup keys, completions,
 * cancellations, reschedules of existing or closed tasks): the store always matches a plain model
 * — one task per dedup key, a closed task never changes, every refusal is `TASK_CLOSED`.
 * Registers its test in the caller's `describe`.
 *
 * @example
 * describe('my adapter: crm', () => { crmPropertyContract(() => storage, { runs: 50 }); });
 */
export function crmPropertyContract(storage: () => CrmStorage, options: CrmPropertyOptions = {}): void {
  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ kind: fc.constant('schedule' as const), dedup: fc.nat(3), customer: fc.nat(2) }),
    fc.record({
      kind: fc.constantFrom('complete' as const, 'cancel' as const, 'reschedule' as const),
      target: fc.nat(3),
      hours: fc.integer({ min: 1, max: 48 }),
    }),
  );

  it('matches a model of one task per dedup key that closes at most once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
        const { service, merchantId, key } = crmScenario(storage());
        const model = new Map<
          number,
          { id: string; status: FollowUpStatus; version: number; dueAt: number }
        >();
        for (const c of commands) {
          if (c.kind === 'schedule') {
            const { tasks } = await service.schedule({
              idempotencyKey: key(),
              merchantId,
              tasks: [
                { customerId: `C-${c.customer}`, action: 'call', dueAt: CRM_NOW, dedupKey: `d${c.dedup}` },
              ],
            });
            const known = model.get(c.dedup);
            expect(tasks[0]!.inserted).toBe(known === undefined);
            if (!known)
              model.set(c.dedup, {
                id: tasks[0]!.task.id,
                status: 'open',
                version: 0,
                dueAt: CRM_NOW.getTime(),
              });
            continue;
          }
          const target = model.get(c.target);
          if (!target) continue;
          const dueAt = new Date(CRM_NOW.getTime() + c.hours * 3_600_000);
          const run =
            c.kind === 'complete'
              ? service.complete({ idempotencyKey: key(), merchantId, taskId: target.id })
              : c.kind === 'cancel'
                ? service.cancel({ idempotencyKey: key(), merchantId, taskId: target.id })
                : service.reschedule({ idempotencyKey: key(), merchantId, taskId: target.id, dueAt });
          if (target.status !== 'open') {
            await expect(run).rejects.toMatchObject({ code: 'TASK_CLOSED' });
            continue;
          }
          await run;
          target.version += 1;
          if (c.kind === 'complete') target.status = 'done';
          else if (c.kind === 'cancel') target.status = 'cancelled';
          else target.dueAt = dueAt.getTime();
        }
        const stored = await storage().crm.listTasks({ merchantId });
        expect(stored).toHaveLength(model.size);
        for (const entry of model.values()) {
          const task = stored.find((t) => t.id === entry.id)!;
          expect({ status: task.status, version: task.version, dueAt: task.dueAt.getTime() }).toEqual({
            status: entry.status,
            version: entry.version,
            dueAt: entry.dueAt,
          });
        }
      }),
      { numRuns: options.runs ?? 15 },
    );
  });
}
