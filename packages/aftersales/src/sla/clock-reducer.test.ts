import { chinaCalendar } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import type { SlaClock } from './clock.js';
import { diffSlaClock } from './clock-changes.js';
import { reduceSlaClock } from './clock-reducer.js';
import { slaClockStatus } from './clock-status.js';
import type { SlaConditions } from './conditions.js';
import { createSlaClocks } from './create-clocks.js';
import type { CaseFact } from './facts.js';
import { slaPolicySchema } from './policy.js';

const calendars = { default: chinaCalendar() };
const ctx = { calendars };
const HOUR = 3_600_000;
const at = (local: string) => new Date(`${local}+08:00`);
const facts = (...list: CaseFact[]) => new Set<CaseFact>(list);

function clockOf(metric: Record<string, unknown>): SlaClock {
  const policy = slaPolicySchema.parse({
    id: 'p',
    position: 1,
    metrics: [{ metric: 'resolution', target: { hours: 24 }, ...metric }],
  });
  return createSlaClocks(policy)[0] as SlaClock;
}

function run(clock: SlaClock, steps: [string, CaseFact[] | 'tick'][]): SlaClock {
  let current = clock;
  for (const [when, list] of steps)
    current = reduceSlaClock(
      current,
      list === 'tick'
        ? { type: 'tick', at: at(when) }
        : { type: 'observe', at: at(when), facts: facts(...list) },
      ctx,
    );
  return current;
}

const live: CaseFact[] = ['live', 'status:open'];
const waiting: CaseFact[] = ['live', 'status:awaiting-merchant'];
const resolved: CaseFact[] = ['status:resolved'];

describe('reduceSlaClock — deadlines on the China calendar', () => {
  it('starts a cycle with a 24-business-hour deadline across the National Day holiday', () => {
    const clock = run(clockOf({}), [['2025-09-30T10:00:00', live]]);
    const cycle = clock.cycles[0];
    expect(cycle?.state).toBe('running');
    // 8 h on Tue 09-30, 9 h on Thu 10-09, 7 h on Fri 10-10 -> 16:00.
    expect(cycle?.deadline?.toISOString()).toBe('2025-10-10T08:00:00.000Z');
  });

  it('a pause shifts the deadline by exactly the business time it lasted', () => {
    const paused = run(clockOf({}), [
      ['2025-09-30T10:00:00', live],
      ['2025-10-09T11:00:00', waiting], // 8 h + 2 h counted
      ['2025-10-09T14:30:00', live], // 2.5 business hours paused (12:00-13:00 is still working time here)
    ]);
    const cycle = paused.cycles[0];
    expect(cycle?.elapsedMs).toBe(10 * HOUR);
    expect(cycle?.pauseCount).toBe(1);
    // Without the pause: Fri 10-10 16:00. With it: 3.5 h later -> Fri 17:00 + 2.5 h = Sat 10-11 (调休, a working day) 10:30.
    expect(cycle?.deadline?.toISOString()).toBe('2025-10-11T02:30:00.000Z');
    expect(
      calendars.default.businessTimeBetween('2025-10-10T08:00:00Z', cycle?.deadline as Date, 'hours'),
    ).toBe(3.5);
  });

  it('a pause outside business hours shifts nothing', () => {
    const base = run(clockOf({}), [['2025-09-30T10:00:00', live]]);
    const overnight = run(base, [
      ['2025-09-30T19:00:00', waiting],
      ['2025-10-08T20:00:00', live],
    ]);
    expect(overnight.cycles[0]?.deadline?.toISOString()).toBe(base.cycles[0]?.deadline?.toISOString());
    expect(overnight.cycles[0]?.elapsedMs).toBe(8 * HOUR);
  });

  it('raises the warning at target minus warnBefore, the breach at the target, escalations at their shares', () => {
    const clock = clockOf({
      warnBefore: { hours: 4 },
      escalation: [
        { level: 1, atShare: 0.5, notify: ['team-lead'] },
        { level: 2, atShare: 1, notify: ['ops-manager'] },
        { level: 3, atShare: 1.5, notify: ['director'] },
      ],
    });
    const started = run(clock, [['2025-09-30T10:00:00', live]]);
    expect(started.cycles[0]?.warningAt?.toISOString()).toBe('2025-10-10T04:00:00.000Z'); // 20 h: Fri 12:00
    expect(started.cycles[0]?.nextDueAt?.toISOString()).toBe('2025-10-09T05:00:00.000Z'); // 12 h: 8 h Tue + 4 h Thu -> 13:00
    const later = run(started, [['2025-10-13T12:00:00', 'tick']]);
    const cycle = later.cycles[0];
    expect(cycle?.escalations.map((e) => [e.level, e.at.toISOString()])).toEqual([
      [1, '2025-10-09T05:00:00.000Z'],
      [2, '2025-10-10T08:00:00.000Z'],
      // 36 h: 8 + 9 + 9 (Fri) + 9 (Sat 10-11, 调休) = 35 at Sat 18:00, + 1 h on Mon 10-13 -> 10:00.
      [3, '2025-10-13T02:00:00.000Z'],
    ]);
    expect(cycle?.warnedAt?.toISOString()).toBe('2025-10-10T04:00:00.000Z');
    expect(cycle?.breachedAt?.toISOString()).toBe('2025-10-10T08:00:00.000Z');
    expect(diffSlaClock(started, later).map((c) => [c.kind, c.at.toISOString()])).toEqual([
      ['escalated', '2025-10-09T05:00:00.000Z'],
      ['warning', '2025-10-10T04:00:00.000Z'],
      ['breached', '2025-10-10T08:00:00.000Z'],
      ['escalated', '2025-10-10T08:00:00.000Z'],
      ['escalated', '2025-10-13T02:00:00.000Z'],
    ]);
  });

  it('fixes the breach instant once passed; remaining time goes negative; stop completes regardless', () => {
    const breached = run(clockOf({}), [
      ['2025-09-30T10:00:00', live],
      ['2025-10-10T17:00:00', 'tick'],
    ]);
    expect(breached.cycles[0]?.breachedAt?.toISOString()).toBe('2025-10-10T08:00:00.000Z');
    expect(slaClockStatus(breached, at('2025-10-10T17:00:00'), ctx).remainingMs).toBe(-HOUR);
    // A pause and a resume after the breach never move it.
    const later = run(breached, [
      ['2025-10-10T17:30:00', waiting],
      ['2025-10-11T10:00:00', live],
      ['2025-10-13T09:00:00', resolved],
    ]);
    const cycle = later.cycles[0];
    expect(cycle?.state).toBe('completed');
    expect(cycle?.endReason).toBe('stop');
    expect(cycle?.breachedAt?.toISOString()).toBe('2025-10-10T08:00:00.000Z');
    expect(cycle?.deadline?.toISOString()).toBe('2025-10-10T08:00:00.000Z');
    // 24 h target; counted: 25.5 h to the pause, then Sat 10:00-18:00 = 8 h.
    expect(cycle?.elapsedMs).toBe(33.5 * HOUR);
    const status = slaClockStatus(later, at('2025-10-20T09:00:00'), ctx);
    expect(status.remainingMs).toBe(-9.5 * HOUR);
    expect(status.breached).toBe(true);
  });

  it('a status read past a deadline already shows the breach at the deadline', () => {
    const running = run(clockOf({}), [['2025-09-30T10:00:00', live]]);
    const status = slaClockStatus(running, at('2025-10-11T09:00:00'), ctx);
    expect(status.breached).toBe(true);
    expect(status.breachedAt?.toISOString()).toBe('2025-10-10T08:00:00.000Z');
    expect(status.remainingMs).toBe(-2 * HOUR); // Fri 16:00-18:00
  });

  it('counts calendar time when the basis says so', () => {
    const clock = run(clockOf({ basis: 'calendar' }), [['2025-09-30T10:00:00', live]]);
    expect(clock.cycles[0]?.deadline?.toISOString()).toBe('2025-10-01T02:00:00.000Z');
  });

  it('starts a new cycle when a resolved case is reopened, keeping the first as it ended', () => {
    const clock = run(clockOf({}), [
      ['2025-09-30T10:00:00', live],
      ['2025-09-30T15:00:00', resolved],
      ['2025-10-09T10:00:00', [...live, 'reopened']],
    ]);
    expect(clock.cycles.map((c) => [c.cycle, c.state, c.elapsedMs])).toEqual([
      [1, 'completed', 5 * HOUR],
      [2, 'running', 0],
    ]);
    const firstOnly = run(clockOf({ recurring: false }), [
      ['2025-09-30T10:00:00', live],
      ['2025-09-30T15:00:00', resolved],
      ['2025-10-09T10:00:00', [...live, 'reopened']],
    ]);
    expect(firstOnly.cycles).toHaveLength(1);
  });

  it('never lets time run backwards', () => {
    const clock = run(clockOf({}), [
      ['2025-09-30T10:00:00', live],
      ['2025-09-30T09:00:00', waiting],
    ]);
    expect(clock.cycles[0]?.elapsedMs).toBe(0);
    expect(clock.cycles[0]?.pausedAt?.toISOString()).toBe('2025-09-30T02:00:00.000Z');
  });
});

describe('reduceSlaClock — condition precedence (ServiceNow rules)', () => {
  const conditions: SlaConditions = {
    start: { all: ['live'] },
    stop: { any: ['platform-responded'] },
    pause: { any: ['status:awaiting-merchant'] },
    cancel: { any: ['withdrawn'] },
    reset: { any: ['reopened'] },
  };
  const clock = () => clockOf({ conditions });
  const state = (c: SlaClock) =>
    c.cycles.map((cycle) => `${cycle.cycle}:${cycle.state}${cycle.endReason ? `/${cycle.endReason}` : ''}`);
  const t0 = '2025-09-30T10:00:00';
  const t1 = '2025-09-30T11:00:00';

  it.each([
    ['start matches, stop and cancel do not: attach', [['live']], ['1:running']],
    ['start and stop both match: never attaches', [['live', 'platform-responded']], []],
    ['start and cancel both match: never attaches', [['live', 'withdrawn']], []],
    ['start with pause: attaches paused', [['live', 'status:awaiting-merchant']], ['1:paused']],
    ['stop wins over cancel', [['live'], ['live', 'platform-responded', 'withdrawn']], ['1:completed/stop']],
    ['cancel matches: cancelled', [['live'], ['live', 'withdrawn']], ['1:cancelled/cancel']],
    ['start no longer matches: cancelled', [['live'], ['status:closed']], ['1:cancelled/cancel']],
    [
      'cancel wins over pause',
      [['live'], ['live', 'withdrawn', 'status:awaiting-merchant']],
      ['1:cancelled/cancel'],
    ],
    ['reset with start: a new cycle', [['live'], ['live', 'reopened']], ['1:cancelled/reset', '2:running']],
    ['pause matches: paused', [['live'], ['live', 'status:awaiting-merchant']], ['1:paused']],
    [
      'pause stops matching: resumed',
      [['live'], ['live', 'status:awaiting-merchant'], ['live']],
      ['1:running'],
    ],
    [
      'stop while paused: completed',
      [['live'], ['live', 'status:awaiting-merchant'], ['live', 'platform-responded']],
      ['1:completed/stop'],
    ],
  ] as [string, CaseFact[][], string[]][])('%s', (_name, steps, expected) => {
    let current = clock();
    steps.forEach((list, i) => {
      current = reduceSlaClock(
        current,
        { type: 'observe', at: at(i === 0 ? t0 : t1), facts: facts(...list) },
        ctx,
      );
    });
    expect(state(current)).toEqual(expected);
  });

  it('pitfall: a pause state that makes start fail cancels instead of pausing', () => {
    const strict = clockOf({ conditions: { ...conditions, start: { all: ['live', 'status:open'] } } });
    const after = run(strict, [
      [t0, ['live', 'status:open']],
      [t1, ['live', 'status:awaiting-merchant']],
    ]);
    expect(state(after)).toEqual(['1:cancelled/cancel']);
  });

  it('with a resume condition, a paused clock resumes only when resume matches', () => {
    const explicit = clockOf({
      conditions: {
        start: { all: ['live'] },
        pause: { any: ['status:awaiting-merchant'] },
        resume: { any: ['platform-responded'] },
      },
    });
    const after = run(explicit, [
      [t0, ['live']],
      [t1, ['live', 'status:awaiting-merchant']],
      ['2025-09-30T12:00:00', ['live']],
    ]);
    expect(state(after)).toEqual(['1:paused']);
    const resumed = run(after, [['2025-09-30T13:00:00', ['live', 'platform-responded']]]);
    expect(state(resumed)).toEqual(['1:running']);
    expect(resumed.cycles[0]?.elapsedMs).toBe(HOUR);
    expect(diffSlaClock(after, resumed).map((c) => c.kind)).toEqual(['resumed']);
  });
});
