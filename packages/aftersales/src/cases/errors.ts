import { DomainError } from '@s2b2b/core';

/**
 * Every `DomainError` code the case service and the after-sales stores throw, with what it
 * means. Stable: hosts can switch on them. (`planCompensation` adds its own, see
 * `COMPENSATION_ERROR_CODES`; calendars throw `CALENDAR_OUT_OF_RANGE`.)
 *
 * @example
 * if (error.code === 'CASE_CLOSED') showReopenButton();
 */
export const CASE_ERROR_CODES = Object.freeze({
  CASE_EXISTS: 'The case id is taken.',
  CASE_NOT_FOUND: 'No case has that id.',
  CASE_VERSION_CONFLICT:
    'The case changed since it was read (a port caller saved without holding the lock; the service never does).',
  CASE_CLOSED:
    'The command needs a live case (open, in progress or awaiting the merchant); this one is resolved or closed.',
  CASE_NOT_RESOLVED: 'Only a resolved case can be closed without withdrawing it.',
  CASE_NOT_REOPENABLE: 'Only a resolved or closed (not withdrawn) case can be reopened.',
  ALREADY_INTERVENED: 'The platform already stepped in since the case was (re)opened.',
  NOT_ASSIGNED: 'The responding party is not the one the case is assigned to.',
  NOT_AWAITING_MERCHANT:
    "The platform did not ask the merchant for anything (the case is not awaiting the merchant's answer).",
  UNKNOWN_CALENDAR: 'A policy metric counts on a calendar the service was not given.',
} as const);

/**
 * One of {@link CASE_ERROR_CODES}.
 *
 * @example
 * const code: CaseErrorCode = 'CASE_NOT_FOUND';
 */
export type CaseErrorCode = keyof typeof CASE_ERROR_CODES;

/**
 * A `DomainError` with one of the case codes, its message and the case id in `details`.
 *
 * @example
 * throw caseError('CASE_NOT_FOUND', 'case-9');
 */
export function caseError(
  code: CaseErrorCode,
  caseId: string,
  detail?: string,
  details: Record<string, string | number | null> = {},
): DomainError {
  const what = CASE_ERROR_CODES[code];
  return new DomainError(code, `Case ${JSON.stringify(caseId)}: ${detail ?? what}`, { caseId, ...details });
}
