/**
 * Speed of carrier quoting: `quote` and `chooseCarrier` for one shipment against 5, 20 and 50
 * rate cards of 31 zones each (a lane per province pair from one origin, one national
 * fallback), mixed tariffs (首重/续重, weight tables, LTL weight breaks, vehicles), surcharges on
 * every card. With raw cards every call validates the cards and the shipment; with
 * `parseRateCards` the cards are validated once and each call validates only the shipment.
 * Seeded shipments; median of 5 runs of 2,000 shipments. Run: `pnpm bench rates`.
 */
import { createRng } from '@s2b2b/core';
import { chooseCarrier, parseRateCards, type QuoteShipment, quote, type RateCard } from '../src/index.ts';

const PROVINCES = Array.from({ length: 30 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);

function card(index: number): RateCard {
  const rng = createRng(`rates/card/${index}`);
  const price = (lo: number, hi: number) => (rng.int(lo * 100, hi * 100) / 100).toFixed(2);
  const pricing = (): RateCard['zones'][number]['pricing'] => {
    switch (index % 4) {
      case 0:
        return {
          type: 'first-additional',
          firstWeightKg: 1,
          firstPrice: price(8, 20),
          stepKg: 0.5,
          stepPrice: price(1, 6),
        };
      case 1:
        return {
          type: 'weight-table',
          rows: [1, 3, 5, 10, 20].map((upToKg, k) => ({ upToKg, price: (8 + 4 * k).toFixed(2) })),
          beyond: { stepKg: 1, stepPrice: price(2, 4) },
        };
      case 2:
        return {
          type: 'weight-breaks',
          breaks: [
            { fromKg: 0, perKg: price(2, 3) },
            { fromKg: 100, perKg: price(1.4, 1.9) },
            { fromKg: 500, perKg: price(0.9, 1.3) },
          ],
        };
      default:
        return {
          type: 'vehicle',
          vehicles: [
            { id: '4.2m', capacityKg: 2000, capacityM3: 16, perTrip: price(200, 400), perKm: price(3, 5) },
            { id: '9.6m', capacityKg: 15000, capacityM3: 55, perTrip: price(700, 1000), perKm: price(7, 10) },
          ],
        };
    }
  };
  return {
    carrierId: `C${index}`,
    volumetricDivisor: [5000, 6000, 8000][index % 3]!,
    weightStepKg: 0.5,
    fuelRate: '9%',
    minimumCharge: '5',
    insurance: { rate: '0.3%', minimum: '1' },
    remoteAreas: [{ regions: ['P29', 'P30'], fixed: '12', perKg: '1.5' }],
    score: rng.int(60, 98),
    zones: [
      ...PROVINCES.map((province, k) => ({
        id: `Z${k}`,
        lanes: [{ from: 'P01', to: province }],
        transitDays: 1 + (k % 4),
        pricing: pricing(),
      })),
      { id: 'national', lanes: [{ from: '*', to: '*' }], transitDays: 5, pricing: pricing() },
    ],
  };
}

const rng = createRng('rates/shipments');
const shipments: QuoteShipment[] = Array.from({ length: 2000 }, () => ({
  origin: 'P01',
  destination: `${PROVINCES[rng.int(0, 29)]}/city-${rng.int(1, 20)}`,
  weightKg: rng.int(1, 3000) / 10,
  pieces: [{ lengthCm: rng.int(10, 120), widthCm: rng.int(10, 80), heightCm: rng.int(5, 80) }],
  declaredValue: String(rng.int(0, 5000)),
  distanceKm: rng.int(20, 1500),
}));
const shipAt = new Date('2026-03-02T10:00:00Z');
const promisedBy = new Date('2026-03-05T10:00:00Z');

console.log(
  '| rate cards | zones each | quote, raw cards (µs) | quote, parseRateCards (µs) | chooseCarrier, parseRateCards (µs) | parseRateCards once (ms) |',
);
console.log('|---:|---:|---:|---:|---:|---:|');
const median = (run: () => void, runs = 5) => {
  const times: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
};
for (const count of [5, 20, 50]) {
  const cards = Array.from({ length: count }, (_, i) => card(i));
  const set = parseRateCards(cards);
  const some = shipments.slice(0, 200);
  const rawMs = median(() => {
    for (const shipment of some) quote(shipment, cards);
  });
  const quoteMs = median(() => {
    for (const shipment of shipments) quote(shipment, set);
  });
  const chooseMs = median(() => {
    for (const shipment of shipments)
      chooseCarrier(shipment, set, { shipAt, promisedBy, costTolerance: '3%' });
  });
  const parseMs = median(() => parseRateCards(cards));
  const us = (ms: number, n: number) => ((1000 * ms) / n).toFixed(0);
  console.log(
    `| ${count} | 31 | ${us(rawMs, some.length)} | ${us(quoteMs, shipments.length)} | ${us(chooseMs, shipments.length)} | ${parseMs.toFixed(1)} |`,
  );
}
