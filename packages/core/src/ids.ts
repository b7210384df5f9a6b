/**
 * Time-ordered identifiers: UUID version 7 (RFC 9562 §5.7) and a generator whose ids sort in
 * creation order even within one millisecond.
 */
import { getRandomValues } from 'node:crypto';
import { ValidationError } from './errors.js';
import type { Rng } from './rng.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUIDV7_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const PREFIX_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,31}$/;
const MAX_TIMESTAMP = 2 ** 48 - 1;
const TWO_32 = 4294967296;

/**
 * Builds one UUIDv7 (RFC 9562): 48-bit big-endian Unix timestamp in milliseconds, version `7`,
 * 12 bits `rand_a`, variant `10`, 62 bits `rand_b`. Takes three values from `random`, in order:
 * the top 12 bits of the first fill `rand_a`, the low 30 bits of the second and all 32 bits of
 * the third fill `rand_b`. Lower-case hex, 8-4-4-4-12.
 *
 * @param now - the timestamp; between 1970-01-01 and 2^48 - 1 ms after it
 * @param random - a source of uint32 integers, e.g. `() => rng.nextUint32()`
 * @example
 * uuidv7(new Date('2026-03-01T00:00:00Z'), () => rng.nextUint32()) // '019ca6b1-dc00-7…'
 */
export function uuidv7(now: Date, random: () => number): string {
  if (!(now instanceof Date)) throw ValidationError.field('now', 'Expected a Date', 'invalid_type');
  if (typeof random !== 'function') {
    throw ValidationError.field('random', 'Expected a function returning uint32 integers', 'invalid_type');
  }
  const ms = checkTimestamp(now.getTime(), 'now');
  const randA = uint32(random) >>> 20;
  return format(ms, randA, uint32(random), uint32(random));
}

/**
 * Options of `createIdGenerator`.
 *
 * @example
 * const options: IdGeneratorOptions = { clock: fixedClock(Date.UTC(2026, 2, 1)), prefix: 'ord' }
 */
export interface IdGeneratorOptions {
  /** Where the timestamp comes from; default `new Date()`. */
  clock?: { now(): Date };
  /** A seeded source of the random bits (deterministic ids for tests); default `node:crypto`. */
  rng?: Rng;
  /** Prepended as `${prefix}_`: a letter then letters or digits, at most 32 characters. */
  prefix?: string;
}

/**
 * A function returning UUIDv7 strings, optionally `${prefix}_${uuid}`, each strictly greater
 * (in plain string order) than the one before, even within the same millisecond.
 *
 * Monotonicity follows RFC 9562 §6.2 method 1 (fixed-length dedicated counter): `rand_a` is a
 * 12-bit counter. On a new millisecond it starts at a random value below 2048 (top bit zero, so
 * at least 2048 more ids fit in that millisecond); each further id in the same millisecond adds
 * one. If the counter would pass 4095, the timestamp field moves one millisecond ahead of the
 * clock and the counter restarts at random. A clock that goes backwards is treated as the same
 * millisecond, so order holds across clock steps too. `rand_b` (62 bits) is fresh for every id.
 *
 * Randomness comes from `options.rng` if given, otherwise from `node:crypto`'s
 * `getRandomValues` (never `Math.random`).
 *
 * @example
 * const nextOrderId = createIdGenerator({ prefix: 'ord' });
 * nextOrderId() // 'ord_019ca6b1-dc00-7a3c-9f1e-5b0c2d4e6f70'
 */
export function createIdGenerator(options: IdGeneratorOptions = {}): () => string {
  if (typeof options !== 'object' || options === null) {
    throw ValidationError.field('options', 'Expected an options object', 'invalid_type');
  }
  const { clock, rng, prefix } = options;
  if (clock !== undefined && typeof clock?.now !== 'function') {
    throw ValidationError.field(['options', 'clock'], 'Expected an object with now(): Date', 'invalid_type');
  }
  if (rng !== undefined && typeof rng?.nextUint32 !== 'function') {
    throw ValidationError.field(['options', 'rng'], 'Expected an Rng from createRng', 'invalid_type');
  }
  if (prefix !== undefined && (typeof prefix !== 'string' || !PREFIX_PATTERN.test(prefix))) {
    throw ValidationError.field(
      ['options', 'prefix'],
      'Expected a letter followed by letters or digits, at most 32 characters',
      'invalid_format',
    );
  }
  const random = rng ? () => rng.nextUint32() : cryptoUint32Source();
  const readClock = clock ? () => clock.now() : () => new Date();
  const head = prefix === undefined ? '' : `${prefix}_`;
  let lastMs = -1;
  let counter = 0;

  return () => {
    const now = readClock();
    if (!(now instanceof Date))
      throw ValidationError.field(['options', 'clock'], 'clock.now() must return a Date');
    const ms = checkTimestamp(now.getTime(), 'now');
    if (ms > lastMs) {
      lastMs = ms;
      counter = uint32(random) >>> 21;
    } else if (counter < 0xfff) {
      counter++;
    } else {
      lastMs = checkTimestamp(lastMs + 1, 'now');
      counter = uint32(random) >>> 21;
    }
    return head + format(lastMs, counter, uint32(random), uint32(random));
  };
}

/**
 * Whether a value is a UUID in the RFC 9562 text form (8-4-4-4-12 hex digits, any version,
 * either case).
 *
 * @example
 * isUuid('019ca6b1-dc00-7a3c-9f1e-5b0c2d4e6f70') // true
 * isUuid('ord_019ca6b1-dc00-7a3c-9f1e-5b0c2d4e6f70') // false
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/**
 * The instant stored in a UUIDv7 (millisecond precision). Accepts a prefixed id from
 * `createIdGenerator` too (`ord_…`: everything up to the last `_` is ignored).
 *
 * @example
 * uuidv7Timestamp('019ca6b1-dc00-7a3c-9f1e-5b0c2d4e6f70').toISOString() // '2026-03-01T00:00:00.000Z'
 */
export function uuidv7Timestamp(id: string): Date {
  const uuid = typeof id === 'string' ? id.slice(id.lastIndexOf('_') + 1) : '';
  if (!UUIDV7_PATTERN.test(uuid)) {
    throw ValidationError.field('id', `Expected a UUIDv7, got ${JSON.stringify(id)}`, 'invalid_format');
  }
  return new Date(Number.parseInt(uuid.slice(0, 8) + uuid.slice(9, 13), 16));
}

function checkTimestamp(ms: number, field: string): number {
  if (!Number.isFinite(ms)) throw ValidationError.field(field, 'Expected a valid Date', 'invalid_type');
  if (ms < 0 || ms > MAX_TIMESTAMP) {
    throw ValidationError.field(
      field,
      'A UUIDv7 timestamp must lie between 1970 and the year 10889',
      'too_big',
    );
  }
  return ms;
}

function uint32(random: () => number): number {
  const value = random();
  if (!Number.isInteger(value) || value < 0 || value >= TWO_32) {
    throw ValidationError.field(
      'random',
      `Expected an integer in [0, 2^32), got ${String(value)}`,
      'invalid_type',
    );
  }
  return value;
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}

/** Formats the fields; `r1` gives rand_b's top 30 bits (its low 30 bits), `r2` the last 32. */
function format(ms: number, randA: number, r1: number, r2: number): string {
  const high = Math.floor(ms / 65536); // top 32 bits of the 48-bit timestamp
  const low = ms % 65536;
  const variantAndTop14 = 0x8000 | ((r1 >>> 16) & 0x3fff);
  return (
    `${hex(high, 8)}-${hex(low, 4)}-${hex(0x7000 | randA, 4)}-` +
    `${hex(variantAndTop14, 4)}-${hex(r1 & 0xffff, 4)}${hex(r2, 8)}`
  );
}

/** uint32 values from the operating system's CSPRNG, fetched 64 at a time. */
function cryptoUint32Source(): () => number {
  const pool = new Uint32Array(64);
  let index = pool.length;
  return () => {
    if (index === pool.length) {
      getRandomValues(pool);
      index = 0;
    }
    return pool[index++]!;
  };
}
