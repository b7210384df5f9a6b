export {
  planRebalancing,
  type RebalancingPlan,
  type Transfer,
  type UnmetReason,
  type WarehousePlan,
} from './plan-rebalancing.js';
export * from './schemas.js';
