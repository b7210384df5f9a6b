import { createIdGenerator, createRng, fixedClock, type Rng } from '@s2b2b/core';
import type { Printer } from '../output.js';

/** What the randomness section found. */
export interface RandomnessTourResult {
  seed: number;
  /** Eight dice rolls from `createRng(seed)`. */
  dice: number[];
  /** The same from a second generator with the same seed. */
  diceAgain: number[];
  /** Whether both generators agreed. */
  reproducible: boolean;
  /** Eight rolls with `seed + 1`, for contrast. */
  otherSeedDice: number[];
  /** Daily demand drawn from normal(120, 15), rounded. */
  demand: number[];
  /** Three order ids from a seeded generator on a fixed clock. */
  ids: string[];
  /** Whether a second generator with the same seed gave the same ids. */
  idsReproducible: boolean;
  /** Whether each id sorts after the one before. */
  idsOrdered: boolean;
}

const ID_INSTANT = '2026-03-01T08:00:00Z';

/**
 * Section 2 of the demo: seeded randomness and ids reproduce exactly.
 *
 * @example
 * randomnessTour(out, 42).reproducible // true
 */
export function randomnessTour(out: Printer, seed: number): RandomnessTourResult {
  out.heading('2. Seeded randomness');
  const dice = roll(createRng(seed));
  const diceAgain = roll(createRng(seed));
  const otherSeedDice = roll(createRng(seed + 1));
  const reproducible = dice.join() === diceAgain.join();
  const demandRng = createRng(seed).fork('demand');
  const demand = Array.from({ length: 7 }, () => Math.max(0, Math.round(demandRng.normal(120, 15))));

  out.line(`Every random draw in the kit comes from createRng(seed); nothing calls Math.random().`);
  out.table(
    [
      { generator: `createRng(${seed})`, draws: dice.join(' ') },
      { generator: `createRng(${seed}) again`, draws: diceAgain.join(' ') },
      { generator: `createRng(${seed + 1})`, draws: otherSeedDice.join(' ') },
    ],
    { columns: [{ key: 'generator' }, { key: 'draws', header: 'rng.int(1, 6) × 8' }] },
  );
  out.line(`  ${reproducible ? out.good('✓') : out.bad('✗')} the same seed rolls the same dice`);
  out.line();
  out.line(`A week of demand from rng.fork('demand').normal(120, 15): ${demand.join(', ')}`);

  const newIds = () => {
    const next = createIdGenerator({ clock: fixedClock(ID_INSTANT), rng: createRng(seed), prefix: 'ord' });
    return [next(), next(), next()];
  };
  const ids = newIds();
  const idsReproducible = newIds().join() === ids.join();
  const idsOrdered = ids.every((id, index) => index === 0 || id > ids[index - 1]!);
  out.line();
  out.line(
    `Ids are UUIDv7: time-ordered, and reproducible with a seeded rng and a fixed clock (${ID_INSTANT}):`,
  );
  for (const id of ids) out.line(`  ${id}`);
  out.line(
    `  ${idsReproducible && idsOrdered ? out.good('✓') : out.bad('✗')} the same seed gives the same ids, each sorting after the last`,
  );
  return { seed, dice, diceAgain, reproducible, otherSeedDice, demand, ids, idsReproducible, idsOrdered };
}

function roll(rng: Rng): number[] {
  return Array.from({ length: 8 }, () => rng.int(1, 6));
}
