/**
 * Logistics with `@s2b2b/logistics`: quote every carrier for a parcel (首重/续重, volumetric
 * weight, fuel, remote-area and insurance surcharges), choose one against the promised delivery
 * date, consolidate many merchants' orders into shared trucks with each merchant's saving to the
 * cent, and track a shipment whose carrier events arrive late, twice and out of order.
 */
import { createIdGenerator, createRng, formatMoney, Money, manualClock } from '@s2b2b/core';
import {
  type ConsolidationOrder,
  chooseCarrier,
  consolidate,
  createTrackingService,
  type QuoteShipment,
  quote,
  type RateCard,
} from '@s2b2b/logistics';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import type { ExampleIo, ExampleMeta } from './example.js';

/**
 * @example
 * meta.name // 'logistics'
 */
export const meta: ExampleMeta = {
  name: 'logistics',
  title: 'Quote carriers, choose one by the promised date, consolidate orders, track a shipment',
  description:
    'Three rate cards price a 2.3 kg parcel with its breakdown; chooseCarrier picks the cheapest that arrives by the promise; eleven orders of four merchants are consolidated into shared trucks with every merchant’s saving to the cent; a shipment is tracked through late, repeated and out-of-order carrier events.',
};

/** 迅达: 首重 ¥12 for the first kg, ¥2 per further 0.5 kg; DIM 6000; fuel 8 %; insurance 0.5 %. */
const SWIFT: RateCard = {
  carrierId: 'SWIFT',
  name: '迅达快递',
  volumetricDivisor: 6000,
  weightStepKg: 0.1,
  fuelRate: '8%',
  insurance: { rate: '0.5%', minimum: '1' },
  remoteAreas: [{ regions: ['新疆', '西藏'], fixed: '15' }],
  score: 92,
  zones: [
    {
      id: '华东',
      lanes: [
        { from: '上海', to: '浙江' },
        { from: '上海', to: '江苏' },
        { from: '上海', to: '上海' },
      ],
      transitDays: 1,
      pricing: { type: 'first-additional', firstWeightKg: 1, firstPrice: '12', stepKg: 0.5, stepPrice: '2' },
    },
    {
      id: '全国',
      lanes: [{ from: '上海', to: '*' }],
      transitDays: 2,
      pricing: { type: 'first-additional', firstWeightKg: 1, firstPrice: '18', stepKg: 0.5, stepPrice: '5' },
    },
  ],
};

/** 经济: a weight table, DIM 8000, 3 days; no insurance. */
const THRIFT: RateCard = {
  carrierId: 'THRIFT',
  name: '经济快运',
  volumetricDivisor: 8000,
  weightStepKg: 0.5,
  fuelRate: '5%',
  remoteAreas: [{ regions: ['新疆', '西藏'], fixed: '20', perKg: '3' }],
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
          { upToKg: 5, price: '14' },
        ],
        beyond: { stepKg: 1, stepPrice: '3' },
      },
    },
  ],
};

/** 华东零担: LTL by weight break with a ¥60 minimum, actual weight only. */
const FREIGHT: RateCard = {
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
};

const CARDS = [SWIFT, THRIFT, FREIGHT];
const SHIP_AT = '2026-03-02T10:00:00Z';
const PROMISED_BY = '2026-03-04T15:59:59Z'; // end of 4 March in Shanghai

/**
 * Runs the example.
 *
 * @example
 * await run({ log: console.log, table: console.table })
 */
export async function run(io: ExampleIo): Promise<void> {
  // 1. Quote one parcel with every carrier.
  const parcel: QuoteShipment = {
    origin: '上海',
    destination: '浙江/杭州',
    weightKg: 2.3,
    pieces: [{ lengthCm: 30, widthCm: 25, heightCm: 20 }], // 15,000 cm³: 2.5 kg at 6000, 1.875 kg at 8000
    declaredValue: '800',
  };
  const { quotes, unavailable } = quote(parcel, CARDS);
  io.log('1. A 2.3 kg parcel, 30 × 25 × 20 cm, 上海 → 浙江/杭州, declared at ¥800:');
  io.table(
    quotes.map((q) => ({
      carrier: `${q.carrierId} ${q.carrierName ?? ''}`.trim(),
      billed: `${q.weight.chargeableKg} kg (${q.weight.billedBy})`,
      breakdown: q.lines.map((line) => `${line.code} ${line.amount.toDecimalString()}`).join(' + '),
      total: formatMoney(q.total),
      days: q.transitDays,
    })),
  );
  for (const entry of unavailable) io.log(`   ${entry.carrierId}: ${entry.reason} — ${entry.message}`);

  // 2. Choose: the cheapest carrier that arrives by the promise.
  const choice = chooseCarrier(parcel, CARDS, { shipAt: SHIP_AT, promisedBy: PROMISED_BY });
  io.log();
  io.log(`2. Promised by ${PROMISED_BY}: ${choice.reason}`);
  io.table(
    choice.ranking.map((ranked) => ({
      rank: ranked.rank,
      carrier: ranked.carrierId,
      eta: ranked.eta.toISOString(),
      'on time': ranked.onTime ? 'yes' : `no (${ranked.daysLate} d late)`,
      why: ranked.reason,
    })),
  );

  // 3. Consolidate: each order's stand-alone cost is its best quote; trucks are hired per trip.
  const rows = [
    ['SO-101', '华东食品', '浙江/杭州', 420, 2.6],
    ['SO-102', '华东食品', '浙江/杭州', 180, 1.1],
    ['SO-103', '小王便利店', '浙江/杭州', 260, 1.8],
    ['SO-104', '鲜果仓', '浙江/杭州', 610, 3.9],
    ['SO-105', 'Lotus Mart', '浙江/杭州', 95, 0.7],
    ['SO-106', '小王便利店', '浙江/杭州', 330, 2.2],
    ['SO-201', '华东食品', '江苏/苏州', 520, 3.1],
    ['SO-202', '鲜果仓', '江苏/苏州', 240, 1.6],
    ['SO-203', 'Lotus Mart', '江苏/苏州', 150, 0.9],
    ['SO-204', '小王便利店', '江苏/苏州', 85, 0.5],
    ['SO-205', '鲜果仓', '江苏/苏州', 400, 2.4],
  ] as const;
  const orders: ConsolidationOrder[] = rows.map(([id, merchantId, area, weightKg, volumeM3]) => {
    const best = quote({ origin: '上海', destination: area, weightKg, volumeM3 }, CARDS).quotes.reduce(
      (a, b) => (b.total.lessThan(a.total) ? b : a),
    );
    return {
      id,
      merchantId,
      area,
      shipDate: '2026-03-02',
      weightKg,
      volumeM3,
      aloneCost: best.total.toDecimalString(),
    };
  });
  const result = consolidate({
    orders,
    vehicles: [
      {
        id: '4.2m 厢货',
        capacityKg: 1800,
        capacityM3: 12,
        tripCost: '520',
        areaTripCosts: { '江苏/苏州': '560' },
      },
      { id: '依维柯', capacityKg: 900, capacityM3: 6, tripCost: '330' },
    ],
  });
  io.log();
  io.log(
    `3. ${orders.length} orders of four merchants, shipped alone for ${formatMoney(result.totals.aloneCost)}:`,
  );
  io.table(
    result.loads.map((load) => ({
      area: load.area,
      vehicle: load.vehicleId,
      orders: load.orders.join(' '),
      kg: load.weightKg,
      'm³': load.volumeM3,
      trip: formatMoney(load.cost),
      alone: formatMoney(load.aloneCost),
      saves: formatMoney(load.saving),
    })),
  );
  io.table(
    result.merchants.map((merchant) => ({
      merchant: merchant.merchantId,
      orders: merchant.orders,
      alone: formatMoney(merchant.aloneCost),
      pays: formatMoney(merchant.pays),
      saves: formatMoney(merchant.saving),
    })),
  );
  const savings = result.merchants.reduce((sum, m) => sum.add(m.saving), Money.zero());
  const fair = result.orders.every((order) => order.pays.lessThanOrEqual(order.aloneCost));
  io.log(
    `   ${savings.equals(result.totals.saving) ? '✓' : '✗'} savings ${result.merchants.map((m) => formatMoney(m.saving)).join(' + ')} = ${formatMoney(result.totals.saving)}; ${fair ? '✓' : '✗'} nobody pays more than alone`,
  );

  // 4. Track the parcel with the chosen carrier on in-memory storage.
  const clock = manualClock('2026-03-02T10:00:00Z');
  const tracking = createTrackingService({
    storage: createMemoryStorage(),
    clock,
    ids: createIdGenerator({ clock, rng: createRng('examples/logistics'), prefix: 'evt' }),
  });
  const carrier = choice.chosen!;
  const { shipment } = await tracking.createShipment({
    idempotencyKey: 'ship-SO-301',
    shipmentId: 'SHP-301',
    carrierId: carrier.carrierId,
    trackingNumber: 'SW7788001',
    merchantId: '华东食品',
    orderIds: ['SO-301'],
    origin: parcel.origin,
    destination: parcel.destination,
    transitDays: carrier.quote.transitDays,
    promisedBy: PROMISED_BY,
  });
  io.log();
  io.log(
    `4. ${shipment.id} with ${shipment.carrierId}, ETA ${shipment.eta?.toISOString()}; carrier pushes arrive:`,
  );
  const scan = (
    eventId: string,
    status: 'picked-up' | 'in-transit' | 'out-for-delivery' | 'delivered',
    at: string,
    location: string,
  ) => ({
    carrierId: carrier.carrierId,
    trackingNumber: 'SW7788001',
    eventId,
    status,
    occurredAt: at,
    location,
  });
  const pushes = [
    {
      at: '2026-03-02T20:00:00Z',
      events: [scan('s2', 'in-transit', '2026-03-02T18:40:00Z', '上海转运中心')],
    },
    {
      at: '2026-03-03T04:00:00Z',
      events: [
        scan('s1', 'picked-up', '2026-03-02T11:05:00Z', '上海浦东'), // late: happened before s2
        scan('s2', 'in-transit', '2026-03-02T18:40:00Z', '上海转运中心'), // sent twice
        scan('s4', 'delivered', '2026-03-03T03:12:00Z', '杭州西湖 前台'),
      ],
    },
    {
      at: '2026-03-03T05:00:00Z',
      events: [scan('s3', 'out-for-delivery', '2026-03-03T00:30:00Z', '杭州西湖站')],
    },
  ];
  const outcomes: Record<string, string | number>[] = [];
  for (const [index, push] of pushes.entries()) {
    clock.set(push.at);
    const { results } = await tracking.ingestEvents({
      idempotencyKey: `push-${index + 1}`,
      events: push.events,
    });
    for (const r of results) {
      outcomes.push({
        push: index + 1,
        event: r.eventId,
        outcome: r.outcome + (r.note ? ` (${r.note})` : ''),
        'status after': r.status ?? '',
      });
    }
  }
  io.table(outcomes);
  const final = (await tracking.getShipment('SHP-301'))!;
  const timeline = await tracking.getTimeline('SHP-301');
  io.log(
    `   timeline: ${timeline.map((event) => `${event.status} ${event.occurredAt.toISOString().slice(5, 16)}`).join(' → ')}`,
  );
  io.log(
    `   ${final.status} at ${final.deliveredAt?.toISOString()} (${final.late ? 'late' : 'on time'}), ${final.eventCount} events, ${(await tracking.listByMerchant('华东食品')).length} shipment of 华东食品`,
  );
}
