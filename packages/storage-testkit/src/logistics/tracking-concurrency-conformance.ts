import { deriveShipmentState, type TrackingStorage } from '@s2b2b/logistics';
import { expect, it } from 'vitest';
import { endCursor, inParallel, readAll } from '../fixtures.js';
import {
  allTrackingEvents,
  expectStateMatchesHistory,
  trackingOutcomeCode,
  trackingScenario,
} from './tracking-fixtures.js';

/**
 * Options of the tracking concurrency tests.
 *
 * @example
 * const options: TrackingConcurrencyOptions = { parallelism: 80 };
 */
export interface TrackingConcurrencyOptions {
  /** Commands fired at once (default 50). */
  parallelism?: number;
}

/**
 * Ingestion fired in parallel: one carrier event delivered by many webhooks at once is recorded
 * and acted on once; many different events of one shipment are all kept and the state is what
 * the whole history says; batches that cross shipments in opposite orders never deadlock; one
 * idempotency key executes once; one tracking number is given to one shipment. Registers its
 * tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: tracking', () => { trackingConcurrencyContract(() => storage, { parallelism: 80 }); });
 */
export function trackingConcurrencyContract(
  storage: () => TrackingStorage,
  options: TrackingConcurrencyOptions = {},
): void {
  const n = options.parallelism ?? 50;

  it(`records one carrier event once when ${n} webhooks deliver it at the same time`, async () => {
    const before = await endCursor(storage());
    const { service, ship, scan, key, id } = trackingScenario(storage());
    await ship('same');
    const settled = await inParallel(n, () =>
      service.ingestEvents({
        idempotencyKey: key(),
        events: [scan('same', 'e1', 'picked-up', '2T09:00:00')],
      }),
    );
    const outcomes = settled.map((result) => {
      expect(trackingOutcomeCode(result)).toBe('ok');
      return (result as PromiseFulfilledResult<Awaited<ReturnType<typeof service.ingestEvents>>>).value
        .results[0]!.outcome;
    });
    expect(outcomes.filter((outcome) => outcome === 'status-changed')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(n - 1);
    const shipment = await expectStateMatchesHistory(storage(), id('same'));
    expect(shipment).toMatchObject({ status: 'picked-up', eventCount: 1, version: 1 });
    const events = (await readAll(storage(), before)).filter((event) => event.aggregateId === id('same'));
    expect(events.map((event) => event.type)).toEqual(['shipment.created', 'shipment.picked_up']);
  });

  it(`keeps all of ${n} different events of one shipment ingested in parallel, and derives the state from all`, async () => {
    const before = await endCursor(storage());
    const { service, ship, scan, key, id } = trackingScenario(storage());
    await ship('many');
    const statuses = [
      'picked-up',
      'in-transit',
      'in-transit',
      'exception',
      'in-transit',
      'out-for-delivery',
    ] as const;
    const events = Array.from({ length: n }, (_, index) =>
      scan(
        'many',
        `e${String(index).padStart(3, '0')}`,
        index === n - 1 ? 'delivered' : statuses[index % statuses.length]!,
        '2T00:00:00',
        { location: `hub-${index}`, occurredAt: new Date(Date.UTC(2026, 2, 2, 0, index * 10)).toISOString() },
      ),
    );
    const settled = await inParallel(n, (index) =>
      service.ingestEvents({ idempotencyKey: key(), events: [events[index]!] }),
    );
    expect(settled.map(trackingOutcomeCode)).toEqual(Array(n).fill('ok'));
    const shipment = await expectStateMatchesHistory(storage(), id('many'));
    expect(shipment).toMatchObject({
      status: 'delivered',
      eventCount: n,
      version: n,
      lastLocation: `hub-${n - 1}`,
    });
    const history = await allTrackingEvents(storage(), id('many'));
    expect(history).toHaveLength(n);
    expect(deriveShipmentState(shipment, history).status).toBe('delivered');
    // The status events, in commit order, chain: each starts where the previous one ended.
    const changes = (await readAll(storage(), before)).filter((event) => event.aggregateId === id('many'));
    const payloads = changes.map((event) => event.payload as { from: string | null; to: string });
    payloads.forEach((payload, index) => {
      if (index > 0) expect(payload.from).toBe(payloads[index - 1]!.to);
    });
    expect(payloads.at(-1)?.to).toBe('delivered');
  });

  it('never deadlocks when batches cross the same shipments in opposite orders', async () => {
    const { service, ship, scan, key, id } = trackingScenario(storage());
    const names = ['x', 'y', 'z'];
    for (const name of names) await ship(name);
    const settled = await inParallel(n, (index) => {
      const order = index % 2 === 0 ? names : [...names].reverse();
      return service.ingestEvents({
        idempotencyKey: key(),
        events: order.map((name, k) =>
          scan(name, `e${index}-${k}`, 'in-transit', `3T${String(index % 24).padStart(2, '0')}:00:00`),
        ),
      });
    });
    expect(settled.map(trackingOutcomeCode)).toEqual(Array(n).fill('ok'));
    for (const name of names) {
      const shipment = await expectStateMatchesHistory(storage(), id(name));
      expect(shipment.eventCount).toBe(n);
    }
  });

  it(`executes one idempotency key once when ${n} calls carry it`, async () => {
    const before = await endCursor(storage());
    const { service, ship, scan, key, id } = trackingScenario(storage());
    await ship('key');
    const shared = key();
    const settled = await inParallel(n, () =>
      service.ingestEvents({
        idempotencyKey: shared,
        events: [scan('key', 'e1', 'in-transit', '2T10:00:00')],
      }),
    );
    const values = settled.map((result) => {
      expect(trackingOutcomeCode(result)).toBe('ok');
      return (result as PromiseFulfilledResult<Awaited<ReturnType<typeof service.ingestEvents>>>).value;
    });
    expect(values.filter((value) => !value.replayed)).toHaveLength(1);
    for (const value of values) expect(value.results[0]!.outcome).toBe('status-changed');
    const events = (await readAll(storage(), before)).filter((event) => event.aggregateId === id('key'));
    expect(events.map((event) => event.type)).toEqual(['shipment.created', 'shipment.in_transit']);
  });

  it(`gives one tracking number to one shipment when ${n} shipments claim it at once`, async () => {
    const { service, key, id } = trackingScenario(storage());
    const settled = await inParallel(n, (index) =>
      service.createShipment({
        idempotencyKey: key(),
        shipmentId: id(`claim-${index}`),
        carrierId: 'SF',
        trackingNumber: id('contested'),
        merchantId: 'M',
        orderIds: [`SO-${index}`],
        transitDays: 1,
      }),
    );
    const codes = settled.map(trackingOutcomeCode);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
    expect(new Set(codes.filter((code) => code !== 'ok'))).toEqual(new Set(['TRACKING_NUMBER_TAKEN']));
    const winner = await storage().tracking.findShipment('SF', id('contested'));
    expect(winner?.orderIds).toHaveLength(1);
  });
}
