export {
  type ChargeableWeight,
  chargeableWeight,
  chargeableWeightInputSchema,
  roundUpToStep,
} from './chargeable-weight.js';
export {
  type CarrierChoice,
  chooseCarrier,
  type ExcludedCarrier,
  type RankedCarrier,
} from './choose-carrier.js';
export { type CarrierQuote, type QuoteLine, type QuoteLineCode, type QuoteResult, quote } from './quote.js';
export { isRateCardSet, parseRateCards, type RateCardSet } from './rate-card-set.js';
export {
  type CarrierPreference,
  type ChooseCarrierOptions,
  carrierPreferenceSchema,
  chooseCarrierOptionsSchema,
  firstAdditionalPricingSchema,
  insuranceSchema,
  laneSchema,
  MAX_RATE_CARDS,
  type ParsedQuoteShipment,
  type ParsedRateCard,
  pieceSchema,
  pricingSchema,
  type QuoteShipment,
  quoteShipmentSchema,
  type RateCard,
  rateCardSchema,
  rateCardsSchema,
  rateZoneSchema,
  remoteAreaSchema,
  tariffVehicleSchema,
  vehiclePricingSchema,
  weightBreaksPricingSchema,
  weightTablePricingSchema,
} from './schemas.js';
export { QUOTE_UNAVAILABLE_REASONS, type UnavailableCarrier, type UnavailableReason } from './unavailable.js';
