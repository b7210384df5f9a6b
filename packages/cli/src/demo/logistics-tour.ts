import { type Clock, createIdGenerator, formatMoney, Money, type MoneyJson } from '@s2b2b/core';
import {
  type CarrierEventInput,
  chooseCarrier,
  consolidate,
  createTrackingService,
  deriveShipmentState,
  type IngestOutcome,
  type QuoteShipment,
  quote,
  type RateCard,
} from '@s2b2b/logistics';
import type { Printer } from '../output.js';
import type { StorageSession } from '../storage.js';

/**
 * What the logistics section found.
 *
 * @example
 * const { parcels, consolidation, tracking, ok }: LogisticsTourResult = await logisticsTour(options);
 */
export interface LogisticsTourResult {
  kind: string;
  /** Each parcel: its cheapest quote, the carrier chosen against the promise and why. */
  parcels: {
    parcel: string;
    cheapest: { carrierId: string; total: MoneyJson; onTime: boolean };
    chosen: { carrierId: string; total: MoneyJson; transitDays: number };
    reason: string;
    /** Whether every quote's lines sum to its total. */
    linesAddUp: boolean;
  }[];
  consolidation: {
    orders: number;
    vehicles: number;
    aloneCost: MoneyJson;
    cost: MoneyJson;
    saving: MoneyJson;
    merchants: { merchantId: string; aloneCost: MoneyJson; pays: MoneyJson; saving: MoneyJson }[];
    /** Σ merchants' savings = the total saving, and nobody pays more than alone. */
    fair: boolean;
  };
  tracking: {
    shipmentId: string;
    /** The outcome of each carrier event, in the order the pushes delivered them. */
    outcomes: { eventId: string; outcome: IngestOutcome; note: string | null }[];
    status: string;
    eventCount: number;
    /** Whether the stored state is what `deriveShipmentState` makes of the stored history. */
    stateMatchesHistory: boolean;
  };
  /** The `shipment.*` events the section committed (counted by `onEvent`). */
  events: { committed: number; byType: Record<string, number> };
  ok: boolean;
  ms: number;
}

/**
 * Options of `logisticsTour`.
 *
 * @example
 * const options: LogisticsTourOptions = { out, session: storageSession(plan), clock: systemClock };
 */
export interface LogisticsTourOptions {
  out: Printer;
  /** The demo's storage (already opened by an earlier section, or opened here). */
  session: StorageSession;
  clock: Clock;
}

const HOUR = 3_600_000;

/** Two parcel carriers and an LTL line, 上海 outbound. */
const CARDS: RateCard[] = [
  {
    carrierId: 'SWIFT',
    name: '迅达快递',
    volumetricDivisor: 6000,
    fuelRate: '8%',
    insurance: { rate: '0.5%', minimum: '1' },
    score: 92,
    zones: [
      {
        id: '华东',
        lanes: [
          { from: '上海', to: '浙江' },
          { from: '上海', to: '江苏' },
        ],
        transitDays: 1,
        pricing: {
          type: 'first-additional',
          firstWeightKg: 1,
          firstPrice: '12',
          stepKg: 0.5,
          stepPrice: '2',
        },
      },
      {
        id: '全国',
        lanes: [{ from: '上海', to: '*' }],
        transitDays: 2,
        pricing: {
          type: 'first-additional',
          firstWeightKg: 1,
          firstPrice: '18',
          stepKg: 0.5,
          stepPrice: '5',
        },
      },
    ],
  },
  {
    carrierId: 'THRIFT',
    name: '经济快运',
    volumetricDivisor: 8000,
    weightStepKg: 0.5,
    remoteAreas: [{ regions: ['新疆'], fixed: '20', perKg: '3' }],
    score: 78,
    zones: [
      {
        id: 'all',
        lanes: [{ from: '*', to: '*' }],
        transitDays: 3,
        pricing: {
          type: 'weight-table',
          rows: [
            { upToKg: 1, price: '7' },
            { upToKg: 3, price: '10' },
          ],
          beyond: { stepKg: 1, stepPrice: '3' },
        },
      },
    ],
  },
  {
    carrierId: 'FREIGHT',
    name: '华东零担',
    mode: 'ltl',
    weightStepKg: 1,
    minimumCharge: '60',
    score: 85,
    zones: [
      {
        id: '华东',
        lanes: [
          { from: '上海', to: '浙江' },
          { from: '上海', to: '江苏' },
        ],
        transitDays: 2,
        pricing: {
          type: 'weight-breaks',
          breaks: [
            { fromKg: 0, perKg: '1.60' },
            { fromKg: 100, perKg: '1.20' },
            { fromKg: 500, perKg: '0.95' },
          ],
        },
      },
    ],
  },
];

const PARCELS: { label: string; shipment: QuoteShipment }[] = [
  {
    label: '2.3 kg to 杭州, ¥800 declared',
    shipment: {
      origin: '上海',
      destination: '浙江/杭州',
      weightKg: 2.3,
      pieces: [{ lengthCm: 30, widthCm: 25, heightCm: 20 }],
      declaredValue: '800',
    },
  },
  {
    label: '0.8 kg to 乌鲁木齐',
    shipment: { origin: '上海', destination: '新疆/乌鲁木齐', weightKg: 0.8 },
  },
  {
    label: '160 kg of cartons to 苏州',
    shipment: { origin: '上海', destination: '江苏/苏州', weightKg: 160, volumeM3: 1.1 },
  },
];

/** [order, merchant, kg, m³]: one area, one ship date. */
const ORDERS = [
  ['SO-1', '华东食品', 420, 2.6],
  ['SO-2', '华东食品', 180, 1.1],
  ['SO-3', '小王便利店', 260, 1.8],
  ['SO-4', '鲜果仓', 610, 3.9],
  ['SO-5', '小王便利店', 330, 2.2],
] as const;

/**
 * Section 6 of the demo: `@s2b2b/logistics`. Quotes three parcels with three rate cards and
 * chooses a carrier for each against a promise two days out; consolidates five orders of three
 * merchants into one truck with each merchant's saving to the cent; then, on the demo's storage,
 * tracks one shipment whose carrier events arrive out of order and twice. Fresh shipment id and
 * tracking number every run, so it can be repeated on the same data dir.
 *
 * @example
 * const result = await logisticsTour({ out, session, clock: systemClock });
 * result.tracking.status // 'delivered'
 */
export async function logisticsTour(options: LogisticsTourOptions): Promise<LogisticsTourResult> {
  const { out, session, clock } = options;
  const started = performance.now();
  out.heading(`6. Logistics: carrier choice, consolidation, tracking (${session.plan.kind})`);
  const now = clock.now();
  const promisedBy = new Date(now.getTime() + 48 * HOUR);

  const parcels = PARCELS.map(({ label, shipment }) => {
    const { quotes } = quote(shipment, CARDS);
    const choice = chooseCarrier(shipment, CARDS, { shipAt: now, promisedBy });
    const cheapest = choice.ranking.reduce((a, b) => (b.quote.total.lessThan(a.quote.total) ? b : a));
    const chosen = choice.chosen!;
    return {
      parcel: label,
      cheapest: {
        carrierId: cheapest.carrierId,
        total: cheapest.quote.total.toJSON(),
        onTime: cheapest.onTime === true,
      },
      chosen: {
        carrierId: chosen.carrierId,
        total: chosen.quote.total.toJSON(),
        transitDays: chosen.quote.transitDays,
      },
      reason: chosen.reason,
      linesAddUp: quotes.every((q) =>
        q.lines.reduce((s, line) => s.add(line.amount), Money.zero()).equals(q.total),
      ),
    };
  });
  out.line(
    'Three parcels, each quoted by every carrier and given the cheapest one that arrives within two days:',
  );
  out.table(
    parcels.map((p) => ({
      parcel: p.parcel,
      cheapest: `${p.cheapest.carrierId} ${formatMoney(Money.fromJSON(p.cheapest.total))}${p.cheapest.onTime ? '' : ' (late)'}`,
      chosen: `${p.chosen.carrierId} ${formatMoney(Money.fromJSON(p.chosen.total))}, ${p.chosen.transitDays} d`,
    })),
  );

  const orders = ORDERS.map(([id, merchantId, weightKg, volumeM3]) => {
    const best = quote({ origin: '上海', destination: '浙江/杭州', weightKg, volumeM3 }, CARDS).quotes.reduce(
      (a, b) => (b.total.lessThan(a.total) ? b : a),
    );
    const aloneCost = best.total.toDecimalString();
    return { id, merchantId, area: '浙江/杭州', shipDate: '2026-03-02', weightKg, volumeM3, aloneCost };
  });
  const plan = consolidate({
    orders,
    vehicles: [{ id: '4.2m', capacityKg: 1800, capacityM3: 12, tripCost: '520' }],
  });
  const savings = plan.merchants.reduce((s, m) => s.add(m.saving), Money.zero());
  const fair =
    savings.equals(plan.totals.saving) &&
    plan.orders.every((order) => order.pays.lessThanOrEqual(order.aloneCost));
  out.line();
  out.line(
    `${orders.length} orders to 杭州 cost ${formatMoney(plan.totals.aloneCost)} shipped alone by LTL; consolidated: ${plan.totals.vehicles} truck, ${formatMoney(plan.totals.cost)}:`,
  );
  out.table(
    plan.merchants.map((m) => ({
      merchant: m.merchantId,
      alone: formatMoney(m.aloneCost),
      pays: formatMoney(m.pays),
      saves: formatMoney(m.saving),
    })),
  );
  out.line(
    `  ${mark(out, fair)} savings add up to ${formatMoney(plan.totals.saving)}; nobody pays more than alone`,
  );

  // Tracking on the demo's storage: events arrive out of order and one twice.
  const { storage, kind } = await session.open();
  const byType: Record<string, number> = {};
  const tracking = createTrackingService({
    storage,
    clock,
    onEvent: (event) => {
      byType[event.type] = (byType[event.type] ?? 0) + 1;
    },
  });
  const runId = createIdGenerator({ prefix: 'run' })();
  const tag = runId.slice(-6);
  const shipmentId = `SHP-${tag}`;
  const trackingNumber = `SW${tag.toUpperCase()}`;
  const chosen = parcels[0]!.chosen;
  await tracking.createShipment({
    idempotencyKey: `${runId}/ship`,
    shipmentId,
    carrierId: chosen.carrierId,
    trackingNumber,
    merchantId: '华东食品',
    orderIds: [`SO-${tag}`],
    transitDays: chosen.transitDays,
    promisedBy,
  });
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR).toISOString();
  const scan = (
    eventId: string,
    status: CarrierEventInput['status'],
    hoursAgo: number,
    location: string,
  ) => ({
    carrierId: chosen.carrierId,
    trackingNumber,
    eventId,
    status,
    occurredAt: at(hoursAgo),
    location,
  });
  const pushes = [
    [scan('s2', 'in-transit', 20, '上海转运中心')],
    [
      scan('s1', 'picked-up', 26, '上海浦东'),
      scan('s2', 'in-transit', 20, '上海转运中心'),
      scan('s4', 'delivered', 2, '杭州西湖 前台'),
    ],
    [scan('s3', 'out-for-delivery', 5, '杭州西湖站')],
  ];
  const outcomes: LogisticsTourResult['tracking']['outcomes'] = [];
  for (const [index, events] of pushes.entries()) {
    const { results } = await tracking.ingestEvents({ idempotencyKey: `${runId}/push-${index + 1}`, events });
    for (const r of results) outcomes.push({ eventId: r.eventId, outcome: r.outcome, note: r.note });
  }
  const final = (await tracking.getShipment(shipmentId))!;
  const timeline = await tracking.getTimeline(shipmentId);
  const derived = deriveShipmentState(final, timeline);
  const stored = final as unknown as Record<string, unknown>;
  const stateMatchesHistory =
    JSON.stringify(derived) ===
    JSON.stringify(Object.fromEntries(Object.keys(derived).map((k) => [k, stored[k]])));
  out.line();
  out.line(`${shipmentId} with ${chosen.carrierId}: three carrier pushes, late, repeated and out of order:`);
  out.table(
    outcomes.map((o, i) => ({
      '#': i + 1,
      event: o.eventId,
      outcome: o.note ? `${o.outcome} (${o.note})` : o.outcome,
    })),
  );
  const trackingOk =
    final.status === 'delivered' &&
    final.eventCount === 4 &&
    stateMatchesHistory &&
    outcomes.filter((o) => o.outcome === 'duplicate').length === 1;
  out.line(
    `  ${mark(out, trackingOk)} ${final.status} (${final.late ? 'late' : 'on time'}); timeline ${timeline.map((e) => e.status).join(' → ')}`,
  );

  const ok = parcels.every((p) => p.linesAddUp) && fair && trackingOk;
  return {
    kind,
    parcels,
    consolidation: {
      orders: orders.length,
      vehicles: plan.totals.vehicles,
      aloneCost: plan.totals.aloneCost.toJSON(),
      cost: plan.totals.cost.toJSON(),
      saving: plan.totals.saving.toJSON(),
      merchants: plan.merchants.map((m) => ({
        merchantId: m.merchantId,
        aloneCost: m.aloneCost.toJSON(),
        pays: m.pays.toJSON(),
        saving: m.saving.toJSON(),
      })),
      fair,
    },
    tracking: {
      shipmentId,
      outcomes,
      status: final.status,
      eventCount: final.eventCount,
      stateMatchesHistory,
    },
    events: { committed: Object.values(byType).reduce((sum, n) => sum + n, 0), byType },
    ok,
    ms: Math.round(performance.now() - started),
  };
}

function mark(out: Printer, ok: boolean): string {
  return ok ? out.good('✓') : out.bad('✗');
}
