import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manualClock } from './clock.js';
import { createIdGenerator, uuidv7, uuidv7Timestamp } from './ids.js';
import { createRng } from './rng.js';

describe('id properties', () => {
  it('uuidv7 round-trips any 48-bit timestamp and keeps version/variant bits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        fc.array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 3, maxLength: 3 }),
        (ms, words) => {
          let i = 0;
          const id = uuidv7(new Date(ms), () => words[i++]!);
          expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
          expect(uuidv7Timestamp(id).getTime()).toBe(ms);
        },
      ),
    );
  });

  it('generated ids are strictly increasing whatever the clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 300 }), fc.nat(), (steps, seed) => {
        const clock = manualClock(1_772_323_200_000);
        const next = createIdGenerator({ clock, rng: createRng(seed) });
        let previous = next();
        for (const step of steps) {
          clock.advance(step);
          const id = next();
          expect(id > previous).toBe(true);
          previous = id;
        }
      }),
    );
  });
});
