import { createIdGenerator, Money, ValidationError } from '@s2b2b/core';
import { createCreditService, trialBalance } from '@s2b2b/credit';
import { generateScenario, ordersOn, type ScaleName, type Scenario } from '@s2b2b/scenario';
import type { CliStream } from '../io.js';
import type { ReportHeadline } from '../report/model.js';
import type { OpenedStorage, StorageSession } from '../storage.js';
import { type AftersalesResult, runAftersales } from './aftersales-stage.js';
import { type CheckoutResult, runCheckout } from './checkout-stage.js';
import { dayContext } from './context.js';
import { type CreditLinesResult, openCreditLines } from './credit-stage.js';
import { type CrmResult, runCrm } from './crm-stage.js';
import { type DeliveryResult, runDelivery } from './delivery-stage.js';
import { type ForecastResult, runForecasts } from './forecast-stage.js';
import { headlinesOf } from './headlines.js';
import { type OpeningResult, openDay } from './opening-stage.js';
import { outboxTail } from './outbox.js';
import { type ProcurementResult, runProcurement } from './procurement-stage.js';
import { type RebalancingResult, runRebalancing } from './rebalancing-stage.js';
import { type ReplenishmentResult, runReplenishment, stockPolicies } from './replenishment-stage.js';
import { type StockHealthResult, stockHealth } from './stock-health-stage.js';

/**
 * Options of `runPlatformDay`.
 *
 * @example
 * const options: PlatformDayOptions = { session: storageSession(plan), seed: 42, scale: 'small', progress: io.stderr };
 */
export interface PlatformDayOptions {
  /** The storage to run on, as the CLI plans it (opened here if it is not yet); or give `storage`. */
  session?: StorageSession;
  /** A storage already opened by the host (every port: `createMemoryStorage()`, `createPostgresStorage()`), and its name for people. */
  storage?: { storage: OpenedStorage['storage']; kind: string };
  seed?: number;
  scale?: ScaleName;
  /** A scenario generated beforehand (then `seed` and `scale` are its own). */
  scenario?: Scenario;
  /** Suffix of every id the run writes (default: a fresh one), so runs on the same data never meet. */
  tag?: string;
  /** Where progress bars go (stderr); nothing is drawn unless it is a terminal. */
  progress?: CliStream | false;
  /** Genetic-search iterations of each route plan (default `VRP_ITERATIONS`). */
  vrpIterations?: number;
  /** Forecast series charted with their intervals for the report (default `CHARTS`, 4). */
  forecastCharts?: number;
}

/**
 * The day's invariants, each checked against what the storage holds.
 *
 * @example
 * Object.values(result.checks).every(Boolean) // true
 */
export interface PlatformDayChecks {
  /** Σ allocations = Σ purchase orders in every round, and nobody paid more than alone. */
  procurementBalanced: boolean;
  /** Every order's lines add up to its total; consolidation savings add up by merchant. */
  moneyBalances: boolean;
  /** No position below zero, and what is still reserved is exactly what the held orders reserved. */
  noOversell: boolean;
  /** No line drawn (with its holds) past its limit, and the credit ledger's debits equal its credits. */
  creditWithinLimits: boolean;
  /** Every route plan passes `evaluateVrpSolution`. */
  routesFeasible: boolean;
  /** Transfers take only free stock; every plan optimal. */
  transfersSound: boolean;
  /** Forecasts finite and non-negative, intervals nested. */
  forecastsSane: boolean;
}

/**
 * Everything the day did, JSON-safe (money as `{ amount, currency }`).
 *
 * @example
 * const result: PlatformDayResult = await runPlatformDay({ session, seed: 42, scale: 'small' });
 */
export interface PlatformDayResult {
  title: string;
  day: string;
  seed: number;
  scale: ScaleName;
  storage: string;
  tag: string;
  world: {
    regions: number;
    cities: number;
    warehouses: number;
    skus: number;
    suppliers: number;
    merchants: number;
    customers: number;
    historyOrders: number;
    historyLines: number;
    dayOrders: number;
  };
  opening: OpeningResult;
  procurement: ProcurementResult;
  forecasting: ForecastResult;
  replenishment: ReplenishmentResult;
  rebalancing: RebalancingResult;
  credit: CreditLinesResult & {
    /** Each line at the end of the day. */
    end: {
      lineId: string;
      merchantId: string;
      limit: string;
      drawn: string;
      pending: string;
      available: string;
    }[];
  };
  checkout: CheckoutResult;
  delivery: DeliveryResult;
  aftersales: AftersalesResult;
  crm: CrmResult;
  stock: StockHealthResult;
  checks: PlatformDayChecks;
  ok: boolean;
  headlines: ReportHeadline[];
  /** Events the day committed to the storage's outbox. */
  events: number;
  /** Milliseconds: scenario generation, each stage, and in all. */
  ms: Record<string, number>;
}

/**
 * Runs one day of an S2B2B platform, Double 11 of 2026, on the chosen storage through the real
 * packages, stage by stage: the day opens (warehouses, stock), the buying rounds close and are
 * awarded, demand is forecast per SKU × region and scored on the held-out weeks, safety stock and
 * reorder points are set and reorders placed, the warehouses are rebalanced, credit lines open,
 * every order checks out (promotions, a purchase-loan hold, a reservation without oversell), the
 * shipments are consolidated and routed, after-sales cases run their SLA clocks, customers are
 * segmented and followed up, and the day's stock is read back. Then every invariant is checked
 * against the storage and the headline numbers are drawn up.
 *
 * Deterministic: the same seed and scale give the same numbers on any storage; only the ids'
 * `tag` (fresh per run unless given) and the timings differ.
 *
 * @throws ValidationError naming `storage` when neither a storage nor a session is given, or
 *   `seed` / `scale` when they are bad
 * @example
 * const day = await runPlatformDay({ storage: { storage: createMemoryStorage(), kind: 'memory' }, seed: 42, scale: 'small' });
 * day.headlines; // [{ label: 'Procurement savings', value: '¥35,696.30', ... }, ...]
 * day.ok; // every invariant held
 */
export async function runPlatformDay(options: PlatformDayOptions): Promise<PlatformDayResult> {
  if (options.storage === undefined && options.session === undefined) {
    throw ValidationError.field(
      'storage',
      'Expected a storage ({ storage, kind }) or a session to run on',
      'invalid_type',
    );
  }
  const started = performance.now();
  const ms: Record<string, number> = {};
  const time = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const value = await work();
    ms[name] = Math.round(performance.now() - t0);
    return value;
  };
  const scenario = await time(
    'scenario',
    () => options.scenario ?? generateScenario({ seed: options.seed ?? 42, scale: options.scale ?? 'small' }),
  );
  const opened = options.storage ?? (await options.session!.open());
  const tag = options.tag ?? createIdGenerator({ prefix: 'day' })().slice(-6);
  const ctx = dayContext({ scenario, opened, tag, progress: options.progress ?? false });
  const outboxBefore = await outboxTail(ctx.storage.events, null);

  const opening = await time('opening', () => openDay(ctx));
  const procurement = await time('procurement', () => runProcurement(ctx));
  const forecasting = await time('forecasting', () => runForecasts(ctx, { charts: options.forecastCharts }));
  const policies = stockPolicies(scenario, forecasting.estimates);
  const rebalancing = await time('rebalancing', () => runRebalancing(ctx, forecasting.estimates, policies));
  const replenishment = await time('replenishment', () => runReplenishment(ctx, policies));
  const creditLines = await time('credit', () => openCreditLines(ctx));
  const checkout = await time('checkout', () => runCheckout(ctx, creditLines));
  const delivery = await time('delivery', () =>
    runDelivery(ctx, checkout.orders, { iterations: options.vrpIterations }),
  );
  const aftersales = await time('aftersales', () => runAftersales(ctx));
  const crm = await time('crm', () => runCrm(ctx, aftersales.complaints));
  const stock = await time('stock', () => stockHealth(ctx, forecasting.estimates, policies));

  // The checks read the storage back.
  const credit = createCreditService({ storage: ctx.storage });
  const end: PlatformDayResult['credit']['end'] = [];
  let withinLimits = true;
  for (const line of creditLines.lines) {
    const view = (await credit.getLine(line.lineId))!;
    const used = Money.fromJSON(view.drawn).add(Money.fromJSON(view.pending));
    withinLimits &&= used.lessThanOrEqual(Money.fromJSON(view.limit));
    end.push({
      lineId: ctx.label(line.lineId),
      merchantId: line.merchantId,
      limit: view.limit.amount,
      drawn: view.drawn.amount,
      pending: view.pending.amount,
      available: view.available.amount,
    });
  }
  const ledgerBalanced = trialBalance(await ctx.storage.credit.listAccounts()).balanced;
  const heldReserved = checkout.orders
    .filter((o) => o.reservationId !== null && Date.parse(o.placedAt) >= ctx.at(delivery.cutOff).getTime())
    .reduce((n, o) => n + o.lines.reduce((m, l) => m + l.reserved, 0), 0);
  const checks: PlatformDayChecks = {
    procurementBalanced: procurement.balanced && procurement.fair,
    moneyBalances: checkout.balanced && delivery.consolidation.fair,
    noOversell: stock.neverNegative && stock.reserved === heldReserved,
    creditWithinLimits: withinLimits && ledgerBalanced,
    routesFeasible: delivery.feasible,
    transfersSound: rebalancing.withinSurplus && rebalancing.optimal,
    forecastsSane: forecasting.sane,
  };
  const events = (await outboxTail(ctx.storage.events, outboxBefore.cursor)).count;
  ms.total = Math.round(performance.now() - started);
  const result: Omit<PlatformDayResult, 'headlines'> = {
    title: `S2B2B platform day · ${scenario.calendar.day} · ${scenario.scale}`,
    day: scenario.calendar.day,
    seed: scenario.seed,
    scale: scenario.scale,
    storage: opened.kind,
    tag,
    world: {
      regions: scenario.regions.length,
      cities: scenario.cities.length,
      warehouses: scenario.warehouses.length,
      skus: scenario.skus.length,
      suppliers: scenario.suppliers.length,
      merchants: scenario.merchants.length,
      customers: scenario.customers.length,
      historyOrders: scenario.orders.orderCount - ordersOn(scenario, ctx.day).length,
      historyLines:
        scenario.orders.lineCount - ordersOn(scenario, ctx.day).reduce((n, o) => n + o.lines.length, 0),
      dayOrders: ordersOn(scenario, ctx.day).length,
    },
    opening,
    procurement,
    forecasting,
    replenishment,
    rebalancing,
    credit: { ...creditLines, end },
    checkout,
    delivery,
    aftersales,
    crm,
    stock,
    checks,
    ok: Object.values(checks).every(Boolean),
    events,
    ms,
  };
  return { ...result, headlines: headlinesOf(result) };
}
