import { resolve } from 'node:path';
import { formatMoney, Money, systemClock } from '@s2b2b/core';
import type { Command } from '../command.js';
import { type AftersalesTourResult, aftersalesTour } from '../demo/aftersales-tour.js';
import { type AnalyticsTourResult, analyticsTour } from '../demo/analytics-tour.js';
import { type CreditTourResult, creditTour } from '../demo/credit-tour.js';
import { type CrmTourResult, crmTour } from '../demo/crm-tour.js';
import { dayTour } from '../demo/day-tour.js';
import { type ForecastTourResult, forecastTour } from '../demo/forecast-tour.js';
import { type InventoryTourResult, inventoryTour } from '../demo/inventory-tour.js';
import { type LogisticsTourResult, logisticsTour } from '../demo/logistics-tour.js';
import { moneyTour } from '../demo/money-tour.js';
import { type ProcurementTourResult, procurementTour } from '../demo/procurement-tour.js';
import { type PromotionsTourResult, promotionsTour } from '../demo/promotions-tour.js';
import { randomnessTour } from '../demo/randomness-tour.js';
import { type StorageTourResult, storageTour } from '../demo/storage-tour.js';
import { writeReport } from '../report/write-report.js';
import { planStorage, storageSession } from '../storage.js';
import { UsageError } from '../usage-error.js';
import { CLI_VERSION } from '../version.js';
import { DEFAULT_REPORT_FILE } from './report.js';

/**
 * `s2b2b demo`: a short tour of core and storage — money to the cent, seeded randomness,
 * idempotent commands and the event outbox on the chosen storage, demand forecasts, and shared
 * stock on that storage (a reservation burst without oversell, a rebalancing plan), and logistics
 * (carrier choice, consolidation, a shipment tracked on that storage). Safe to repeat on the same
 * data dir: every run uses its own idempotency keys, SKU code and shipment.
 *
 * @example
 * await runCli(['demo', '--storage', 'memory', '--json'], io)
 */
export const demoCommand: Command = {
  name: 'demo',
  synopsis: 'demo',
  summary:
    'A short tour: money to the cent, seeded randomness, idempotent storage, demand forecasts, shared stock, logistics, credit, CRM, analytics, after-sales, procurement, promotions',
  usage: [
    'demo [--storage pglite|memory|postgres] [--seed <n>] [--json]',
    'demo --report [file.html]',
    'demo --quick',
  ],
  options: [
    {
      name: 'report',
      type: 'boolean',
      description: `Also write the platform day as an HTML report (default ${DEFAULT_REPORT_FILE})`,
    },
    { name: 'quick', type: 'boolean', description: 'The tour alone, without the platform day' },
  ],
  globals: ['json', 'verbose', 'storage', 'data-dir', 'pg-url', 'schema', 'seed'],
  description: [
    'Splits amounts to the cent with largest-remainder allocation, shows that a seed reproduces',
    'every random draw and id, then opens the storage (PGlite in .s2b2b/ by default) to run an',
    'idempotent command twice (the second is a replay), the same key with another payload (refused',
    'with IDEMPOTENCY_CONFLICT), and 20 commands that append 200 events, read back from the outbox;',
    'then forecasts six held-out months of a seeded SKU demand series with 80%/95% intervals; then,',
    'on the same storage, receives stock into three warehouses, fires 30 concurrent reservations at',
    'the last 40 units of one (exactly 20 succeed), and plans and ships the minimum-cost rebalancing;',
    'finally quotes three parcels with three carriers and picks one each by a promised date,',
    "consolidates five orders into one truck with every merchant's saving to the cent, and tracks a",
    'shipment on the storage through late, repeated and out-of-order carrier events. Last, a credit',
    'line on the same storage: 30 concurrent checkouts hold credit against a 50,000 limit (exactly 25',
    'succeed), an invoice is financed at 90 % with a 3 % fee and repaid, and the books balance.',
    'Then CRM: 2,000 seeded customers summarised, RFM-segmented and fitted with BG/NBD, the',
    'published CDNOW prediction, and follow-up tasks planned on the storage (a second run adds none);',
    'and analytics: a monthly trend with MoM and YoY, 动销率, sell-through, turnover and ABC.',
    'Last, after-sales on the storage: a quality return opened before the National Day holiday on',
    'the China calendar, its SLA clocks breaching and escalating at their exact instants, and the',
    "refund (the line's promotion discount reversed) settled to the cent among the parties.",
    'And procurement: five merchants pool milk and rice in a buying round on the storage; the',
    'exact award buys across two suppliers under packs, MOQs and a capacity (one with an expired',
    'licence left out), and each merchant pays the pooled price, never more than alone, to the cent.',
    'Then promotions: a tea order with 8折, 满299减40 and a coupon evaluated to the cent, and 40',
    'buyers claiming a 50-bag flash sale at once on the storage (exactly 25 succeed, never past it).',
    '',
    'Finally the platform day at scale small on the same storage: Double 11 of a seeded world',
    'through every package (what "s2b2b day" runs), its headline numbers and its checks; with',
    '--report it is also written as one HTML file; --quick leaves it out.',
    '',
    'Every run uses fresh idempotency keys, so it can be repeated against the same data dir.',
    'With --json it prints one JSON document with every result instead.',
  ],
  examples: [
    'demo',
    'demo --storage memory',
    'demo --seed 7 --json',
    'demo --data-dir /tmp/s2b2b-demo',
    'demo --pg-url postgres://postgres@127.0.0.1:5432/test --schema demo',
  ],
  async run({ io, flags, options, args, out }) {
    const started = performance.now();
    const reportFile = options.report === true ? (args[0] ?? DEFAULT_REPORT_FILE) : undefined;
    if (args.length > (options.report === true ? 1 : 0)) {
      throw new UsageError(
        `demo takes no arguments${options.report === true ? ' but the report file' : ''} (got "${args.at(-1)}")`,
      );
    }
    if (options.quick === true && reportFile !== undefined)
      throw new UsageError('--report needs the platform day: drop --quick');
    // Before printing anything: a missing --pg-url is a usage error.
    const plan = planStorage(flags, io);
    out.line(
      out.bold(`S2B2B Kit demo`) +
        out.dim(` · @s2b2b/cli ${CLI_VERSION} · storage ${flags.storage} · seed ${flags.seed}`),
    );
    const money = moneyTour(out);
    const randomness = randomnessTour(out, flags.seed);

    // One storage for the sections that need it, opened by the first and closed at the end.
    const session = storageSession(plan);
    let storage: StorageTourResult;
    let forecasting: ForecastTourResult;
    let inventory: InventoryTourResult;
    let logistics: LogisticsTourResult;
    let credit: CreditTourResult;
    let crm: CrmTourResult;
    let analytics: AnalyticsTourResult;
    let aftersales: AftersalesTourResult;
    let procurement: ProcurementTourResult;
    let promotions: PromotionsTourResult;
    let day: Awaited<ReturnType<typeof dayTour>> | null = null;
    try {
      storage = await storageTour({
        out,
        session,
        seed: flags.seed,
        clock: systemClock,
        progress: io.stderr,
      });
      forecasting = forecastTour(out, flags.seed);
      inventory = await inventoryTour({ out, session, clock: systemClock });
      logistics = await logisticsTour({ out, session, clock: systemClock });
      credit = await creditTour({ out, session });
      crm = await crmTour({ out, session, seed: flags.seed });
      analytics = analyticsTour(out);
      aftersales = await aftersalesTour({ out, session });
      procurement = await procurementTour({ out, session });
      promotions = await promotionsTour({ out, session });
      if (options.quick !== true) {
        day = await dayTour({ out, session, seed: flags.seed, progress: flags.json ? false : io.stderr });
      }
    } finally {
      await session.close();
    }
    const elapsedMs = Math.round(performance.now() - started);

    const checks = {
      money: [money.groupBuy, money.yen, money.largestRemainder].every((result) => result.sumEqualsTotal),
      randomness: randomness.reproducible && randomness.idsReproducible && randomness.idsOrdered,
      storage:
        !storage.command.first.replayed &&
        storage.command.replay.replayed &&
        storage.command.replay.orderId === storage.command.first.orderId &&
        storage.command.conflict?.code === 'IDEMPOTENCY_CONFLICT' &&
        storage.batch.replayedOnRerun === storage.batch.commands &&
        storage.batch.newEventsOnRerun === 0,
      forecasting: forecasting.sane,
      inventory: inventory.ok,
      logistics: logistics.ok,
      credit: credit.ok,
      crm: crm.ok,
      analytics: analytics.ok,
      aftersales: aftersales.ok,
      procurement: procurement.ok,
      promotions: promotions.ok,
      ...(day ? { day: day.result.ok } : {}),
    };
    const mark = (ok: boolean) => (ok ? out.good('✓') : out.bad('✗'));

    out.heading('Summary');
    const [big, small] = money.groupBuy.parts;
    out.line(
      `  ${mark(checks.money)} ${formatMoney(Money.fromJSON(money.groupBuy.total))} split to the cent: ${big?.formatted} + ${small?.formatted}; every allocation adds up`,
    );
    out.line(`  ${mark(checks.randomness)} seed ${flags.seed} reproduced its dice and its ids`);
    out.line(
      `  ${mark(checks.storage)} ${1 + storage.batch.commands} idempotent commands on ${storage.kind}: ` +
        `${storage.command.replay.replayed ? '1 replay' : 'no replay'}, ${storage.command.conflict ? '1 conflict refused' : 'no conflict'}, ${storage.outbox.thisRun} events committed`,
    );
    if (storage.outbox.before > 0) {
      out.line(
        `    the outbox in ${storage.location} now holds ${storage.outbox.after.toLocaleString('en-US')} events from all runs`,
      );
    }
    const [auto] = forecasting.accuracy;
    out.line(
      `  ${mark(checks.forecasting)} six months of demand forecast by ${forecasting.model} with 80%/95% intervals (sMAPE ${auto?.smape.toFixed(1)}%)`,
    );
    const { burst, rebalancing } = inventory;
    out.line(
      `  ${mark(checks.inventory)} ${burst.orders} concurrent reservations of ${burst.unitsEach} against ${burst.stock} units on ${inventory.kind}: ${burst.succeeded} succeeded, none oversold; ` +
        `rebalanced by ${rebalancing.transfers.length} transfers for ${formatMoney(Money.fromJSON(rebalancing.total))}`,
    );
    const [first] = logistics.parcels;
    out.line(
      `  ${mark(checks.logistics)} ${first?.parcel}: ${first?.chosen.carrierId} ${formatMoney(Money.fromJSON(first!.chosen.total))}; ` +
        `${logistics.consolidation.orders} orders in ${logistics.consolidation.vehicles} truck save ${formatMoney(Money.fromJSON(logistics.consolidation.saving))}; ` +
        `${logistics.tracking.shipmentId} ${logistics.tracking.status} on ${logistics.kind} after ${logistics.tracking.outcomes.length} disordered events`,
    );
    out.line(
      `  ${mark(checks.credit)} ${credit.burst.checkouts} concurrent checkouts against a ${formatMoney(Money.fromJSON(credit.limit))} line on ${credit.kind}: ${credit.burst.succeeded} held, none past the limit; ` +
        `an invoice financed with a ${formatMoney(Money.fromJSON(credit.financing.fee))} fee, ${formatMoney(Money.fromJSON(credit.repayment.credit))} left as credit; the books balance`,
    );
    out.line(
      `  ${mark(checks.crm)} ${crm.customers.toLocaleString('en-US')} seeded customers segmented and fitted (BG/NBD r ${crm.fit.r.toFixed(3)}), the CDNOW prediction ${crm.published.expected.toFixed(3)}; ` +
        `${crm.followUps.planned} follow-ups on ${crm.kind}, a rerun added ${crm.followUps.addedByRerun}`,
    );
    out.line(
      `  ${mark(checks.analytics)} trend ${analytics.months.map((m) => m.period).join(', ')}; 动销率 ${analytics.activeSkuRate}, sell-through ${analytics.sellThrough}, ${analytics.turnover.turnover} turns`,
    );
    const [firstBreach] = aftersales.breaches;
    out.line(
      `  ${mark(checks.aftersales)} ${aftersales.caseId} on the China calendar: ${aftersales.breaches.length} SLA breaches over the holiday (first ${firstBreach?.metric}), ${aftersales.escalations} escalations; ` +
        `the refund settled to the cent on ${aftersales.kind} (merchant ${formatMoney(Money.fromJSON(aftersales.totals.find((t) => t.party === 'merchant')!.amount))})`,
    );
    out.line(
      `  ${mark(checks.procurement)} a buying round on ${procurement.kind}: ${procurement.merchants.length} merchants pay ${formatMoney(Money.fromJSON(procurement.totals.cost))} to ${procurement.purchaseOrders.length} suppliers, saving ${formatMoney(Money.fromJSON(procurement.totals.saving))}; nobody pays more than alone`,
    );
    out.line(
      `  ${mark(checks.promotions)} a tea order to the cent (${formatMoney(Money.fromJSON(promotions.cart.total))}); ${promotions.flash.buyers} buyers at once on a ${promotions.flash.stock}-bag flash sale on ${promotions.kind}: ${promotions.flash.succeeded} claimed, stock never past it`,
    );
    if (day) {
      const get = (label: string) => day.result.headlines.find((h) => h.label === label)?.value ?? '—';
      out.line(
        `  ${mark(day.result.ok)} the platform day on ${day.result.kind}: ${day.result.orders} orders, procurement saves ${get('Procurement savings')}, ${get('Orders filled')} filled, ${get('Route km')} of van routes, SLA ${get('SLA compliance')}`,
      );
    }
    const written =
      day && reportFile !== undefined ? await writeReport(day.report, resolve(io.cwd, reportFile)) : null;
    if (written) out.line(`  the day's report: ${written.path}`);
    out.line(`  done in ${elapsedMs < 1000 ? `${elapsedMs} ms` : `${(elapsedMs / 1000).toFixed(1)} s`}`);

    out.heading('Next steps');
    out.table(
      [
        { command: 's2b2b example --list', what: 'the runnable examples' },
        { command: 's2b2b example money-allocation', what: 'split a shipping bill and a rebate to the cent' },
        { command: 's2b2b example inventory', what: 'reorder points, sourcing, rebalancing, slow movers' },
        {
          command: 's2b2b example logistics',
          what: 'carrier quotes, consolidation savings, shipment tracking',
        },
        {
          command: 's2b2b example credit',
          what: 'a limit from operating data, three loan products, repayments, the freeze',
        },
        { command: 's2b2b example crm', what: 'segments, follow-ups, recommendations, lifetime value' },
        { command: 's2b2b example analytics', what: 'sales trend, 动销率, sell-through, ABC/XYZ, cohorts' },
        {
          command: 's2b2b example aftersales',
          what: 'SLA clocks on the China calendar, liability, a refund to the cent',
        },
        {
          command: 's2b2b example procurement',
          what: 'a buying round: tiers, qualified suppliers, the exact award, savings',
        },
        {
          command: 's2b2b example promotions',
          what: '满减, 打折, coupons, the best deal, a flash sale, campaign ROI',
        },
        { command: 's2b2b day --scale medium', what: 'the platform day on a larger world' },
        { command: 's2b2b report', what: 'the platform day as one HTML report' },
        { command: 's2b2b demo --json', what: 'these results as one JSON document' },
        { command: 's2b2b migrations --schema shop', what: 'the SQL for your own migrator' },
        { command: 's2b2b demo --pg-url postgres://…', what: 'the same tour on your PostgreSQL' },
        { command: 's2b2b --help', what: 'every command and flag' },
      ],
      { header: false },
    );

    const failed = Object.entries(checks)
      .filter(([, ok]) => !ok)
      .map(([name]) => name);
    if (failed.length > 0) throw new Error(`the demo's own checks failed: ${failed.join(', ')}`);
    return {
      version: CLI_VERSION,
      seed: flags.seed,
      checks,
      money,
      randomness,
      storage,
      forecasting,
      inventory,
      logistics,
      credit,
      crm,
      analytics,
      aftersales,
      procurement,
      promotions,
      ...(day ? { day: day.result } : {}),
      ...(written ? { report: written } : {}),
      elapsedMs,
    };
  },
};
