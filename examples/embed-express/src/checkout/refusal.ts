import { isS2b2bError, StorageError } from '@s2b2b/core';

/**
 * Whether a step's error is a refusal the checkout answers (a business rule, bad input, a
 * conflict) rather than an outage: a `StorageError` or any unexpected error is not, and is
 * thrown so the client retries with the same key and the checkout resumes where it stopped.
 *
 * @example
 * isRefusal(new DomainError('INSUFFICIENT_STOCK', 'Only 2 left')) // true
 */
export function isRefusal(error: unknown): boolean {
  return isS2b2bError(error) && !(error instanceof StorageError);
}
