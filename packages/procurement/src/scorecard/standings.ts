import { parseInput, ValidationError } from '@s2b2b/core';
import { z } from 'zod';
import { type Standing, standingsSchema } from './schemas.js';

/**
 * ERPNext's default supplier standings: Very Poor [0, 30) (blocks awards), Poor [30, 50)
 * (warns), Average [50, 80), Excellent [80, 100] — with 100 inside Excellent, which ERPNext's
 * `max_grade > score` test leaves out.
 *
 * @example
 * DEFAULT_STANDINGS.map((s) => s.name) // ['Very Poor', 'Poor', 'Average', 'Excellent']
 */
export const DEFAULT_STANDINGS: readonly Standing[] = Object.freeze([
  { name: 'Very Poor', min: 0, max: 30, warn: true },
  { name: 'Poor', min: 30, max: 50, warn: true },
  { name: 'Average', min: 50, max: 80, warn: false },
  { name: 'Excellent', min: 80, max: 100, warn: false },
]);

/**
 * The standing a score falls in, and whether it blocks awards.
 *
 * @example
 * const { name, blocksAwards }: StandingResult = standingFor(42);
 */
export interface StandingResult extends Standing {
  /** The lowest standing blocks awards; no other does. */
  blocksAwards: boolean;
}

/**
 * The one standing a score in [0, 100] falls in: the standing whose `[min, max)` holds it, or
 * the top one for 100. Validated standings cover 0-100 without gap or overlap, so every score
 * has exactly one.
 *
 * @throws ValidationError when the standings do not cover 0-100 exactly, or the score is not a
 *   number in [0, 100]
 * @example
 * standingFor(30).name // 'Poor'
 * standingFor(29.9).blocksAwards // true
 * standingFor(100).name // 'Excellent'
 */
export function standingFor(
  score: number,
  standings: readonly Standing[] = DEFAULT_STANDINGS,
): StandingResult {
  const parsed = parseInput(standingsSchema, standings, 'standings');
  parseInput(z.number().min(0).max(100), score, 'score');
  return findStanding(score, parsed);
}

/**
 * {@link standingFor} on validated standings and score.
 *
 * @example
 * findStanding(55, DEFAULT_STANDINGS).name // 'Average'
 */
export function findStanding(score: number, standings: readonly Standing[]): StandingResult {
  const last = standings.length - 1;
  for (let index = 0; index <= last; index++) {
    const standing = standings[index]!;
    if (score >= standing.min && (score < standing.max || (index === last && score <= standing.max))) {
      return { ...standing, blocksAwards: index === 0 };
    }
  }
  throw ValidationError.field('score', `No standing holds ${score}`, 'too_big');
}
