import type { SlaClock, SlaCycle } from './clock.js';

/**
 * One thing that happened to an SLA clock: a cycle started, paused, resumed, completed, was
 * cancelled or reset; a warning, a breach or an escalation level was reached. `at` is the
 * instant it happened (for thresholds, the exact instant the threshold was reached).
 *
 * @example
 * const change: SlaChange = { kind: 'breached', metric: 'intervention', cycle: 1, at: new Date() };
 */
export type SlaChange =
  | {
      kind: 'started' | 'paused' | 'resumed' | 'completed' | 'cancelled' | 'reset';
      metric: SlaClock['metric'];
      cycle: number;
      at: Date;
    }
  | { kind: 'warning'; metric: SlaClock['metric']; cycle: number; at: Date; deadline: Date | null }
  | { kind: 'breached'; metric: SlaClock['metric']; cycle: number; at: Date }
  | {
      kind: 'escalated';
      metric: SlaClock['metric'];
      cycle: number;
      at: Date;
      level: number;
      notify: string[];
      atShare: number;
    };

/**
 * What changed between two states of one clock, in time order (threshold notices before the
 * state change at the same instant).
 *
 * @example
 * diffSlaClock(before, reduceSlaClock(before, event, ctx)) // [{ kind: 'breached', ... }]
 */
export function diffSlaClock(before: SlaClock | null, after: SlaClock): SlaChange[] {
  const changes: SlaChange[] = [];
  const metric = after.metric;
  after.cycles.forEach((cycle, index) => {
    const old: SlaCycle | undefined = before?.cycles[index];
    const n = cycle.cycle;
    if (!old) changes.push({ kind: 'started', metric, cycle: n, at: cycle.startedAt });
    if (cycle.warnedAt && !old?.warnedAt)
      changes.push({ kind: 'warning', metric, cycle: n, at: cycle.warnedAt, deadline: cycle.deadline });
    if (cycle.breachedAt && !old?.breachedAt)
      changes.push({ kind: 'breached', metric, cycle: n, at: cycle.breachedAt });
    for (const escalation of cycle.escalations.slice(old?.escalations.length ?? 0)) {
      const level = after.escalation.find((l) => l.level === escalation.level);
      changes.push({
        kind: 'escalated',
        metric,
        cycle: n,
        at: escalation.at,
        level: escalation.level,
        notify: level ? [...level.notify] : [],
        atShare: level?.atShare ?? 0,
      });
    }
    if (cycle.pauseCount > (old?.pauseCount ?? 0) && cycle.pausedAt)
      changes.push({ kind: 'paused', metric, cycle: n, at: cycle.pausedAt });
    if (old?.state === 'paused' && cycle.state === 'running')
      changes.push({ kind: 'resumed', metric, cycle: n, at: cycle.runningSince as Date });
    const final = cycle.state === 'completed' || cycle.state === 'cancelled';
    const wasFinal = old?.state === 'completed' || old?.state === 'cancelled';
    if (final && !wasFinal) {
      const kind =
        cycle.state === 'completed' ? 'completed' : cycle.endReason === 'reset' ? 'reset' : 'cancelled';
      changes.push({ kind, metric, cycle: n, at: cycle.endedAt as Date });
    }
  });
  const order = {
    started: 0,
    resumed: 1,
    warning: 2,
    breached: 3,
    escalated: 4,
    paused: 5,
    completed: 6,
    cancelled: 6,
    reset: 6,
  };
  return changes
    .map((change, index) => ({ change, index }))
    .sort(
      (a, b) =>
        a.change.at.getTime() - b.change.at.getTime() ||
        order[a.change.kind] - order[b.change.kind] ||
        a.index - b.index,
    )
    .map(({ change }) => change);
}
