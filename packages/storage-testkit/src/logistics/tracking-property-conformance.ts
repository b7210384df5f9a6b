import { type CarrierEventStatus, deriveShipmentState, type TrackingStorage } from '@s2b2b/logistics';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { expectStateMatchesHistory, trackingScenario } from './tracking-fixtures.js';

/**
 * Options of the tracking property.
 *
 * @example
 * const options: TrackingPropertyOptions = { runs: 50 };
 */
export interface TrackingPropertyOptions {
  /** Random deliveries to run (default 20). */
  runs?: number;
}

const statuses: CarrierEventStatus[] = [
  'picked-up',
  'in-transit',
  'out-for-delivery',
  'delivered',
  'exception',
  'returned',
];

/**
 * fast-check over random carrier histories (statuses, times, corrections) delivered in random
 * batches, in random order, with repeats: the stored state always equals `deriveShipmentState` of
 * the set of distinct events, whatever the delivery, and each event is recorded once.
 * Registers its test in the caller's `describe`.
 *
 * @example
 * describe('my adapter: tracking', () => { trackingPropertyContract(() => storage, { runs: 50 }); });
 */
export function trackingPropertyContract(
  storage: () => TrackingStorage,
  options: TrackingPropertyOptions = {},
): void {
  const history = fc.uniqueArray(
    fc.record({
      eventId: fc.stringMatching(/^[a-e][0-9]$/),
      status: fc.constantFrom(...statuses),
      minute: fc.integer({ min: 0, max: 5 * 24 * 60 }),
      correction: fc.integer({ min: 0, max: 4 }).map((n) => n === 0), // one in five
      location: fc.option(fc.constantFrom('上海', '杭州', '宁波'), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 10, selector: (event) => event.eventId },
  );
  const delivery = history.chain((events) =>
    fc.tuple(
      fc.constant(events),
      // Each delivery is a batch of indices into the history; repeats allowed, every event at least once.
      fc
        .array(fc.array(fc.nat({ max: events.length - 1 }), { minLength: 1, maxLength: 4 }), { maxLength: 6 })
        .map((batches) => [...batches, events.map((_, index) => index)]),
      fc.boolean(),
    ),
  );

  it('stores the state of the set of distinct events, whatever batches, order and repeats deliver them', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(delivery, async ([events, batches, reverseLast]) => {
        run += 1;
        const { service, ship, key, id } = trackingScenario(storage());
        const name = `prop-${run}`;
        const shipment = await ship(name);
        const input = events.map((event) => ({
          carrierId: 'SF',
          trackingNumber: id(name),
          eventId: event.eventId,
          status: event.status,
          occurredAt: new Date(Date.UTC(2026, 2, 2, 0, event.minute)).toISOString(),
          correction: event.correction,
          ...(event.location ? { location: event.location } : {}),
        }));
        for (const [index, batch] of batches.entries()) {
          const order = index === batches.length - 1 && reverseLast ? [...batch].reverse() : batch;
          await service.ingestEvents({ idempotencyKey: key(), events: order.map((k) => input[k]!) });
        }
        const stored = await expectStateMatchesHistory(storage(), id(name));
        const expected = deriveShipmentState(
          shipment,
          input.map((event) => ({
            eventId: event.eventId,
            status: event.status,
            occurredAt: new Date(event.occurredAt),
            location: event.location ?? null,
            description: null,
            estimatedDelivery: null,
            correction: event.correction,
          })),
        );
        expect(stored).toMatchObject(expected);
        expect(stored.eventCount).toBe(events.length);
      }),
      { numRuns: options.runs ?? 20 },
    );
  });
}
