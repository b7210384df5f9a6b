import { type Decimal, toDecimal } from '@s2b2b/core';
import type { z } from 'zod';
import { cachedDecimal } from './cached-decimal.js';
import type {
  firstAdditionalPricingSchema,
  pricingSchema,
  vehiclePricingSchema,
  weightBreaksPricingSchema,
  weightTablePricingSchema,
} from './schemas.js';
import type { UnavailableReason } from './unavailable.js';

/**
 * Vehicles a vehicle tariff books: how many of which type, and what each trip costs.
 *
 * @example
 * const booked: BookedVehicles = { id: '4.2m', count: 2, tripCost: toDecimal('525') };
 */
export interface BookedVehicles {
  id: string;
  count: number;
  /** `perTrip + perKm × distanceKm`, exact. */
  tripCost: Decimal;
}

/**
 * The freight of one zone's tariff before the minimum charge and before rounding.
 *
 * @example
 * const freight: Freight = { ok: true, amount: toDecimal('18'), basis: 'first 1 kg 12 + 3 × 0.5 kg at 2', ratedKg: toDecimal('2.3') };
 */
export type Freight =
  | {
      ok: true;
      /** Exact, in the card's currency. */
      amount: Decimal;
      /** How it was computed, for a person. */
      basis: string;
      /** The weight the price was computed on (a weight break's minimum when deficit weight was cheaper). */
      ratedKg: Decimal;
      /** Vehicle tariffs: what was booked. */
      vehicles?: BookedVehicles;
    }
  | { ok: false; reason: UnavailableReason; message: string };

/**
 * What a tariff is priced on.
 *
 * @example
 * const input: TariffInput = { chargeableKg: toDecimal('2.5'), actualKg: toDecimal('2.3'), volumeCm3: null, distanceKm: undefined };
 */
export interface TariffInput {
  /** Chargeable weight (parcel and LTL tariffs). */
  chargeableKg: Decimal;
  /** Actual weight (vehicle tariffs: what the trucks carry). */
  actualKg: Decimal;
  /** Total volume in cm³, when known. */
  volumeCm3: Decimal | null;
  distanceKm: number | undefined;
}

const fmt = (value: Decimal) => value.toFixed();

/**
 * 首重/续重: the first-weight price, plus `stepPrice` per started `stepKg` above it.
 *
 * @example
 * firstAdditionalFreight(pricing, toDecimal('2.3')).amount.toString() // '18' for 12 + 3 × 2
 */
export function firstAdditionalFreight(
  pricing: z.output<typeof firstAdditionalPricingSchema>,
  weightKg: Decimal,
): Freight & { ok: true } {
  const first = cachedDecimal(pricing, pricing.firstPrice);
  if (weightKg.lte(pricing.firstWeightKg)) {
    return {
      ok: true,
      amount: first,
      basis: `first ${fmt(pricing.firstWeightKg)} kg ${pricing.firstPrice}`,
      ratedKg: weightKg,
    };
  }
  const steps = weightKg.minus(pricing.firstWeightKg).div(pricing.stepKg).ceil();
  return {
    ok: true,
    amount: first.plus(steps.times(cachedDecimal(pricing, pricing.stepPrice))),
    basis: `first ${fmt(pricing.firstWeightKg)} kg ${pricing.firstPrice} + ${fmt(steps)} × ${fmt(pricing.stepKg)} kg at ${pricing.stepPrice}`,
    ratedKg: weightKg,
  };
}

/**
 * A "weight not over" table: the first row at or above the weight; past the last row, its price
 * plus `beyond` steps, or `OVERWEIGHT` without `beyond`.
 *
 * @example
 * weightTableFreight(pricing, toDecimal('2.5')).ok // true
 */
export function weightTableFreight(
  pricing: z.output<typeof weightTablePricingSchema>,
  weightKg: Decimal,
): Freight {
  const row = pricing.rows.find((candidate) => weightKg.lte(candidate.upToKg));
  if (row) {
    return {
      ok: true,
      amount: cachedDecimal(row, row.price),
      basis: `up to ${fmt(row.upToKg)} kg ${row.price}`,
      ratedKg: weightKg,
    };
  }
  const last = pricing.rows[pricing.rows.length - 1]!;
  if (!pricing.beyond) {
    return {
      ok: false,
      reason: 'OVERWEIGHT',
      message: `${fmt(weightKg)} kg is above the table's last row (${fmt(last.upToKg)} kg)`,
    };
  }
  const steps = weightKg.minus(last.upToKg).div(pricing.beyond.stepKg).ceil();
  return {
    ok: true,
    amount: cachedDecimal(last, last.price).plus(
      steps.times(cachedDecimal(pricing.beyond, pricing.beyond.stepPrice)),
    ),
    basis: `up to ${fmt(last.upToKg)} kg ${last.price} + ${fmt(steps)} × ${fmt(pricing.beyond.stepKg)} kg at ${pricing.beyond.stepPrice}`,
    ratedKg: weightKg,
  };
}

/**
 * Weight breaks (LTL): the rate of the weight's break on the weight, or a heavier break's rate
 * on that break's minimum when that is cheaper (deficit weight) — the minimum over the break the
 * weight falls in and every heavier one. Never falls as the weight rises.
 *
 * @example
 * weightBreaksFreight(pricing, toDecimal('90')).basis // e.g. '2.6/kg on 100 kg (deficit weight, break 100 kg)'
 */
export function weightBreaksFreight(
  pricing: z.output<typeof weightBreaksPricingSchema>,
  weightKg: Decimal,
): Freight & { ok: true } {
  let bracket = 0;
  pricing.breaks.forEach((entry, index) => {
    if (entry.fromKg.lte(weightKg)) bracket = index;
  });
  let best: { amount: Decimal; index: number; ratedKg: Decimal } | undefined;
  for (let index = bracket; index < pricing.breaks.length; index += 1) {
    const entry = pricing.breaks[index]!;
    const ratedKg = weightKg.gt(entry.fromKg) ? weightKg : entry.fromKg;
    const amount = ratedKg.times(cachedDecimal(entry, entry.perKg));
    if (!best || amount.lt(best.amount)) best = { amount, index, ratedKg };
  }
  const chosen = pricing.breaks[best!.index]!;
  const deficit = best!.index !== bracket;
  return {
    ok: true,
    amount: best!.amount,
    basis: `${chosen.perKg}/kg on ${fmt(best!.ratedKg)} kg (${deficit ? 'deficit weight, ' : ''}break ${fmt(chosen.fromKg)} kg)`,
    ratedKg: best!.ratedKg,
  };
}

/**
 * A vehicle tariff (FTL): for each vehicle type, as many vehicles as the actual weight and the
 * volume need, each trip `perTrip + perKm × distanceKm`; the cheapest type (fewer vehicles, then
 * the first listed, on ties). Types priced per km are skipped without a distance.
 *
 * @example
 * vehicleFreight(pricing, { chargeableKg, actualKg: toDecimal(3500), volumeCm3: null, distanceKm: 50 }).vehicles
 */
export function vehicleFreight(pricing: z.output<typeof vehiclePricingSchema>, input: TariffInput): Freight {
  let best: (Freight & { ok: true }) | undefined;
  for (const vehicle of pricing.vehicles) {
    const perKm = cachedDecimal(vehicle, vehicle.perKm);
    if (!perKm.isZero() && input.distanceKm === undefined) continue;
    const byWeight = input.actualKg.div(vehicle.capacityKg).ceil();
    const byVolume =
      vehicle.capacityM3 && input.volumeCm3 !== null
        ? input.volumeCm3.div(vehicle.capacityM3.times(1_000_000)).ceil()
        : toDecimal(0);
    const count = Math.max(1, byWeight.toNumber(), byVolume.toNumber());
    const tripCost = cachedDecimal(vehicle, vehicle.perTrip).plus(perKm.times(input.distanceKm ?? 0));
    const amount = tripCost.times(count);
    if (best && !(amount.lt(best.amount) || (amount.eq(best.amount) && count < best.vehicles!.count)))
      continue;
    const distance = perKm.isZero() ? '' : ` + ${vehicle.perKm}/km × ${input.distanceKm} km`;
    best = {
      ok: true,
      amount,
      basis: `${count} × ${vehicle.id} at ${vehicle.perTrip}/trip${distance}`,
      ratedKg: input.actualKg,
      vehicles: { id: vehicle.id, count, tripCost },
    };
  }
  if (best) return best;
  return {
    ok: false,
    reason: 'DISTANCE_REQUIRED',
    message: 'Every vehicle of the tariff is priced per km; give the shipment a distanceKm',
  };
}

/**
 * The freight of any tariff type.
 *
 * @example
 * tariffFreight(zone.pricing, { chargeableKg, actualKg, volumeCm3, distanceKm })
 */
export function tariffFreight(pricing: z.output<typeof pricingSchema>, input: TariffInput): Freight {
  switch (pricing.type) {
    case 'first-additional':
      return firstAdditionalFreight(pricing, input.chargeableKg);
    case 'weight-table':
      return weightTableFreight(pricing, input.chargeableKg);
    case 'weight-breaks':
      return weightBreaksFreight(pricing, input.chargeableKg);
    case 'vehicle':
      return vehicleFreight(pricing, input);
  }
}
