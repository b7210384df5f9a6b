import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/expect-error.js';
import { ValidationError } from '../errors.js';
import { toDecimal } from './decimal.js';
import {
  assertPlaces,
  assertRoundingMode,
  isRoundingMode,
  ROUNDING_MODES,
  roundDecimal,
} from './rounding.js';

const r = (value: string, places: number, mode: Parameters<typeof roundDecimal>[2]) =>
  roundDecimal(toDecimal(value), places, mode).toFixed();

describe('roundDecimal', () => {
  it('lists seven modes', () => {
    expect([...ROUNDING_MODES]).toEqual(['half-even', 'half-up', 'half-down', 'up', 'down', 'ceil', 'floor']);
    expect(Object.isFrozen(ROUNDING_MODES)).toBe(true);
  });

  it('rounds ties per mode', () => {
    //                 2.345      -2.345     2.355      -2.355
    const table: Record<string, [string, string, string, string]> = {
      'half-even': ['2.34', '-2.34', '2.36', '-2.36'],
      'half-up': ['2.35', '-2.35', '2.36', '-2.36'],
      'half-down': ['2.34', '-2.34', '2.35', '-2.35'],
      up: ['2.35', '-2.35', '2.36', '-2.36'],
      down: ['2.34', '-2.34', '2.35', '-2.35'],
      ceil: ['2.35', '-2.34', '2.36', '-2.35'],
      floor: ['2.34', '-2.35', '2.35', '-2.36'],
    };
    for (const mode of ROUNDING_MODES) {
      expect([r('2.345', 2, mode), r('-2.345', 2, mode), r('2.355', 2, mode), r('-2.355', 2, mode)]).toEqual(
        table[mode],
      );
    }
  });

  it('rounds non-ties to the nearest for half modes and by direction otherwise', () => {
    expect(r('2.3451', 2, 'half-down')).toBe('2.35');
    expect(r('2.3449', 2, 'half-up')).toBe('2.34');
    expect(r('-2.341', 2, 'up')).toBe('-2.35');
    expect(r('-2.349', 2, 'down')).toBe('-2.34');
    expect(r('2.341', 2, 'ceil')).toBe('2.35');
    expect(r('2.349', 2, 'floor')).toBe('2.34');
    expect(r('1234.5', 0, 'half-even')).toBe('1234');
    expect(r('1235.5', 0, 'half-even')).toBe('1236');
    expect(r('7', 2, 'up')).toBe('7');
  });

  it('never answers negative zero', () => {
    expect(roundDecimal(toDecimal('-0.001'), 2, 'half-even').isNegative()).toBe(false);
    expect(roundDecimal(toDecimal('-0.001'), 2, 'ceil').isNegative()).toBe(false);
  });

  it('validates value, places and mode', () => {
    expect(thrown(ValidationError, () => roundDecimal('x' as never, 2, 'up')).issues[0]?.path).toEqual([
      'value',
    ]);
    expect(thrown(ValidationError, () => roundDecimal(toDecimal(1), -1, 'up')).issues[0]?.path).toEqual([
      'places',
    ]);
    expect(thrown(ValidationError, () => roundDecimal(toDecimal(1), 1.5, 'up')).issues[0]?.path).toEqual([
      'places',
    ]);
    const bad = thrown(ValidationError, () => roundDecimal(toDecimal(1), 2, 'HALF_UP' as never));
    expect(bad.issues[0]?.path).toEqual(['mode']);
    expect(bad.issues[0]?.code).toBe('invalid_rounding_mode');
  });
});

describe('isRoundingMode / assertRoundingMode / assertPlaces', () => {
  it('accept exactly the listed modes', () => {
    expect(isRoundingMode('ceil')).toBe(true);
    expect(isRoundingMode('toString')).toBe(false);
    expect(isRoundingMode(6)).toBe(false);
    expect(assertRoundingMode('half-up')).toBe('half-up');
    expect(thrown(ValidationError, () => assertRoundingMode('nearest')).issues[0]?.path).toEqual([
      'rounding',
    ]);
    expect(thrown(ValidationError, () => assertRoundingMode(undefined, 'mode')).issues[0]?.path).toEqual([
      'mode',
    ]);
  });

  it('assertPlaces takes integers from 0 to max', () => {
    expect(() => assertPlaces(0, 'digits')).not.toThrow();
    expect(() => assertPlaces(18, 'digits', 18)).not.toThrow();
    expect(thrown(ValidationError, () => assertPlaces(19, 'digits', 18)).issues[0]?.path).toEqual(['digits']);
    expect(thrown(ValidationError, () => assertPlaces('2', 'digits')).issues[0]?.code).toBe('invalid_places');
  });
});
