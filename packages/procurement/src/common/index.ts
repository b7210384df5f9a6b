export { compareCodePoints } from './compare.js';
export { EXCLUSION_CODES, type ExclusionCode, type ExclusionReason, exclusionReason } from './exclusions.js';
export { addPeriods, PERIODS, type Period, periodSchema, periodStart, periodsBetween } from './periods.js';
export {
  DEFAULT_ZONE,
  idempotencyKeySchema,
  instantSchema,
  invoiceRoundingSchema,
  MAX_QUANTITY,
  procurementCurrencySchema,
  procurementIdSchema,
  procurementTextSchema,
  quantitySchema,
  UNIT_PRICE_DECIMALS,
  uniqueIdsSchema,
  unitPriceSchema,
  zoneSchema,
} from './schemas.js';
