import { chinaCalendar } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SlaClock } from './clock.js';
import { reduceSlaClock } from './clock-reducer.js';
import { createSlaClocks } from './create-clocks.js';
import { CASE_FACTS, type CaseFact } from './facts.js';
import { slaPolicySchema } from './policy.js';

const calendar = chinaCalendar();
const ctx = { calendars: { default: calendar } };
const START = Date.parse('2025-09-26T09:30:00+08:00');

const clockArb = fc.record({
  hours: fc.integer({ min: 1, max: 40 }),
  basis: fc.constantFrom('business' as const, 'calendar' as const),
  warn: fc.boolean(),
});
const stepArb = fc.record({
  minutes: fc.integer({ min: 0, max: 2 * 24 * 60 }),
  facts: fc.subarray([...CASE_FACTS] as CaseFact[], { maxLength: 6 }),
  tick: fc.boolean(),
});

function makeClock(spec: { hours: number; basis: 'business' | 'calendar'; warn: boolean }): SlaClock {
  const policy = slaPolicySchema.parse({
    id: 'p',
    position: 1,
    metrics: [
      {
        metric: 'resolution',
        target: { hours: spec.hours },
        basis: spec.basis,
        warnBefore: spec.warn ? { minutes: 30 } : undefined,
        escalation: [
          { level: 1, atShare: 0.5, notify: ['lead'] },
          { level: 2, atShare: 2, notify: ['manager'] },
        ],
        conditions: {
          start: { all: ['live'] },
          stop: { any: ['status:resolved'] },
          pause: { any: ['status:awaiting-merchant'] },
          cancel: { any: ['withdrawn'] },
          reset: { all: ['reopened', 'priority:urgent'] },
        },
      },
    ],
  });
  return createSlaClocks(policy)[0] as SlaClock;
}

const counted = (basis: 'business' | 'calendar', a: number, b: number) =>
  basis === 'calendar' ? b - a : calendar.businessTimeBetween(a, b, 'milliseconds');

describe('SLA clock invariants over random case histories', () => {
  it('counts exactly the running time, fixes thresholds once, keeps one active cycle', () => {
    fc.assert(
      fc.property(clockArb, fc.array(stepArb, { minLength: 1, maxLength: 25 }), (spec, steps) => {
        let clock = makeClock(spec);
        let t = START;
        // Oracle: per cycle, the running time summed from the states the reducer reported.
        const running = new Map<number, number>();
        let runningCycle: number | null = null;
        let previousT = t;
        for (const step of steps) {
          t += step.minutes * 60_000;
          if (runningCycle !== null)
            running.set(runningCycle, (running.get(runningCycle) ?? 0) + counted(spec.basis, previousT, t));
          const before = clock;
          clock = reduceSlaClock(
            clock,
            step.tick
              ? { type: 'tick', at: new Date(t) }
              : { type: 'observe', at: new Date(t), facts: new Set(step.facts) },
            ctx,
          );
          // Thresholds, once recorded, never move; escalations only append; cycles only append.
          before.cycles.forEach((old, i) => {
            const now = clock.cycles[i];
            expect(now).toBeDefined();
            if (old.breachedAt) expect(now?.breachedAt?.getTime()).toBe(old.breachedAt.getTime());
            if (old.warnedAt) expect(now?.warnedAt?.getTime()).toBe(old.warnedAt.getTime());
            expect(now?.escalations.slice(0, old.escalations.length)).toEqual(old.escalations);
          });
          clock.cycles.forEach((cycle, i) => {
            expect(cycle.cycle).toBe(i + 1);
            if (i < clock.cycles.length - 1) expect(['completed', 'cancelled']).toContain(cycle.state);
          });
          const last = clock.cycles[clock.cycles.length - 1];
          runningCycle = last?.state === 'running' ? last.cycle : null;
          previousT = t;
          for (const cycle of clock.cycles) {
            const oracle = running.get(cycle.cycle) ?? 0;
            const sinceMs = cycle.runningSince ? counted(spec.basis, cycle.runningSince.getTime(), t) : 0;
            const elapsed = cycle.elapsedMs + sinceMs;
            expect(elapsed).toBe(oracle);
            // Breached exactly when the counted time reached the target.
            expect(cycle.breachedAt !== null).toBe(elapsed >= clock.targetMs);
            if (cycle.state === 'running' && cycle.breachedAt === null && cycle.deadline)
              expect(elapsed + counted(spec.basis, t, cycle.deadline.getTime())).toBe(clock.targetMs);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
