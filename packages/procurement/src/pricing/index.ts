export {
  type BundlePrice,
  type BundleQuantityInput,
  expandBundle,
  expandParsedBundle,
  type PriceBundleInput,
  priceBundle,
} from './bundles.js';
export {
  compilePriceCurve,
  curveCost,
  curveCostFraction,
  curveTier,
  type PriceCurve,
} from './price-curve.js';
export {
  findTier,
  type PriceListInput,
  priceListSchema,
  priceQuantity,
  type QuantityPrice,
  type TierRange,
  tierRanges,
} from './price-quantity.js';
export {
  type Agreement,
  type AgreementInput,
  agreementSchema,
  type Bundle,
  bundleSchema,
  type Capacity,
  capacitySchema,
  MAX_TIERS,
  type PriceTier,
  type PricingMode,
  priceTierSchema,
  priceTiersSchema,
  pricingModeSchema,
} from './schemas.js';
