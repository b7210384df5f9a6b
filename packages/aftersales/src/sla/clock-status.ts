import type { SlaCalendars, SlaClock, SlaCycleState } from './clock.js';
import { countedMs } from './clock-time.js';

/**
 * Where a clock's latest cycle stands at an instant.
 *
 * @example
 * const { remainingMs, breached }: SlaClockStatus = slaClockStatus(clock, now, { calendars });
 */
export interface SlaClockStatus {
  metric: SlaClock['metric'];
  /** The latest cycle's number, 0 when the clock never started. */
  cycle: number;
  state: SlaCycleState | 'not-started';
  targetMs: number;
  /** Counted time so far (up to `at`, or to the cycle's end). */
  elapsedMs: number;
  /** `targetMs - elapsedMs`: negative once breached. */
  remainingMs: number;
  /** The breach instant when breached; while running, when the target will be reached; else `null`. */
  deadline: Date | null;
  breached: boolean;
  breachedAt: Date | null;
  /** Elapsed share of the target (1 = the target used up). */
  elapsedShare: number;
}

/**
 * The status of a clock's latest cycle at `at`, for display and reports. It does not record
 * anything: breaches are recorded by `reduceSlaClock` (a `tick`); here a running cycle past its
 * deadline already reads as breached, at the deadline.
 *
 * @example
 * slaClockStatus(clock, new Date(), { calendars: { default: chinaCalendar() } }).remainingMs
 */
export function slaClockStatus(
  clock: SlaClock,
  at: Date,
  context: { calendars: SlaCalendars },
): SlaClockStatus {
  const cycle = clock.cycles[clock.cycles.length - 1];
  if (!cycle)
    return {
      metric: clock.metric,
      cycle: 0,
      state: 'not-started',
      targetMs: clock.targetMs,
      elapsedMs: 0,
      remainingMs: clock.targetMs,
      deadline: null,
      breached: false,
      breachedAt: null,
      elapsedShare: 0,
    };
  let elapsedMs = cycle.elapsedMs;
  if (cycle.state === 'running' && cycle.runningSince && at.getTime() > cycle.runningSince.getTime())
    elapsedMs += countedMs(clock, cycle.runningSince, at, context.calendars);
  const passedDeadline =
    cycle.state === 'running' && cycle.deadline !== null && cycle.deadline.getTime() <= at.getTime()
      ? cycle.deadline
      : null;
  const breachedAt =
    cycle.breachedAt ?? passedDeadline ?? (elapsedMs > clock.targetMs ? cycle.endedAt : null);
  return {
    metric: clock.metric,
    cycle: cycle.cycle,
    state: cycle.state,
    targetMs: clock.targetMs,
    elapsedMs,
    remainingMs: clock.targetMs - elapsedMs,
    deadline: cycle.breachedAt ?? (cycle.state === 'running' ? cycle.deadline : null),
    breached: breachedAt !== null,
    breachedAt,
    elapsedShare: elapsedMs / clock.targetMs,
  };
}
