import { manualClock, ValidationError } from '@s2b2b/core';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import { describe, expect, it } from 'vitest';
import { deriveShipmentState } from './derive-state.js';
import type { ShipmentEvent } from './events.js';
import { createTrackingService } from './service.js';

const NOW = '2026-03-02T01:00:00.000Z';

function setup() {
  const storage = createMemoryStorage();
  const clock = manualClock(NOW);
  const heard: ShipmentEvent[] = [];
  let n = 0;
  const tracking = createTrackingService({
    storage,
    clock,
    onEvent: (event) => {
      heard.push(event);
    },
    ids: () => {
      n += 1;
      return `id-${n}`;
    },
  });
  return { storage, clock, tracking, heard };
}

const scan = (eventId: string, status: string, occurredAt: string, extra: Record<string, unknown> = {}) => ({
  carrierId: 'SF',
  trackingNumber: 'SF1001',
  eventId,
  status: status as 'in-transit',
  occurredAt,
  ...extra,
});

async function shipped(tracking: ReturnType<typeof setup>['tracking']) {
  return tracking.createShipment({
    idempotencyKey: 'ship-SO-1',
    shipmentId: 'shp-1',
    carrierId: 'SF',
    trackingNumber: 'SF1001',
    merchantId: 'M-1',
    orderIds: ['SO-2', 'SO-1'],
    origin: '上海',
    destination: '浙江/杭州',
    transitDays: 2,
    promisedBy: '2026-03-04T15:59:59Z',
  });
}

describe('createTrackingService', () => {
  it('creates a shipment with its first ETA and reports shipment.created', async () => {
    const { tracking, heard } = setup();
    const { shipment, replayed } = await shipped(tracking);
    expect(replayed).toBe(false);
    expect(shipment).toMatchObject({
      id: 'shp-1',
      status: 'created',
      orderIds: ['SO-1', 'SO-2'],
      eta: new Date('2026-03-04T01:00:00.000Z'),
      etaSource: 'transit-days',
      late: false,
      version: 0,
      eventCount: 0,
    });
    expect(heard).toEqual([
      {
        id: 'id-1',
        type: 'shipment.created',
        occurredAt: new Date(NOW),
        aggregateId: 'shp-1',
        payload: {
          shipmentId: 'shp-1',
          carrierId: 'SF',
          trackingNumber: 'SF1001',
          merchantId: 'M-1',
          orderIds: ['SO-1', 'SO-2'],
          from: null,
          to: 'created',
          at: NOW,
          location: null,
          eta: '2026-03-04T01:00:00.000Z',
          late: false,
        },
      },
    ]);
    const again = await shipped(tracking);
    expect(again.replayed).toBe(true);
    expect(again.shipment).toEqual(shipment);
    await expect(
      tracking.createShipment({
        idempotencyKey: 'ship-SO-9',
        carrierId: 'SF',
        trackingNumber: 'SF1001',
        merchantId: 'M-2',
        orderIds: ['SO-9'],
        transitDays: 1,
      }),
    ).rejects.toMatchObject({ code: 'TRACKING_NUMBER_TAKEN' });
  });

  it('ingests late, duplicated and out-of-order events; the status follows event time', async () => {
    const { tracking, heard, clock } = setup();
    await shipped(tracking);
    heard.length = 0;
    clock.set('2026-03-03T06:00:00Z');
    // The in-transit scan arrives before the pickup scan that happened earlier.
    const first = await tracking.ingestEvents({
      idempotencyKey: 'push-1',
      events: [
        scan('e2', 'in-transit', '2026-03-03T02:00:00Z', { location: '杭州转运中心' }),
        scan('e2', 'in-transit', '2026-03-03T02:00:00Z', { location: '杭州转运中心' }),
        scan('e9', 'picked-up', '2026-03-02T09:00:00Z', { carrierId: 'YTO' }),
      ],
    });
    expect(first.results.map((r) => [r.eventId, r.outcome, r.note, r.status])).toEqual([
      ['e2', 'status-changed', null, 'in-transit'],
      ['e2', 'duplicate', null, 'in-transit'],
      ['e9', 'unknown-shipment', null, null],
    ]);
    const late = await tracking.ingestEvents({
      idempotencyKey: 'push-2',
      events: [scan('e1', 'picked-up', '2026-03-02T09:00:00Z', { location: '上海' })],
    });
    expect(late.results[0]).toMatchObject({
      outcome: 'recorded',
      note: 'out-of-order',
      status: 'in-transit',
    });
    // The late pickup moves the ETA base: 02T09:00 + 2 days.
    expect(late.shipments[0]).toMatchObject({
      status: 'in-transit',
      pickedUpAt: new Date('2026-03-02T09:00:00Z'),
      eta: new Date('2026-03-04T09:00:00Z'),
      lastLocation: '杭州转运中心',
      eventCount: 2,
      version: 2,
    });
    expect(heard.map((e) => [e.type, e.payload.from, e.payload.to])).toEqual([
      ['shipment.in_transit', 'created', 'in-transit'],
    ]);
    // Same event id again from another push: a duplicate; with other content: a conflict, the first kept.
    const repeat = await tracking.ingestEvents({
      idempotencyKey: 'push-3',
      events: [
        scan('e1', 'picked-up', '2026-03-02T09:00:00Z', { location: '上海' }),
        scan('e2', 'delivered', '2026-03-03T02:00:00Z'),
      ],
    });
    expect(repeat.results.map((r) => r.outcome)).toEqual(['duplicate', 'conflict']);
    expect(repeat.shipments).toEqual([]);
    expect((await tracking.getShipment('shp-1'))?.version).toBe(2);
  });

  it('a batch reports every status it passes through; delivered is terminal, a correction is the explicit way out', async () => {
    const { tracking, heard, clock } = setup();
    await shipped(tracking);
    heard.length = 0;
    clock.set('2026-03-04T12:00:00Z');
    const batch = await tracking.ingestEvents({
      idempotencyKey: 'poll-1',
      events: [
        scan('e3', 'delivered', '2026-03-04T03:00:00Z', { location: '前台签收' }),
        scan('e1', 'picked-up', '2026-03-02T09:00:00Z'),
        scan('e2', 'out-for-delivery', '2026-03-04T00:30:00Z'),
        scan('e4', 'in-transit', '2026-03-04T05:00:00Z'),
      ],
    });
    expect(heard.map((e) => e.type)).toEqual([
      'shipment.picked_up',
      'shipment.out_for_delivery',
      'shipment.delivered',
    ]);
    expect(batch.results.map((r) => [r.eventId, r.outcome, r.note])).toEqual([
      ['e3', 'status-changed', null],
      ['e1', 'status-changed', null],
      ['e2', 'status-changed', null],
      ['e4', 'recorded', 'after-terminal'],
    ]);
    expect(batch.shipments[0]).toMatchObject({
      status: 'delivered',
      deliveredAt: new Date('2026-03-04T03:00:00Z'),
      eta: new Date('2026-03-04T03:00:00Z'),
      etaSource: 'delivered',
      late: false,
    });
    expect(heard[2]!.payload).toMatchObject({
      from: 'out-for-delivery',
      to: 'delivered',
      location: '前台签收',
    });
    const corrected = await tracking.ingestEvents({
      idempotencyKey: 'poll-2',
      events: [scan('e5', 'in-transit', '2026-03-04T06:00:00Z', { correction: true, description: '误签收' })],
    });
    expect(corrected.results[0]).toMatchObject({ outcome: 'status-changed', status: 'in-transit' });
    expect(corrected.shipments[0]).toMatchObject({ deliveredAt: null, etaSource: 'transit-days' });
    const timeline = await tracking.getTimeline('shp-1');
    expect(timeline.map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(deriveShipmentState((await tracking.getShipment('shp-1'))!, timeline)).toMatchObject({
      status: 'in-transit',
      eventCount: 5,
    });
  });

  it('rejects events dated more than a day ahead of the clock; replays a key; refuses a key with another payload', async () => {
    const { tracking, clock } = setup();
    await shipped(tracking);
    clock.set('2026-03-02T10:00:00Z');
    const input = {
      idempotencyKey: 'push-x',
      events: [
        scan('e1', 'picked-up', '2026-03-02T09:00:00Z'),
        scan('e2', 'in-transit', '2026-03-03T10:00:01Z'),
      ],
    };
    const first = await tracking.ingestEvents(input);
    expect(first.results.map((r) => [r.outcome, r.note])).toEqual([
      ['status-changed', null],
      ['rejected', 'future'],
    ]);
    const replay = await tracking.ingestEvents(input);
    expect(replay.replayed).toBe(true);
    expect(replay.results).toEqual(first.results);
    expect(replay.shipments[0]!.statusAt).toEqual(new Date('2026-03-02T09:00:00Z'));
    await expect(
      tracking.ingestEvents({ ...input, events: [scan('e3', 'in-transit', '2026-03-02T09:30:00Z')] }),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' });
  });

  it('answers queries by merchant and by order, paged by id', async () => {
    const { tracking } = setup();
    for (const [index, merchantId, orders] of [
      [1, 'M-1', ['SO-1']],
      [2, 'M-1', ['SO-1', 'SO-2']],
      [3, 'M-2', ['SO-3']],
    ] as const) {
      await tracking.createShipment({
        idempotencyKey: `s-${index}`,
        shipmentId: `shp-${index}`,
        carrierId: 'ZTO',
        trackingNumber: `ZTO-${index}`,
        merchantId,
        orderIds: [...orders],
        transitDays: 3,
      });
    }
    expect((await tracking.listByMerchant('M-1')).map((s) => s.id)).toEqual(['shp-1', 'shp-2']);
    expect((await tracking.listByMerchant('M-1', { after: 'shp-1' })).map((s) => s.id)).toEqual(['shp-2']);
    expect((await tracking.listByOrder('SO-1')).map((s) => s.id)).toEqual(['shp-1', 'shp-2']);
    expect((await tracking.listByOrder('SO-3', { limit: 1 })).map((s) => s.id)).toEqual(['shp-3']);
    expect(await tracking.listByOrder('SO-404')).toEqual([]);
    expect((await tracking.findShipment('ZTO', 'ZTO-2'))?.id).toBe('shp-2');
    expect(await tracking.findShipment('ZTO', 'nope')).toBeNull();
    expect((await tracking.listShipments({ status: 'created', carrierId: 'ZTO' })).length).toBe(3);
  });

  it('validates every input before writing anything', async () => {
    const { tracking, storage } = setup();
    const paths = async (run: () => Promise<unknown>) => {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues.map((issue) => issue.path.join('.'));
    };
    expect(
      await paths(() =>
        tracking.createShipment({
          idempotencyKey: 'k',
          carrierId: 'SF',
          trackingNumber: 'T',
          merchantId: 'M',
          orderIds: ['A', 'A'],
          transitDays: 1.5,
        }),
      ),
    ).toEqual(['orderIds.1', 'transitDays']);
    expect(
      await paths(() =>
        tracking.ingestEvents({
          idempotencyKey: 'k',
          events: [
            { eventId: 'e', status: 'created' as 'in-transit', occurredAt: 'yesterday', carrierId: 'SF' },
          ],
        }),
      ),
    ).toEqual(['events.0.status', 'events.0.occurredAt']);
    expect(
      await paths(() =>
        tracking.ingestEvents({
          idempotencyKey: 'k',
          events: [{ eventId: 'e', status: 'in-transit', occurredAt: NOW, carrierId: 'SF' }],
        }),
      ),
    ).toEqual(['events.0.trackingNumber']);
    expect(await paths(() => tracking.listShipments({ limit: 0 }))).toEqual(['limit']);
    expect(await paths(() => tracking.getShipment(''))).toEqual(['shipmentId']);
    expect(() => createTrackingService({ storage: {} as never })).toThrow(/storage/);
    expect((await storage.events.since(null)).events).toEqual([]);
  });
});
