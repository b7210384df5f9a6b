import { describe, expect, it } from 'vitest';
import { expectValidation } from '../test/expect-error.js';
import { fixedClock, manualClock } from './clock.js';
import { createIdGenerator, isUuid, uuidv7, uuidv7Timestamp } from './ids.js';
import { createRng } from './rng.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MARCH_1 = new Date('2026-03-01T00:00:00Z');

const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe('uuidv7', () => {
  it('reproduces the RFC 9562 appendix A.6 example', () => {
    // 2022-02-22T19:22:22Z = 0x017F22E279B0, rand_a 0xCC3, rand_b 0x18C4DC0C0C07398F
    const id = uuidv7(new Date(0x017f22e279b0), sequence(0xcc300000, 0x18c4dc0c, 0x0c07398f));
    expect(id).toBe('017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
  });

  it('sets version 7 and variant 10 whatever the random bits', () => {
    expect(uuidv7(MARCH_1, () => 0)).toBe('019ca6b1-dc00-7000-8000-000000000000');
    expect(uuidv7(MARCH_1, () => 0xffffffff)).toBe('019ca6b1-dc00-7fff-bfff-ffffffffffff');
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const id = uuidv7(MARCH_1, () => rng.nextUint32());
      expect(id).toMatch(V7);
      expect(id[14]).toBe('7');
      expect(Number.parseInt(id[19]!, 16) >> 2).toBe(0b10);
    }
  });

  it('round-trips the timestamp', () => {
    for (const ms of [0, 1, 1_772_323_200_123, 2 ** 48 - 1]) {
      expect(uuidv7Timestamp(uuidv7(new Date(ms), () => 12345)).getTime()).toBe(ms);
    }
  });

  it('validates its arguments', () => {
    expectValidation(() => uuidv7(new Date(Number.NaN), () => 0), ['now']);
    expectValidation(() => uuidv7(new Date(-1), () => 0), ['now']);
    expectValidation(() => uuidv7(new Date(2 ** 48), () => 0), ['now']);
    expectValidation(() => uuidv7(MARCH_1, () => 0.5), ['random']);
    expectValidation(() => uuidv7(MARCH_1, () => 2 ** 32), ['random']);
    expectValidation(() => uuidv7('2026-03-01' as unknown as Date, () => 0), ['now']);
  });
});

describe('createIdGenerator', () => {
  it('is strictly increasing over 10k ids in one fixed millisecond', () => {
    const next = createIdGenerator({ clock: fixedClock(MARCH_1), rng: createRng(7) });
    const ids = Array.from({ length: 10_000 }, next);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => V7.test(id))).toBe(true);
    // the 12-bit counter overflows a few times: the timestamp field runs a few ms ahead
    const first = uuidv7Timestamp(ids[0]!).getTime();
    const last = uuidv7Timestamp(ids.at(-1)!).getTime();
    expect(first).toBe(MARCH_1.getTime());
    expect(last - first).toBeGreaterThanOrEqual(2);
    expect(last - first).toBeLessThanOrEqual(5);
  });

  it('restarts from the clock once it catches up, and survives a clock going back', () => {
    const clock = manualClock(MARCH_1);
    const next = createIdGenerator({ clock, rng: createRng(8) });
    const ids = [next(), next()];
    clock.advance(5);
    ids.push(next());
    expect(uuidv7Timestamp(ids[2]!).getTime()).toBe(MARCH_1.getTime() + 5);
    clock.advance(-1000);
    ids.push(next(), next());
    expect(uuidv7Timestamp(ids[4]!).getTime()).toBe(MARCH_1.getTime() + 5);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is deterministic with a seeded rng', () => {
    const make = () => createIdGenerator({ clock: fixedClock(MARCH_1), rng: createRng('ids') });
    const a = make();
    const b = make();
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(
      Array.from({ length: 5 }, createIdGenerator({ clock: fixedClock(MARCH_1), rng: createRng(2) })),
    ).not.toEqual(first);
  });

  it('adds a prefix', () => {
    const next = createIdGenerator({ prefix: 'ord', clock: fixedClock(MARCH_1), rng: createRng(1) });
    const id = next();
    expect(id).toMatch(/^ord_[0-9a-f-]{36}$/);
    expect(isUuid(id)).toBe(false);
    expect(isUuid(id.slice(4))).toBe(true);
    expect(uuidv7Timestamp(id)).toEqual(MARCH_1);
    expectValidation(() => createIdGenerator({ prefix: 'bad prefix' }), ['options', 'prefix']);
    expectValidation(() => createIdGenerator({ prefix: '' }), ['options', 'prefix']);
  });

  it('uses the system clock and crypto randomness by default', () => {
    const next = createIdGenerator();
    const before = Date.now();
    const ids = Array.from({ length: 100 }, next);
    const after = Date.now();
    expect(new Set(ids).size).toBe(100);
    expect([...ids].sort()).toEqual(ids);
    const ts = uuidv7Timestamp(ids[0]!).getTime();
    expect(ts >= before && ts <= after + 1).toBe(true);
  });

  it('validates its options', () => {
    expectValidation(() => createIdGenerator({ clock: {} as never }), ['options', 'clock']);
    expectValidation(() => createIdGenerator({ rng: {} as never }), ['options', 'rng']);
  });
});

describe('isUuid and uuidv7Timestamp', () => {
  it('recognise the text form', () => {
    expect(isUuid('017F22E2-79B0-7CC3-98C4-DC0C0C07398F')).toBe(true);
    expect(isUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(true);
    expect(isUuid('6ba7b8109dad11d180b400c04fd430c8')).toBe(false);
    expect(isUuid(42)).toBe(false);
  });

  it('uuidv7Timestamp rejects non-v7 ids', () => {
    expect(uuidv7Timestamp('017F22E2-79B0-7CC3-98C4-DC0C0C07398F').toISOString()).toBe(
      '2022-02-22T19:22:22.000Z',
    );
    expectValidation(() => uuidv7Timestamp('6ba7b810-9dad-11d1-80b4-00c04fd430c8'), ['id']);
    expectValidation(() => uuidv7Timestamp('nope'), ['id']);
  });
});
