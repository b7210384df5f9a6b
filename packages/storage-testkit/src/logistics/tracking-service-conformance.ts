import { ValidationError } from '@s2b2b/core';
import type { TrackingStorage } from '@s2b2b/logistics';
import { expect, it } from 'vitest';
import { endCursor, readAll } from '../fixtures.js';
import { expectStateMatchesHistory, TRACKING_NOW, trackingScenario } from './tracking-fixtures.js';

/**
 * The tracking service on the storage under test: a lifecycle with late, duplicated and
 * out-of-order carrier events and hand-checked states, events in the outbox, the terminal and
 * correction rules, idempotent replays and documented errors. Registers its tests in the
 * caller's `describe`.
 *
 * @example
 * describe('my adapter: tracking', () => { trackingServiceContract(() => storage); });
 */
export function trackingServiceContract(storage: () => TrackingStorage): void {
  it('follows a parcel from creation to delivery through late, duplicate and out-of-order events', async () => {
    const before = await endCursor(storage());
    const { service, heard, ship, scan, key, id } = trackingScenario(storage());
    const created = await ship('p', { promisedBy: '2026-03-04T15:59:59Z' });
    expect(created).toMatchObject({
      status: 'created',
      eta: new Date(TRACKING_NOW.getTime() + 2 * 86_400_000),
      late: true, // nothing picked up yet: now + 2 days is after the promise
      version: 0,
    });
    const first = await service.ingestEvents({
      idempotencyKey: key(),
      events: [
        scan('p', 'e2', 'in-transit', '3T02:00:00', { location: '杭州转运中心' }),
        scan('p', 'e1', 'picked-up', '2T09:00:00', { location: '上海' }),
        scan('p', 'e2', 'in-transit', '3T02:00:00', { location: '杭州转运中心' }),
      ],
    });
    expect(first.results.map((r) => [r.eventId, r.outcome, r.note])).toEqual([
      ['e2', 'status-changed', null],
      ['e1', 'status-changed', null],
      ['e2', 'duplicate', null],
    ]);
    expect(first.shipments).toEqual([
      expect.objectContaining({
        id: id('p'),
        status: 'in-transit',
        pickedUpAt: new Date('2026-03-02T09:00:00Z'),
        eta: new Date('2026-03-04T09:00:00Z'),
        lastLocation: '杭州转运中心',
        late: false,
        eventCount: 2,
        version: 1,
      }),
    ]);
    const late = await service.ingestEvents({
      idempotencyKey: key(),
      events: [scan('p', 'e0', 'picked-up', '2T08:00:00', { location: '上海仓' })],
    });
    expect(late.results[0]).toMatchObject({
      outcome: 'recorded',
      note: 'out-of-order',
      status: 'in-transit',
    });
    expect(late.shipments[0]).toMatchObject({ pickedUpAt: new Date('2026-03-02T08:00:00Z'), eventCount: 3 });
    const done = await service.ingestEvents({
      idempotencyKey: key(),
      events: [
        scan('p', 'e4', 'delivered', '4T03:00:00', { location: '前台' }),
        scan('p', 'e3', 'out-for-delivery', '4T00:30:00'),
        scan('p', 'e5', 'in-transit', '4T06:00:00'),
      ],
    });
    expect(done.results.map((r) => [r.eventId, r.outcome, r.note])).toEqual([
      ['e4', 'status-changed', null],
      ['e3', 'status-changed', null],
      ['e5', 'recorded', 'after-terminal'],
    ]);
    expect(done.shipments[0]).toMatchObject({
      status: 'delivered',
      deliveredAt: new Date('2026-03-04T03:00:00Z'),
      eta: new Date('2026-03-04T03:00:00Z'),
      etaSource: 'delivered',
      late: false,
      lastLocation: '前台',
      eventCount: 6,
      version: 3,
    });
    // The events of one call join the history in timeline order: e1 (picked up) before e2.
    expect(heard.map((event) => event.type)).toEqual([
      'shipment.created',
      'shipment.picked_up',
      'shipment.in_transit',
      'shipment.out_for_delivery',
      'shipment.delivered',
    ]);
    const outbox = (await readAll(storage(), before)).filter((event) => heard.some((h) => h.id === event.id));
    expect(outbox.map((event) => event.type)).toEqual(heard.map((event) => event.type));
    expect(outbox.at(-1)?.payload).toEqual({
      shipmentId: id('p'),
      carrierId: 'SF',
      trackingNumber: id('p'),
      merchantId: id('merchant'),
      orderIds: [id('order-p')],
      from: 'out-for-delivery',
      to: 'delivered',
      at: '2026-03-04T03:00:00.000Z',
      location: '前台',
      eta: '2026-03-04T03:00:00.000Z',
      late: false,
    });
    const timeline = await service.getTimeline(id('p'));
    expect(timeline.map((event) => event.eventId)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5']);
    await expectStateMatchesHistory(storage(), id('p'));
  });

  it('leaves a terminal status only on a correction, and keeps the first version of a conflicting event', async () => {
    const { service, ship, scan, key, id } = trackingScenario(storage());
    await ship('c');
    await service.ingestEvents({
      idempotencyKey: key(),
      events: [scan('c', 'e1', 'picked-up', '2T09:00:00'), scan('c', 'e2', 'delivered', '3T03:00:00')],
    });
    const ignored = await service.ingestEvents({
      idempotencyKey: key(),
      events: [
        scan('c', 'e3', 'exception', '3T05:00:00', { description: '破损' }),
        scan('c', 'e2', 'returned', '3T03:00:00'),
      ],
    });
    expect(ignored.results.map((r) => [r.outcome, r.note, r.status])).toEqual([
      ['recorded', 'after-terminal', 'delivered'],
      ['conflict', null, 'delivered'],
    ]);
    const corrected = await service.ingestEvents({
      idempotencyKey: key(),
      events: [scan('c', 'e4', 'returned', '5T00:00:00', { correction: true })],
    });
    expect(corrected.shipments[0]).toMatchObject({
      status: 'returned',
      deliveredAt: null,
      eta: null,
      etaSource: null,
    });
    expect((await service.getTimeline(id('c'))).find((event) => event.eventId === 'e2')?.status).toBe(
      'delivered',
    );
    await expectStateMatchesHistory(storage(), id('c'));
  });

  it('replays a key, refuses the key with another payload, and writes nothing for bad input or unknown shipments', async () => {
    const before = await endCursor(storage());
    const { service, ship, scan, key, id } = trackingScenario(storage());
    await ship('r');
    const k = key();
    const input = { idempotencyKey: k, events: [scan('r', 'e1', 'picked-up', '2T09:00:00')] };
    const first = await service.ingestEvents(input);
    const replay = await service.ingestEvents(input);
    expect(replay.replayed).toBe(true);
    expect({ ...replay, replayed: false }).toEqual(first);
    await expect(
      service.ingestEvents({ ...input, events: [scan('r', 'e9', 'in-transit', '2T10:00:00')] }),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_CONFLICT',
    });
    const unknown = await service.ingestEvents({
      idempotencyKey: key(),
      events: [{ ...scan('r', 'e1', 'delivered', '3T00:00:00'), trackingNumber: id('nobody') }],
    });
    expect(unknown.results).toEqual([
      { index: 0, eventId: 'e1', shipmentId: null, outcome: 'unknown-shipment', note: null, status: null },
    ]);
    await expect(
      service.ingestEvents({ idempotencyKey: key(), events: [scan('r', '', 'delivered', '3T00:00:00')] }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      service.createShipment({
        idempotencyKey: key(),
        shipmentId: id('r'),
        carrierId: 'SF',
        trackingNumber: id('other'),
        merchantId: 'M',
        orderIds: ['SO'],
        transitDays: 1,
      }),
    ).rejects.toMatchObject({ code: 'SHIPMENT_EXISTS' });
    const mine = (await readAll(storage(), before)).filter((event) => event.aggregateId === id('r'));
    expect(mine.map((event) => event.type)).toEqual(['shipment.created', 'shipment.picked_up']);
    expect((await service.getShipment(id('r')))?.version).toBe(1);
  });
}
