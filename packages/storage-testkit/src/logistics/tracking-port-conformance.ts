import { isS2b2bError } from '@s2b2b/core';
import {
  deriveShipmentState,
  type Shipment,
  type TrackingEventDraft,
  type TrackingStorage,
} from '@s2b2b/logistics';
import { expect, it } from 'vitest';
import { uniqueName } from '../fixtures.js';
import { TRACKING_NOW } from './tracking-fixtures.js';

const at = (iso: string) => new Date(`2026-03-0${iso}Z`);

function newShipment(fields: Partial<Shipment> & Pick<Shipment, 'id' | 'trackingNumber'>): Shipment {
  const record = {
    carrierId: 'SF',
    merchantId: 'M',
    orderIds: ['SO-1'],
    origin: null,
    destination: null,
    transitDays: 2,
    promisedBy: null,
    plannedPickupAt: null,
    createdAt: TRACKING_NOW,
    ...fields,
  };
  return { ...deriveShipmentState(record, []), version: 0, updatedAt: TRACKING_NOW, ...record };
}

function draft(
  shipmentId: string,
  eventId: string,
  fields: Partial<TrackingEventDraft> = {},
): TrackingEventDraft {
  return {
    shipmentId,
    eventId,
    status: 'in-transit',
    occurredAt: at('2T09:00:00'),
    receivedAt: TRACKING_NOW,
    location: null,
    description: null,
    estimatedDelivery: null,
    correction: false,
    ...fields,
  };
}

/**
 * The port contract of `tx.tracking` / `storage.tracking`, called directly (no service):
 * registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: tracking', () => { trackingPortContract(() => storage); });
 */
export function trackingPortContract(storage: () => TrackingStorage): void {
  it('inserts, reads and finds shipments; ids and tracking numbers are unique', async () => {
    const id = uniqueName('shp');
    const tracking = uniqueName('SF');
    const shipment = newShipment({
      id,
      trackingNumber: tracking,
      orderIds: ['SO-b', 'SO-a', '订单-1'],
      origin: '上海',
      destination: '浙江/杭州',
      promisedBy: at('4T15:59:59.123'),
      plannedPickupAt: at('2T08:00:00'),
    });
    expect(await storage().tracking.getShipment(id)).toBeNull();
    await storage().transaction((tx) => tx.tracking.insertShipment(shipment));
    const stored = await storage().tracking.getShipment(id);
    expect(stored).toEqual({ ...shipment, orderIds: ['SO-a', 'SO-b', '订单-1'] });
    expect(await storage().tracking.findShipment('SF', tracking)).toEqual(stored);
    expect(await storage().tracking.findShipment('ZTO', tracking)).toBeNull();
    const again = await storage()
      .transaction((tx) => tx.tracking.insertShipment(newShipment({ id, trackingNumber: uniqueName('SF') })))
      .catch((error: unknown) => error);
    expect(isS2b2bError(again, 'SHIPMENT_EXISTS')).toBe(true);
    const taken = await storage()
      .transaction((tx) =>
        tx.tracking.insertShipment(newShipment({ id: uniqueName('shp'), trackingNumber: tracking })),
      )
      .catch((error: unknown) => error);
    expect(taken).toMatchObject({
      code: 'TRACKING_NUMBER_TAKEN',
      details: { carrierId: 'SF', trackingNumber: tracking },
    });
    // Another carrier may reuse the number.
    const other = newShipment({ id: uniqueName('shp'), trackingNumber: tracking, carrierId: 'ZTO' });
    await storage().transaction((tx) => tx.tracking.insertShipment(other));
    expect((await storage().tracking.findShipment('ZTO', tracking))?.id).toBe(other.id);
  });

  it('records an event id once per shipment, returns the first record, and pages the history by sequence', async () => {
    const a = newShipment({ id: uniqueName('shp'), trackingNumber: uniqueName('SF') });
    const b = newShipment({ id: uniqueName('shp'), trackingNumber: uniqueName('SF') });
    await storage().transaction(async (tx) => {
      await tx.tracking.insertShipment(a);
      await tx.tracking.insertShipment(b);
    });
    const first = await storage().transaction((tx) =>
      tx.tracking.insertEvents([
        draft(a.id, 'e1', { status: 'picked-up', location: '上海', estimatedDelivery: at('4T12:00:00') }),
        draft(a.id, 'e2', { description: '到达杭州' }),
        draft(b.id, 'e1'),
        draft(a.id, 'e1', { status: 'delivered' }),
      ]),
    );
    expect(first.map((entry) => entry.inserted)).toEqual([true, true, true, false]);
    expect(first[3]!.event).toEqual(first[0]!.event);
    expect(first[0]!.event).toMatchObject({
      status: 'picked-up',
      location: '上海',
      estimatedDelivery: at('4T12:00:00'),
    });
    expect(first[0]!.event.sequence).toBeLessThan(first[1]!.event.sequence);
    const repeat = await storage().transaction((tx) =>
      tx.tracking.insertEvents([draft(a.id, 'e2', { status: 'returned' }), draft(a.id, 'e3')]),
    );
    expect(repeat.map((entry) => [entry.event.eventId, entry.inserted, entry.event.status])).toEqual([
      ['e2', false, 'in-transit'],
      ['e3', true, 'in-transit'],
    ]);
    const history = await storage().tracking.listEvents(a.id);
    expect(history.map((event) => event.eventId)).toEqual(['e1', 'e2', 'e3']);
    expect(history[0]).toEqual(first[0]!.event);
    expect(
      await storage().tracking.listEvents(a.id, { afterSequence: history[0]!.sequence, limit: 1 }),
    ).toEqual([history[1]]);
    expect(await storage().tracking.listEvents(uniqueName('none'))).toEqual([]);
  });

  it('refuses events of an unknown shipment and writes none of the batch', async () => {
    const a = newShipment({ id: uniqueName('shp'), trackingNumber: uniqueName('SF') });
    await storage().transaction((tx) => tx.tracking.insertShipment(a));
    const missing = uniqueName('ghost');
    const error = await storage()
      .transaction((tx) => tx.tracking.insertEvents([draft(a.id, 'e1'), draft(missing, 'e1')]))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SHIPMENT_NOT_FOUND', details: { shipmentId: missing } });
    expect(await storage().tracking.listEvents(a.id)).toEqual([]);
  });

  it('locks the shipments that exist, in code-point order of their ids', async () => {
    const prefix = uniqueName('lock');
    const ids = [`${prefix}-😀`, `${prefix}-b`, `${prefix}-ｚ`, `${prefix}-a`];
    await storage().transaction(async (tx) => {
      for (const id of ids) await tx.tracking.insertShipment(newShipment({ id, trackingNumber: id }));
    });
    const locked = await storage().transaction((tx) =>
      tx.tracking.lockShipments([...ids, `${prefix}-missing`, ids[0]!]),
    );
    expect(locked.map((shipment) => shipment.id)).toEqual([
      `${prefix}-a`,
      `${prefix}-b`,
      `${prefix}-ｚ`,
      `${prefix}-😀`,
    ]);
  });

  it('saves a state only over the version it was derived from', async () => {
    const a = newShipment({ id: uniqueName('shp'), trackingNumber: uniqueName('SF') });
    await storage().transaction((tx) => tx.tracking.insertShipment(a));
    const events = [
      draft(a.id, 'e1', { status: 'picked-up', occurredAt: at('2T09:00:00') }),
      draft(a.id, 'e2', { status: 'exception', occurredAt: at('3T01:00:00'), description: '地址不详' }),
    ];
    const state = deriveShipmentState(a, events);
    const later = new Date(TRACKING_NOW.getTime() + 1000);
    const saved = await storage().transaction((tx) => tx.tracking.saveShipmentState(a.id, 0, state, later));
    expect(saved).toEqual({ ...a, ...state, version: 1, updatedAt: later });
    expect(saved.exception).toEqual({ at: at('3T01:00:00'), description: '地址不详' });
    expect(await storage().tracking.getShipment(a.id)).toEqual(saved);
    const stale = await storage()
      .transaction((tx) => tx.tracking.saveShipmentState(a.id, 0, state, later))
      .catch((e: unknown) => e);
    expect(stale).toMatchObject({
      code: 'SHIPMENT_VERSION_CONFLICT',
      details: { shipmentId: a.id, expectedVersion: 0, version: 1 },
    });
    const missing = await storage()
      .transaction((tx) => tx.tracking.saveShipmentState(uniqueName('ghost'), 0, state, later))
      .catch((e: unknown) => e);
    expect(isS2b2bError(missing, 'SHIPMENT_NOT_FOUND')).toBe(true);
  });

  it('lists shipments by merchant, order, carrier and status, sorted by id and paged', async () => {
    const merchant = uniqueName('merchant');
    const order = uniqueName('order');
    const prefix = uniqueName('list');
    const specs = [
      { id: `${prefix}-3`, orderIds: [order], carrierId: 'SF' },
      { id: `${prefix}-1`, orderIds: [order, uniqueName('o')], carrierId: 'ZTO' },
      { id: `${prefix}-2`, orderIds: [uniqueName('o')], carrierId: 'SF' },
    ];
    await storage().transaction(async (tx) => {
      for (const spec of specs) {
        await tx.tracking.insertShipment(
          newShipment({ ...spec, trackingNumber: spec.id, merchantId: merchant }),
        );
      }
    });
    const ids = (list: Shipment[]) => list.map((shipment) => shipment.id);
    expect(ids(await storage().tracking.listShipments({ merchantId: merchant }))).toEqual([
      `${prefix}-1`,
      `${prefix}-2`,
      `${prefix}-3`,
    ]);
    expect(ids(await storage().tracking.listShipments({ orderId: order }))).toEqual([
      `${prefix}-1`,
      `${prefix}-3`,
    ]);
    expect(
      ids(
        await storage().tracking.listShipments({ merchantId: merchant, carrierId: 'SF', status: 'created' }),
      ),
    ).toEqual([`${prefix}-2`, `${prefix}-3`]);
    expect(
      ids(await storage().tracking.listShipments({ merchantId: merchant, status: 'delivered' })),
    ).toEqual([]);
    expect(
      ids(await storage().tracking.listShipments({ merchantId: merchant, after: `${prefix}-1`, limit: 1 })),
    ).toEqual([`${prefix}-2`]);
    const bad = await storage()
      .tracking.listShipments({ limit: 100_000 })
      .catch((e: unknown) => e);
    expect(isS2b2bError(bad, 'VALIDATION')).toBe(true);
  });

  it('writes nothing when the transaction throws', async () => {
    const a = newShipment({ id: uniqueName('shp'), trackingNumber: uniqueName('SF') });
    await expect(
      storage().transaction(async (tx) => {
        await tx.tracking.insertShipment(a);
        await tx.tracking.insertEvents([draft(a.id, 'e1')]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await storage().tracking.getShipment(a.id)).toBeNull();
    expect(await storage().tracking.findShipment('SF', a.trackingNumber)).toBeNull();
    expect(
      await storage().tracking.listShipments({ orderId: 'SO-1', after: a.id, limit: 1 }),
    ).not.toContainEqual(expect.objectContaining({ id: a.id }));
    // The id and the tracking number are free again.
    await storage().transaction((tx) => tx.tracking.insertShipment(a));
    expect((await storage().tracking.getShipment(a.id))?.version).toBe(0);
  });
}
