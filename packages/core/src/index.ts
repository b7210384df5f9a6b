/**
 * `@s2b2b/core` — money, quantities, time, seeded randomness, ids, errors, validation and the
 * storage-port helpers every `@s2b2b` package shares.
 *
 * @packageDocumentation
 */
export * from './calendar/index.js';
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
export { createIdGenerator, type IdGeneratorOptions, isUuid, uuidv7, uuidv7Timestamp } from './ids.js';
export * from './money/index.js';
export {
  basisPointsToFraction,
  formatPercent,
  fractionToBasisPoints,
  parsePercent,
  percentChange,
} from './percent.js';
export * from './ports/index.js';
export {
  applyMoqAndPack,
  assertQuantity,
  type MoqAndPackRules,
  type PackRounding,
  QUANTITY_DECIMALS,
  type QuantityRules,
  roundToPack,
  sumQuantities,
} from './quantity.js';
export { createRng, type Rng, restoreRng } from './rng.js';
export * from './time/index.js';
export { parseInput } from './validation.js';
