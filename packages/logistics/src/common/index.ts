export { compareCodePoints } from './compare.js';
export {
  amountSchema,
  calendarDateSchema,
  instantSchema,
  lengthCmSchema,
  logisticsIdSchema,
  logisticsTextSchema,
  rateSchema,
  regionPatternSchema,
  regionSchema,
  volumeM3Schema,
  weightFromKgSchema,
  weightKgSchema,
} from './inputs.js';
export { mostSpecificCover, regionCovers, regionSpecificity } from './region.js';
