import { isS2b2bError, ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { quote } from './quote.js';
import { isRateCardSet, parseRateCards } from './rate-card-set.js';
import type { QuoteShipment, RateCard } from './schemas.js';

/** 首重 ¥12 for the first kg, ¥2 per further 0.5 kg; fuel 10 %; insurance 0.5 % (at least ¥1). */
const express: RateCard = {
  carrierId: 'EXP',
  name: 'Express',
  volumetricDivisor: 6000,
  weightStepKg: 0.1,
  fuelRate: '10%',
  insurance: { rate: '0.5%', minimum: '1' },
  remoteAreas: [
    { regions: ['新疆', '西藏'], fixed: '10', perKg: '2' },
    { regions: ['新疆/阿勒泰'], fixed: '20' },
  ],
  zones: [
    {
      id: 'A',
      lanes: [{ from: '上海', to: '*' }],
      transitDays: 2,
      pricing: { type: 'first-additional', firstWeightKg: 1, firstPrice: '12', stepKg: 0.5, stepPrice: '2' },
    },
  ],
};

const lines = (q: { lines: { code: string; amount: { toDecimalString(): string } }[] }) =>
  q.lines.map((line) => [line.code, line.amount.toDecimalString()]);

function single(shipment: QuoteShipment, card: RateCard) {
  const result = quote(shipment, [card]);
  expect(result.unavailable).toEqual([]);
  return result.quotes[0]!;
}

describe('quote: 首重/续重 with surcharges (hand-computed)', () => {
  it('2.3 kg: ¥12 + ⌈1.3 / 0.5⌉ = 3 steps × ¥2 = ¥18.00, fuel 10 % ¥1.80, insurance 0.5 % of ¥1,000 ¥5.00 → ¥24.80', () => {
    const q = single(
      {
        origin: '上海',
        destination: '浙江/杭州',
        weightKg: 2.3,
        pieces: [{ lengthCm: 30, widthCm: 20, heightCm: 10 }], // 6000 cm³ / 6000 = 1 kg < 2.3 kg
        declaredValue: '1000',
      },
      express,
    );
    expect(lines(q)).toEqual([
      ['freight', '18.00'],
      ['fuel', '1.80'],
      ['insurance', '5.00'],
    ]);
    expect(q.total.toString()).toBe('24.80 CNY');
    expect(q.transportCharge.toString()).toBe('18.00 CNY');
    expect(q.surcharges.toString()).toBe('6.80 CNY');
    expect(q.weight).toEqual({
      actualKg: '2.3',
      volumetricKg: '1',
      chargeableKg: '2.3',
      ratedKg: '2.3',
      billedBy: 'actual',
    });
    expect(q).toMatchObject({
      carrierId: 'EXP',
      carrierName: 'Express',
      zone: 'A',
      transitDays: 2,
      insured: true,
    });
    expect(q.lines[0]!.basis).toBe('A: first 1 kg 12 + 3 × 0.5 kg at 2');
    expect(q.lines[1]!.basis).toBe('10% of 18.00');
  });

  it('bills volumetric weight when larger: 40 × 30 × 20 cm / 6000 = 4 kg → ¥12 + 6 × ¥2 = ¥24; / 8000 = 3 kg → ¥20', () => {
    const shipment: QuoteShipment = {
      origin: '上海',
      destination: '江苏',
      weightKg: 2.3,
      pieces: [{ lengthCm: 40, widthCm: 30, heightCm: 20 }],
    };
    const q6000 = single(shipment, express);
    expect(q6000.weight).toMatchObject({ volumetricKg: '4', chargeableKg: '4', billedBy: 'volumetric' });
    expect(lines(q6000)).toEqual([
      ['freight', '24.00'],
      ['fuel', '2.40'],
    ]);
    const q8000 = single(shipment, { ...express, volumetricDivisor: 8000 });
    expect(q8000.weight).toMatchObject({ volumetricKg: '3', chargeableKg: '3' });
    expect(q8000.lines[0]!.amount.toDecimalString()).toBe('20.00');
    // Two such boxes: 2 × 24000 cm³ / 6000 = 8 kg → ¥12 + 14 × ¥2 = ¥40.
    const two = single(
      { ...shipment, pieces: [{ lengthCm: 40, widthCm: 30, heightCm: 20, quantity: 2 }] },
      express,
    );
    expect(two.lines[0]!.amount.toDecimalString()).toBe('40.00');
    // Without a divisor the carrier bills actual weight only.
    const actual = single(shipment, { ...express, volumetricDivisor: null });
    expect(actual.weight).toMatchObject({ volumetricKg: null, chargeableKg: '2.3', billedBy: 'actual' });
  });

  it('rounds the chargeable weight up to the step: 2.3 kg at 0.5 kg steps bills 2.5 kg; 1.000001 kg at 1 kg bills 2 kg', () => {
    const half = single(
      { origin: '上海', destination: '北京', weightKg: 2.3 },
      { ...express, weightStepKg: 0.5 },
    );
    expect(half.weight.chargeableKg).toBe('2.5');
    expect(half.lines[0]!.amount.toDecimalString()).toBe('18.00'); // 12 + 3 × 2
    const whole = single(
      { origin: '上海', destination: '北京', weightKg: '1.000001' },
      { ...express, weightStepKg: 1 },
    );
    expect(whole.weight.chargeableKg).toBe('2');
    expect(whole.lines[0]!.amount.toDecimalString()).toBe('16.00'); // 12 + 2 × 2
  });

  it("rounds each line with the card's mode: 12.5 % fuel on ¥17.00 is ¥2.125 → ¥2.13 half-up, ¥2.12 half-even", () => {
    const card: RateCard = {
      ...express,
      fuelRate: 0.125,
      zones: [
        { ...express.zones[0]!, pricing: { type: 'weight-table', rows: [{ upToKg: 5, price: '17' }] } },
      ],
    };
    const shipment: QuoteShipment = { origin: '上海', destination: '北京', weightKg: 1 };
    expect(single(shipment, card).lines[1]!.amount.toDecimalString()).toBe('2.13');
    expect(single(shipment, { ...card, rounding: 'half-even' }).lines[1]!.amount.toDecimalString()).toBe(
      '2.12',
    );
  });

  it('insurance pays its minimum on a small declared value: 0.5 % of ¥60 = ¥0.30 → ¥1.00', () => {
    const q = single({ origin: '上海', destination: '北京', weightKg: 0.5, declaredValue: '60' }, express);
    expect(lines(q)).toEqual([
      ['freight', '12.00'],
      ['fuel', '1.20'],
      ['insurance', '1.00'],
    ]);
    expect(q.lines[2]!.basis).toBe('0.5% of declared 60, minimum 1.00');
  });

  it('remote areas: 新疆 ¥10 + ¥2/kg on 2.3 kg = ¥14.60; the narrower 新疆/阿勒泰 rule wins with ¥20', () => {
    const urumqi = single({ origin: '上海', destination: '新疆/乌鲁木齐', weightKg: 2.3 }, express);
    expect(lines(urumqi)).toEqual([
      ['freight', '18.00'],
      ['fuel', '1.80'],
      ['remote-area', '14.60'],
    ]);
    expect(urumqi.total.toDecimalString()).toBe('34.40');
    const altay = single({ origin: '上海', destination: '新疆/阿勒泰/布尔津', weightKg: 2.3 }, express);
    expect(altay.lines[2]).toMatchObject({ code: 'remote-area', basis: 'remote area 新疆/阿勒泰: 20' });
    expect(altay.lines[2]!.amount.toDecimalString()).toBe('20.00');
  });
});

describe('quote: weight tables, weight breaks and vehicle tariffs', () => {
  const table: RateCard = {
    carrierId: 'TBL',
    zones: [
      {
        id: 'all',
        lanes: [{ from: '*', to: '*' }],
        transitDays: 3,
        pricing: {
          type: 'weight-table',
          rows: [
            { upToKg: 1, price: '8' },
            { upToKg: 3, price: '11' },
            { upToKg: 5, price: '15' },
          ],
          beyond: { stepKg: 1, stepPrice: '3' },
        },
      },
    ],
  };

  it('a weight-not-over table: 1 kg ¥8, 1.1 kg ¥11, 5 kg ¥15, 6.2 kg ¥15 + 2 × ¥3 = ¥21; no beyond → OVERWEIGHT', () => {
    const price = (weightKg: number, card = table) =>
      quote({ origin: '上海', destination: '北京', weightKg }, [card]).quotes[0]?.total.toDecimalString();
    expect([1, 1.1, 5, 6.2].map((w) => price(w))).toEqual(['8.00', '11.00', '15.00', '21.00']);
    const zone = table.zones[0]!;
    const capped: RateCard = {
      ...table,
      zones: [
        {
          ...zone,
          pricing: { ...(zone.pricing as object), beyond: undefined } as RateCard['zones'][number]['pricing'],
        },
      ],
    };
    expect(price(5, capped)).toBe('15.00');
    const result = quote({ origin: '上海', destination: '北京', weightKg: 5.01 }, [capped]);
    expect(result.quotes).toEqual([]);
    expect(result.unavailable).toEqual([
      { carrierId: 'TBL', reason: 'OVERWEIGHT', message: "TBL: 5.1 kg is above the table's last row (5 kg)" },
    ]);
  });

  const ltl: RateCard = {
    carrierId: 'LTL',
    mode: 'ltl',
    volumetricDivisor: 6000,
    weightStepKg: 1,
    minimumCharge: '80',
    zones: [
      {
        id: '华东',
        lanes: [{ from: '上海', to: '江苏' }],
        transitDays: 2,
        pricing: {
          type: 'weight-breaks',
          breaks: [
            { fromKg: 0, perKg: '3.20' },
            { fromKg: 100, perKg: '2.60' },
            { fromKg: 500, perKg: '2.10' },
          ],
        },
      },
    ],
  };

  it('weight breaks with deficit weight and a minimum charge', () => {
    const rate = (weightKg: number) =>
      quote({ origin: '上海', destination: '江苏/苏州', weightKg }, [ltl]).quotes[0]!;
    // 20 kg × 3.20 = 64.00, topped up to the ¥80 minimum.
    expect(lines(rate(20))).toEqual([
      ['freight', '64.00'],
      ['minimum-charge', '16.00'],
    ]);
    expect(rate(20).total.toDecimalString()).toBe('80.00');
    // 90 kg: 90 × 3.20 = 288 > 100 × 2.60 = 260 (deficit weight).
    expect(rate(90).lines[0]).toMatchObject({
      basis: '华东: 2.60/kg on 100 kg (deficit weight, break 100 kg)',
    });
    expect(rate(90).total.toDecimalString()).toBe('260.00');
    expect(rate(90).weight.ratedKg).toBe('100');
    // 120 kg: 312 < 500 × 2.10 = 1050.
    expect(rate(120).total.toDecimalString()).toBe('312.00');
    // 450 kg: 1170 > 1050 — the 500 kg break again.
    expect(rate(450).total.toDecimalString()).toBe('1050.00');
    expect(rate(600).total.toDecimalString()).toBe('1260.00');
  });

  const ftl: RateCard = {
    carrierId: 'FTL',
    mode: 'ftl',
    zones: [
      {
        id: 'city',
        lanes: [{ from: '上海', to: '上海' }],
        transitDays: 0,
        pricing: {
          type: 'vehicle',
          vehicles: [
            { id: '4.2m', capacityKg: 2000, capacityM3: 16, perTrip: '300', perKm: '4.5' },
            { id: '9.6m', capacityKg: 15000, capacityM3: 55, perTrip: '900', perKm: '9' },
          ],
        },
      },
    ],
  };

  it('vehicle tariffs: 3,500 kg over 120 km → 2 × 4.2 m at 300 + 4.5 × 120 = ¥1,680 beats 1 × 9.6 m at ¥1,980', () => {
    const q = single({ origin: '上海', destination: '上海/浦东', weightKg: 3500, distanceKm: 120 }, ftl);
    expect(q.vehicles).toMatchObject({ id: '4.2m', count: 2 });
    expect(q.vehicles!.tripCost.toDecimalString()).toBe('840.00');
    expect(q.total.toDecimalString()).toBe('1680.00');
    // 40 m³ needs three 4.2 m trucks (¥2,520) but one 9.6 m (¥1,980).
    const bulky = single(
      { origin: '上海', destination: '上海', weightKg: 3500, volumeM3: 40, distanceKm: 120 },
      ftl,
    );
    expect(bulky.vehicles).toMatchObject({ id: '9.6m', count: 1 });
    expect(bulky.total.toDecimalString()).toBe('1980.00');
    const noDistance = quote({ origin: '上海', destination: '上海', weightKg: 3500 }, [ftl]);
    expect(noDistance.unavailable[0]).toMatchObject({ carrierId: 'FTL', reason: 'DISTANCE_REQUIRED' });
  });
});

describe('quote: zones, availability and validation', () => {
  const zoned: RateCard = {
    carrierId: 'Z',
    zones: [
      {
        id: 'national',
        lanes: [{ from: '*', to: '*' }],
        transitDays: 4,
        pricing: { type: 'weight-table', rows: [{ upToKg: 30, price: '20' }] },
      },
      {
        id: 'near',
        lanes: [
          { from: '上海', to: '浙江' },
          { from: '上海', to: '江苏' },
        ],
        transitDays: 1,
        pricing: { type: 'weight-table', rows: [{ upToKg: 30, price: '10' }] },
      },
      {
        id: 'wenzhou',
        lanes: [{ from: '上海', to: '浙江/温州' }],
        transitDays: 2,
        pricing: { type: 'weight-table', rows: [{ upToKg: 30, price: '12' }] },
      },
      {
        id: 'to-hz',
        lanes: [{ from: '*', to: '浙江/杭州' }],
        transitDays: 3,
        pricing: { type: 'weight-table', rows: [{ upToKg: 30, price: '15' }] },
      },
    ],
  };

  it('takes the most specific lane: segments in total, then in the destination', () => {
    const zoneOf = (origin: string, destination: string) =>
      quote({ origin, destination, weightKg: 1 }, [zoned]).quotes[0]?.zone;
    expect(zoneOf('上海', '浙江/宁波')).toBe('near');
    expect(zoneOf('上海', '浙江/温州/鹿城')).toBe('wenzhou');
    expect(zoneOf('北京', '浙江/杭州')).toBe('to-hz');
    // 上海 → 浙江 (1 + 1) against * → 浙江/杭州 (0 + 2): equal in total, the destination is narrower.
    expect(zoneOf('上海', '浙江/杭州')).toBe('to-hz');
    expect(zoneOf('北京', '广东')).toBe('national');
  });

  it('lists the carriers that cannot quote with the reason, and quotes the rest in card order', () => {
    const result = quote({ origin: '上海', destination: '西藏', weightKg: 40, declaredValue: '50000' }, [
      { ...express, carrierId: 'CAPPED', maxWeightKg: 30 },
      { carrierId: 'USD', currency: 'USD', zones: express.zones },
      { carrierId: 'NEAR', zones: [zoned.zones[1]!] },
      { ...express, carrierId: 'CHEAP-INS', insurance: { rate: '0.3%', maxDeclaredValue: '20000' } },
      express,
    ]);
    expect(result.unavailable.map((u) => [u.carrierId, u.reason])).toEqual([
      ['CAPPED', 'OVERWEIGHT'],
      ['USD', 'CURRENCY_MISMATCH'],
      ['NEAR', 'NO_LANE'],
      ['CHEAP-INS', 'DECLARED_VALUE_TOO_HIGH'],
    ]);
    expect(result.unavailable[2]!.message).toBe('NEAR has no zone for 上海 → 西藏');
    expect(result.quotes.map((q) => q.carrierId)).toEqual(['EXP']);
    // 12 + 78 × 2 = 168; fuel 16.80; remote 10 + 2 × 40 = 90; insurance 0.5 % × 50,000 = 250.
    expect(lines(result.quotes[0]!)).toEqual([
      ['freight', '168.00'],
      ['fuel', '16.80'],
      ['remote-area', '90.00'],
      ['insurance', '250.00'],
    ]);
  });

  it('rejects bad input with ValidationError naming the field, before any work', () => {
    const fieldOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((issue) => issue.path.join('.'));
      }
      throw new Error('expected a ValidationError');
    };
    const ok: QuoteShipment = { origin: '上海', destination: '北京', weightKg: 1 };
    expect(fieldOf(() => quote({ ...ok, weightKg: -1 }, [express]))).toEqual(['shipment.weightKg']);
    expect(fieldOf(() => quote({ ...ok, weightKg: Number.NaN }, [express]))).toEqual(['shipment.weightKg']);
    expect(fieldOf(() => quote({ ...ok, destination: '浙江//杭州' }, [express]))).toEqual([
      'shipment.destination',
    ]);
    expect(fieldOf(() => quote({ ...ok, declaredValue: 12.5 as unknown as string }, [express]))).toEqual([
      'shipment.declaredValue',
    ]);
    expect(fieldOf(() => quote(ok, [express, express]))).toEqual(['rateCards.1.carrierId']);
    expect(fieldOf(() => quote(ok, []))).toEqual(['rateCards']);
    expect(
      fieldOf(() =>
        quote(ok, [
          {
            carrierId: 'BAD',
            zones: [
              {
                id: 'z',
                lanes: [{ from: '*', to: '*' }],
                transitDays: 1,
                pricing: {
                  type: 'weight-table',
                  rows: [
                    { upToKg: 3, price: '10' },
                    { upToKg: 2, price: '9' },
                  ],
                },
              },
            ],
          },
        ]),
      ),
    ).toEqual(['rateCards.0.zones.0.pricing.rows.1.upToKg', 'rateCards.0.zones.0.pricing.rows.1.price']);
    expect(fieldOf(() => quote(ok, [{ ...express, fuelRate: 'lots' }]))).toEqual(['rateCards.0.fuelRate']);
    expect(isS2b2bError(new ValidationError([]), 'VALIDATION')).toBe(true);
  });
});

describe('parseRateCards', () => {
  it('validates once; quoting with the set gives exactly what quoting the raw cards gives', () => {
    const cards = parseRateCards([express, { ...express, carrierId: 'EXP-2', fuelRate: '12%' }]);
    expect(cards.carrierIds).toEqual(['EXP', 'EXP-2']);
    expect(isRateCardSet(cards)).toBe(true);
    expect(isRateCardSet({ carrierIds: ['EXP'] })).toBe(false);
    const shipment: QuoteShipment = {
      origin: '上海',
      destination: '新疆/哈密',
      weightKg: 7.75,
      declaredValue: '300',
    };
    expect(quote(shipment, cards)).toEqual(
      quote(shipment, [express, { ...express, carrierId: 'EXP-2', fuelRate: '12%' }]),
    );
    // A look-alike is treated as raw cards, and refused.
    expect(() => quote(shipment, { carrierIds: ['EXP'] } as never)).toThrow(ValidationError);
    expect(() => parseRateCards([{ ...express, weightStepKg: 0 }])).toThrow(/rateCards\.0\.weightStepKg/);
  });
});
