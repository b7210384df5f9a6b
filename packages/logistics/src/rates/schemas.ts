import { currencyCodeSchema, roundingModeSchema, toDecimal } from '@s2b2b/core';
import { z } from 'zod';
import {
  amountSchema,
  instantSchema,
  lengthCmSchema,
  logisticsIdSchema,
  logisticsTextSchema,
  rateSchema,
  regionPatternSchema,
  regionSchema,
  volumeM3Schema,
  weightFromKgSchema,
  weightKgSchema,
} from '../common/inputs.js';

/**
 * The most rate cards one `quote` or `chooseCarrier` call may take.
 *
 * @example
 * MAX_RATE_CARDS // 200
 */
export const MAX_RATE_CARDS = 200;

/**
 * 首重/续重 pricing: `firstPrice` covers up to `firstWeightKg`; every further `stepKg` or part
 * of it costs `stepPrice`.
 *
 * @example
 * firstAdditionalPricingSchema.parse({ type: 'first-additional', firstWeightKg: 1, firstPrice: '12', stepKg: 0.5, stepPrice: '2' })
 */
export const firstAdditionalPricingSchema = z
  .object({
    type: z.literal('first-additional'),
    firstWeightKg: weightKgSchema,
    firstPrice: amountSchema,
    stepKg: weightKgSchema,
    stepPrice: amountSchema,
  })
  .strict();

/**
 * A "weight not over" table: the price of the first row whose `upToKg` is at least the
 * chargeable weight. Rows rise strictly in weight and never fall in price. Past the last row,
 * `beyond` adds `stepPrice` per `stepKg` or part of it; without `beyond` the carrier does not
 * take heavier shipments.
 *
 * @example
 * weightTablePricingSchema.parse({ type: 'weight-table', rows: [{ upToKg: 1, price: '8' }, { upToKg: 3, price: '11' }] })
 */
export const weightTablePricingSchema = z
  .object({
    type: z.literal('weight-table'),
    rows: z
      .array(z.object({ upToKg: weightKgSchema, price: amountSchema }).strict())
      .min(1, 'Expected at least one row')
      .max(500),
    beyond: z.object({ stepKg: weightKgSchema, stepPrice: amountSchema }).strict().optional(),
  })
  .strict()
  .superRefine((pricing, ctx) => {
    pricing.rows.forEach((row, index) => {
      const previous = pricing.rows[index - 1];
      if (!previous) return;
      if (!row.upToKg.gt(previous.upToKg)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', index, 'upToKg'],
          message: 'Rows must rise in weight',
        });
      }
      if (toDecimal(row.price).lt(toDecimal(previous.price))) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', index, 'price'],
          message: 'A heavier row must not cost less',
        });
      }
    });
  });

/**
 * A per-kilogram rate by weight break (LTL): the rate of the break the chargeable weight falls
 * in, or — when cheaper — the next break's rate on its minimum weight (deficit weight). The
 * first break starts at 0 kg; breaks rise strictly.
 *
 * @example
 * weightBreaksPricingSchema.parse({ type: 'weight-breaks', breaks: [{ fromKg: 0, perKg: '3.20' }, { fromKg: 100, perKg: '2.60' }] })
 */
export const weightBreaksPricingSchema = z
  .object({
    type: z.literal('weight-breaks'),
    breaks: z
      .array(
        z
          .object({
            fromKg: weightFromKgSchema,
            perKg: amountSchema,
          })
          .strict(),
      )
      .min(1, 'Expected at least one break')
      .max(100),
  })
  .strict()
  .superRefine((pricing, ctx) => {
    if (pricing.breaks[0] && !pricing.breaks[0].fromKg.isZero()) {
      ctx.addIssue({
        code: 'custom',
        path: ['breaks', 0, 'fromKg'],
        message: 'The first break starts at 0 kg',
      });
    }
    pricing.breaks.forEach((entry, index) => {
      const previous = pricing.breaks[index - 1];
      if (previous && !entry.fromKg.gt(previous.fromKg)) {
        ctx.addIssue({
          code: 'custom',
          path: ['breaks', index, 'fromKg'],
          message: 'Breaks must rise in weight',
        });
      }
    });
  });

/**
 * One vehicle of a full-truckload tariff: what it carries and what a trip costs
 * (`perTrip + perKm × distanceKm`).
 *
 * @example
 * tariffVehicleSchema.parse({ id: '4.2m', capacityKg: 2000, capacityM3: 16, perTrip: '300', perKm: '4.5' })
 */
export const tariffVehicleSchema = z
  .object({
    id: logisticsIdSchema,
    capacityKg: weightKgSchema,
    capacityM3: volumeM3Schema.refine((v) => v.gt(0), 'Expected a positive volume').optional(),
    perTrip: amountSchema.default('0'),
    perKm: amountSchema.default('0'),
  })
  .strict();

/**
 * A vehicle tariff (FTL, 整车): the cheapest of the vehicle types, as many of one type as the
 * weight and volume need, each trip `perTrip + perKm × distanceKm`.
 *
 * @example
 * vehiclePricingSchema.parse({ type: 'vehicle', vehicles: [{ id: '4.2m', capacityKg: 2000, perTrip: '300', perKm: '4.5' }] })
 */
export const vehiclePricingSchema = z
  .object({
    type: z.literal('vehicle'),
    vehicles: z.array(tariffVehicleSchema).min(1, 'Expected at least one vehicle').max(50),
  })
  .strict()
  .superRefine((pricing, ctx) => {
    const seen = new Set<string>();
    pricing.vehicles.forEach((vehicle, index) => {
      if (seen.has(vehicle.id)) {
        ctx.addIssue({ code: 'custom', path: ['vehicles', index, 'id'], message: 'Duplicate vehicle id' });
      }
      seen.add(vehicle.id);
    });
  });

/**
 * How a zone prices a shipment: one of the four tariff types.
 *
 * @example
 * pricingSchema.parse({ type: 'first-additional', firstWeightKg: 1, firstPrice: '12', stepKg: 1, stepPrice: '5' })
 */
export const pricingSchema = z.discriminatedUnion('type', [
  firstAdditionalPricingSchema,
  weightTablePricingSchema,
  weightBreaksPricingSchema,
  vehiclePricingSchema,
]);

/**
 * A lane of a zone: from an origin region to a destination region (`'*'` for any).
 *
 * @example
 * laneSchema.parse({ from: '上海', to: '浙江' })
 */
export const laneSchema = z.object({ from: regionPatternSchema, to: regionPatternSchema }).strict();

/**
 * A zone of a rate card: the lanes it serves, the calendar days in transit, its tariff and an
 * optional minimum charge on the freight (the card's otherwise).
 *
 * @example
 * rateZoneSchema.parse({ id: '省内', lanes: [{ from: '浙江', to: '浙江' }], transitDays: 1, pricing })
 */
export const rateZoneSchema = z
  .object({
    id: logisticsIdSchema,
    lanes: z.array(laneSchema).min(1, 'Expected at least one lane').max(10_000),
    transitDays: z.number().int('Expected whole days').min(0).max(365),
    pricing: pricingSchema,
    minimumCharge: amountSchema.optional(),
  })
  .strict();

/**
 * A remote-area surcharge (偏远附加费): shipments whose destination lies in one of `regions` pay
 * `fixed` plus `perKg` × chargeable weight. The most specific matching rule applies.
 *
 * @example
 * remoteAreaSchema.parse({ regions: ['新疆', '西藏'], fixed: '10', perKg: '2' })
 */
export const remoteAreaSchema = z
  .object({
    regions: z.array(regionSchema).min(1).max(10_000),
    fixed: amountSchema.default('0'),
    perKg: amountSchema.default('0'),
  })
  .strict();

/**
 * Declared-value insurance (保价): `rate` × declared value, at least `minimum`; a carrier with
 * `maxDeclaredValue` does not take shipments declared above it.
 *
 * @example
 * insuranceSchema.parse({ rate: '0.5%', minimum: '1' })
 */
export const insuranceSchema = z
  .object({
    rate: rateSchema,
    minimum: amountSchema.default('0'),
    maxDeclaredValue: amountSchema.optional(),
  })
  .strict();

/**
 * A carrier's rate card. Amounts are decimal strings in `currency`; weights are kilograms.
 *
 * - `volumetricDivisor` — cm³ per kg (5000, 6000, 8000…): volumetric weight = L × W × H / divisor;
 *   `null` (the default) bills actual weight only.
 * - `weightStepKg` — the chargeable weight is rounded up to a multiple of it (default 0.1 kg).
 * - `rounding` — how each charge is rounded to the cent (default `half-up`, as carriers bill).
 * - `fuelRate` — fuel surcharge as a fraction (or `'12%'`) of the freight.
 * - `score` — the carrier's quality score, 0-100, used by `chooseCarrier`.
 *
 * @example
 * rateCardSchema.parse({
 *   carrierId: 'SF', name: '顺丰', volumetricDivisor: 6000, weightStepKg: 0.5, fuelRate: '10%',
 *   zones: [{ id: 'A', lanes: [{ from: '上海', to: '*' }], transitDays: 2,
 *     pricing: { type: 'first-additional', firstWeightKg: 1, firstPrice: '12', stepKg: 0.5, stepPrice: '2' } }],
 * })
 */
export const rateCardSchema = z
  .object({
    carrierId: logisticsIdSchema,
    name: logisticsTextSchema.optional(),
    mode: z.enum(['parcel', 'ltl', 'ftl']).default('parcel'),
    currency: currencyCodeSchema.default('CNY'),
    volumetricDivisor: z
      .number()
      .positive('Expected a positive divisor')
      .max(1_000_000)
      .nullable()
      .default(null),
    weightStepKg: weightKgSchema.prefault('0.1'),
    maxWeightKg: weightKgSchema.optional(),
    minimumCharge: amountSchema.optional(),
    fuelRate: rateSchema.optional(),
    remoteAreas: z.array(remoteAreaSchema).max(1_000).default([]),
    insurance: insuranceSchema.optional(),
    rounding: roundingModeSchema.default('half-up'),
    score: z.number().min(0).max(100).optional(),
    zones: z.array(rateZoneSchema).min(1, 'Expected at least one zone').max(1_000),
  })
  .strict()
  .superRefine((card, ctx) => {
    const seen = new Set<string>();
    card.zones.forEach((zone, index) => {
      if (seen.has(zone.id))
        ctx.addIssue({ code: 'custom', path: ['zones', index, 'id'], message: 'Duplicate zone id' });
      seen.add(zone.id);
    });
  });

/**
 * A rate card as the caller writes it.
 *
 * @example
 * const card: RateCard = { carrierId: 'ZTO', zones: [{ id: 'all', lanes: [{ from: '*', to: '*' }], transitDays: 3, pricing }] };
 */
export type RateCard = z.input<typeof rateCardSchema>;

/**
 * A rate card after validation (defaults filled, weights and rates as Decimals).
 *
 * @example
 * const card: ParsedRateCard = rateCardSchema.parse(input);
 */
export type ParsedRateCard = z.output<typeof rateCardSchema>;

/**
 * A list of 1-200 rate cards with distinct `carrierId`s.
 *
 * @example
 * rateCardsSchema.parse([sf, zto])
 */
export const rateCardsSchema = z
  .array(rateCardSchema)
  .min(1, 'Expected at least one rate card')
  .max(MAX_RATE_CARDS, `Expected at most ${MAX_RATE_CARDS} rate cards`)
  .superRefine((cards, ctx) => {
    const seen = new Set<string>();
    cards.forEach((card, index) => {
      if (seen.has(card.carrierId)) {
        ctx.addIssue({ code: 'custom', path: [index, 'carrierId'], message: 'Duplicate carrierId' });
      }
      seen.add(card.carrierId);
    });
  });

/**
 * A piece of a shipment: its outer dimensions in cm and how many such pieces.
 *
 * @example
 * pieceSchema.parse({ lengthCm: 30, widthCm: 20, heightCm: 15, quantity: 2 })
 */
export const pieceSchema = z
  .object({
    lengthCm: lengthCmSchema,
    widthCm: lengthCmSchema,
    heightCm: lengthCmSchema,
    quantity: z.number().int('Expected a whole number of pieces').min(1).max(100_000).default(1),
  })
  .strict();

/**
 * What to ship: origin and destination regions, the actual gross weight (kg), optionally the
 * pieces' dimensions (or the total `volumeM3`), a declared value for insurance (in
 * `currency`, default CNY) and the road distance (vehicle tariffs priced per km need it).
 *
 * @example
 * quoteShipmentSchema.parse({ origin: '上海', destination: '浙江/杭州', weightKg: 2.3, pieces: [{ lengthCm: 30, widthCm: 20, heightCm: 10 }], declaredValue: '1000' })
 */
export const quoteShipmentSchema = z
  .object({
    origin: regionSchema,
    destination: regionSchema,
    weightKg: weightKgSchema,
    pieces: z.array(pieceSchema).min(1).max(1_000).optional(),
    volumeM3: volumeM3Schema.optional(),
    declaredValue: amountSchema.optional(),
    currency: currencyCodeSchema.default('CNY'),
    distanceKm: z.number().min(0).max(100_000).optional(),
  })
  .strict()
  .superRefine((shipment, ctx) => {
    if (shipment.pieces && shipment.volumeM3) {
      ctx.addIssue({
        code: 'custom',
        path: ['volumeM3'],
        message: 'Give either pieces or volumeM3, not both',
      });
    }
  });

/**
 * A shipment as the caller writes it.
 *
 * @example
 * const shipment: QuoteShipment = { origin: '上海', destination: '北京', weightKg: 2.3 };
 */
export type QuoteShipment = z.input<typeof quoteShipmentSchema>;

/**
 * A shipment after validation.
 *
 * @example
 * const parsed: ParsedQuoteShipment = quoteShipmentSchema.parse(shipment);
 */
export type ParsedQuoteShipment = z.output<typeof quoteShipmentSchema>;

/**
 * What `chooseCarrier` optimises first: `cost` (the default), `transit` (fewest days) or
 * `score` (the best carrier score). A promised date, when given, always comes before them.
 *
 * @example
 * carrierPreferenceSchema.parse('transit')
 */
export const carrierPreferenceSchema = z.enum(['cost', 'transit', 'score']);

/**
 * One of {@link carrierPreferenceSchema}.
 *
 * @example
 * const prefer: CarrierPreference = 'cost';
 */
export type CarrierPreference = z.infer<typeof carrierPreferenceSchema>;

/**
 * Options of `chooseCarrier`:
 *
 * - `shipAt` — when the shipment leaves (required: pure code never reads the clock);
 * - `promisedBy` — the delivery promised to the customer: carriers whose ETA is later rank
 *   after every carrier on time (and are excluded with `requireOnTime`);
 * - `prefer` — see {@link carrierPreferenceSchema};
 * - `costTolerance` — with `prefer: 'cost'`, quotes within this fraction (`'5%'`) of the
 *   cheapest count as equally cheap, so the better score, then the fewer days, decide;
 * - `minScore` — carriers scored below it are excluded (unscored carriers too);
 * - `scores` — scores by carrier id, overriding the cards' `score`.
 *
 * @example
 * chooseCarrierOptionsSchema.parse({ shipAt: '2026-03-02T09:00:00+08:00', promisedBy: '2026-03-04T23:59:59+08:00', costTolerance: '5%' })
 */
export const chooseCarrierOptionsSchema = z
  .object({
    shipAt: instantSchema,
    promisedBy: instantSchema.optional(),
    prefer: carrierPreferenceSchema.default('cost'),
    costTolerance: rateSchema.optional(),
    minScore: z.number().min(0).max(100).optional(),
    requireOnTime: z.boolean().default(false),
    scores: z.record(logisticsIdSchema, z.number().min(0).max(100)).optional(),
  })
  .strict();

/**
 * Options of `chooseCarrier` as the caller writes them.
 *
 * @example
 * const options: ChooseCarrierOptions = { shipAt: new Date(), prefer: 'transit' };
 */
export type ChooseCarrierOptions = z.input<typeof chooseCarrierOptionsSchema>;
