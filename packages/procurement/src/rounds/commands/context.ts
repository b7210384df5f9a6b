import type { JsonValue } from '@s2b2b/core';
import type { ProcurementEvent, ProcurementEventPayloads, ProcurementEventType } from '../events.js';

/**
 * What a command handler knows besides its input: when it runs, which command it is, and
 * where new ids come from.
 *
 * @example
 * const ctx: ProcurementCommandContext = { now: new Date(), scope: 'procurement.open-round', key: 'k-1', nextId: () => crypto.randomUUID() };
 */
export interface ProcurementCommandContext {
  now: Date;
  scope: string;
  key: string;
  nextId(): string;
}

/**
 * A typed procurement event with a fresh id at the command's time.
 *
 * @example
 * procurementEvent(ctx, 'round.cancelled', 'R-1', { roundId: 'R-1', reason: 'duplicate' })
 */
export function procurementEvent<K extends ProcurementEventType>(
  ctx: ProcurementCommandContext,
  type: K,
  aggregateId: string,
  payload: ProcurementEventPayloads[K],
): ProcurementEvent {
  return {
    id: ctx.nextId(),
    type,
    occurredAt: ctx.now,
    aggregateId,
    payload: payload as JsonValue,
  } as ProcurementEvent;
}
