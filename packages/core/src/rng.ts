/**
 * Seeded randomness with a published algorithm, so a seed reproduces the same numbers on every
 * machine, in every version of Node, and in any other language that implements the same steps.
 *
 * - Generator: **xoshiro128\*\* 1.1** (D. Blackman and S. Vigna, <https://prng.di.unimi.it/>),
 *   128 bits of state as four 32-bit words, period 2^128 - 1.
 * - Seeding: **splitmix64** (Vigna's `splitmix64.c`, the seeding the xoshiro authors recommend).
 *   A numeric seed is a safe integer, taken as the 64-bit unsigned integer it is congruent to
 *   modulo 2^64 (so `0 <= seed < 2^32` is simply that 32-bit value, and `-1` is `2^64 - 1`). Two
 *   splitmix64 outputs `a`, `b` fill the state as `[low32(a), high32(a), low32(b), high32(b)]`.
 * - String seeds: **FNV-1a 64** (offset basis `0xcbf29ce484222325`, prime `0x100000001b3`) of the
 *   string's UTF-8 bytes gives the 64-bit seed. A string seed never equals the numeric one
 *   (`createRng('42')` and `createRng(42)` are different streams).
 *
 * This module never calls `Math.random()`.
 */
import { ValidationError } from './errors.js';

/**
 * A seeded pseudo-random number generator (xoshiro128\*\* 1.1). Every method draws from the same
 * stream, so the sequence of calls, not only the seed, decides the numbers.
 *
 * @example
 * function simulateDay(rng: Rng) { return rng.poisson(12) } // orders arriving today
 */
export interface Rng {
  /**
   * A uniform double in [0, 1) with 53 random bits, built from two 32-bit outputs `a`, `b` as
   * `((a >>> 5) * 2^26 + (b >>> 6)) / 2^53` (the `genrand_res53` construction).
   */
  next(): number;
  /** The generator's raw 32-bit output: an integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform double in [min, max) (exactly `min` when `min === max`). */
  uniform(min: number, max: number): number;
  /**
   * A uniform integer in [min, max], both inclusive, without modulo bias: Lemire's multiply-and-
   * reject method on 32-bit outputs when the range has at most 2^32 values, rejection sampling on
   * 53-bit draws up to 2^53 values. Bounds must be safe integers.
   */
  int(min: number, max: number): number;
  /** A normal variate (Marsaglia's polar method; the second value of each pair is discarded). */
  normal(mean?: number, sd?: number): number;
  /** An exponential variate with the given rate (inverse transform `-ln(1 - U) / rate`). */
  exponential(rate: number): number;
  /**
   * A Poisson count by exact methods (no normal approximation): Knuth's multiplication method
   * below 10, Hörmann's PTRS transformed rejection (1993) from 10 up. `lambda` is at most 1e10:
   * beyond that the log-density terms of the acceptance test (~lambda·ln lambda) lose too many
   * digits to cancellation; up to it the acceptance error is below 1e-4 in log space, on the
   * ~10 % of draws that reach that test.
   */
  poisson(lambda: number): number;
  /** A new array with the items in uniformly random order (Fisher–Yates). The input is not changed. */
  shuffle<T>(items: readonly T[]): T[];
  /** One item chosen uniformly. Throws `ValidationError` on an empty array. */
  pick<T>(items: readonly T[]): T;
  /**
   * A child generator for a named sub-task. It depends only on this generator's seed (its key)
   * and the label, never on how far this generator has advanced, and it draws nothing from this
   * generator: `rng.fork('demand')` is the same stream whenever it is called. Different labels
   * give independent streams; a numeric label is the same as its decimal string (`fork(1)` is
   * `fork('1')`).
   */
  fork(label: string | number): Rng;
  /** The generator's full state as a string, for `restoreRng`. */
  state(): string;
}

const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;
const MASK_64 = 0xffff_ffff_ffff_ffffn;
const STATE_PATTERN = /^xoshiro128\*\*:1:([0-9a-f]{32}):([0-9a-f]{16})$/;

/**
 * Creates a seeded generator (xoshiro128\*\* seeded by splitmix64; see the module notes for the
 * exact seeding of numbers and strings).
 *
 * @param seed - a safe integer, or a string (hashed with FNV-1a 64)
 * @example
 * const rng = createRng(42);
 * rng.int(1, 6); // a die roll, the same on every run
 * const demandRng = rng.fork('demand'); // an independent stream for one sub-task
 */
export function createRng(seed: number | string): Rng {
  return fromKey(seedToKey(seed));
}

/**
 * Recreates a generator from `rng.state()`; it continues exactly where the original was.
 *
 * @example
 * const saved = rng.state();
 * const a = rng.next();
 * restoreRng(saved).next() === a; // true
 */
export function restoreRng(state: string): Rng {
  const match = typeof state === 'string' ? STATE_PATTERN.exec(state) : null;
  if (!match) {
    throw ValidationError.field(
      'state',
      'Expected a string produced by rng.state() ("xoshiro128**:1:<32 hex digits>:<16 hex digits>")',
      'invalid_format',
    );
  }
  const hex = match[1]!;
  const words = new Uint32Array(4);
  for (let i = 0; i < 4; i++) words[i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  if ((words[0]! | words[1]! | words[2]! | words[3]!) === 0) {
    throw ValidationError.field('state', 'The all-zero xoshiro128** state is not allowed', 'invalid_format');
  }
  return new Xoshiro128StarStar(words, BigInt(`0x${match[2]!}`));
}

function seedToKey(seed: number | string): bigint {
  if (typeof seed === 'string') return fnv1a64(seed);
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw ValidationError.field(
      'seed',
      `Expected a safe integer or a string, got ${String(seed)}`,
      'invalid_type',
    );
  }
  return BigInt.asUintN(64, BigInt(seed));
}

function fromKey(key: bigint): Rng {
  let sm = key;
  const nextSplitMix = (): bigint => {
    sm = (sm + 0x9e3779b97f4a7c15n) & MASK_64;
    return mix64(sm);
  };
  const a = nextSplitMix();
  const b = nextSplitMix();
  const words = new Uint32Array([
    Number(a & 0xffff_ffffn),
    Number(a >> 32n),
    Number(b & 0xffff_ffffn),
    Number(b >> 32n),
  ]);
  // splitmix64 is a bijection of its counter, so two consecutive outputs are never both zero.
  return new Xoshiro128StarStar(words, key);
}

/** The splitmix64 output function (Stafford's "Mix13" variant). */
function mix64(value: bigint): bigint {
  let z = value;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
  return z ^ (z >> 31n);
}

/** FNV-1a 64 of the UTF-8 bytes of `text` (lone surrogates encode as U+FFFD, like TextEncoder). */
function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  const add = (byte: number) => {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & MASK_64;
  };
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else cp = 0xfffd;
    } else if (cp >= 0xdc00 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) add(cp);
    else if (cp < 0x800) {
      add(0xc0 | (cp >> 6));
      add(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      add(0xe0 | (cp >> 12));
      add(0x80 | ((cp >> 6) & 0x3f));
      add(0x80 | (cp & 0x3f));
    } else {
      add(0xf0 | (cp >> 18));
      add(0x80 | ((cp >> 12) & 0x3f));
      add(0x80 | ((cp >> 6) & 0x3f));
      add(0x80 | (cp & 0x3f));
    }
  }
  return hash;
}

/** The exact 64-bit product of two integers in [0, 2^32], split into high and low 32-bit words. */
function mul32(x: number, s: number): { hi: number; lo: number } {
  const xh = Math.floor(x / 65536);
  const xl = x % 65536;
  const upper = xh * s; // < 2^48, exact
  const lower = xl * s; // < 2^48, exact
  const upperLow = upper % 65536;
  const rest = upperLow * 65536 + lower; // < 2^49, exact
  return { hi: Math.floor(upper / 65536) + Math.floor(rest / TWO_32), lo: rest % TWO_32 };
}

function finite(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw ValidationError.field(field, `Expected a finite number, got ${String(value)}`, 'invalid_type');
  }
  return value;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** `ln Γ(x)` for x >= 1 (Stirling series with upward shift below 7; as in NumPy's `random_loggam`). */
function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const coefficients = [
    8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4,
    8.417508417508418e-4, -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2,
    1.796443723688307e-1, -1.3924322169059,
  ];
  const n = x < 7 ? Math.floor(7 - x) : 0;
  let x0 = x + n;
  const x2 = 1 / (x0 * x0);
  let series = coefficients[9]!;
  for (let k = 8; k >= 0; k--) series = series * x2 + coefficients[k]!;
  let result = series / x0 + 0.5 * Math.log(2 * Math.PI) + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 1; k <= n; k++) {
    x0 -= 1;
    result -= Math.log(x0);
  }
  return result;
}

class Xoshiro128StarStar implements Rng {
  readonly #s: Uint32Array;
  readonly #key: bigint;

  constructor(words: Uint32Array, key: bigint) {
    this.#s = words;
    this.#key = key;
  }

  nextUint32(): number {
    const s = this.#s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ t;
    s[3] = rotl(s3, 11);
    return result;
  }

  next(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / TWO_53;
  }

  uniform(min: number, max: number): number {
    finite(min, 'min');
    finite(max, 'max');
    if (min > max) throw ValidationError.field('min', `min (${min}) must not exceed max (${max})`, 'too_big');
    const span = max - min;
    if (!Number.isFinite(span)) throw ValidationError.field('max', 'max - min must be finite', 'too_big');
    if (span === 0) return min;
    for (;;) {
      const value = min + span * this.next();
      if (value < max) return value; // rounding can reach max; draw again to keep [min, max)
    }
  }

  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min)) {
      throw ValidationError.field('min', `Expected a safe integer, got ${String(min)}`, 'invalid_type');
    }
    if (!Number.isSafeInteger(max)) {
      throw ValidationError.field('max', `Expected a safe integer, got ${String(max)}`, 'invalid_type');
    }
    if (min > max) throw ValidationError.field('min', `min (${min}) must not exceed max (${max})`, 'too_big');
    const size = max - min + 1;
    if (size <= TWO_32) {
      // Lemire, "Fast Random Integer Generation in an Interval" (2019).
      let { hi, lo } = mul32(this.nextUint32(), size);
      if (lo < size) {
        const threshold = (TWO_32 - size) % size;
        while (lo < threshold) ({ hi, lo } = mul32(this.nextUint32(), size));
      }
      return min + hi;
    }
    if (size > TWO_53) throw ValidationError.field('max', 'max - min + 1 must not exceed 2^53', 'too_big');
    const limit = TWO_53 - (TWO_53 % size);
    for (;;) {
      const draw = (this.nextUint32() >>> 5) * 67108864 + (this.nextUint32() >>> 6);
      if (draw < limit) return min + (draw % size);
    }
  }

  normal(mean = 0, sd = 1): number {
    finite(mean, 'mean');
    finite(sd, 'sd');
    if (sd < 0) throw ValidationError.field('sd', `sd must not be negative, got ${sd}`, 'too_small');
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return mean + sd * u * Math.sqrt((-2 * Math.log(s)) / s);
    }
  }

  exponential(rate: number): number {
    finite(rate, 'rate');
    if (rate <= 0) throw ValidationError.field('rate', `rate must be positive, got ${rate}`, 'too_small');
    return -Math.log(1 - this.next()) / rate;
  }

  poisson(lambda: number): number {
    finite(lambda, 'lambda');
    if (lambda < 0)
      throw ValidationError.field('lambda', `lambda must not be negative, got ${lambda}`, 'too_small');
    if (lambda > 1e10) throw ValidationError.field('lambda', 'lambda must be at most 1e10', 'too_big');
    if (lambda === 0) return 0;
    if (lambda < 10) {
      const limit = Math.exp(-lambda);
      let k = 0;
      let product = this.next();
      while (product > limit) {
        k++;
        product *= this.next();
      }
      return k;
    }
    // PTRS: W. Hörmann, "The transformed rejection method for generating Poisson random
    // variables", Insurance: Mathematics and Economics 12 (1993) 39-45.
    const sqrtLambda = Math.sqrt(lambda);
    const logLambda = Math.log(lambda);
    const b = 0.931 + 2.53 * sqrtLambda;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
        -lambda + k * logLambda - logGamma(k + 1)
      ) {
        return k;
      }
    }
  }

  shuffle<T>(items: readonly T[]): T[] {
    if (!Array.isArray(items)) throw ValidationError.field('items', 'Expected an array', 'invalid_type');
    const result = items.slice();
    for (let i = result.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const tmp = result[i] as T;
      result[i] = result[j] as T;
      result[j] = tmp;
    }
    return result;
  }

  pick<T>(items: readonly T[]): T {
    if (!Array.isArray(items)) throw ValidationError.field('items', 'Expected an array', 'invalid_type');
    if (items.length === 0)
      throw ValidationError.field('items', 'Cannot pick from an empty array', 'too_small');
    return items[this.int(0, items.length - 1)] as T;
  }

  fork(label: string | number): Rng {
    if (typeof label === 'number') {
      if (!Number.isFinite(label)) {
        throw ValidationError.field(
          'label',
          `Expected a finite number or a string, got ${label}`,
          'invalid_type',
        );
      }
    } else if (typeof label !== 'string') {
      throw ValidationError.field('label', 'Expected a string or a number', 'invalid_type');
    }
    return fromKey(mix64(mix64(this.#key) ^ fnv1a64(String(label))));
  }

  state(): string {
    let hex = '';
    for (const word of this.#s) hex += word.toString(16).padStart(8, '0');
    return `xoshiro128**:1:${hex}:${this.#key.toString(16).padStart(16, '0')}`;
  }
}
