import { type Decimal, parseInput, toDecimal } from '@s2b2b/core';
import { z } from 'zod';
import { volumeM3Schema, weightKgSchema } from '../common/inputs.js';
import { pieceSchema } from './schemas.js';

/**
 * The weights a carrier bills by, as exact decimals (kg).
 *
 * @example
 * const w: ChargeableWeight = { actualKg, volumetricKg, chargeableKg, billedBy: 'volumetric' };
 */
export interface ChargeableWeight {
  /** The actual gross weight. */
  actualKg: Decimal;
  /** L × W × H / divisor summed over the pieces, or `null` when the carrier or the shipment has no volume. */
  volumetricKg: Decimal | null;
  /** max(actual, volumetric), rounded up to the carrier's weight step. */
  chargeableKg: Decimal;
  /** Which of the two was larger (`actual` on a tie). */
  billedBy: 'actual' | 'volumetric';
}

/**
 * Rounds a non-negative value up to the next multiple of `step` (exact decimals).
 *
 * @example
 * roundUpToStep(toDecimal('2.3'), toDecimal('0.5')).toString() // '2.5'
 * roundUpToStep(toDecimal('2.5'), toDecimal('0.5')).toString() // '2.5'
 */
export function roundUpToStep(value: Decimal, step: Decimal): Decimal {
  return value.div(step).ceil().times(step);
}

/**
 * The total volume of a shipment in cm³: the pieces' L × W × H × quantity, or `volumeM3` × 10^6;
 * `null` when neither is known.
 *
 * @example
 * shipmentVolumeCm3({ pieces: [{ lengthCm: toDecimal(30), widthCm: toDecimal(20), heightCm: toDecimal(10), quantity: 2 }] })?.toString() // '12000'
 */
export function shipmentVolumeCm3(shipment: {
  pieces?:
    | readonly { lengthCm: Decimal; widthCm: Decimal; heightCm: Decimal; quantity: number }[]
    | undefined;
  volumeM3?: Decimal | undefined;
}): Decimal | null {
  if (shipment.pieces) {
    return shipment.pieces.reduce(
      (total, piece) =>
        total.plus(piece.lengthCm.times(piece.widthCm).times(piece.heightCm).times(piece.quantity)),
      toDecimal(0),
    );
  }
  return shipment.volumeM3 ? shipment.volumeM3.times(1_000_000) : null;
}

/**
 * The chargeable weight from parsed values: max(actual, volume / divisor), rounded up to `stepKg`.
 *
 * @example
 * computeChargeableWeight(toDecimal('2.3'), toDecimal(6000), 6000, toDecimal('0.5')).chargeableKg.toString() // '2.5'
 */
export function computeChargeableWeight(
  actualKg: Decimal,
  volumeCm3: Decimal | null,
  divisor: number | null,
  stepKg: Decimal,
): ChargeableWeight {
  const volumetricKg = divisor !== null && volumeCm3 !== null ? volumeCm3.div(divisor) : null;
  const billedBy = volumetricKg?.gt(actualKg) ? 'volumetric' : 'actual';
  const heavier = billedBy === 'volumetric' ? volumetricKg! : actualKg;
  return { actualKg, volumetricKg, chargeableKg: roundUpToStep(heavier, stepKg), billedBy };
}

/**
 * Input of `chargeableWeight`: the actual weight, the pieces (or total volume), the carrier's
 * volumetric divisor (cm³ per kg; `null` or absent: actual weight only) and weight step.
 *
 * @example
 * chargeableWeightInputSchema.parse({ weightKg: 2.3, pieces: [{ lengthCm: 40, widthCm: 30, heightCm: 20 }], volumetricDivisor: 6000, weightStepKg: 0.5 })
 */
export const chargeableWeightInputSchema = z
  .object({
    weightKg: weightKgSchema,
    pieces: z.array(pieceSchema).min(1).max(1_000).optional(),
    volumeM3: volumeM3Schema.optional(),
    volumetricDivisor: z.number().positive().max(1_000_000).nullable().default(null),
    weightStepKg: weightKgSchema.prefault('0.1'),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.pieces && input.volumeM3) {
      ctx.addIssue({
        code: 'custom',
        path: ['volumeM3'],
        message: 'Give either pieces or volumeM3, not both',
      });
    }
  });

/**
 * The weight a carrier bills: max(actual, volumetric) rounded up to its step, where the
 * volumetric weight is L × W × H (cm) / divisor summed over the pieces. Exact decimals, so
 * 2.3 kg stays 2.3 kg.
 *
 * @throws ValidationError naming the field
 * @example
 * const w = chargeableWeight({ weightKg: 2.3, pieces: [{ lengthCm: 40, widthCm: 30, heightCm: 20 }], volumetricDivisor: 6000, weightStepKg: 0.5 });
 * w.volumetricKg?.toString() // '4'
 * w.chargeableKg.toString() // '4'
 * w.billedBy // 'volumetric'
 */
export function chargeableWeight(input: z.input<typeof chargeableWeightInputSchema>): ChargeableWeight {
  const parsed = parseInput(chargeableWeightInputSchema, input);
  return computeChargeableWeight(
    parsed.weightKg,
    shipmentVolumeCm3(parsed),
    parsed.volumetricDivisor,
    parsed.weightStepKg,
  );
}
