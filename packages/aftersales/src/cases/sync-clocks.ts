import { produce } from '../common/immer.js';
import type { SlaCalendars } from '../sla/clock.js';
import { diffSlaClock, type SlaChange } from '../sla/clock-changes.js';
import { reduceSlaClock } from '../sla/clock-reducer.js';
import { caseFacts } from '../sla/facts.js';
import type { AftersalesCase } from '../store.js';

/**
 * Moves every SLA clock of a case to `at` — `observe` applies the conditions to the case as it
 * now is, `tick` only lets time pass — and sets the case's `nextDueAt` and `nextBreachAt` (the
 * earliest of its running cycles). Returns the case and what changed on its clocks, in time order.
 *
 * @example
 * const { record, changes } = syncCaseClocks(afterCommand, now, 'observe', { default: chinaCalendar() });
 */
export function syncCaseClocks(
  record: AftersalesCase,
  at: Date,
  mode: 'observe' | 'tick',
  calendars: SlaCalendars,
): { record: AftersalesCase; changes: SlaChange[] } {
  const facts = caseFacts(record);
  const changes: SlaChange[] = [];
  const next = produce(record, (draft) => {
    draft.clocks = record.clocks.map((clock) => {
      const after = reduceSlaClock(
        clock,
        mode === 'observe' ? { type: 'observe', at, facts } : { type: 'tick', at },
        { calendars },
      );
      changes.push(...diffSlaClock(clock, after));
      return after;
    }) as typeof draft.clocks;
    let due: number | null = null;
    let breach: number | null = null;
    for (const clock of draft.clocks) {
      const cycle = clock.cycles[clock.cycles.length - 1];
      if (cycle?.state !== 'running') continue;
      if (cycle.nextDueAt && (due === null || cycle.nextDueAt.getTime() < due))
        due = cycle.nextDueAt.getTime();
      if (
        cycle.breachedAt === null &&
        cycle.deadline &&
        (breach === null || cycle.deadline.getTime() < breach)
      )
        breach = cycle.deadline.getTime();
    }
    draft.nextDueAt = due === null ? null : new Date(due);
    draft.nextBreachAt = breach === null ? null : new Date(breach);
  });
  changes.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { record: next, changes };
}
