export { type EoqResult, economicOrderQuantity } from './eoq.js';
export {
  type DemandMoments,
  demandMoments,
  type LeadTimeDemand,
  leadTimeDemand,
} from './lead-time-demand.js';
export { type NewsvendorResult, newsvendor, newsvendorCost } from './newsvendor.js';
export { normalCdf, normalPdf, normalQuantile, normalSurvival } from './normal.js';
export { inverseNormalLoss, logNormalLoss, normalLoss, normalSecondLoss } from './normal-loss.js';
export { type RoundedOrder, roundOrderQuantity } from './order-quantity.js';
export { poissonCdf, poissonLoss, poissonPmf, poissonSurvival } from './poisson.js';
export { type PoissonRqPolicy, poissonRqCost, poissonRqPolicy } from './poisson-rq.js';
export {
  inventoryPosition,
  type ReplenishmentDecision,
  type ReplenishmentPolicy,
  replenishmentOrder,
  replenishmentPolicy,
} from './replenishment-policy.js';
export { type RqPolicy, rqCost, rqPolicy } from './rq.js';
export { type SafetyStockResult, type ServiceLevels, safetyStock, serviceLevels } from './safety-stock.js';
export * from './schemas.js';
