import { toDecimal } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chargeableWeight } from './chargeable-weight.js';
import { quote } from './quote.js';
import type { RateCard } from './schemas.js';

const cents = fc.integer({ min: 0, max: 50_000 }).map((n) => (n / 100).toFixed(2));
const kg = fc.integer({ min: 1, max: 200_000 }).map((n) => (n / 1000).toString()); // 0.001 – 200 kg
const step = fc.constantFrom('0.01', '0.1', '0.5', '1');

/** Random tariffs of every type; tables are generated rising in weight and not falling in price. */
const pricing = fc.oneof(
  fc.record({
    type: fc.constant('first-additional' as const),
    firstWeightKg: fc.constantFrom(0.5, 1, 2, 3),
    firstPrice: cents,
    stepKg: fc.constantFrom(0.1, 0.5, 1),
    stepPrice: cents,
  }),
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 0, max: 5_000 })), {
      minLength: 1,
      maxLength: 8,
    })
    .chain((pairs) =>
      fc.record({
        type: fc.constant('weight-table' as const),
        rows: fc.constant(
          pairs.map((_, i) => ({
            upToKg: pairs.slice(0, i + 1).reduce((s, [w]) => s + w, 0) / 100,
            price: (pairs.slice(0, i + 1).reduce((s, [, p]) => s + p, 0) / 100).toFixed(2),
          })),
        ),
        beyond: fc.record({ stepKg: fc.constantFrom(0.5, 1, 5), stepPrice: cents }),
      }),
    ),
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 999 })), {
      minLength: 0,
      maxLength: 5,
    })
    .map((extra) => ({
      type: 'weight-breaks' as const,
      breaks: [
        { fromKg: 0, perKg: '4.50' },
        ...extra.map((_, i) => ({
          fromKg: extra.slice(0, i + 1).reduce((s, [w]) => s + w, 0) / 10,
          perKg: ((extra[i]![1] % 450) / 100 + 0.01).toFixed(2),
        })),
      ],
    })),
  fc.record({
    type: fc.constant('vehicle' as const),
    vehicles: fc.constant([
      { id: 'small', capacityKg: 1500, capacityM3: 10, perTrip: '200', perKm: '3.3' },
      { id: 'large', capacityKg: 8000, capacityM3: 40, perTrip: '700', perKm: '6.25' },
    ]),
  }),
);

const card = fc.record({
  carrierId: fc.constant('C'),
  volumetricDivisor: fc.constantFrom(null, 5000, 6000, 8000),
  weightStepKg: step,
  minimumCharge: fc.option(cents, { nil: undefined }),
  fuelRate: fc.option(fc.constantFrom('0', '8%', '12.5%', '0.3333'), { nil: undefined }),
  remoteAreas: fc.constant([{ regions: ['新疆'], fixed: '5', perKg: '1.37' }]),
  insurance: fc.option(fc.record({ rate: fc.constantFrom('0.5%', '0.3%'), minimum: cents }), {
    nil: undefined,
  }),
  rounding: fc.constantFrom('half-up' as const, 'half-even' as const, 'up' as const, 'down' as const),
  zones: pricing.map((p) => [{ id: 'z', lanes: [{ from: '*', to: '*' }], transitDays: 2, pricing: p }]),
}) as fc.Arbitrary<RateCard>;

const dims = fc.option(
  fc.record({
    lengthCm: fc.integer({ min: 1, max: 200 }),
    widthCm: fc.integer({ min: 1, max: 200 }),
    heightCm: fc.integer({ min: 1, max: 200 }),
    quantity: fc.integer({ min: 1, max: 4 }),
  }),
  { nil: undefined },
);

describe('quote properties', () => {
  it('the price never falls as the weight rises, and the lines always sum to the total', () => {
    fc.assert(
      fc.property(card, kg, kg, dims, fc.constantFrom('新疆/哈密', '北京'), (c, a, b, piece, destination) => {
        const [light, heavy] = toDecimal(a).lte(toDecimal(b)) ? [a, b] : [b, a];
        const shipment = (weightKg: string) => ({
          origin: '上海',
          destination,
          weightKg,
          distanceKm: 80,
          declaredValue: '300',
          ...(piece ? { pieces: [piece] } : {}),
        });
        const low = quote(shipment(light), [c]).quotes[0];
        const high = quote(shipment(heavy), [c]).quotes[0];
        // Only the heavier shipment may be refused (a table without beyond, maxWeight).
        if (!low) expect(high).toBeUndefined();
        if (low && high) expect(high.total.greaterThanOrEqual(low.total)).toBe(true);
        for (const q of [low, high]) {
          if (!q) continue;
          const total = q.lines.reduce((s, line) => s.add(line.amount), q.total.subtract(q.total));
          expect(total.equals(q.total)).toBe(true);
          expect(q.lines.every((line) => line.amount.isRoundedToMinor() && !line.amount.isNegative())).toBe(
            true,
          );
        }
      }),
    );
  });

  it('the chargeable weight is at least the actual and the volumetric weight, and within one step of the larger', () => {
    fc.assert(
      fc.property(
        kg,
        dims,
        fc.constantFrom(4000, 5000, 6000, 8000),
        step,
        (weightKg, piece, divisor, stepKg) => {
          const w = chargeableWeight({
            weightKg,
            ...(piece ? { pieces: [piece] } : {}),
            volumetricDivisor: divisor,
            weightStepKg: stepKg,
          });
          expect(w.chargeableKg.gte(weightKg)).toBe(true);
          const volumetric = piece
            ? toDecimal(piece.lengthCm * piece.widthCm * piece.heightCm * piece.quantity).div(divisor)
            : toDecimal(0);
          expect(w.chargeableKg.gte(volumetric)).toBe(true);
          const larger = volumetric.gt(weightKg) ? volumetric : toDecimal(weightKg);
          expect(w.chargeableKg.minus(larger).lt(stepKg)).toBe(true);
          expect(w.chargeableKg.div(stepKg).isInteger()).toBe(true);
          expect(w.billedBy).toBe(volumetric.gt(weightKg) ? 'volumetric' : 'actual');
        },
      ),
    );
  });
});
