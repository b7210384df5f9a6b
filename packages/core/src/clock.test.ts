import { describe, expect, it } from 'vitest';
import { fixedClock, manualClock, systemClock, toEpochMs } from './clock.js';
import { ValidationError } from './errors.js';

describe('clocks', () => {
  it('fixedClock always answers the same instant, as a fresh Date', () => {
    const clock = fixedClock('2026-03-01T08:00:00Z');
    const a = clock.now();
    a.setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-03-01T08:00:00.000Z');
  });

  it('manualClock moves only when told', () => {
    const clock = manualClock('2026-03-01T00:00:00Z');
    expect(clock.advance(3_600_000).toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-03-01T01:00:00.000Z');
    expect(clock.set(new Date('2026-12-31T23:59:59Z')).toISOString()).toBe('2026-12-31T23:59:59.000Z');
    expect(() => clock.advance(Number.NaN)).toThrow(ValidationError);
  });

  it('systemClock reads the machine clock', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
  });

  it('toEpochMs accepts Dates, ISO strings and epoch ms, and names the bad field', () => {
    expect(toEpochMs('2026-01-01T00:00:00Z')).toBe(1767225600000);
    expect(toEpochMs(new Date(5))).toBe(5);
    expect(toEpochMs(7)).toBe(7);
    expect(() => fixedClock('not a date')).toThrow(/instant: Expected a valid instant/);
    expect(() => manualClock(Number.NaN)).toThrow(/start/);
  });
});
