import { ValidationError } from '@s2b2b/core';

/**
 * The header every command carries.
 *
 * @example
 * req.get(IDEMPOTENCY_HEADER) // 'checkout-7f3a'
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/**
 * Longest key accepted: the services' keys are at most 200 characters and the shop appends step suffixes.
 *
 * @example
 * 'k'.repeat(MAX_IDEMPOTENCY_KEY + 1) // refused with 400 on field Idempotency-Key
 */
export const MAX_IDEMPOTENCY_KEY = 150;

/**
 * The `Idempotency-Key` of a command: 1-150 visible ASCII characters.
 *
 * @throws ValidationError on field `Idempotency-Key` when it is missing or malformed
 * @example
 * idempotencyKeyOf(req.get('Idempotency-Key')) // 'checkout-7f3a'
 */
export function idempotencyKeyOf(header: string | undefined): string {
  if (header === undefined || header.length === 0) {
    throw ValidationError.field(
      IDEMPOTENCY_HEADER,
      'Every command needs an Idempotency-Key header',
      'required',
    );
  }
  if (header.length > MAX_IDEMPOTENCY_KEY || !/^[\x21-\x7e]+$/.test(header)) {
    throw ValidationError.field(
      IDEMPOTENCY_HEADER,
      `Expected 1-${MAX_IDEMPOTENCY_KEY} visible ASCII characters without spaces`,
    );
  }
  return header;
}
