import { createRng, parseInput } from '@s2b2b/core';
import { SCENARIO_CALENDAR, scenarioDays } from './calendar.js';
import { carrierCards } from './carriers.js';
import { generateCatalog } from './catalog.js';
import { demandRates } from './demand-rates.js';
import { CITIES, REGIONS, WAREHOUSES } from './geography.js';
import { generateCustomers, generateMerchants } from './merchants.js';
import { fleetsFor, lanesBetween } from './network.js';
import { openingStock } from './opening-stock.js';
import { generateOrders } from './orders.js';
import { generatePromotions } from './promotions.js';
import { SCALES, type ScaleName, type ScaleSettings } from './scales.js';
import { type ScenarioOptions, scenarioOptionsSchema } from './schemas.js';
import { generateAgreements, generateSuppliers } from './suppliers.js';
import type {
  Agreement,
  CarrierRateCard,
  City,
  Customer,
  Fleet,
  Lane,
  Merchant,
  OpeningStock,
  OrderTable,
  Region,
  ScenarioCalendar,
  ScenarioPromotion,
  Sku,
  Supplier,
  Vertical,
  Warehouse,
} from './types.js';
import { VERTICALS } from './verticals.js';

/**
 * A whole S2B2B world: where it is, what it sells, who supplies and carries it, who buys it and
 * two years of what they bought, plus the simulated day's orders and the stock it starts with.
 *
 * @example
 * const scenario: Scenario = generateScenario({ seed: 42, scale: 'small' });
 */
export interface Scenario {
  seed: number;
  scale: ScaleName;
  settings: ScaleSettings;
  calendar: ScenarioCalendar;
  regions: Region[];
  cities: City[];
  warehouses: Warehouse[];
  lanes: Lane[];
  fleets: Fleet[];
  verticals: Vertical[];
  skus: Sku[];
  suppliers: Supplier[];
  agreements: Agreement[];
  carriers: CarrierRateCard[];
  merchants: Merchant[];
  customers: Customer[];
  promotions: ScenarioPromotion[];
  orders: OrderTable;
  openingStock: OpeningStock[];
}

/**
 * Generates a scenario, deterministically: the same seed and scale give the same world, value
 * for value, on every machine (every draw comes from `createRng(seed)`, one forked stream per
 * part, so changing one part's size never reshuffles another's draws). The cities keep their
 * real coordinates; the orders follow the demand model of `demandRates` on the China calendar.
 *
 * @throws ValidationError naming `seed` or `scale`
 * @example
 * const world = generateScenario({ seed: 42, scale: 'small' });
 * world.orders.lineCount; // about 30,000 lines of history, plus the day's
 * world.calendar.day; // '2026-11-11'
 */
export function generateScenario(options: ScenarioOptions = {}): Scenario {
  const { seed, scale } = parseInput(scenarioOptionsSchema, options);
  const settings = SCALES[scale];
  const rng = createRng(seed);
  const calendar = SCENARIO_CALENDAR;
  const days = scenarioDays(calendar);

  const regions = REGIONS.map((r) => ({ ...r, cityIds: r.cityIds.slice(0, settings.citiesPerRegion) }));
  const cities = CITIES.filter((c) => regions.some((r) => r.cityIds.includes(c.id)));
  const warehouses = WAREHOUSES.map((w) => ({ ...w }));
  const skus = generateCatalog(rng.fork('catalog'), settings);
  const suppliers = generateSuppliers(rng.fork('suppliers'), settings);
  const agreements = generateAgreements(rng.fork('agreements'), skus, suppliers);
  const merchants = generateMerchants(rng.fork('merchants'), settings, regions, cities);
  const customers = generateCustomers(
    rng.fork('customers'),
    settings,
    merchants,
    cities,
    calendar.historyDays,
  );
  const promotions = generatePromotions(rng.fork('promotions'), skus, calendar);

  const served = new Set(customers.map((c) => `${c.region}/${c.vertical}`));
  const demand = demandRates({
    rng: rng.fork('demand'),
    skus,
    regions,
    days,
    promotions,
    hasCustomers: (s, r) => served.has(`${regions[r]!.id}/${skus[s]!.vertical}`),
    targetLines: settings.targetLines,
  });
  const orders = generateOrders({
    rng: rng.fork('orders'),
    skus,
    customers,
    regions,
    days: days.length,
    demand,
  });
  const world = { calendar, regions, skus, customers, orders, warehouses };
  return {
    seed,
    scale,
    settings,
    calendar,
    regions,
    cities,
    warehouses,
    lanes: lanesBetween(warehouses),
    fleets: fleetsFor(warehouses, settings),
    verticals: VERTICALS.map((v) => structuredClone(v)),
    skus,
    suppliers,
    agreements,
    carriers: carrierCards(warehouses),
    merchants,
    customers,
    promotions,
    orders,
    openingStock: openingStock(rng.fork('stock'), world),
  };
}
