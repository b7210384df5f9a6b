import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Money, sum } from '@s2b2b/core';
import { generateScenario, ordersOn } from '@s2b2b/scenario';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../io.js';
import { platformDayReportSchema } from '../report/report-schema.js';
import { runCli } from '../run-cli.js';
import { storageSession } from '../storage.js';
import { toReportModel } from './report-model.js';
import { type PlatformDayResult, runPlatformDay } from './run-platform-day.js';

const scenario = generateScenario({ seed: 42, scale: 'small' });
const memory = () =>
  storageSession({ kind: 'memory', schema: undefined, location: 'process memory', fresh: true });
const yuan = (m: { amount: string }) => Money.of(m.amount);
let day: PlatformDayResult;

beforeAll(async () => {
  const session = memory();
  try {
    day = await runPlatformDay({ session, scenario, tag: 'T1', forecastCharts: 2 });
  } finally {
    await session.close();
  }
});

describe('runPlatformDay at scale small on memory', () => {
  it('holds every invariant it checks against the storage', () => {
    expect(day.checks).toEqual({
      procurementBalanced: true,
      moneyBalances: true,
      noOversell: true,
      creditWithinLimits: true,
      routesFeasible: true,
      transfersSound: true,
      forecastsSane: true,
    });
    expect(day.ok).toBe(true);
    expect(day.events).toBeGreaterThan(day.checkout.orders.length);
  });

  it("checks out exactly the scenario's orders of the day", () => {
    const orders = ordersOn(scenario, scenario.calendar.historyDays);
    expect(day.world.dayOrders).toBe(orders.length);
    expect(day.checkout.orders.map((o) => o.orderId).sort()).toEqual(orders.map((o) => o.orderId).sort());
    expect(day.checkout.units.ordered).toBe(
      orders.reduce((n, o) => n + o.lines.reduce((m, l) => m + l.quantity, 0), 0),
    );
    expect(day.checkout.units.reserved + day.checkout.units.backordered).toBe(day.checkout.units.ordered);
  });

  it('balances money to the cent: orders, procurement, consolidation, credit', () => {
    for (const order of day.checkout.orders) {
      const lines = sum(
        order.lines.map((l) => yuan(l.total)),
        'CNY',
      );
      expect(lines.equals(yuan(order.total))).toBe(true);
      expect(yuan(order.subtotal).subtract(yuan(order.discount)).equals(yuan(order.total))).toBe(true);
      expect(yuan(order.filled).lessThanOrEqual(yuan(order.total))).toBe(true);
      for (const line of order.lines) expect(line.reserved).toBeLessThanOrEqual(line.quantity);
    }
    const onCredit = day.checkout.orders.filter((o) => o.payment === 'credit');
    expect(
      sum(
        onCredit.map((o) => yuan(o.filled)),
        'CNY',
      ).equals(yuan(day.checkout.credit.drawn)),
    ).toBe(true);
    const { procurement } = day;
    expect(
      sum(
        procurement.merchants.map((m) => yuan(m.pays)),
        'CNY',
      ).equals(yuan(procurement.totals.cost)),
    ).toBe(true);
    expect(
      sum(
        procurement.merchants.map((m) => yuan(m.saves)),
        'CNY',
      ).equals(yuan(procurement.totals.saving)),
    ).toBe(true);
    for (const m of procurement.merchants) expect(yuan(m.pays).lessThanOrEqual(yuan(m.alone))).toBe(true);
    const c = day.delivery.consolidation;
    expect(yuan(c.aloneCost).subtract(yuan(c.cost)).equals(yuan(c.saving))).toBe(true);
  });

  it('never draws a credit line past its limit', () => {
    expect(day.credit.end.length).toBe(day.credit.lines.length);
    for (const line of day.credit.end) {
      expect(Money.of(line.drawn).add(Money.of(line.pending)).lessThanOrEqual(Money.of(line.limit))).toBe(
        true,
      );
      expect(Money.of(line.pending).isZero()).toBe(true);
    }
    const refused = day.checkout.orders.filter((o) => o.payment === 'refused').length;
    expect(refused).toBe(day.checkout.credit.refused);
  });

  it('routes every dispatched local order once, within capacity and range', () => {
    for (const w of day.delivery.warehouses) {
      const fleet = scenario.fleets.find((f) => f.warehouseId === w.warehouseId)!;
      const stops = w.routes.flatMap((r) => r.stops.map((s) => s.id));
      expect(new Set(stops).size).toBe(stops.length);
      expect(stops.length + w.unassigned).toBe(w.local);
      expect(w.routes.length).toBeLessThanOrEqual(fleet.van.count);
      for (const route of w.routes) {
        expect(route.load).toBeLessThanOrEqual(fleet.van.capacityKg);
        expect(route.distanceKm).toBeLessThanOrEqual(fleet.van.maxDistanceKm);
      }
      expect(w.feasible).toBe(true);
    }
    expect(day.delivery.dispatched + day.delivery.heldForTomorrow).toBe(
      day.checkout.orders.filter((o) => o.reservationId !== null).length,
    );
  });

  it('moves whole cartons, only fresh goods by reefer, and only free stock', () => {
    const skus = new Map(scenario.skus.map((s) => [s.sku, s]));
    for (const t of day.rebalancing.transfers) {
      const sku = skus.get(t.sku)!;
      expect(t.units % sku.packSize).toBe(0);
      expect(t.coldChain).toBe(sku.coldChain);
      const lane = scenario.lanes.find((l) => l.from === t.from && l.to === t.to)!;
      if (sku.coldChain) expect(lane.coldChain).toBe(true);
    }
    expect(day.rebalancing.withinSurplus).toBe(true);
  });

  it('counts every SLA clock once in the compliance table', () => {
    const counted = day.aftersales.compliance.reduce((n, c) => n + c.met + c.breached + c.running, 0);
    expect(counted).toBe(day.aftersales.clocks.length);
    expect(day.aftersales.cases).toBeGreaterThan(0);
    expect(Object.values(day.aftersales.statuses).reduce((n, v) => n + v, 0)).toBe(day.aftersales.cases);
    expect(day.crm.segments.reduce((n, s) => n + s.customers, 0)).toBe(day.crm.customers);
  });

  it('gives the same numbers for the seed: the buying rounds to the cent', () => {
    expect(day.procurement.rounds.map((r) => [r.vertical, r.requests, r.saving.amount])).toEqual([
      ['fresh', 6, '3548.80'],
      ['apparel', 5, '27468.54'],
      ['industrial', 5, '4678.96'],
    ]);
    expect(day.procurement.totals.saving.amount).toBe('35696.30');
    expect(day.procurement.rounds.flatMap((r) => r.excluded.map((e) => e.supplierId))).toEqual(
      expect.arrayContaining(['SUP-FR-3', 'SUP-AP-3', 'SUP-IN-3']),
    );
  });

  it('fills every field of the report model', () => {
    const model = toReportModel(day);
    expect(platformDayReportSchema.parse(model)).toEqual(model);
    expect(model.headlines.map((h) => h.label)).toEqual([
      'Procurement savings',
      'Forecast accuracy',
      'Rebalancing transfers',
      'Orders filled',
      'Promotions given',
      'Credit used',
      'Consolidation savings',
      'Route km',
      'Segments',
      'SLA compliance',
    ]);
    expect(model.forecast.series).toHaveLength(2);
    expect(model.stock).toHaveLength(5);
    expect(model.routes).toHaveLength(5);
    expect(model.savings.merchants.length).toBeGreaterThan(0);
    expect(model.segments.sizes.length).toBeGreaterThan(0);
    expect(model.sla.clocks.length).toBeGreaterThan(0);
  });
});

describe('runPlatformDay input', () => {
  it('needs a storage or a session: a ValidationError naming storage, before any work', async () => {
    await expect(runPlatformDay({ scale: 'small' })).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [expect.objectContaining({ path: ['storage'] })],
    });
  });
});

describe('s2b2b day and s2b2b report', () => {
  it('refuses an unknown scale before running anything', async () => {
    const io = captureIo();
    expect(await runCli(['day', '--scale', 'huge', '--storage', 'memory'], io)).toBe(2);
    expect(io.err()).toContain('--scale must be one of small, medium, large, got "huge"');
    expect(await runCli(['report', 'x.html', '--storage', 'memory'], captureIo())).toBe(2);
  });

  it('writes the report of the same day: same seed, same headlines on another storage and tag', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's2b2b-report-'));
    try {
      const io = captureIo({ cwd: dir });
      const code = await runCli(['report', '--out', 'day.html', '--storage', 'memory', '--json'], io);
      expect(io.err()).toBe('');
      expect(code).toBe(0);
      const json = JSON.parse(io.out()) as { report: { path: string }; headlines: unknown };
      expect(json.headlines).toEqual(day.headlines);
      const html = await readFile(join(dir, 'day.html'), 'utf8');
      expect(json.report.path).toBe(join(dir, 'day.html'));
      expect(html).toContain('<svg');
      expect(html).toContain('2026-11-11');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
