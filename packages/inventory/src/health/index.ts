export { type AgingBucket, type AgingLot, ageBuckets, DEFAULT_AGING_EDGES } from './aging.js';
export {
  classifyMovement,
  DEFAULT_MOVEMENT_THRESHOLDS,
  type MovementClass,
  type MovementFacts,
  recommendAction,
  type StockAction,
} from './classify.js';
export { averageDailyDemand, daysOfCover } from './days-of-cover.js';
export { daysSinceLastSale } from './days-since-last-sale.js';
export { fifoLots, type RemainingLot } from './fifo.js';
export * from './schemas.js';
export { sellThrough, sellThroughOfReceived } from './sell-through.js';
export {
  type StockHealthReport,
  type StockHealthRow,
  stockHealthReport,
  type ValuedAgingBucket,
} from './stock-health-report.js';
export { averageInventory, daysOfInventory, inventoryTurnover } from './turnover.js';
