import { DomainError, parseInput } from '@s2b2b/core';
import type { z } from 'zod';
import { binOf } from './bin-of.js';
import {
  type BinStatisticsInput,
  binStatisticsInputSchema,
  type WoeTableInput,
  woeTableInputSchema,
  type zeroAdjustmentSchema,
} from './schemas.js';

/**
 * One bin of a WOE table.
 *
 * @example
 * const row: WoeBin = { label: 'A', goods: 300, bads: 10, distrGood: 0.6, distrBad: 0.2, woe: 1.0986, iv: 0.4394 }
 */
export interface WoeBin {
  label: string;
  /** Counts as given (before any zero adjustment). */
  goods: number;
  bads: number;
  /** Share of all goods in the bin (after the zero adjustment). */
  distrGood: number;
  /** Share of all bads in the bin (after the zero adjustment). */
  distrBad: number;
  /** ln(distrGood / distrBad): positive where the bin is safer than average. */
  woe: number;
  /** (distrGood − distrBad) · woe: the bin's part of the information value (never negative). */
  iv: number;
}

/**
 * A WOE table and the information value of the characteristic.
 *
 * @example
 * const t: WoeTable = { bins: [], iv: 0.67, strength: 'strong', totalGoods: 500, totalBads: 50 }
 */
export interface WoeTable {
  bins: WoeBin[];
  /** Σ over the bins of (distrGood − distrBad) · woe. */
  iv: number;
  strength: IvStrength;
  totalGoods: number;
  totalBads: number;
}

/**
 * The usual reading of an information value (Siddiqi): < 0.02 `unpredictive`, < 0.1 `weak`,
 * < 0.3 `medium`, otherwise `strong` (above 0.5, check the bin is not a proxy for the outcome).
 *
 * @example
 * const s: IvStrength = 'medium'
 */
export type IvStrength = 'unpredictive' | 'weak' | 'medium' | 'strong';

/**
 * The strength label of an information value.
 *
 * @example
 * ivStrength(0.015) // 'unpredictive'
 * ivStrength(0.25) // 'medium'
 */
export function ivStrength(iv: number): IvStrength {
  if (iv < 0.02) return 'unpredictive';
  if (iv < 0.1) return 'weak';
  if (iv < 0.3) return 'medium';
  return 'strong';
}

/**
 * Weight of evidence and information value from good and bad counts per bin:
 *
 * - distrGoodᵢ = goodsᵢ / Σ goods, distrBadᵢ = badsᵢ / Σ bads;
 * - WOEᵢ = ln(distrGoodᵢ / distrBadᵢ) — the good/bad convention of Siddiqi, so a positive WOE
 *   marks a safer bin and scorecard points rise with it (scorecardpy writes ln(distrBad /
 *   distrGood), the same numbers with the opposite sign);
 * - IV = Σ (distrGoodᵢ − distrBadᵢ) · WOEᵢ — identical under either sign convention.
 *
 * Empty cells: ln 0 is undefined, so by default (`replace-zero`, as scorecardpy) a zero good or
 * bad count is replaced by 0.9 before the distributions are taken; `add-to-all` adds 0.5 (or
 * `value`) to every count instead. The adjustment applies only to distributions, WOE and IV;
 * `goods` and `bads` are reported as given.
 *
 * @throws ValidationError naming the field; DomainError `WOE_NEEDS_BOTH_CLASSES` when there are
 *   no goods or no bads at all
 * @example
 * woeTable({ bins: [{ label: 'A', goods: 300, bads: 10 }, { label: 'B', goods: 200, bads: 40 }] })
 * // A: distrGood 0.6, distrBad 0.2, woe ln 3 = 1.0986; B: 0.4, 0.8, ln 0.5 = −0.6931; iv 0.4394 + 0.2773 = 0.7167
 */
export function woeTable(input: WoeTableInput): WoeTable {
  const parsed = parseInput(woeTableInputSchema, input);
  return woeOf(parsed.bins, parsed.zeroAdjustment);
}

/**
 * WOE on parsed counts. Internal (not exported from the package).
 *
 * @example
 * woeOf([{ label: 'A', goods: 300, bads: 10 }, { label: 'B', goods: 200, bads: 40 }], { method: 'replace-zero' }).iv // 0.7167
 */
export function woeOf(
  bins: readonly { label: string; goods: number; bads: number }[],
  adjustment: z.output<typeof zeroAdjustmentSchema>,
): WoeTable {
  const totalGoods = bins.reduce((s, b) => s + b.goods, 0);
  const totalBads = bins.reduce((s, b) => s + b.bads, 0);
  if (totalGoods === 0 || totalBads === 0) {
    throw new DomainError(
      'WOE_NEEDS_BOTH_CLASSES',
      `WOE needs goods and bads; got ${totalGoods} goods and ${totalBads} bads`,
      { totalGoods, totalBads },
    );
  }
  const adjust =
    adjustment.method === 'replace-zero'
      ? (count: number) => (count === 0 ? (adjustment.value ?? 0.9) : count)
      : (count: number) => count + (adjustment.value ?? 0.5);
  const goods = bins.map((b) => adjust(b.goods));
  const bads = bins.map((b) => adjust(b.bads));
  const sumGoods = goods.reduce((s, x) => s + x, 0);
  const sumBads = bads.reduce((s, x) => s + x, 0);
  let iv = 0;
  const rows = bins.map((b, i) => {
    const distrGood = goods[i]! / sumGoods;
    const distrBad = bads[i]! / sumBads;
    const woe = Math.log(distrGood / distrBad);
    const part = (distrGood - distrBad) * woe;
    iv += part;
    return { label: b.label, goods: b.goods, bads: b.bads, distrGood, distrBad, woe, iv: part };
  });
  return { bins: rows, iv, strength: ivStrength(iv), totalGoods, totalBads };
}

/**
 * Counts labelled observations into a feature's bins and returns their WOE table — the first
 * step of building a scorecard from history. An observation whose value is missing goes to the
 * `missing` bin; with no such bin it is a `DomainError`.
 *
 * @throws ValidationError naming the field (bins with gaps or overlaps: `bins.<i>.min`);
 *   DomainError `FEATURE_MISSING` (a missing value and no missing bin), `WOE_NEEDS_BOTH_CLASSES`
 * @example
 * binStatistics({
 *   observations: [{ features: { tenureMonths: 3 }, bad: true }, { features: { tenureMonths: 30 }, bad: false }, { features: { tenureMonths: 6 }, bad: false }],
 *   feature: 'tenureMonths',
 *   bins: [{ label: '<12', max: 12 }, { label: '12+', min: 12 }],
 * }).bins.map((b) => [b.goods, b.bads]) // [[1, 1], [1, 0]]
 */
export function binStatistics(input: BinStatisticsInput): WoeTable {
  const parsed = parseInput(binStatisticsInputSchema, input);
  const counts = parsed.bins.map((bin) => ({ label: bin.label, goods: 0, bads: 0 }));
  parsed.observations.forEach((o, i) => {
    const value = o.features[parsed.feature];
    const index = binOf(value, parsed.bins);
    if (index < 0) {
      throw new DomainError(
        'FEATURE_MISSING',
        `Observation ${i} has no value for ${parsed.feature} and the bins have no missing bin`,
        { feature: parsed.feature, observation: i },
      );
    }
    if (o.bad) counts[index]!.bads += 1;
    else counts[index]!.goods += 1;
  });
  return woeOf(counts, parsed.zeroAdjustment);
}
