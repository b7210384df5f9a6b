import type { JsonValue, OutcomeCodec } from '@s2b2b/core';

const SHIPMENT_DATES = [
  'promisedBy',
  'plannedPickupAt',
  'createdAt',
  'statusAt',
  'pickedUpAt',
  'deliveredAt',
  'returnedAt',
  'lastEventAt',
  'eta',
  'updatedAt',
] as const;

/**
 * The idempotency codec of tracking commands: JSON out, and back with the Dates revived (every
 * date of `shipment` / `shipments`, `occurredAt` of events), so a replay returns the same shape
 * as the first run.
 *
 * @example
 * await runIdempotent(storage, command, execute, trackingOutcomeCodec<CreateShipmentOutcome>());
 */
export function trackingOutcomeCodec<T>(): OutcomeCodec<T> {
  return {
    encode: (value) => JSON.parse(JSON.stringify(value)) as JsonValue,
    decode: (json) => revive(structuredClone(json)) as T,
  };
}

function revive(json: JsonValue): JsonValue {
  const record = json as Record<string, unknown>;
  const shipments = [
    ...(record.shipment ? [record.shipment] : []),
    ...(Array.isArray(record.shipments) ? record.shipments : []),
  ] as Record<string, unknown>[];
  for (const shipment of shipments) {
    for (const field of SHIPMENT_DATES) {
      if (typeof shipment[field] === 'string') shipment[field] = new Date(shipment[field] as string);
    }
    const exception = shipment.exception as Record<string, unknown> | null;
    if (exception) exception.at = new Date(exception.at as string);
  }
  if (Array.isArray(record.events)) {
    for (const event of record.events as Record<string, unknown>[])
      event.occurredAt = new Date(event.occurredAt as string);
  }
  return json;
}
