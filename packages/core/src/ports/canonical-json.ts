import { createHash } from 'node:crypto';
import { ValidationError } from '../errors.js';

/**
 * Serialises a value to JSON with object keys sorted at every depth, so two payloads that
 * mean the same thing serialise the same way whatever order their keys were written in.
 * Follows `JSON.stringify` otherwise: `toJSON()` is honoured (Dates, Money, Decimal),
 * `undefined` members are dropped, bigint becomes a decimal string.
 *
 * @throws ValidationError for non-finite numbers and cycles
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const out = encode(value, new Set<object>(), []);
  return out ?? 'null';
}

/**
 * SHA-256 (hex) of the canonical JSON of a payload: what idempotency records compare.
 *
 * @example
 * payloadHash({ amount: '10.00' }) === payloadHash({ amount: '10.00' }) // true
 */
export function payloadHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function encode(value: unknown, seen: Set<object>, path: (string | number)[]): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw ValidationError.field(path, `Expected a finite number, got ${value}`);
      return JSON.stringify(value);
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  const object = value as { toJSON?: () => unknown };
  if (typeof object.toJSON === 'function') return encode(object.toJSON(), seen, path);
  if (seen.has(object)) throw ValidationError.field(path, 'Payload contains a cycle');
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      return `[${object.map((item, index) => encode(item, seen, [...path, index]) ?? 'null').join(',')}]`;
    }
    if (object instanceof Map || object instanceof Set) {
      throw ValidationError.field(path, 'Maps and Sets are not JSON; convert them to objects or arrays');
    }
    const record = object as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const encoded = encode(record[key], seen, [...path, key]);
      if (encoded !== undefined) members.push(`${JSON.stringify(key)}:${encoded}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    seen.delete(object);
  }
}
