import { type Decimal, Money, parseInput, type RoundingMode, toDecimal } from '@s2b2b/core';
import { mostSpecificCover, regionCovers, regionSpecificity } from '../common/region.js';
import { cachedDecimal } from './cached-decimal.js';
import { computeChargeableWeight, shipmentVolumeCm3 } from './chargeable-weight.js';
import { type RateCardSet, resolveRateCards } from './rate-card-set.js';
import {
  type ParsedQuoteShipment,
  type ParsedRateCard,
  type QuoteShipment,
  quoteShipmentSchema,
  type RateCard,
} from './schemas.js';
import { type BookedVehicles, tariffFreight } from './tariffs.js';
import type { UnavailableCarrier } from './unavailable.js';

/**
 * What a quote line charges for. The lines of a quote always sum to its `total`.
 *
 * @example
 * const code: QuoteLineCode = 'fuel';
 */
export type QuoteLineCode = 'freight' | 'minimum-charge' | 'fuel' | 'remote-area' | 'insurance';

/**
 * One line of a quote's breakdown, rounded to the cent with the card's rounding mode.
 *
 * @example
 * const line: QuoteLine = { code: 'fuel', amount: Money.of('1.80'), basis: '10% of 18.00' };
 */
export interface QuoteLine {
  code: QuoteLineCode;
  amount: Money;
  /** How it was computed, for a person. */
  basis: string;
}

/**
 * A carrier's price for a shipment, with its breakdown.
 *
 * @example
 * const { total, lines, transitDays }: CarrierQuote = quote(shipment, cards).quotes[0]!;
 */
export interface CarrierQuote {
  carrierId: string;
  carrierName: string | null;
  mode: 'parcel' | 'ltl' | 'ftl';
  /** The zone whose lane served the shipment. */
  zone: string;
  /** Calendar days in transit on that zone. */
  transitDays: number;
  /** The card's quality score (0-100), or `null`. */
  score: number | null;
  /** Weights in kg as exact decimal strings (`volumetricKg` rounded up to 3 decimals for display). */
  weight: {
    actualKg: string;
    volumetricKg: string | null;
    chargeableKg: string;
    /** The weight the tariff priced: the chargeable weight, a weight break's minimum (deficit weight) or, for vehicles, the actual weight. */
    ratedKg: string;
    billedBy: 'actual' | 'volumetric';
  };
  /** The breakdown: freight, a top-up to the minimum charge, then the surcharges. */
  lines: QuoteLine[];
  /** Freight plus the minimum-charge top-up: what fuel surcharges are a percentage of. */
  transportCharge: Money;
  /** Fuel, remote-area and insurance lines together. */
  surcharges: Money;
  /** Σ lines. */
  total: Money;
  /** Whether the declared value is insured by this quote. */
  insured: boolean;
  /** Vehicle tariffs: the vehicles booked. */
  vehicles: { id: string; count: number; tripCost: Money } | null;
}

/**
 * What `quote` returns: a quote from every carrier that can take the shipment (in the order of
 * the rate cards), and the others with the reason.
 *
 * @example
 * const { quotes, unavailable }: QuoteResult = quote(shipment, cards);
 */
export interface QuoteResult {
  quotes: CarrierQuote[];
  unavailable: UnavailableCarrier[];
}

/**
 * Prices a shipment with every rate card. For each card: the zone of the most specific lane
 * covering origin → destination (most path segments matched in total, then in the destination,
 * then the first listed); the chargeable weight max(actual, L × W × H / divisor) rounded up to
 * the card's step; the zone's tariff (首重/续重, weight table, weight breaks with deficit
 * weight, or vehicles); a top-up to the minimum charge; then the fuel surcharge on the freight,
 * the remote-area surcharge and declared-value insurance. Every line is rounded to the cent with
 * the card's rounding mode (default `half-up`) and the total is their exact sum. Carriers that
 * cannot quote are listed in `unavailable` with a reason — only invalid input throws.
 *
 * @throws ValidationError naming the field (`shipment.weightKg`, `rateCards.0.zones.1.pricing.stepKg`, ...)
 * @example
 * const { quotes } = quote(
 *   { origin: '上海', destination: '浙江/杭州', weightKg: 2.3, declaredValue: '1000' },
 *   [{ carrierId: 'SF', fuelRate: '10%', insurance: { rate: '0.5%', minimum: '1' },
 *      zones: [{ id: 'A', lanes: [{ from: '上海', to: '浙江' }], transitDays: 1,
 *        pricing: { type: 'first-additional', firstWeightKg: 1, firstPrice: '12', stepKg: 0.5, stepPrice: '2' } }] }],
 * );
 * quotes[0]!.lines.map((l) => `${l.code} ${l.amount.toDecimalString()}`) // ['freight 18.00', 'fuel 1.80', 'insurance 5.00']
 * quotes[0]!.total.toString() // '24.80 CNY'
 */
export function quote(shipment: QuoteShipment, rateCards: readonly RateCard[] | RateCardSet): QuoteResult {
  const parsedShipment = parseInput(quoteShipmentSchema, shipment, 'shipment');
  const parsedCards = resolveRateCards(rateCards);
  return quoteParsed(parsedShipment, parsedCards);
}

/**
 * `quote` on values already validated by {@link quoteShipmentSchema} and {@link rateCardsSchema}.
 *
 * @example
 * quoteParsed(quoteShipmentSchema.parse(shipment), rateCardsSchema.parse(cards))
 */
export function quoteParsed(shipment: ParsedQuoteShipment, cards: readonly ParsedRateCard[]): QuoteResult {
  const result: QuoteResult = { quotes: [], unavailable: [] };
  const volumeCm3 = shipmentVolumeCm3(shipment);
  for (const card of cards) {
    const outcome = quoteCard(shipment, volumeCm3, card);
    if ('reason' in outcome) result.unavailable.push(outcome);
    else result.quotes.push(outcome);
  }
  return result;
}

function quoteCard(
  shipment: ParsedQuoteShipment,
  volumeCm3: Decimal | null,
  card: ParsedRateCard,
): CarrierQuote | UnavailableCarrier {
  const unavailable = (reason: UnavailableCarrier['reason'], message: string): UnavailableCarrier => ({
    carrierId: card.carrierId,
    reason,
    message,
  });
  if (card.currency !== shipment.currency) {
    return unavailable(
      'CURRENCY_MISMATCH',
      `${card.carrierId} quotes in ${card.currency}, the shipment is in ${shipment.currency}`,
    );
  }
  const zone = findZone(card, shipment.origin, shipment.destination);
  if (!zone) {
    return unavailable(
      'NO_LANE',
      `${card.carrierId} has no zone for ${shipment.origin} → ${shipment.destination}`,
    );
  }
  const weight = computeChargeableWeight(
    shipment.weightKg,
    volumeCm3,
    card.volumetricDivisor,
    card.weightStepKg,
  );
  if (card.maxWeightKg && weight.chargeableKg.gt(card.maxWeightKg)) {
    return unavailable(
      'OVERWEIGHT',
      `${card.carrierId} takes up to ${card.maxWeightKg.toFixed()} kg; the shipment bills ${weight.chargeableKg.toFixed()} kg`,
    );
  }
  const freight = tariffFreight(zone.pricing, {
    chargeableKg: weight.chargeableKg,
    actualKg: weight.actualKg,
    volumeCm3,
    distanceKm: shipment.distanceKm,
  });
  if (!freight.ok) return unavailable(freight.reason, `${card.carrierId}: ${freight.message}`);

  const currency = card.currency;
  const mode = card.rounding;
  const round = (amount: Decimal) => roundMoney(amount, currency, mode);
  const lines: QuoteLine[] = [];
  // Vehicles bill whole trips: the freight is the trip cost to the cent times the trips.
  const base = freight.vehicles
    ? round(freight.vehicles.tripCost).multiply(freight.vehicles.count)
    : round(freight.amount);
  lines.push({ code: 'freight', amount: base, basis: `${zone.id}: ${freight.basis}` });
  let transportCharge = base;
  const minimum = zone.minimumCharge ?? card.minimumCharge;
  if (minimum !== undefined) {
    const floor = Money.of(minimum, currency);
    if (base.lessThan(floor)) {
      lines.push({
        code: 'minimum-charge',
        amount: floor.subtract(base),
        basis: `minimum charge ${floor.toDecimalString()}`,
      });
      transportCharge = floor;
    }
  }
  if (card.fuelRate && !card.fuelRate.isZero()) {
    lines.push({
      code: 'fuel',
      amount: round(transportCharge.amount().times(card.fuelRate)),
      basis: `${percentText(card.fuelRate)} of ${transportCharge.toDecimalString()}`,
    });
  }
  const remote = remoteSurcharge(card, shipment.destination, weight.chargeableKg);
  if (remote) lines.push({ code: 'remote-area', amount: round(remote.amount), basis: remote.basis });
  let insured = false;
  if (shipment.declaredValue !== undefined && card.insurance) {
    const declared = toDecimal(shipment.declaredValue);
    const { rate, minimum: premiumFloor, maxDeclaredValue } = card.insurance;
    if (maxDeclaredValue !== undefined && declared.gt(maxDeclaredValue)) {
      return unavailable(
        'DECLARED_VALUE_TOO_HIGH',
        `${card.carrierId} insures up to ${maxDeclaredValue}; the shipment is declared at ${shipment.declaredValue}`,
      );
    }
    const premium = round(declared.times(rate));
    const floor = Money.of(premiumFloor, currency);
    const amount = premium.lessThan(floor) ? floor : premium;
    lines.push({
      code: 'insurance',
      amount,
      basis: `${percentText(rate)} of declared ${shipment.declaredValue}${amount === floor && !floor.isZero() ? `, minimum ${floor.toDecimalString()}` : ''}`,
    });
    insured = true;
  }
  const total = lines.reduce((sum, line) => sum.add(line.amount), Money.zero(currency));
  return {
    carrierId: card.carrierId,
    carrierName: card.name ?? null,
    mode: card.mode,
    zone: zone.id,
    transitDays: zone.transitDays,
    score: card.score ?? null,
    weight: {
      actualKg: weight.actualKg.toFixed(),
      volumetricKg: weight.volumetricKg === null ? null : weight.volumetricKg.toDecimalPlaces(3, 2).toFixed(),
      chargeableKg: weight.chargeableKg.toFixed(),
      ratedKg: freight.ratedKg.toFixed(),
      billedBy: weight.billedBy,
    },
    lines,
    transportCharge,
    surcharges: total.subtract(transportCharge),
    total,
    insured,
    vehicles: freight.vehicles ? bookedVehicles(freight.vehicles, currency, mode) : null,
  };
}

/**
 * The zone of the most specific lane covering origin → destination, or `undefined`.
 *
 * @example
 * findZone(card, '上海', '浙江/杭州')?.id
 */
export function findZone(
  card: Pick<ParsedRateCard, 'zones'>,
  origin: string,
  destination: string,
): ParsedRateCard['zones'][number] | undefined {
  for (const lane of laneIndex(card.zones)) {
    if (regionCovers(lane.from, origin) && regionCovers(lane.to, destination)) return lane.zone;
  }
  return undefined;
}

type Zone = ParsedRateCard['zones'][number];
type IndexedLane = { zone: Zone; from: string; to: string };
const laneIndexes = new WeakMap<readonly Zone[], IndexedLane[]>();

/** Every lane of the zones, most specific first (segments in total, then in the destination, then listed order). */
function laneIndex(zones: readonly Zone[]): IndexedLane[] {
  let index = laneIndexes.get(zones);
  if (!index) {
    const lanes = zones.flatMap((zone) =>
      zone.lanes.map((lane) => ({
        lane: { zone, from: lane.from, to: lane.to },
        total: regionSpecificity(lane.from) + regionSpecificity(lane.to),
        to: regionSpecificity(lane.to),
      })),
    );
    index = lanes
      .map((entry, order) => ({ ...entry, order }))
      .sort((a, b) => b.total - a.total || b.to - a.to || a.order - b.order)
      .map((entry) => entry.lane);
    laneIndexes.set(zones, index);
  }
  return index;
}

function remoteSurcharge(
  card: ParsedRateCard,
  destination: string,
  chargeableKg: Decimal,
): { amount: Decimal; basis: string } | null {
  let best: { rule: ParsedRateCard['remoteAreas'][number]; region: string } | undefined;
  for (const rule of card.remoteAreas) {
    const region = mostSpecificCover(rule.regions, destination);
    if (region !== null && (!best || regionSpecificity(region) > regionSpecificity(best.region)))
      best = { rule, region };
  }
  if (!best) return null;
  const perKg = cachedDecimal(best.rule, best.rule.perKg);
  const fixed = cachedDecimal(best.rule, best.rule.fixed);
  const amount = fixed.plus(perKg.times(chargeableKg));
  if (amount.isZero()) return null;
  const parts = [
    ...(fixed.isZero() ? [] : [best.rule.fixed]),
    ...(perKg.isZero() ? [] : [`${best.rule.perKg}/kg × ${chargeableKg.toFixed()} kg`]),
  ];
  return { amount, basis: `remote area ${best.region}: ${parts.join(' + ')}` };
}

function bookedVehicles(booked: BookedVehicles, currency: string, mode: RoundingMode) {
  return { id: booked.id, count: booked.count, tripCost: roundMoney(booked.tripCost, currency, mode) };
}

function roundMoney(amount: Decimal, currency: string, mode: RoundingMode): Money {
  return Money.of(amount, currency).roundToMinor(mode);
}

function percentText(rate: Decimal): string {
  return `${rate.times(100).toFixed()}%`;
}
