/**
 * `@s2b2b/scenario` — a seeded, deterministic S2B2B world to run the kit on: regions and cities
 * of China with real coordinates, regional warehouses and their lanes, three verticals (fresh
 * food, apparel, industrial supplies) with their traits, suppliers with tiered agreements and
 * qualification documents, carriers with rate cards, merchants of several sizes and their
 * business customers, and two years of daily orders with trend, weekly and yearly seasonality,
 * the Spring Festival, 618 and Double 11, promotions and intermittent items.
 *
 * @packageDocumentation
 */
export { type DayInfo, dateOfDay, dayInfo, dayOfDate, SCENARIO_CALENDAR, scenarioDays } from './calendar.js';
export { carrierCards } from './carriers.js';
export { fen, generateCatalog } from './catalog.js';
export { Column } from './columns.js';
export { type DemandRateOptions, type DemandRates, demandRates } from './demand-rates.js';
export {
  type DemandSeries,
  type DemandSeriesOptions,
  type DemandSource,
  demandSeries,
} from './demand-series.js';
export { generateScenario, type Scenario } from './generate-scenario.js';
export { CITIES, greatCircleKm, REGIONS, WAREHOUSES } from './geography.js';
export { generateCustomers, generateMerchants } from './merchants.js';
export { fleetsFor, lanesBetween, MAX_REEFER_KM, ROAD_FACTOR } from './network.js';
export { openingStock, RECENT_DAYS } from './opening-stock.js';
export { firstOrderOf, type OrderSource, type OrderView, ordersOn, orderView } from './order-views.js';
export { type GenerateOrdersOptions, generateOrders } from './orders.js';
export { FLASH_SALES_PER_YEAR, generatePromotions } from './promotions.js';
export { SCALE_NAMES, SCALES, type ScaleName, type ScaleSettings } from './scales.js';
export { type ScenarioOptions, scenarioOptionsSchema } from './schemas.js';
export {
  FESTIVAL_STRENGTH,
  growthFactor,
  lifecycleFactor,
  restFactor,
  shoppingFestivalFactor,
  springFestivalFactor,
  YEARLY_GROWTH,
  yearlyFactor,
} from './seasonality.js';
export { EXPIRED_ON, generateAgreements, generateSuppliers } from './suppliers.js';
export type * from './types.js';
export { VERTICALS, verticalOf } from './verticals.js';
