export { type DaysPastDue, daysPastDue } from './days-past-due.js';
export {
  DEFAULT_DPD_BUCKETS,
  type DpdDistributionRow,
  dpdBucket,
  dpdDistribution,
  monthlyDpdBuckets,
} from './dpd-buckets.js';
export { type FreezeRule, type OverdueFreezeDecision, overdueFreezeDecision } from './overdue-freeze.js';
export * from './schemas.js';
