import { ValidationError } from './errors.js';

/**
 * Where services get "now" from. Pure functions never read a clock: they take `now` as a
 * parameter, and services pass `clock.now()`.
 */
export interface Clock {
  /** The current instant (a new `Date` each call). */
  now(): Date;
}

/** A clock tests can move by hand. */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` milliseconds (negative moves it back). Returns the new now. */
  advance(ms: number): Date;
  /** Sets the clock to an instant. */
  set(instant: Date | string | number): Date;
}

/**
 * The wall clock of the machine.
 *
 * @example
 * createCreditService({ store, clock: systemClock })
 */
export const systemClock: Clock = Object.freeze({ now: () => new Date() });

/**
 * A clock that is always at one instant.
 *
 * @example
 * const clock = fixedClock('2026-03-01T08:00:00Z'); clock.now().toISOString() // '2026-03-01T08:00:00.000Z'
 */
export function fixedClock(instant: Date | string | number): Clock {
  const ms = toEpochMs(instant, 'instant');
  return Object.freeze({ now: () => new Date(ms) });
}

/**
 * A clock that stands still until told to move: `advance(ms)` and `set(instant)`.
 *
 * @example
 * const clock = manualClock('2026-03-01T00:00:00Z'); clock.advance(3_600_000) // 01:00
 */
export function manualClock(start: Date | string | number = 0): ManualClock {
  let current = toEpochMs(start, 'start');
  return {
    now: () => new Date(current),
    advance(ms: number) {
      if (!Number.isFinite(ms)) throw ValidationError.field('ms', 'Expected a finite number of milliseconds');
      current += ms;
      return new Date(current);
    },
    set(instant) {
      current = toEpochMs(instant, 'instant');
      return new Date(current);
    },
  };
}

/**
 * Converts a `Date`, ISO string or epoch milliseconds to epoch milliseconds, rejecting
 * invalid dates with a `ValidationError` naming `field`.
 *
 * @example
 * toEpochMs('2026-01-01T00:00:00Z') // 1767225600000
 */
export function toEpochMs(instant: Date | string | number, field = 'instant'): number {
  const ms =
    instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms))
    throw ValidationError.field(field, `Expected a valid instant, got ${String(instant)}`);
  return ms;
}
