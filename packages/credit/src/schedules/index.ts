export {
  type AllocatedDue,
  allocateRepayment,
  type ComponentAmounts,
  type RepaymentAllocation,
} from './allocate-repayment.js';
export { equalInstallmentAmount } from './installment-amount.js';
export { repaymentSchedule } from './repayment-schedule.js';
export { scheduleDates } from './schedule-dates.js';
export type { RepaymentSchedule, ScheduledInstallment, SchedulePeriod } from './schedule-types.js';
export * from './schemas.js';
