export { DEFAULT_CRITERIA, scoreCriterion } from './criteria.js';
export { decayWeight } from './decay.js';
export { type DeliveryKpis, type DeliveryKpisInput, deliveryKpis, leadTimeStats, measure } from './kpis.js';
export { ratingFromScorecard } from './rating.js';
export {
  type Criterion,
  criteriaSchema,
  criterionSchema,
  type Decay,
  type DeliveryRecord,
  decaySchema,
  deliveryRecordSchema,
  KPIS,
  type Kpi,
  type ReturnRecord,
  returnRecordSchema,
  type ScoreSupplierInput,
  type Standing,
  scoreSupplierSchema,
  standingSchema,
  standingsSchema,
} from './schemas.js';
export { kpiValue, type Scorecard, type ScorecardPeriod, scoreSupplier } from './score-supplier.js';
export { DEFAULT_STANDINGS, findStanding, type StandingResult, standingFor } from './standings.js';
