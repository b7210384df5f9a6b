/**
 * `@s2b2b/core` — money, quantities, time, seeded randomness, ids, errors, validation and the
 * storage-port helpers every `@s2b2b` package shares.
 *
 * @packageDocumentation
 */
export { type Clock, fixedClock, type ManualClock, manualClock, systemClock, toEpochMs } from './clock.js';
export {
  ConflictError,
  DomainError,
  isS2b2bError,
  type JsonValue,
  NotFoundError,
  S2b2bError,
  StorageError,
  ValidationError,
  type ValidationIssue,
} from './errors.js';
export * from './ports/index.js';
export { parseInput } from './validation.js';
