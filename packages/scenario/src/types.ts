/**
 * The plain values a scenario is made of. Everything is JSON-safe except the order table, which
 * holds typed arrays so that a million order lines stay a few megabytes.
 */

/** One of the five macro-regions the scenario covers. */
export type RegionId = '华东' | '华南' | '华北' | '西南' | '华中';

/** One of the three verticals. */
export type VerticalId = 'fresh' | 'apparel' | 'industrial';

/** A size class of merchant. */
export type MerchantSize = 'micro' | 'small' | 'medium' | 'large';

/** How a SKU's demand behaves. */
export type DemandPattern = 'smooth' | 'seasonal' | 'trend' | 'intermittent';

/**
 * A macro-region: its cities and its regional warehouse.
 *
 * @example
 * const east: Region = { id: '华东', name: 'East China', warehouseId: 'WH-SH', cityIds: ['上海', '杭州'], weight: 0.32 };
 */
export interface Region {
  id: RegionId;
  name: string;
  warehouseId: string;
  cityIds: string[];
  /** Share of the platform's demand the region carries. */
  weight: number;
}

/**
 * A city with its real coordinates (city centre, WGS-84 degrees).
 *
 * @example
 * const hz: City = { id: '杭州', name: 'Hangzhou', province: '浙江', area: '浙江/杭州', region: '华东', lat: 30.2741, lng: 120.1551 };
 */
export interface City {
  id: string;
  name: string;
  province: string;
  /** The region string carriers and consolidation use: `province/city`, or the municipality alone. */
  area: string;
  region: RegionId;
  lat: number;
  lng: number;
}

/**
 * A regional warehouse.
 *
 * @example
 * const wh: Warehouse = { id: 'WH-SH', name: '上海青浦仓', cityId: '上海', region: '华东', lat: 31.151, lng: 121.124, coldChain: true };
 */
export interface Warehouse {
  id: string;
  name: string;
  cityId: string;
  region: RegionId;
  lat: number;
  lng: number;
  /** Whether it has cold rooms: fresh SKUs are stocked and moved only between cold-chain sites. */
  coldChain: boolean;
}

/**
 * A line-haul lane between two warehouses (both directions have their own lane).
 *
 * @example
 * const lane: Lane = { from: 'WH-SH', to: 'WH-WH', distanceKm: 860, leadTimeDays: 2, costPerKg: '0.42', coldChain: false, coldCostPerKg: null };
 */
export interface Lane {
  from: string;
  to: string;
  /** Road distance: the great-circle distance × 1.25. */
  distanceKm: number;
  leadTimeDays: number;
  /** Dry line-haul cost per kg, a decimal string in CNY. */
  costPerKg: string;
  /** Whether a reefer service runs on the lane (both ends cold-chain). */
  coldChain: boolean;
  /** Reefer cost per kg, `null` without cold chain. */
  coldCostPerKg: string | null;
}

/**
 * What sets a vertical apart.
 *
 * @example
 * const fresh: VerticalTraits = VERTICALS.find((v) => v.id === 'fresh')!.traits;
 */
export interface VerticalTraits {
  /** Shelf life range in days, `null` for goods that keep. */
  shelfLifeDays: [number, number] | null;
  /** Needs refrigerated storage and transport. */
  coldChain: boolean;
  /** Strength of the yearly cycle (0: none). */
  seasonality: number;
  /** Share of the catalogue whose demand follows fashion: rises and fades. */
  trendShare: number;
  /** Share of the catalogue with intermittent demand (ADI well above 1.32). */
  intermittentShare: number;
  /** Incoming inspection on every lot, quality cases opened as high priority. */
  strictQuality: boolean;
  /** Demand on a weekend or holiday, relative to a working day. */
  restDayFactor: number;
  /** Share of delivered orders that come back as after-sales cases. */
  caseRate: number;
}

/**
 * A vertical: its traits, the documents a supplier needs, and the kinds of business customer it serves.
 *
 * @example
 * VERTICALS.map((v) => v.id) // ['fresh', 'apparel', 'industrial']
 */
export interface Vertical {
  id: VerticalId;
  name: string;
  traits: VerticalTraits;
  requiredDocuments: string[];
  customerKinds: string[];
}

/**
 * A SKU of the catalogue.
 *
 * @example
 * const sku: Sku = scenario.skus[0]!; // { sku: 'FR-001', name: '有机菠菜 500g×20', vertical: 'fresh', unitPrice: '46.00', ... }
 */
export interface Sku {
  sku: string;
  name: string;
  vertical: VerticalId;
  /** The platform's list price to merchants, a decimal string in CNY. */
  unitPrice: string;
  /** The list price in fen. */
  priceMinor: number;
  /** What the platform usually pays a supplier, a decimal string (the agreements' base). */
  unitCost: string;
  weightKg: number;
  volumeM3: number;
  /** Units per carton: suppliers ship and transfers move whole cartons. */
  packSize: number;
  shelfLifeDays: number | null;
  coldChain: boolean;
  pattern: DemandPattern;
  /** Day of year (1-366) of the seasonal peak, for seasonal SKUs. */
  peakDayOfYear: number | null;
  /** A fashion item's life (day index of its peak, spread in days), for trend SKUs. */
  trend: { peakDay: number; widthDays: number } | null;
  /** Mean units per order line. */
  meanLineQuantity: number;
  /** Replenishment lead time from the supplier, in days. */
  leadTimeDays: number;
}

/**
 * A supplier document (licence, certificate): its kind, number and validity.
 *
 * @example
 * const doc: SupplierDocument = { kind: 'iso-9001', number: 'ISO-2231', validFrom: null, expiresAt: '2027-06-30T00:00:00+08:00' };
 */
export interface SupplierDocument {
  kind: string;
  number: string;
  validFrom: string | null;
  /** ISO instant; `null` when it never expires. */
  expiresAt: string | null;
}

/**
 * A supplier of one vertical and its qualification documents.
 *
 * @example
 * const supplier: Supplier = scenario.suppliers[0]!;
 */
export interface Supplier {
  supplierId: string;
  name: string;
  vertical: VerticalId;
  cityId: string;
  documents: SupplierDocument[];
}

/**
 * A framework agreement with tiered all-units prices.
 *
 * @example
 * const a: Agreement = { agreementId: 'AG-FR-001-1', supplierId: 'SUP-FR-1', sku: 'FR-001', packSize: 1, moq: 10,
 *   tiers: [{ minQuantity: 1, unitPrice: '30.24' }, { minQuantity: 60, unitPrice: '28.00' }], capacity: null, leadTimeDays: 2, validFrom: '2024-01-01T00:00:00+08:00' };
 */
export interface Agreement {
  agreementId: string;
  supplierId: string;
  sku: string;
  packSize: number;
  moq: number;
  tiers: { minQuantity: number; unitPrice: string }[];
  /** Most units a month, or `null` for no limit. */
  capacity: { quantity: number; period: 'month' } | null;
  leadTimeDays: number;
  validFrom: string;
}

/** 首重/续重 pricing. */
export interface FirstAdditionalPricing {
  type: 'first-additional';
  firstWeightKg: number;
  firstPrice: string;
  stepKg: number;
  stepPrice: string;
}

/** Per-kg LTL pricing by weight break. */
export interface WeightBreaksPricing {
  type: 'weight-breaks';
  breaks: { fromKg: number; perKg: string }[];
}

/**
 * A carrier's rate card, in the shape `@s2b2b/logistics` `quote` takes.
 *
 * @example
 * const card: CarrierRateCard = scenario.carriers.find((c) => c.carrierId === 'SF')!;
 */
export interface CarrierRateCard {
  carrierId: string;
  name: string;
  mode: 'parcel' | 'ltl';
  /** cm³ per kg for volumetric weight, `null` to bill actual weight only. */
  volumetricDivisor: number | null;
  weightStepKg: number;
  minimumCharge?: string;
  fuelRate?: string;
  score: number;
  /** Whether the carrier runs refrigerated service (fresh goods travel only with one that does). */
  coldChain: boolean;
  zones: {
    id: string;
    lanes: { from: string; to: string }[];
    transitDays: number;
    pricing: FirstAdditionalPricing | WeightBreaksPricing;
  }[];
}

/**
 * What a warehouse ships with: its own vans for deliveries in its city (routed), and 4.2 m
 * trucks hired per trip to the other cities of its region (consolidated), priced
 * `baseCost + perKm × road km`.
 *
 * @example
 * const fleet: Fleet = scenario.fleets[0]!; // { warehouseId: 'WH-SH', van: { id: 'van-WH-SH', capacityKg: 1200, ... }, truck: { ... } }
 */
export interface Fleet {
  warehouseId: string;
  van: { id: string; capacityKg: number; capacityM3: number; count: number; maxDistanceKm: number };
  truck: { id: string; capacityKg: number; capacityM3: number; baseCost: string; perKm: string };
}

/**
 * A merchant (the first B): it buys from the platform for its own business customers.
 *
 * @example
 * const m: Merchant = scenario.merchants[0]!; // { merchantId: 'M-001', name: '华东鲜生', size: 'medium', region: '华东', ... }
 */
export interface Merchant {
  merchantId: string;
  name: string;
  size: MerchantSize;
  region: RegionId;
  cityId: string;
  verticals: VerticalId[];
  /** A bureau-style credit score (300-850). */
  creditScore: number;
  /** Whether it pays at checkout with purchase loans on its credit line. */
  usesCredit: boolean;
}

/**
 * A merchant's business customer (the second B): a restaurant, a boutique, a factory.
 *
 * @example
 * const c: Customer = scenario.customers[0]!;
 */
export interface Customer {
  customerId: string;
  name: string;
  merchantId: string;
  kind: string;
  vertical: VerticalId;
  cityId: string;
  region: RegionId;
  lat: number;
  lng: number;
  /** Relative order frequency among the customers of its region and vertical. */
  weight: number;
  /** First day (index) it orders. */
  joinDay: number;
  /** Day (index) from which it no longer orders; `null` when it stays. */
  leaveDay: number | null;
}

/** A promotion template of the scenario. */
export type ScenarioPromotionType = 'threshold' | 'percent-off' | 'flash-sale';

/**
 * A promotion of the scenario's calendar, in terms close to `@s2b2b/promotions`: a platform
 * campaign (满减), a clearance (打折) or a flash sale (秒杀) of one SKU.
 *
 * @example
 * const p: ScenarioPromotion = scenario.promotions.find((p) => p.type === 'threshold')!;
 */
export interface ScenarioPromotion {
  id: string;
  name: string;
  type: ScenarioPromotionType;
  /** ISO instants (+08:00): inclusive start, exclusive end. */
  startsAt: string;
  endsAt: string;
  /** Day indexes it covers, inclusive. */
  firstDay: number;
  lastDay: number;
  /** The SKUs it covers; `null` for the verticals named. */
  skus: string[] | null;
  verticals: VerticalId[];
  /** 满减 tiers. */
  tiers?: { spend: string; off: string }[];
  /** 打折: the rate off, e.g. '30%'. */
  percentOff?: string;
  /** 秒杀: the price, the units on offer and the limit per customer. */
  price?: string;
  stock?: number;
  perCustomerLimit?: number;
  /** How much it lifts the demand of what it covers. */
  uplift: number;
}

/**
 * Two years of orders and the simulated day's, column by column. Lines are sorted by day, then
 * order; each order's lines are contiguous (`orderFirstLine`, `orderLineCount`), one line per
 * SKU. Day indexes count from `calendar.start`; day `calendar.historyDays` is the simulated day.
 *
 * @example
 * const { orders } = generateScenario({ seed: 1, scale: 'small' });
 * orders.lineSku[0]; // index into scenario.skus
 */
export interface OrderTable {
  orderCount: number;
  lineCount: number;
  orderDay: Uint16Array;
  /** Index into `customers`. */
  orderCustomer: Uint32Array;
  /** Minute of the day (Asia/Shanghai) the order was placed. */
  orderMinute: Uint16Array;
  orderFirstLine: Uint32Array;
  orderLineCount: Uint16Array;
  lineOrder: Uint32Array;
  /** Index into `skus`. */
  lineSku: Uint16Array;
  lineQuantity: Uint32Array;
  /** 1 + index into `promotions` of the promotion that drew the line, 0 for none. */
  linePromotion: Uint16Array;
}

/**
 * Stock on hand at a warehouse when the simulated day starts.
 *
 * @example
 * const s: OpeningStock = { warehouseId: 'WH-SH', sku: 'FR-001', quantity: 240 };
 */
export interface OpeningStock {
  warehouseId: string;
  sku: string;
  quantity: number;
}

/**
 * The scenario's dates: day 0 is `start`, history runs for `historyDays` days, then comes `day`.
 *
 * @example
 * scenario.calendar // { start: '2024-11-11', historyDays: 730, day: '2026-11-11', zone: 'Asia/Shanghai' }
 */
export interface ScenarioCalendar {
  start: string;
  historyDays: number;
  day: string;
  zone: 'Asia/Shanghai';
}
