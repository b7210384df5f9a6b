import { type InfrastructureTx, type JsonValue, runIdempotent, type TransactionRunner } from '@s2b2b/core';
import type { PostgresStorage } from '@s2b2b/storage-postgres';

/**
 * An HTTP answer as the shop stores it under a request's idempotency key.
 *
 * @example
 * const answer: StoredResponse = { status: 201, body: { order } };
 */
export interface StoredResponse {
  status: number;
  body: JsonValue;
}

/**
 * A stored answer, and whether it was the first call's (`replayed`).
 *
 * @example
 * const { status, body, replayed }: ResponseResult = await recordResponse(storage, command, answer);
 */
export interface ResponseResult extends StoredResponse {
  replayed: boolean;
}

/**
 * A multi-step command as its answer is recorded: the scope, the request's key, its validated
 * body (the same key with another body is `IDEMPOTENCY_CONFLICT`) and the clock's now.
 *
 * @example
 * const command: RecordedCommand = { scope: 'shop.checkout', key, payload: body, now: clock.now() };
 */
export interface RecordedCommand {
  scope: string;
  key: string;
  payload: unknown;
  now: Date;
}

/**
 * The answer already recorded for a command's key, or `null` when it has none yet.
 *
 * @throws ConflictError `IDEMPOTENCY_CONFLICT` when the key was used with another body
 * @example
 * const earlier = await findResponse(storage, { scope: 'shop.checkout', key, payload: body, now });
 * if (earlier) return earlier;
 */
export async function findResponse(
  storage: PostgresStorage,
  command: RecordedCommand,
): Promise<ResponseResult | null> {
  const record = await storage.idempotency.get(command.scope, command.key);
  if (record?.outcome == null) return null;
  // runIdempotent replays the record (and checks the body's hash); it never runs this handler.
  const { value } = await runIdempotent(storage as TransactionRunner<InfrastructureTx>, command, async () => {
    throw new Error(`The record of ${command.scope} ${command.key} vanished`);
  });
  return { ...(value as unknown as StoredResponse), replayed: true };
}

/**
 * Records a command's answer under its key, with `write` (the command's own rows and events)
 * in the same transaction. When another call with the same key recorded first, that call's
 * answer is returned and `write` does not run.
 *
 * @example
 * return recordResponse(storage, command, { status: 201, body: { order } }, (tx) => orders.insert(order));
 */
export async function recordResponse<Tx extends InfrastructureTx>(
  storage: TransactionRunner<Tx>,
  command: RecordedCommand,
  answer: StoredResponse,
  write: (tx: Tx) => Promise<void> = async () => undefined,
): Promise<ResponseResult> {
  const { value, replayed } = await runIdempotent(storage, command, async (tx) => {
    await write(tx);
    return answer as unknown as JsonValue;
  });
  return { ...(value as unknown as StoredResponse), replayed };
}
