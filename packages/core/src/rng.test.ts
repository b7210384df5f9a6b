import { describe, expect, it } from 'vitest';
import { expectValidation } from '../test/expect-error.js';
import { createRng, type Rng, restoreRng } from './rng.js';

/**
 * Vectors printed by the reference C implementation of xoshiro128** 1.1 and splitmix64
 * (prng.di.unimi.it/xoshiro128starstar.c, splitmix64.c), compiled with gcc.
 */
const XOSHIRO_1234 = [
  11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
];
const SEED_42_STATE = '2feb6e95bdd73226b266f10328efe333';
const SEED_42 = [
  1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222, 2940343271, 2244566231, 3567603786,
  2928476417,
];
const SEED_0 = [
  3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774, 3260698944, 2754151956, 2651137455,
  2503817145,
];
const SEED_MINUS_1 = [
  477689756, 2493998634, 555695776, 607808419, 61340979, 301466976, 2478485284, 2565876330, 1807530946,
  3941721013,
];

const draw = (rng: Rng, n: number, f: (r: Rng) => number = (r) => r.nextUint32()) =>
  Array.from({ length: n }, () => f(rng));

describe('xoshiro128** against the reference C implementation', () => {
  it('matches the raw output for state {1, 2, 3, 4}', () => {
    const rng = restoreRng('xoshiro128**:1:00000001000000020000000300000004:0000000000000000');
    expect(draw(rng, 10)).toEqual(XOSHIRO_1234);
  });

  it('seeds with splitmix64 exactly like the reference', () => {
    const rng = createRng(42);
    expect(rng.state()).toBe(`xoshiro128**:1:${SEED_42_STATE}:000000000000002a`);
    expect(draw(rng, 10)).toEqual(SEED_42);
    expect(draw(createRng(0), 10)).toEqual(SEED_0);
    // -1 is 2^64 - 1 as a splitmix64 seed
    expect(draw(createRng(-1), 10)).toEqual(SEED_MINUS_1);
  });

  it('hashes string seeds with FNV-1a 64 over UTF-8', () => {
    // FNV-1a 64 published values: '' -> cbf29ce484222325, 'a' -> af63dc4c8601ec8c
    expect(createRng('').state().endsWith(':cbf29ce484222325')).toBe(true);
    expect(createRng('a').state().endsWith(':af63dc4c8601ec8c')).toBe(true);
    expect(createRng('hello').state().endsWith(':a430d84680aabd0b')).toBe(true);
    expect(createRng('订单').state()).not.toBe(createRng('订').state());
    expect(draw(createRng('42'), 5)).not.toEqual(draw(createRng(42), 5));
  });
});

describe('createRng', () => {
  it('is deterministic and seed-sensitive', () => {
    expect(draw(createRng(7), 100, (r) => r.next())).toEqual(draw(createRng(7), 100, (r) => r.next()));
    expect(draw(createRng(7), 20)).not.toEqual(draw(createRng(8), 20));
    expect(draw(createRng('round-1'), 20)).not.toEqual(draw(createRng('round-2'), 20));
  });

  it('next() is in [0, 1) with 53-bit resolution built from two outputs', () => {
    const raw = draw(createRng(3), 2);
    const expected = ((raw[0]! >>> 5) * 2 ** 26 + (raw[1]! >>> 6)) / 2 ** 53;
    expect(createRng(3).next()).toBe(expected);
    const values = draw(createRng(4), 10_000, (r) => r.next());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('rejects bad seeds', () => {
    expectValidation(() => createRng(1.5), 'seed');
    expectValidation(() => createRng(Number.NaN), 'seed');
    expectValidation(() => createRng(2 ** 60), 'seed');
  });
});

describe('int', () => {
  it('stays within inclusive bounds', () => {
    const rng = createRng(11);
    const values = draw(rng, 5000, (r) => r.int(-3, 3));
    expect(Math.min(...values)).toBe(-3);
    expect(Math.max(...values)).toBe(3);
    expect(values.every(Number.isInteger)).toBe(true);
    expect(rng.int(5, 5)).toBe(5);
  });

  it('is the raw output for the full 32-bit range (Lemire with s = 2^32)', () => {
    expect(draw(createRng(42), 10, (r) => r.int(0, 2 ** 32 - 1))).toEqual(SEED_42);
  });

  it('passes a chi-square uniformity test on 60k draws', () => {
    const rng = createRng(20260301);
    const counts = new Array<number>(10).fill(0);
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[rng.int(1, 10) - 1]!++;
    const expected = n / 10;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    // chi-square critical value, 9 degrees of freedom, p = 0.001
    expect(chi2).toBeLessThan(27.877);
  });

  it('handles ranges wider than 2^32', () => {
    const rng = createRng(5);
    const min = -(2 ** 40);
    const max = 2 ** 40;
    const values = draw(rng, 2000, (r) => r.int(min, max));
    expect(values.every((v) => Number.isSafeInteger(v) && v >= min && v <= max)).toBe(true);
    expect(values.some((v) => v < 0) && values.some((v) => v > 0)).toBe(true);
    const full = rng.int(0, Number.MAX_SAFE_INTEGER);
    expect(Number.isSafeInteger(full) && full >= 0).toBe(true);
  });

  it('validates its bounds', () => {
    const rng = createRng(1);
    expectValidation(() => rng.int(1.5, 3), 'min');
    expectValidation(() => rng.int(1, Number.NaN), 'max');
    expectValidation(() => rng.int(3, 1), 'min');
    expectValidation(() => rng.int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER), 'max');
  });
});

describe('continuous distributions', () => {
  it('uniform stays in [min, max)', () => {
    const rng = createRng(9);
    const values = draw(rng, 10_000, (r) => r.uniform(-2, 5));
    expect(values.every((v) => v >= -2 && v < 5)).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean - 1.5)).toBeLessThan(0.1);
    expect(rng.uniform(3, 3)).toBe(3);
    expectValidation(() => rng.uniform(2, 1), 'min');
    expectValidation(() => rng.uniform(0, Number.POSITIVE_INFINITY), 'max');
  });

  it('normal has the requested mean and sd (fixed seed, 50k draws)', () => {
    const rng = createRng('normal');
    const n = 50_000;
    const values = draw(rng, n, (r) => r.normal(10, 2));
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean - 10)).toBeLessThan((4 * 2) / Math.sqrt(n));
    expect(Math.abs(sd - 2)).toBeLessThan(0.04);
    expect(rng.normal(3, 0)).toBe(3);
    const standard = draw(rng, 20_000, (r) => r.normal());
    const within1 = standard.filter((v) => Math.abs(v) < 1).length / standard.length;
    expect(Math.abs(within1 - 0.6827)).toBeLessThan(0.015);
    expectValidation(() => rng.normal(0, -1), 'sd');
    expectValidation(() => rng.normal(Number.NaN), 'mean');
  });

  it('exponential has mean 1/rate', () => {
    const rng = createRng(12);
    const values = draw(rng, 40_000, (r) => r.exponential(4));
    expect(values.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean - 0.25)).toBeLessThan(0.01);
    expectValidation(() => rng.exponential(0), 'rate');
    expectValidation(() => rng.exponential(Number.NaN), 'rate');
  });
});

describe('poisson', () => {
  function pmf(lambda: number, k: number): number {
    let p = Math.exp(-lambda);
    for (let i = 1; i <= k; i++) p *= lambda / i;
    return p;
  }

  function chiSquare(lambda: number, low: number, high: number, n: number, seed: number): number {
    const rng = createRng(seed);
    const counts = new Array<number>(high - low + 3).fill(0);
    let invalid = 0;
    for (let i = 0; i < n; i++) {
      const k = rng.poisson(lambda);
      if (!Number.isInteger(k) || k < 0) invalid++;
      const bin = k < low ? 0 : k > high ? high - low + 2 : k - low + 1;
      counts[bin]!++;
    }
    let below = 0;
    for (let k = 0; k < low; k++) below += pmf(lambda, k);
    let inside = 0;
    const probabilities = [below];
    for (let k = low; k <= high; k++) {
      probabilities.push(pmf(lambda, k));
      inside += pmf(lambda, k);
    }
    probabilities.push(1 - below - inside);
    expect(invalid).toBe(0);
    return counts.reduce((acc, c, i) => {
      const expected = n * probabilities[i]!;
      return acc + (c - expected) ** 2 / expected;
    }, 0);
  }

  it('matches the exact pmf below 10 (Knuth)', () => {
    // bins <1, 1..7, >7: 9 bins, 8 degrees of freedom, p = 0.001 critical value 26.125
    expect(chiSquare(3, 1, 7, 50_000, 31)).toBeLessThan(26.125);
  });

  it('matches the exact pmf from 10 up (PTRS)', () => {
    // bins <15, 15..35, >35: 23 bins, 22 degrees of freedom, p = 0.001 critical value 48.268
    expect(chiSquare(25, 15, 35, 50_000, 32)).toBeLessThan(48.268);
    // bins <7, 7..15, >15: 11 bins, 10 degrees of freedom, p = 0.001 critical value 29.588
    expect(chiSquare(10.5, 7, 15, 50_000, 33)).toBeLessThan(29.588);
  });

  it('has the right mean and variance for large lambda', () => {
    const rng = createRng(34);
    const n = 20_000;
    const values = draw(rng, n, (r) => r.poisson(1e6));
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean - 1e6)).toBeLessThan(4 * Math.sqrt(1e6 / n));
    expect(Math.abs(variance / 1e6 - 1)).toBeLessThan(0.05);
  });

  it('validates lambda', () => {
    const rng = createRng(1);
    expect(rng.poisson(0)).toBe(0);
    expect(Number.isSafeInteger(rng.poisson(1e10))).toBe(true);
    expectValidation(() => rng.poisson(-1), 'lambda');
    expectValidation(() => rng.poisson(Number.NaN), 'lambda');
    expectValidation(() => rng.poisson(1e10 + 1), 'lambda');
  });
});

describe('shuffle and pick', () => {
  it('shuffle returns a new permuted array and leaves the input alone', () => {
    const items = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]);
    const shuffled = createRng(2).shuffle(items);
    expect(shuffled).not.toBe(items);
    expect([...shuffled].sort()).toEqual([...items]);
    expect(createRng(2).shuffle(items)).toEqual(shuffled);
    expect(createRng(2).shuffle([])).toEqual([]);
  });

  it('shuffle is uniform over the 6 orders of 3 items', () => {
    const rng = createRng(77);
    const counts = new Map<string, number>();
    const n = 30_000;
    for (let i = 0; i < n; i++) {
      const key = rng.shuffle(['a', 'b', 'c']).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const chi2 = [...counts.values()].reduce((acc, c) => acc + (c - n / 6) ** 2 / (n / 6), 0);
    // 5 degrees of freedom, p = 0.001
    expect(chi2).toBeLessThan(20.515);
  });

  it('pick chooses an element and rejects an empty array', () => {
    const rng = createRng(3);
    const items = ['x', 'y', 'z'] as const;
    const picks = new Set(draw(rng, 200, (r) => items.indexOf(r.pick(items))));
    expect(picks).toEqual(new Set([0, 1, 2]));
    expectValidation(() => rng.pick([]), 'items');
  });
});

describe('fork', () => {
  it('is deterministic by label and independent of the parent position', () => {
    const parent = createRng(42);
    const before = draw(parent.fork('demand'), 10);
    draw(parent, 50);
    expect(draw(parent.fork('demand'), 10)).toEqual(before);
    expect(draw(createRng(42).fork('demand'), 10)).toEqual(before);
  });

  it('does not consume from the parent', () => {
    const a = createRng(42);
    a.fork('x');
    expect(draw(a, 10)).toEqual(SEED_42);
  });

  it('gives different streams for different labels, parents and depths', () => {
    const root = createRng(42);
    const streams = [
      root.fork('a'),
      root.fork('b'),
      root.fork(1),
      createRng(43).fork('a'),
      root.fork('a').fork('b'),
      root.fork('b').fork('a'),
    ].map((r) => draw(r, 4).join(','));
    expect(new Set(streams).size).toBe(streams.length);
    expect(draw(root, 4).join(',')).not.toBe(streams[0]);
    expect(draw(root.fork(1), 3)).toEqual(draw(root.fork('1'), 3));
    expectValidation(() => root.fork(Number.NaN), 'label');
  });
});

describe('state and restoreRng', () => {
  it('continues the same sequence, forks included', () => {
    const rng = createRng('restore');
    draw(rng, 13);
    rng.normal();
    const saved = rng.state();
    const restored = restoreRng(saved);
    expect(draw(restored, 20, (r) => r.next())).toEqual(draw(rng, 20, (r) => r.next()));
    expect(draw(restored.fork('child'), 5)).toEqual(draw(rng.fork('child'), 5));
    expect(restored.state()).toBe(rng.state());
  });

  it('rejects malformed or all-zero states', () => {
    expectValidation(() => restoreRng('nope'), 'state');
    expectValidation(
      () => restoreRng('xoshiro128**:1:00000000000000000000000000000000:0000000000000000'),
      'state',
    );
    expectValidation(() => restoreRng(42 as unknown as string), 'state');
  });
});
