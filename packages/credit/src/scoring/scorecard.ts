import { DomainError, parseInput } from '@s2b2b/core';
import { binOf } from './bin-of.js';
import {
  featureValuesSchema,
  maxReasonsSchema,
  type ScoreApplicantInput,
  type Scorecard,
  type ScorecardInput,
  scoreApplicantInputSchema,
  scorecardSchema,
} from './schemas.js';
import { oddsFromScore, probabilityOfBad, scoreScaling } from './score-scaling.js';

/**
 * What one characteristic contributed.
 *
 * @example
 * const p: CharacteristicPoints = { feature: 'tenureMonths', value: 8, bin: '<12', points: 12, maxPoints: 48, shortfall: 36, reasonCode: 'SHORT_TENURE' }
 */
export interface CharacteristicPoints {
  feature: string;
  /** The value scored (`null` when missing). */
  value: number | null;
  /** The label of the bin it fell in. */
  bin: string;
  points: number;
  /** The most points any bin of the characteristic gives. */
  maxPoints: number;
  /** maxPoints − points: what the applicant lost here. */
  shortfall: number;
  reasonCode: string;
}

/**
 * An adverse-action reason: a characteristic that cost points, with how many.
 *
 * @example
 * const r: ReasonCode = { code: 'SHORT_TENURE', feature: 'tenureMonths', bin: '<12', shortfall: 36 }
 */
export interface ReasonCode {
  code: string;
  feature: string;
  bin: string;
  /** Points below the characteristic's best bin. */
  shortfall: number;
}

/**
 * A scored applicant.
 *
 * @example
 * const r: ScoreResult = { score: 612, odds: 75.8, probabilityOfBad: 0.013, basePoints: 480, characteristics: [], reasons: [] }
 */
export interface ScoreResult {
  /** basePoints + Σ characteristic points. */
  score: number;
  /** The good:bad odds the score stands for under the scorecard's scaling. */
  odds: number;
  /** 1 / (1 + odds). */
  probabilityOfBad: number;
  basePoints: number;
  characteristics: CharacteristicPoints[];
  /** Characteristics that cost points, most points lost first (ties: scorecard order), at most maxReasons. */
  reasons: ReasonCode[];
}

/**
 * Scores an applicant on a points scorecard: each characteristic's feature value falls in
 * exactly one bin (numeric bins tile (−∞, +∞); `null` or absent values go to the `missing`
 * bin), score = basePoints + Σ points. The reason codes are the adverse-action reasons of
 * the "points below maximum" method: characteristics ranked by how far their points fall
 * short of their best bin, largest first, zero shortfalls left out.
 *
 * @throws ValidationError naming the field (bins with gaps or overlaps, a feature scored twice,
 *   non-finite values); DomainError `FEATURE_MISSING` when a value is missing and its
 *   characteristic has no `missing` bin
 * @example
 * const card = { basePoints: 500, characteristics: [
 *   { feature: 'tenureMonths', reasonCode: 'SHORT_TENURE', bins: [{ label: '<12', max: 12, points: 10 }, { label: '12+', min: 12, points: 40 }] },
 *   { feature: 'onTimeRepaymentRate', reasonCode: 'LATE_REPAYMENTS', bins: [{ label: '<0.9', max: 0.9, points: 0 }, { label: '0.9+', min: 0.9, points: 60 }, { label: 'none', missing: true, points: 20 }] },
 * ] }
 * const r = scoreApplicant({ scorecard: card, features: { tenureMonths: 8, onTimeRepaymentRate: null } })
 * r.score // 530
 * r.reasons.map((x) => x.code) // ['LATE_REPAYMENTS', 'SHORT_TENURE'] (40 and 30 points short)
 */
export function scoreApplicant(input: ScoreApplicantInput): ScoreResult {
  const parsed = parseInput(scoreApplicantInputSchema, input);
  return scoreParsed(parsed.scorecard, parsed.features, parsed.maxReasons);
}

/**
 * Scoring on parsed input. Internal (not exported from the package).
 *
 * @example
 * scoreParsed(scorecardSchema.parse(card), { tenureMonths: 8 }, 4).score
 */
export function scoreParsed(
  card: Scorecard,
  features: Readonly<Record<string, number | null | undefined>>,
  maxReasons: number,
): ScoreResult {
  const characteristics = card.characteristics.map((c): CharacteristicPoints => {
    const raw = features[c.feature];
    const value = raw === undefined ? null : raw;
    const index = binOf(value, c.bins);
    if (index < 0) {
      throw new DomainError(
        'FEATURE_MISSING',
        `No value for ${c.feature}, and its characteristic has no missing bin`,
        { feature: c.feature },
      );
    }
    const bin = c.bins[index]!;
    const maxPoints = Math.max(...c.bins.map((b) => b.points));
    return {
      feature: c.feature,
      value,
      bin: bin.label,
      points: bin.points,
      maxPoints,
      shortfall: maxPoints - bin.points,
      reasonCode: c.reasonCode,
    };
  });
  const score = characteristics.reduce((s, c) => s + c.points, card.basePoints);
  const scaling = scoreScaling(card.scaling);
  const reasons = characteristics
    .map((c, order) => ({ c, order }))
    .filter(({ c }) => c.shortfall > 0)
    .sort((a, b) => b.c.shortfall - a.c.shortfall || a.order - b.order)
    .slice(0, maxReasons)
    .map(({ c }) => ({ code: c.reasonCode, feature: c.feature, bin: c.bin, shortfall: c.shortfall }));
  return {
    score,
    odds: oddsFromScore(score, scaling),
    probabilityOfBad: probabilityOfBad(score, scaling),
    basePoints: card.basePoints,
    characteristics,
    reasons,
  };
}

/**
 * A scorecard validated once, for scoring many applicants.
 *
 * @example
 * const scorer: Scorer = createScorer(card)
 */
export interface Scorer {
  /** The validated scorecard (defaults filled in). */
  readonly scorecard: Scorecard;
  /** Scores one applicant, as `scoreApplicant` does (features validated, the card not again). */
  score(features: Readonly<Record<string, number | null | undefined>>, maxReasons?: number): ScoreResult;
}

/**
 * Validates a scorecard once and returns a scorer for many applicants — the same results as
 * `scoreApplicant`, without re-checking the bins on every call.
 *
 * @throws ValidationError naming the field (on the scorecard now, on `features` at each call)
 * @example
 * const scorer = createScorer(card)
 * const scores = merchants.map((m) => scorer.score(m.features).score)
 */
export function createScorer(scorecard: ScorecardInput): Scorer {
  const card = parseInput(scorecardSchema, scorecard, 'scorecard');
  return {
    scorecard: card,
    score(features, maxReasons = 4) {
      const values = parseInput(featureValuesSchema, features, 'features');
      const reasons = parseInput(maxReasonsSchema, maxReasons, 'maxReasons');
      return scoreParsed(card, values, reasons);
    },
  };
}
