import { DomainError, type JsonValue, ValidationError } from '@s2b2b/core';
import { compareCodePoints } from '../evaluate/compare-ids.js';
import type { CapDefinition, CapFilter, ClaimEntry, ClaimedEntry, PromotionCap } from '../store.js';

/**
 * Every `DomainError` code the caps service and the promotions stores throw. The codes are stable.
 *
 * @example
 * if (error.code === 'CAP_EXCEEDED') tellBuyer(error.details.capId);
 */
export const CAP_ERROR_CODES = Object.freeze({
  CAP_EXCEEDED:
    'A claim would take a counter past its limit (details: capId, subject, limit, used, requested).',
  CAP_NOT_FOUND: 'A claim names a cap that was never saved.',
  CAP_SUBJECT_MISMATCH: 'A per-subject cap claimed without a subject, or a total cap with one.',
  CAP_DEFINITION_CONFLICT: 'A saved cap would change whether it counts per subject, or its unit.',
  CLAIM_EXISTS: 'The claim id is taken.',
  CLAIM_NOT_FOUND: 'No claim has that id.',
  CLAIM_ENTRY_NOT_FOUND: 'The claim holds nothing of that cap and subject.',
  RELEASE_EXCEEDS_CLAIM: 'A release would give back more than the claim still holds.',
  NOTHING_TO_RELEASE: 'The claim has already been released in full.',
  CUSTOMER_REQUIRED: 'A per-customer cap applies and the claim names no customer.',
  CAP_TOO_LARGE: 'A budget in minor units would pass 2^53 - 1.',
} as const);

/**
 * One of {@link CAP_ERROR_CODES}.
 *
 * @example
 * const code: CapErrorCode = 'CAP_EXCEEDED';
 */
export type CapErrorCode = keyof typeof CAP_ERROR_CODES;

/** Most entries one claim or release may carry. */
export const MAX_CLAIM_ENTRIES = 1_000;

/**
 * The order counters are locked and stored in: cap id, then subject, by code point.
 *
 * @example
 * entries.sort(compareCapKeys)
 */
export function compareCapKeys(
  a: Pick<ClaimEntry, 'capId' | 'subject'>,
  b: Pick<ClaimEntry, 'capId' | 'subject'>,
): number {
  const byCap = compareCodePoints(a.capId, b.capId);
  return byCap !== 0 ? byCap : compareCodePoints(a.subject, b.subject);
}

/**
 * Checks a claim's or release's entries the way every adapter must before touching anything:
 * 1–1,000 entries, each a positive safe integer amount, no (capId, subject) twice. Returns them
 * sorted by {@link compareCapKeys}.
 *
 * @throws ValidationError naming `entries.<i>`
 * @example
 * const sorted = checkEntries(draft.entries);
 */
export function checkEntries(entries: readonly ClaimEntry[]): ClaimEntry[] {
  if (!Array.isArray(entries) || entries.length === 0 || entries.length > MAX_CLAIM_ENTRIES) {
    throw ValidationError.field('entries', `Expected 1-${MAX_CLAIM_ENTRIES} entries`, 'too_small');
  }
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (!Number.isSafeInteger(entry.amount) || entry.amount <= 0) {
      throw ValidationError.field(
        ['entries', index, 'amount'],
        'Expected a positive whole number',
        'too_small',
      );
    }
    if (typeof entry.capId !== 'string' || typeof entry.subject !== 'string') {
      throw ValidationError.field(['entries', index], 'Expected capId and subject strings', 'invalid_type');
    }
    const key = `${entry.capId}\u0000${entry.subject}`;
    if (seen.has(key)) {
      throw ValidationError.field(['entries', index], 'Each cap and subject at most once', 'duplicate');
    }
    seen.add(key);
  });
  return entries
    .map((entry) => ({ capId: entry.capId, subject: entry.subject, amount: entry.amount }))
    .sort(compareCapKeys);
}

/**
 * Whether a cap's definition may replace a stored one (only the limit, promotion and campaign
 * may change). Returns the error to throw, or `null`.
 *
 * @example
 * const conflict = definitionConflict(stored, next); if (conflict) throw conflict;
 */
export function definitionConflict(stored: PromotionCap, next: CapDefinition): DomainError | null {
  if (stored.perSubject === next.perSubject && stored.unit === next.unit) return null;
  return new DomainError(
    'CAP_DEFINITION_CONFLICT',
    `Cap ${JSON.stringify(next.id)} counts ${stored.perSubject ? 'per subject' : 'in all'} in ${stored.unit}; it cannot change to ${next.perSubject ? 'per subject' : 'in all'} in ${next.unit}`,
    { capId: next.id, perSubject: stored.perSubject, unit: stored.unit },
  );
}

/**
 * The subject rule: a per-subject cap needs a subject, a cap counted in all takes `''`.
 *
 * @example
 * const error = subjectMismatch(cap, entry); if (error) throw error;
 */
export function subjectMismatch(
  cap: Pick<CapDefinition, 'id' | 'perSubject'>,
  entry: ClaimEntry,
): DomainError | null {
  if (cap.perSubject === (entry.subject !== '')) return null;
  return new DomainError(
    'CAP_SUBJECT_MISMATCH',
    cap.perSubject
      ? `Cap ${JSON.stringify(cap.id)} counts per subject: name the customer or code`
      : `Cap ${JSON.stringify(cap.id)} counts in all: its subject must be ''`,
    { capId: cap.id, subject: entry.subject, perSubject: cap.perSubject },
  );
}

/**
 * `CAP_EXCEEDED`.
 *
 * @example
 * throw capExceededError({ capId: 'flash#stock', subject: '', amount: 1 }, 500, 500);
 */
export function capExceededError(entry: ClaimEntry, limit: number, used: number): DomainError {
  const who = entry.subject === '' ? '' : ` for ${JSON.stringify(entry.subject)}`;
  return new DomainError(
    'CAP_EXCEEDED',
    `Cap ${JSON.stringify(entry.capId)}${who}: ${entry.amount} requested, ${Math.max(0, limit - used)} left of ${limit}`,
    { capId: entry.capId, subject: entry.subject, limit, used, requested: entry.amount },
  );
}

/**
 * `CAP_NOT_FOUND`.
 *
 * @example
 * throw capNotFoundError('flash#stock');
 */
export function capNotFoundError(capId: string): DomainError {
  return new DomainError('CAP_NOT_FOUND', `Cap ${JSON.stringify(capId)} was never saved`, { capId });
}

/**
 * `CLAIM_EXISTS`.
 *
 * @example
 * throw claimExistsError('order-1');
 */
export function claimExistsError(claimId: string): DomainError {
  return new DomainError('CLAIM_EXISTS', `Claim ${JSON.stringify(claimId)} already exists`, { claimId });
}

/**
 * `CLAIM_NOT_FOUND`.
 *
 * @example
 * throw claimNotFoundError('order-1');
 */
export function claimNotFoundError(claimId: string): DomainError {
  return new DomainError('CLAIM_NOT_FOUND', `Claim ${JSON.stringify(claimId)} was not found`, { claimId });
}

/**
 * `CLAIM_ENTRY_NOT_FOUND`.
 *
 * @example
 * throw claimEntryNotFoundError('order-1', { capId: 'x', subject: '', amount: 1 });
 */
export function claimEntryNotFoundError(claimId: string, entry: ClaimEntry): DomainError {
  return new DomainError(
    'CLAIM_ENTRY_NOT_FOUND',
    `Claim ${JSON.stringify(claimId)} holds nothing of cap ${JSON.stringify(entry.capId)}${entry.subject ? ` for ${JSON.stringify(entry.subject)}` : ''}`,
    { claimId, capId: entry.capId, subject: entry.subject },
  );
}

/**
 * `RELEASE_EXCEEDS_CLAIM`.
 *
 * @example
 * throw releaseExceedsError('order-1', claimed, 3);
 */
export function releaseExceedsError(claimId: string, claimed: ClaimedEntry, requested: number): DomainError {
  const details: Record<string, JsonValue> = {
    claimId,
    capId: claimed.capId,
    subject: claimed.subject,
    amount: claimed.amount,
    released: claimed.released,
    requested,
  };
  return new DomainError(
    'RELEASE_EXCEEDS_CLAIM',
    `Claim ${JSON.stringify(claimId)} holds ${claimed.amount - claimed.released} of cap ${JSON.stringify(claimed.capId)}; ${requested} cannot be released`,
    details,
  );
}

/** Caps `listCaps` returns when no limit is given. */
export const DEFAULT_CAP_PAGE = 1_000;
/** Most caps `listCaps` returns. */
export const MAX_CAP_PAGE = 10_000;

/**
 * A `listCaps` filter checked and with its limit filled in, as every adapter reads it.
 *
 * @throws ValidationError naming `filter.<field>`
 * @example
 * checkCapFilter({ promotionId: 'flash' }) // { promotionId: 'flash', limit: 1000 }
 */
export function checkCapFilter(filter: CapFilter = {}): CapFilter & { limit: number } {
  if (typeof filter !== 'object' || filter === null)
    throw ValidationError.field('filter', 'Expected an object', 'invalid_type');
  for (const field of ['promotionId', 'campaignId', 'after'] as const) {
    const value = filter[field];
    if (value !== undefined && (typeof value !== 'string' || value.length === 0 || value.length > 300)) {
      throw ValidationError.field(['filter', field], 'Expected a string of 1-300 characters', 'invalid_type');
    }
  }
  const limit = filter.limit ?? DEFAULT_CAP_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CAP_PAGE) {
    throw ValidationError.field(
      ['filter', 'limit'],
      `Expected an integer from 1 to ${MAX_CAP_PAGE}`,
      'too_big',
    );
  }
  return { ...filter, limit };
}
