export { assessCredit, type CreditAssessment } from './assess-credit.js';
export { type BuiltScorecard, buildScorecard } from './build-scorecard.js';
export { creditLimit, type LimitBinding, type LimitDecision, roundToUnit } from './credit-limit.js';
export {
  fitLogisticRegression,
  type LogisticFit,
  type LogisticRegressionInput,
  logisticRegressionInputSchema,
} from './logistic-regression.js';
export { type OperatingFeatures, operatingFeatures } from './operating-features.js';
export { type LimitReview, type ReviewRule, reviewLimit } from './review-limit.js';
export * from './schemas.js';
export {
  oddsFromScore,
  probabilityOfBad,
  type ScoreScaling,
  scoreFromBadOdds,
  scoreFromOdds,
  scoreScaling,
} from './score-scaling.js';
export {
  type CharacteristicPoints,
  createScorer,
  type ReasonCode,
  type ScoreResult,
  type Scorer,
  scoreApplicant,
} from './scorecard.js';
export { binStatistics, type IvStrength, ivStrength, type WoeBin, type WoeTable, woeTable } from './woe.js';
export { type WorkingCapitalNeed, workingCapitalNeed } from './working-capital.js';
