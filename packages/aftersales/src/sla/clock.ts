import type { BusinessCalendar } from '@s2b2b/core';
import type { SlaMetric } from '../common/vocabulary.js';
import type { SlaConditions } from './conditions.js';
import type { EscalationLevel } from './policy.js';

/**
 * The calendars SLA clocks count business time on, by id; a metric names one (default `'default'`).
 *
 * @example
 * const calendars: SlaCalendars = { default: chinaCalendar() };
 */
export type SlaCalendars = Readonly<Record<string, BusinessCalendar>>;

/**
 * Where a cycle is. `running` counts time; `paused` does not; `completed` (stop matched) and
 * `cancelled` (cancel matched, start stopped matching, or a reset) are final.
 *
 * @example
 * const state: SlaCycleState = 'paused';
 */
export type SlaCycleState = 'running' | 'paused' | 'completed' | 'cancelled';

/**
 * One cycle of an SLA clock: from the start condition to stop or cancel. A reopened case (or a
 * reset) starts a new one; earlier cycles stay as they ended.
 *
 * Time counts only while running: `elapsedMs` is what was counted before `runningSince`.
 * While running, `deadline` is the instant the target is reached (pauses push it out by
 * exactly the business time they took). Once passed, `breachedAt` is fixed for good, and
 * remaining time goes negative.
 *
 * @example
 * const { deadline, breachedAt }: SlaCycle = clock.cycles.at(-1)!;
 */
export interface SlaCycle {
  /** 1 for the first cycle of the clock. */
  cycle: number;
  state: SlaCycleState;
  startedAt: Date;
  /** Counted time before `runningSince` (all of it once the cycle is not running). */
  elapsedMs: number;
  /** Since when the cycle runs; `null` unless running. */
  runningSince: Date | null;
  /** When the current pause began; `null` unless paused. */
  pausedAt: Date | null;
  pauseCount: number;
  /**
   * While running: when the target is reached. Fixed at `breachedAt` after a breach. Paused:
   * `null` (unless breached). Ended: the deadline it was running against when it ended.
   */
  deadline: Date | null;
  /** While running and not yet warned: when `sla.warning` is due. */
  warningAt: Date | null;
  /** The earliest warning, breach or escalation still to come while running; what a scheduler waits for. */
  nextDueAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  /** Escalation levels raised, in order, each at the instant its share was reached. */
  escalations: { level: number; at: Date }[];
  endedAt: Date | null;
  /** Why a final cycle ended: `stop`, `cancel` (cancel matched or start stopped matching) or `reset`. */
  endReason: 'stop' | 'cancel' | 'reset' | null;
}

/**
 * An SLA clock of one metric on one case: its policy settings, copied when the case opened
 * (a later policy change never rewrites a running case), and its cycles.
 *
 * @example
 * const clock: SlaClock = openCase.clocks.find((c) => c.metric === 'intervention')!;
 */
export interface SlaClock {
  metric: SlaMetric;
  policyId: string;
  basis: 'business' | 'calendar';
  calendar: string;
  targetMs: number;
  warnBeforeMs: number | null;
  escalation: EscalationLevel[];
  conditions: SlaConditions;
  recurring: boolean;
  cycles: SlaCycle[];
}
