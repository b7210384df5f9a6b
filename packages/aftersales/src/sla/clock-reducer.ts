import type { Draft } from 'immer';
import { produce } from '../common/immer.js';
import type { SlaCalendars, SlaClock, SlaCycle } from './clock.js';
import { afterCounted, countedMs } from './clock-time.js';
import { evaluateConditions } from './conditions.js';
import type { CaseFact } from './facts.js';

/**
 * What happens to an SLA clock: the case changed (`observe`, with the facts that now hold), or
 * time passed (`tick`: a scheduler looks at the clock).
 *
 * @example
 * const event: SlaClockEvent = { type: 'observe', at: now, facts: caseFacts(view) };
 */
export type SlaClockEvent =
  | { type: 'observe'; at: Date; facts: ReadonlySet<CaseFact> }
  | { type: 'tick'; at: Date };

/**
 * Advances an SLA clock: a pure reducer `(clock, event) => clock` written with immer.
 *
 * First time moves to the event's instant: a running cycle records every warning, breach and
 * escalation it passed, each at the exact instant its threshold was reached (so the breach
 * instant is fixed once passed). Then, for `observe`, the conditions are applied in this
 * precedence (ServiceNow's rules):
 *
 * 1. **stop** matches → the cycle completes (whether or not it breached);
 * 2. **cancel** matches, or **start** no longer matches → the cycle is cancelled;
 * 3. **reset** matches (start still matching) → the cycle ends as `reset` and a new one starts;
 * 4. running and **pause** matches (and `resume`, if the clock has one, does not) → paused;
 * 5. paused and **resume** matches (without a resume condition: pause no longer matches) → running;
 * 6. no cycle in progress, **start** matches and neither stop nor cancel does → a new cycle
 *    starts (paused if pause matches), unless the clock is not `recurring` and already had one.
 *
 * Pitfalls this order implies: a start condition that always implies stop never attaches; a
 * pause state that makes start fail cancels instead of pausing. Instants earlier than the
 * clock's last one count as that one (time never runs backwards).
 *
 * @param context - the calendars business time counts on
 * @example
 * const next = reduceSlaClock(clock, { type: 'observe', at: now, facts }, { calendars: { default: chinaCalendar() } });
 */
export function reduceSlaClock(
  clock: SlaClock,
  event: SlaClockEvent,
  context: { calendars: SlaCalendars },
): SlaClock {
  const { calendars } = context;
  const latest = clock.cycles[clock.cycles.length - 1];
  if (event.type === 'tick' && latest?.state !== 'running') return clock;
  return produce(clock, (draft) => {
    const last = draft.cycles[draft.cycles.length - 1];
    const at = last ? new Date(Math.max(event.at.getTime(), latestInstant(last))) : event.at;
    if (last?.state === 'running') advance(draft, last, at, calendars);
    if (event.type === 'tick') return;

    const holds = evaluateConditions(draft.conditions, event.facts);
    const active = last && (last.state === 'running' || last.state === 'paused') ? last : undefined;
    if (active) {
      if (holds.stop) return end(draft, active, at, 'completed', 'stop', calendars);
      if (holds.cancel || !holds.start) return end(draft, active, at, 'cancelled', 'cancel', calendars);
      if (holds.reset) {
        end(draft, active, at, 'cancelled', 'reset', calendars);
        return attach(draft, at, holds.pause && !(draft.conditions.resume && holds.resume), calendars);
      }
      if (active.state === 'running' && holds.pause && !(draft.conditions.resume && holds.resume))
        return pause(draft, active, at, calendars);
      if (active.state === 'paused' && holds.resume) return resume(draft, active, at, calendars);
      return;
    }
    if (holds.start && !holds.stop && !holds.cancel && (draft.recurring || draft.cycles.length === 0))
      attach(draft, at, holds.pause && !(draft.conditions.resume && holds.resume), calendars);
  });
}

/** The latest instant a cycle already knows of. */
function latestInstant(cycle: SlaCycle): number {
  return Math.max(
    cycle.startedAt.getTime(),
    cycle.runningSince?.getTime() ?? 0,
    cycle.pausedAt?.getTime() ?? 0,
    cycle.endedAt?.getTime() ?? 0,
  );
}

interface Threshold {
  kind: 'warning' | 'breach' | 'escalation';
  level: number;
  elapsedMs: number;
}

/** The thresholds a running cycle has still to pass, by elapsed time (ties: warning, breach, escalation). */
function pendingThresholds(clock: Draft<SlaClock>, cycle: Draft<SlaCycle>): Threshold[] {
  const pending: Threshold[] = [];
  if (clock.warnBeforeMs !== null && cycle.warnedAt === null)
    pending.push({ kind: 'warning', level: 0, elapsedMs: clock.targetMs - clock.warnBeforeMs });
  if (cycle.breachedAt === null) pending.push({ kind: 'breach', level: 0, elapsedMs: clock.targetMs });
  const raised = new Set(cycle.escalations.map((e) => e.level));
  for (const level of clock.escalation)
    if (!raised.has(level.level))
      pending.push({
        kind: 'escalation',
        level: level.level,
        elapsedMs: Math.round(level.atShare * clock.targetMs),
      });
  const rank = { warning: 0, breach: 1, escalation: 2 } as const;
  return pending.sort(
    (a, b) => a.elapsedMs - b.elapsedMs || rank[a.kind] - rank[b.kind] || a.level - b.level,
  );
}

/** Records what a running cycle passed up to `at`, then schedules what is next. */
function advance(clock: Draft<SlaClock>, cycle: Draft<SlaCycle>, at: Date, calendars: SlaCalendars): void {
  const since = cycle.runningSince as Date;
  for (const threshold of pendingThresholds(clock, cycle)) {
    const when = afterCounted(clock, since, Math.max(threshold.elapsedMs - cycle.elapsedMs, 0), calendars);
    if (when.getTime() > at.getTime()) break;
    if (threshold.kind === 'warning') cycle.warnedAt = when;
    else if (threshold.kind === 'breach') {
      cycle.breachedAt = when;
      cycle.deadline = when;
    } else cycle.escalations.push({ level: threshold.level, at: when });
  }
  schedule(clock, cycle, calendars);
}

/** Sets `deadline`, `warningAt` and `nextDueAt` of a running cycle from its pending thresholds. */
function schedule(clock: Draft<SlaClock>, cycle: Draft<SlaCycle>, calendars: SlaCalendars): void {
  const since = cycle.runningSince as Date;
  const instant = (elapsedMs: number) =>
    afterCounted(clock, since, Math.max(elapsedMs - cycle.elapsedMs, 0), calendars);
  const pending = pendingThresholds(clock, cycle);
  if (cycle.breachedAt === null) cycle.deadline = instant(clock.targetMs);
  const warning = pending.find((t) => t.kind === 'warning');
  cycle.warningAt = warning ? instant(warning.elapsedMs) : null;
  const next = pending[0];
  cycle.nextDueAt = next ? instant(next.elapsedMs) : null;
}

function stopCounting(
  clock: Draft<SlaClock>,
  cycle: Draft<SlaCycle>,
  at: Date,
  calendars: SlaCalendars,
): void {
  if (cycle.runningSince) cycle.elapsedMs += countedMs(clock, cycle.runningSince, at, calendars);
  cycle.runningSince = null;
  cycle.warningAt = null;
  cycle.nextDueAt = null;
  cycle.deadline = cycle.breachedAt;
}

function end(
  clock: Draft<SlaClock>,
  cycle: Draft<SlaCycle>,
  at: Date,
  state: 'completed' | 'cancelled',
  reason: 'stop' | 'cancel' | 'reset',
  calendars: SlaCalendars,
): void {
  // A cycle that ends while running keeps the deadline it ran against; a paused one, its breach (if any).
  const deadline = cycle.state === 'running' ? cycle.deadline : cycle.breachedAt;
  stopCounting(clock, cycle, at, calendars);
  cycle.deadline = deadline;
  cycle.pausedAt = null;
  cycle.state = state;
  cycle.endedAt = at;
  cycle.endReason = reason;
}

function pause(clock: Draft<SlaClock>, cycle: Draft<SlaCycle>, at: Date, calendars: SlaCalendars): void {
  stopCounting(clock, cycle, at, calendars);
  cycle.state = 'paused';
  cycle.pausedAt = at;
  cycle.pauseCount += 1;
}

function resume(clock: Draft<SlaClock>, cycle: Draft<SlaCycle>, at: Date, calendars: SlaCalendars): void {
  cycle.state = 'running';
  cycle.pausedAt = null;
  cycle.runningSince = at;
  schedule(clock, cycle, calendars);
}

function attach(clock: Draft<SlaClock>, at: Date, paused: boolean, calendars: SlaCalendars): void {
  const cycle: SlaCycle = {
    cycle: clock.cycles.length + 1,
    state: paused ? 'paused' : 'running',
    startedAt: at,
    elapsedMs: 0,
    runningSince: paused ? null : at,
    pausedAt: paused ? at : null,
    pauseCount: paused ? 1 : 0,
    deadline: null,
    warningAt: null,
    nextDueAt: null,
    warnedAt: null,
    breachedAt: null,
    escalations: [],
    endedAt: null,
    endReason: null,
  };
  clock.cycles.push(cycle);
  if (!paused) schedule(clock, clock.cycles[clock.cycles.length - 1] as Draft<SlaCycle>, calendars);
}
