import type { z } from 'zod';
import { compareCodePoints } from '../../common/compare.js';
import type { Shipment, TrackingTx } from '../../store.js';
import { deriveShipmentState } from '../derive-state.js';
import type { ShipmentEvent } from '../events.js';
import type { createShipmentSchema } from '../schemas.js';
import { shipmentEvent, type TrackingCommandContext } from './context.js';

/**
 * What `createShipment` did.
 *
 * @example
 * const { shipment, events }: CreateShipmentOutcome = outcome;
 */
export interface CreateShipmentOutcome {
  shipment: Shipment;
  events: ShipmentEvent[];
}

/**
 * Stores a new shipment in status `created`, with its first ETA (`plannedPickupAt`, else now,
 * plus `transitDays`), and reports `shipment.created`.
 *
 * @throws DomainError `SHIPMENT_EXISTS`, `TRACKING_NUMBER_TAKEN`
 * @example
 * await storage.transaction((tx) => createShipment(tx, createShipmentSchema.parse(input), ctx));
 */
export async function createShipment(
  tx: TrackingTx,
  input: z.output<typeof createShipmentSchema>,
  ctx: TrackingCommandContext,
): Promise<CreateShipmentOutcome> {
  const record = {
    id: input.shipmentId ?? ctx.nextId(),
    carrierId: input.carrierId,
    trackingNumber: input.trackingNumber,
    merchantId: input.merchantId,
    orderIds: [...input.orderIds].sort(compareCodePoints),
    origin: input.origin ?? null,
    destination: input.destination ?? null,
    transitDays: input.transitDays,
    promisedBy: input.promisedBy ?? null,
    plannedPickupAt: input.plannedPickupAt ?? null,
    createdAt: ctx.now,
  };
  const shipment: Shipment = {
    ...record,
    ...deriveShipmentState(record, []),
    version: 0,
    updatedAt: ctx.now,
  };
  await tx.tracking.insertShipment(shipment);
  return { shipment, events: [shipmentEvent(ctx, shipment, null)] };
}
