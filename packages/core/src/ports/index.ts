export { canonicalJson, payloadHash } from './canonical-json.js';
export {
  checkEventPageLimit,
  checkEventsForAppend,
  DEFAULT_EVENT_PAGE,
  MAX_EVENT_PAGE,
} from './event-checks.js';
export type {
  DomainEvent,
  EventListener,
  EventOutboxPort,
  EventPage,
  EventReader,
  StoredEvent,
} from './events.js';
export type {
  IdempotencyClaim,
  IdempotencyPort,
  IdempotencyReader,
  IdempotencyRecord,
  StoredOutcome,
} from './idempotency.js';
export {
  type CommandResult,
  type IdempotentCommand,
  jsonCodec,
  type OutcomeCodec,
  runIdempotent,
} from './run-idempotent.js';
export type { CoreStorage, InfrastructureTx, TransactionRunner } from './unit-of-work.js';
