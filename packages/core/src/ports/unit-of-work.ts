import type { EventOutboxPort, EventReader } from './events.js';
import type { IdempotencyPort, IdempotencyReader } from './idempotency.js';

/**
 * What every transaction offers, whatever the domain: idempotency records and the event
 * outbox. A domain's transaction type extends it with the domain's own methods, so one
 * commit covers state, outcome and events.
 */
export interface InfrastructureTx {
  idempotency: IdempotencyPort;
  events: EventOutboxPort;
  /**
   * Runs `callback` once the outermost transaction has committed, after every earlier callback
   * and outside any transaction (so it may start new ones). A rollback of this transaction, of
   * an enclosing one, or of the attempt an adapter retries drops it. Services relay their
   * events to `onEvent` this way, so a host that wraps a command in its own transaction never
   * hears of events its rollback undid. A callback that throws rejects the outermost
   * `transaction` call — after the commit, which stands.
   */
  afterCommit(callback: () => void | Promise<void>): void;
}

/** Something that runs a function in one atomic transaction. */
export interface TransactionRunner<Tx> {
  /**
   * Runs `fn` in a transaction: everything it wrote commits together when it resolves, and
   * nothing is kept when it throws (the error is rethrown). Adapters retry transient
   * conflicts (serialization failure, deadlock) by calling `fn` again, so `fn` must not have
   * effects outside the transaction.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * The shared part of every storage object (`createMemoryStorage()`, `createPostgresStorage()`):
 * a transaction runner over the infrastructure ports plus their readers. Domain stores hang
 * off it as `storage.credit`, `storage.inventory`, ...
 */
export interface CoreStorage extends TransactionRunner<InfrastructureTx> {
  /** Which adapter this is: `memory`, `postgres` (pg.Pool) or `pglite`, or a host's own name. */
  readonly kind: string;
  /** Idempotency records, read side. */
  readonly idempotency: IdempotencyReader;
  /** The committed-event outbox, read side. */
  readonly events: EventReader;
  /** Releases what the adapter opened itself (never the host's client). */
  close(): Promise<void>;
}
