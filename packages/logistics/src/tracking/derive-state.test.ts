import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CarrierEventStatus } from '../store.js';
import { deriveShipmentState } from './derive-state.js';

const record = {
  createdAt: new Date('2026-03-02T01:00:00Z'),
  transitDays: 2,
  promisedBy: new Date('2026-03-04T15:59:59Z'),
  plannedPickupAt: null,
};
const at = (iso: string) => new Date(`2026-03-${iso}Z`);
const event = (
  eventId: string,
  status: CarrierEventStatus,
  time: string,
  extra: { location?: string; estimatedDelivery?: Date; correction?: boolean; description?: string } = {},
) => ({
  eventId,
  status,
  occurredAt: at(time),
  location: extra.location ?? null,
  description: extra.description ?? null,
  estimatedDelivery: extra.estimatedDelivery ?? null,
  correction: extra.correction ?? false,
});

describe('deriveShipmentState', () => {
  it('starts created with an ETA of creation + transit days', () => {
    const state = deriveShipmentState(record, []);
    expect(state).toMatchObject({
      status: 'created',
      statusAt: record.createdAt,
      eventCount: 0,
      late: false,
    });
    expect(state.eta?.toISOString()).toBe('2026-03-04T01:00:00.000Z');
    expect(state.etaSource).toBe('transit-days');
    const planned = deriveShipmentState({ ...record, plannedPickupAt: at('03T08:00:00') }, []);
    expect(planned.eta?.toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(planned.late).toBe(true); // after the promise of 03-04 15:59:59Z
  });

  it('follows the scans in event time, whatever order they arrived in', () => {
    const scans = [
      event('e3', 'out-for-delivery', '04T01:00:00', { location: '杭州西湖站' }),
      event('e1', 'picked-up', '02T09:00:00', { location: '上海' }),
      event('e2', 'in-transit', '03T02:00:00', { location: '杭州转运中心' }),
    ];
    const state = deriveShipmentState(record, scans);
    expect(state).toMatchObject({
      status: 'out-for-delivery',
      statusAt: at('04T01:00:00'),
      pickedUpAt: at('02T09:00:00'),
      lastEventAt: at('04T01:00:00'),
      lastLocation: '杭州西湖站',
      eventCount: 3,
    });
    // ETA from the pickup: 02T09:00 + 2 days.
    expect(state.eta?.toISOString()).toBe('2026-03-04T09:00:00.000Z');
    expect(deriveShipmentState(record, [...scans].reverse())).toEqual(state);
  });

  it('delivered is terminal: later scans change nothing; a late delivered scan still counts', () => {
    const delivered = deriveShipmentState(record, [
      event('e1', 'picked-up', '02T09:00:00'),
      event('e2', 'delivered', '04T03:30:00', { location: '收件人' }),
      event('e3', 'in-transit', '04T05:00:00', { location: '杭州转运中心' }),
      event('e4', 'exception', '05T00:00:00', { description: '包装破损' }),
    ]);
    expect(delivered).toMatchObject({
      status: 'delivered',
      deliveredAt: at('04T03:30:00'),
      eta: at('04T03:30:00'),
      etaSource: 'delivered',
      late: false,
      exception: null,
      lastEventAt: at('05T00:00:00'),
      lastLocation: '杭州转运中心',
    });
  });

  it('only a correction leaves a terminal status', () => {
    const history = [
      event('e1', 'picked-up', '02T09:00:00'),
      event('e2', 'delivered', '03T03:00:00'),
      event('e3', 'in-transit', '03T06:00:00', { correction: true, location: '杭州转运中心' }),
    ];
    expect(deriveShipmentState(record, history)).toMatchObject({ status: 'in-transit', deliveredAt: null });
    const again = deriveShipmentState(record, [...history, event('e4', 'delivered', '05T10:00:00')]);
    expect(again).toMatchObject({ status: 'delivered', deliveredAt: at('05T10:00:00'), late: true });
  });

  it('an exception stays open until the next scan; returned ends without an ETA', () => {
    const open = deriveShipmentState(record, [
      event('e1', 'picked-up', '02T09:00:00'),
      event('e2', 'exception', '03T01:00:00', { description: '地址不详' }),
    ]);
    expect(open).toMatchObject({
      status: 'exception',
      exception: { at: at('03T01:00:00'), description: '地址不详' },
    });
    const resumed = deriveShipmentState(record, [
      event('e1', 'picked-up', '02T09:00:00'),
      event('e2', 'exception', '03T01:00:00', { description: '地址不详' }),
      event('e3', 'in-transit', '03T04:00:00'),
      event('e4', 'returned', '06T04:00:00'),
    ]);
    expect(resumed).toMatchObject({
      status: 'returned',
      exception: null,
      returnedAt: at('06T04:00:00'),
      eta: null,
      late: false,
    });
  });

  it("uses the carrier's latest estimate, and orders events at the same instant by how far along they are", () => {
    const estimated = deriveShipmentState(record, [
      event('e1', 'picked-up', '02T09:00:00', { estimatedDelivery: at('05T00:00:00') }),
      event('e2', 'in-transit', '03T09:00:00', { estimatedDelivery: at('04T12:00:00') }),
    ]);
    expect(estimated).toMatchObject({ eta: at('04T12:00:00'), etaSource: 'carrier', late: false });
    const sameInstant = deriveShipmentState(record, [
      event('z', 'delivered', '04T03:00:00'),
      event('a', 'out-for-delivery', '04T03:00:00'),
    ]);
    expect(sameInstant.status).toBe('delivered');
  });

  it('is a function of the set of events: any arrival order gives the same state', () => {
    const statuses: CarrierEventStatus[] = [
      'picked-up',
      'in-transit',
      'out-for-delivery',
      'delivered',
      'exception',
      'returned',
    ];
    const anEvent = fc.record({
      status: fc.constantFrom(...statuses),
      hour: fc.integer({ min: 0, max: 96 }),
      correction: fc.boolean(),
      location: fc.option(fc.constantFrom('A', 'B'), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(anEvent, { maxLength: 12 }).chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(
              list.map((_, i) => i),
              { minLength: list.length, maxLength: list.length },
            ),
          ),
        ),
        ([list, order]) => {
          const events = list.map((e, i) => ({
            eventId: `e${i}`,
            status: e.status,
            occurredAt: new Date(Date.UTC(2026, 2, 2, e.hour)),
            location: e.location ?? null,
            description: null,
            estimatedDelivery: null,
            correction: e.correction,
          }));
          const shuffled = order.map((i) => events[i]!);
          expect(deriveShipmentState(record, shuffled)).toEqual(deriveShipmentState(record, events));
        },
      ),
    );
  });
});
