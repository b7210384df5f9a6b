import { ValidationError } from '@s2b2b/core';

/** Throws `ValidationError` on `y` unless it is an array of at least `minLength` finite numbers. */
export function validateSeries(y: readonly number[], minLength: number, model: string): void {
  if (!Array.isArray(y)) throw ValidationError.field('y', 'must be an array of numbers');
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw ValidationError.field(['y', i], `must be a finite number, got ${String(v)}`);
    }
  }
  if (y.length < minLength) {
    throw ValidationError.field('y', `${model} needs at least ${minLength} observation(s), got ${y.length}`);
  }
}

/** Throws `ValidationError` on `horizon` unless it is an integer >= 1. */
export function validateHorizon(horizon: number): void {
  if (typeof horizon !== 'number' || !Number.isInteger(horizon) || horizon < 1) {
    throw ValidationError.field('horizon', `must be an integer >= 1, got ${String(horizon)}`);
  }
}

/** Throws `ValidationError` on `seasonLength` unless it is an integer >= 1. */
export function validateSeasonLength(seasonLength: number): void {
  if (typeof seasonLength !== 'number' || !Number.isInteger(seasonLength) || seasonLength < 1) {
    throw ValidationError.field('seasonLength', `must be an integer >= 1, got ${String(seasonLength)}`);
  }
}

/** Throws `ValidationError` on `path` unless `value` is a finite number in [lo, hi]. */
export function validateInRange(path: string, value: number, lo: number, hi: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi) {
    throw ValidationError.field(path, `must be a number in [${lo}, ${hi}], got ${String(value)}`);
  }
}

/** `y - fitted` element-wise (NaN stays NaN). */
export function residualsOf(y: readonly number[], fitted: readonly number[]): number[] {
  return fitted.map((f, i) => (y[i] ?? Number.NaN) - f);
}
