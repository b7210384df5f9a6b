import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AftersalesTourResult } from './demo/aftersales-tour.js';
import type { AnalyticsTourResult } from './demo/analytics-tour.js';
import type { CreditTourResult } from './demo/credit-tour.js';
import type { CrmTourResult } from './demo/crm-tour.js';
import type { DayTourResult } from './demo/day-tour.js';
import type { LogisticsTourResult } from './demo/logistics-tour.js';
import type { ProcurementTourResult } from './demo/procurement-tour.js';
import type { PromotionsTourResult } from './demo/promotions-tour.js';
import { captureIo } from './io.js';
import { runCli } from './run-cli.js';

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

interface DemoJson {
  checks: Record<string, boolean>;
  money: {
    groupBuy: {
      parts: { amount: { amount: string; currency: string }; formatted: string }[];
      sumEqualsTotal: boolean;
    };
    yen: { parts: { amount: { amount: string } }[] };
    largestRemainder: { parts: { formatted: string }[] };
  };
  randomness: { seed: number; dice: number[]; reproducible: boolean; ids: string[] };
  forecasting: { model: string; months: unknown[] };
  inventory: {
    kind: string;
    sku: string;
    burst: {
      orders: number;
      unitsEach: number;
      stock: number;
      expected: number;
      succeeded: number;
      refused: Record<string, number>;
      position: { onHand: number; reserved: number; available: number };
      ledgerMatches: boolean;
    };
    events: { committed: number; byType: Record<string, number> };
    rebalancing: {
      transfers: { from: string; to: string; quantity: number; cost: { amount: string } }[];
      total: { amount: string; currency: string };
      unmet: number;
      inTransit: number;
    };
  };
  logistics: LogisticsTourResult;
  credit: CreditTourResult;
  crm: CrmTourResult;
  analytics: AnalyticsTourResult;
  aftersales: AftersalesTourResult;
  procurement: ProcurementTourResult;
  promotions: PromotionsTourResult;
  /** The platform day (absent with --quick). */
  day?: DayTourResult;
  storage: {
    kind: string;
    command: {
      first: { orderId: string; replayed: boolean };
      replay: { orderId: string; replayed: boolean };
      conflict: { code: string } | null;
    };
    batch: { commands: number; events: number; replayedOnRerun: number; newEventsOnRerun: number };
    outbox: { before: number; thisRun: number; after: number; sample: { type: string; summary: string }[] };
  };
}

/** The inventory section's numbers: the same on every adapter and on every rerun. */
function expectInventory(inventory: DemoJson['inventory'], kind: string) {
  expect(inventory.kind).toBe(kind);
  expect(inventory.sku).toMatch(/^TEA-500G\/[0-9a-f]{6}$/);
  // 30 concurrent reservations of 2 against 40 units: ⌊40 / 2⌋ = 20 succeed, in any order.
  expect(inventory.burst).toMatchObject({
    orders: 30,
    unitsEach: 2,
    stock: 40,
    expected: 20,
    succeeded: 20,
    refused: { INSUFFICIENT_STOCK: 10 },
    position: { onHand: 40, reserved: 40, available: 0 },
    ledgerMatches: true,
  });
  // Targets ⌈SS⌉ + 7 days: WH-HZ 78 + 210 = 288 (120 on hand: 168 short, 7 packs of 24), WH-NJ
  // 45 + 84 = 129 (all 40 reserved: 129 short, 6 packs); WH-SH gives from 900 − (85 + 336).
  expect(
    inventory.rebalancing.transfers.map(({ from, to, quantity, cost }) => [from, to, quantity, cost.amount]),
  ).toEqual([
    ['WH-SH', 'WH-HZ', 168, '58.80'],
    ['WH-SH', 'WH-NJ', 144, '64.80'],
  ]);
  expect(inventory.rebalancing).toMatchObject({
    total: { amount: '123.60', currency: 'CNY' },
    unmet: 0,
    inTransit: 312,
  });
  // Refusals commit no event.
  expect(inventory.events).toEqual({
    committed: 28,
    byType: {
      'stock.warehouse_saved': 3,
      'stock.received': 3,
      'stock.reserved': 20,
      'stock.transferred_out': 2,
    },
  });
}

/** The logistics section's numbers: the same on every adapter and on every rerun. */
function expectLogistics(logistics: LogisticsTourResult, kind: string) {
  expect(logistics.kind).toBe(kind);
  // 2.3 kg, 15,000 cm³ / 6000 = 2.5 kg: ¥12 + 3 × ¥2 + 8 % fuel + 0.5 % of ¥800 = ¥23.44; THRIFT's ¥10 takes 3 days.
  expect(
    logistics.parcels.map((p) => [
      p.cheapest.carrierId,
      p.cheapest.total.amount,
      p.chosen.carrierId,
      p.chosen.total.amount,
    ]),
  ).toEqual([
    ['THRIFT', '10.00', 'SWIFT', '23.44'],
    ['SWIFT', '19.44', 'SWIFT', '19.44'],
    ['FREIGHT', '192.00', 'FREIGHT', '192.00'],
  ]);
  expect(logistics.parcels.every((p) => p.linesAddUp)).toBe(true);
  // 475 + 216 + 312 + 579.50 + 396 alone by LTL against one ¥520 truck; shares of ¥1,458.50 by stand-alone cost.
  expect(logistics.consolidation).toMatchObject({
    orders: 5,
    vehicles: 1,
    aloneCost: { amount: '1978.50' },
    cost: { amount: '520.00' },
    saving: { amount: '1458.50' },
    fair: true,
  });
  expect(logistics.consolidation.merchants.map((m) => [m.merchantId, m.saving.amount])).toEqual([
    ['华东食品', '509.39'],
    ['小王便利店', '521.92'],
    ['鲜果仓', '427.19'],
  ]);
  expect(logistics.tracking.shipmentId).toMatch(/^SHP-[0-9a-f]{6}$/);
  expect(logistics.tracking.outcomes.map((o) => [o.eventId, o.outcome, o.note])).toEqual([
    ['s2', 'status-changed', null],
    ['s1', 'recorded', 'out-of-order'],
    ['s2', 'duplicate', null],
    ['s4', 'status-changed', null],
    ['s3', 'recorded', 'out-of-order'],
  ]);
  expect(logistics.tracking).toMatchObject({ status: 'delivered', eventCount: 4, stateMatchesHistory: true });
  expect(logistics.events).toEqual({
    committed: 3,
    byType: { 'shipment.created': 1, 'shipment.in_transit': 1, 'shipment.delivered': 1 },
  });
}

/** The credit section's numbers: the same on every adapter and on every rerun. */
function expectCredit(credit: CreditTourResult, kind: string) {
  expect(credit.kind).toBe(kind);
  expect(credit.lineId).toMatch(/^L-[0-9a-f]{6}$/);
  // 30 holds of 2,000.00 against a 50,000.00 limit: exactly 25 fit, whichever go first.
  expect(credit.burst).toEqual({
    checkouts: 30,
    amountEach: { amount: '2000.00', currency: 'CNY' },
    expected: 25,
    succeeded: 25,
    refused: { CREDIT_LIMIT_EXCEEDED: 5 },
    pending: { amount: '50000.00', currency: 'CNY' },
  });
  expect(credit.confirmed).toMatchObject({
    drawn: { amount: '1500.00' },
    released: { amount: '500.00' },
    dueDate: '2026-03-31',
  });
  // 90 % of 10,000.00 paid out, 3 % fee; 1,500.00 × 7.3 % × 30/365 = 9.00; 10,000 − 300 − 9,000 = 700 left
  expect(credit.financing).toMatchObject({ advance: { amount: '9000.00' }, fee: { amount: '300.00' } });
  expect(credit.interest.amount).toBe('9.00');
  expect(credit.repayment).toMatchObject({
    fees: { amount: '300.00' },
    principal: { amount: '9000.00' },
    credit: { amount: '700.00' },
  });
  expect(credit.line).toMatchObject({
    owed: { amount: '1509.00' },
    pending: { amount: '0.00' },
    credit: { amount: '700.00' },
  });
  // open 1, holds 25, post 1, voids 24, financing 3, interest 1, repayment 2 + overpayment 1 + invoice settled 1
  expect(credit.books).toEqual({ transfers: 59, balanced: true, rebuilt: true });
  expect(credit.events.byType).toEqual({
    'credit.line_opened': 1,
    'credit.draw_held': 25,
    'credit.drawn': 2,
    'credit.draw_cancelled': 24,
    'credit.interest_accrued': 1,
    'credit.repaid': 1,
  });
  expect(credit.ok).toBe(true);
}

/** The CRM and analytics sections: the published CDNOW numbers, idempotent follow-ups, hand-checked reports. */
/** The after-sales section: deadlines on the China calendar, the holiday breaches, the settlement. */
function expectAftersales(aftersales: AftersalesTourResult, kind: string) {
  expect(aftersales.kind).toBe(kind);
  expect(aftersales.calendar).toEqual({ workingDays2025: 248, oneWorkingDayAfter20250930: '2025-10-09' });
  expect(aftersales.deadlines).toEqual({
    firstResponse: '2025-09-30T06:00:00.000Z',
    intervention: '2025-10-01T02:00:00.000Z',
    resolution: '2025-10-17T02:00:00.000Z',
  });
  expect(aftersales.breaches).toEqual([
    { metric: 'first-response', at: '2025-09-30T06:00:00.000Z' },
    { metric: 'intervention', at: '2025-10-01T02:00:00.000Z' },
  ]);
  expect(aftersales.escalations).toBe(6);
  expect(aftersales.totals.map((t) => `${t.party} ${t.amount.amount}`)).toEqual([
    'platform 0.00',
    'merchant 67.20',
    'supplier -67.20',
    'carrier 0.00',
  ]);
  expect(aftersales.events.byType).toMatchObject({
    'case.opened': 1,
    'sla.breached': 2,
    'case.resolved': 1,
    'case.closed': 1,
  });
  expect(aftersales.ok).toBe(true);
}

/** The procurement section: the exact award, every merchant's share to the fen, the same on every storage and rerun. */
function expectProcurement(procurement: ProcurementTourResult, kind: string) {
  expect(procurement.kind).toBe(kind);
  expect(procurement.roundId).toMatch(/^R-[0-9a-f]{6}$/);
  // milk 636: 光明 at most 600 a month in packs of 12 (576 at 4.50), 蒙牛 its MOQ of 60 at 5.00; rice 90 at 54.00
  expect(procurement.award.map((l) => [l.sku, l.supplierId, l.quantity, l.tier, l.amount.amount])).toEqual([
    ['MILK', 'GM', 576, 2, '2592.00'],
    ['MILK', 'MN', 60, 0, '300.00'],
    ['RICE', 'BD', 90, 1, '4860.00'],
  ]);
  expect(procurement.excluded).toEqual([{ agreementId: 'AG-XX-MILK', reasons: ['DOCUMENT_EXPIRED'] }]);
  // 96 cartons at 2892.00 / 636 = 436.53; alone 86.94 of 光明's at 5.20 and 9.06 of 蒙牛's at 5.00
  expect(
    procurement.merchants.map((m) => [m.merchantId, m.alone.amount, m.pays.amount, m.saves.amount]),
  ).toEqual([
    ['Lotus Mart', '3208.27', '2869.36', '338.91'],
    ['华东食品', '2956.54', '2711.32', '245.22'],
    ['小王便利店', '497.40', '436.53', '60.87'],
    ['阿芳小卖部', '124.36', '109.13', '15.23'],
    ['鲜果仓', '1821.75', '1625.66', '196.09'],
  ]);
  expect(procurement.totals).toEqual({
    cost: { amount: '7752.00', currency: 'CNY' },
    standalone: { amount: '8608.32', currency: 'CNY' },
    saving: { amount: '856.32', currency: 'CNY' },
  });
  expect(procurement.events.byType).toEqual({
    'supplier.saved': 4,
    'agreement.saved': 4,
    'round.opened': 1,
    'round.request_submitted': 5,
    'round.closed': 1,
    'po.created': 3,
  });
  expect([procurement.balanced, procurement.fair, procurement.ok]).toEqual([true, true, true]);
}

/** The promotions section: the tea order to the cent, and exactly ⌊50 / 2⌋ flash claims on every storage and rerun. */
function expectPromotions(promotions: PromotionsTourResult, kind: string) {
  expect(promotions.kind).toBe(kind);
  expect(promotions.flashId).toMatch(/^rice-flash-[0-9a-f]{6}$/);
  const off = (lineId: string) =>
    Object.fromEntries(
      Object.entries(promotions.cart.lines.find((l) => l.lineId === lineId)!.adjustments).map(([id, m]) => [
        id,
        m.amount,
      ]),
    );
  // 8折: 27.20, 17.60; 满299减40 over 108.80 / 70.40 / 120.00; the coupon over 94.25 / 60.99 / 103.96
  expect(off('l1')).toEqual({ 'tea-8zhe': '27.20', 'spring-mj': '14.55', welcome20: '7.27' });
  expect(off('l2')).toEqual({ 'tea-8zhe': '17.60', 'spring-mj': '9.41', welcome20: '4.71' });
  expect(off('l3')).toEqual({ 'spring-mj': '16.04', welcome20: '8.02' });
  expect([promotions.cart.total.amount, promotions.cart.shippingDiscount.amount]).toEqual([
    '239.20',
    '12.00',
  ]);
  expect(promotions.cart.decisions).toEqual({
    'tea-8zhe': 'APPLIED',
    'spring-mj': 'APPLIED',
    welcome20: 'APPLIED',
    'ship-99': 'APPLIED',
  });
  // 40 buyers of 2 against 50 bags: ⌊50 / 2⌋ = 25 claim, in any order; one cancels.
  expect(promotions.flash).toEqual({
    buyers: 40,
    unitsEach: 2,
    stock: 50,
    expected: 25,
    succeeded: 25,
    refused: { CAP_EXCEEDED: 15 },
    used: 50,
    limit: 50,
    afterRelease: 48,
  });
  expect(promotions.events.byType).toEqual({
    'promotion.caps_saved': 1,
    'promotion.claimed': 25,
    'promotion.released': 1,
  });
  expect(promotions.ok).toBe(true);
}

function expectCrmAndAnalytics(crm: CrmTourResult, analytics: AnalyticsTourResult, kind: string) {
  expect(crm.kind).toBe(kind);
  expect(crm.customers).toBe(2000);
  expect(crm.published.expected).toBeCloseTo(1.226, 3);
  expect(crm.published.alive).toBeCloseTo(0.7266, 4);
  // Drawn with r 0.5, α 6 (weeks): the fit lands near them.
  expect(crm.fit.r).toBeGreaterThan(0.35);
  expect(crm.fit.r).toBeLessThan(0.7);
  // 王 loyal → VIP service, 李 at risk → call, 张 one order 24 days ago → first-repeat offer; 周 only 2 days.
  expect(crm.followUps).toMatchObject({ planned: 3, addedByRerun: 0, due: 2, completed: true, events: 4 });
  expect(analytics.months).toEqual([
    { period: '2025-12', revenue: '3620.00', change: null, yearOverYear: null },
    { period: '2026-01', revenue: '3350.00', change: -7.46, yearOverYear: 179.17 },
    { period: '2026-02', revenue: '3250.00', change: -2.99, yearOverYear: 238.54 },
  ]);
  expect(analytics).toMatchObject({
    activeSkuRate: '98.28%',
    sellThrough: '65.00%',
    turnover: { turnover: 5, daysOfInventory: 73 },
    abc: { A: 3, B: 2, C: 2 },
    ok: true,
  });
}

describe('runCli: help, version, usage errors', () => {
  it('--help and -h list the commands and the global flags', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = await run(flag);
      expect(code).toBe(0);
      expect(err).toBe('');
      for (const word of ['demo', 'example <name>', 'migrations', '--json', '--storage <kind>', '--pg-url']) {
        expect(out).toContain(word);
      }
    }
  });

  it('no command prints the help', async () => {
    const { code, out } = await run();
    expect(code).toBe(0);
    expect(out).toContain('Usage: s2b2b <command> [flags]');
  });

  it('<command> --help and help <command> describe one command', async () => {
    const a = await run('migrations', '--help');
    const b = await run('help', 'migrations');
    expect(a.code).toBe(0);
    expect(a.out).toContain('Usage: s2b2b migrations');
    expect(a.out).toContain('--domains <a,b>');
    expect(b.out).toBe(a.out);
  });

  it('--version prints the version of package.json', async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(await run('--version')).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
    expect(JSON.parse((await run('--version', '--json')).out)).toEqual({ version: pkg.version });
  });

  it('an unknown command exits 2 with one line and a suggestion', async () => {
    expect(await run('dmeo')).toEqual({
      code: 2,
      out: '',
      err: 's2b2b: unknown command "dmeo" (did you mean "demo"?)\n',
    });
    const far = await run('deploy');
    expect(far.code).toBe(2);
    expect(far.err).toBe('s2b2b: unknown command "deploy"; run "s2b2b --help" for the commands\n');
  });

  it('bad flags and values exit 2', async () => {
    expect(await run('demo', '--jsn')).toEqual({
      code: 2,
      out: '',
      err: 's2b2b: unknown option "--jsn" (did you mean "--json"?)\n',
    });
    expect((await run('demo', '--list')).err).toBe(
      's2b2b: option "--list" does not apply to "demo" (it belongs to "example")\n',
    );
    expect((await run('demo', '--storage', 'sqlite')).code).toBe(2);
    expect((await run('demo', '--seed', '1.5')).code).toBe(2);
    const noUrl = await run('demo', '--storage', 'postgres');
    expect(noUrl.code).toBe(2);
    expect(noUrl.out).toBe('');
  });
});

describe('runCli demo', () => {
  it('--storage memory --json prints one JSON document with the allocations and the replay', async () => {
    const { code, out, err } = await run('demo', '--storage', 'memory', '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const result = JSON.parse(out) as DemoJson;
    expect(result.checks).toEqual({
      money: true,
      randomness: true,
      storage: true,
      forecasting: true,
      inventory: true,
      logistics: true,
      credit: true,
      crm: true,
      analytics: true,
      aftersales: true,
      procurement: true,
      promotions: true,
      day: true,
    });
    expect(result.forecasting.model).toMatch(/^mean\(ETS\([AM],(N|A|Ad),[NAM]\),theta,dotm\)$/);
    expect(result.forecasting.months).toHaveLength(6);
    expect(result.money.groupBuy.parts.map((part) => part.amount)).toEqual([
      { amount: '166.67', currency: 'CNY' },
      { amount: '33.33', currency: 'CNY' },
    ]);
    expect(result.money.groupBuy.parts.map((part) => part.formatted)).toEqual(['¥166.67', '¥33.33']);
    expect(result.money.yen.parts.map((part) => part.amount.amount)).toEqual(['4286', '2857', '2857']);
    expect(result.money.largestRemainder.parts.map((part) => part.formatted)).toEqual([
      '¥33.34',
      '¥33.33',
      '¥33.33',
    ]);
    expect(result.randomness.reproducible).toBe(true);
    expect(result.storage.kind).toBe('memory');
    expect(result.storage.command.first.replayed).toBe(false);
    expect(result.storage.command.replay.replayed).toBe(true);
    expect(result.storage.command.replay.orderId).toBe(result.storage.command.first.orderId);
    expect(result.storage.command.conflict?.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(result.storage.batch).toEqual({
      commands: 20,
      events: 200,
      replayedOnRerun: 20,
      newEventsOnRerun: 0,
    });
    expect(result.storage.outbox).toMatchObject({ before: 0, thisRun: 202, after: 202 });
    expect(result.storage.outbox.sample[0]).toMatchObject({
      type: 'demo.order_placed',
      summary: 'SO-1001 华东食品 ¥456.00',
    });
    expectInventory(result.inventory, 'memory');
    expectLogistics(result.logistics, 'memory');
    expectCredit(result.credit, 'memory');
    expectCrmAndAnalytics(result.crm, result.analytics, 'memory');
    expectAftersales(result.aftersales, 'memory');
    expectProcurement(result.procurement, 'memory');
    expectPromotions(result.promotions, 'memory');
  });

  it('the same seed gives the same draws and ids; another seed does not', async () => {
    const draws = async (seed: string) =>
      (
        JSON.parse(
          (await run('demo', '--storage', 'memory', '--json', '--quick', '--seed', seed)).out,
        ) as DemoJson
      ).randomness;
    const [a, b, c] = [await draws('7'), await draws('7'), await draws('8')];
    expect(a.dice).toEqual(b.dice);
    expect(a.ids).toEqual(b.ids);
    expect(c.ids).not.toEqual(a.ids);
  });

  it('prints the sections for people, without colour when not on a terminal', async () => {
    const { code, out, err } = await run('demo', '--storage', 'memory');
    expect(code).toBe(0);
    expect(err).toBe('');
    for (const text of [
      '1. Money to the cent',
      '2. Seeded randomness',
      '3. Storage: idempotent commands and the outbox (memory)',
      '5. Shared stock: reservations without oversell, rebalancing (memory)',
      '20 succeed = ⌊40 / 2⌋: on hand 40, reserved 40, available 0 — never oversold',
      '¥166.67',
      '[IDEMPOTENCY_CONFLICT]',
      'Summary',
      '13. The platform day: Double 11 of 2026 through every package (memory)',
      'Next steps',
      's2b2b example --list',
    ]) {
      expect(out).toContain(text);
    }
    expect(out).not.toContain('\u001b[');
    expect(out).not.toContain('✗');
  });

  it('a runtime failure exits 1 with one line; the stack only with --verbose', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's2b2b-cli-'));
    try {
      const file = join(dir, 'not-a-dir');
      await writeFile(file, 'x');
      const quiet = await run('demo', '--data-dir', file, '--json');
      expect(quiet.code).toBe(1);
      expect(quiet.out).toBe('');
      expect(quiet.err.trim().split('\n')).toHaveLength(1);
      expect(quiet.err).toMatch(/^s2b2b: /);
      const verbose = await run('demo', '--data-dir', file, '--json', '--verbose');
      expect(verbose.code).toBe(1);
      expect(verbose.err).toMatch(/\n\s+at /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('runCli demo on PGlite', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('persists in --data-dir and succeeds again on the same data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's2b2b-cli-pglite-'));
    dirs.push(dir);
    const first = await run('demo', '--data-dir', dir, '--json');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const a = JSON.parse(first.out) as DemoJson;
    expect(a.storage.kind).toBe('pglite');
    expect(a.storage.outbox).toMatchObject({ before: 0, thisRun: 202 });
    expect(a.storage.command.replay.replayed).toBe(true);

    expect(a.day).toMatchObject({ kind: 'pglite', scale: 'small', ok: true });
    // The second run leaves the platform day out.
    const second = await run('demo', '--data-dir', dir, '--json', '--schema', 's2b2b', '--quick');
    expect(second.code).toBe(0);
    const b = JSON.parse(second.out) as DemoJson;
    // The first run's outbox: its 202 storage events and its inventory, logistics, credit and CRM sections' events.
    const firstRun =
      202 +
      a.inventory.events.committed +
      a.logistics.events.committed +
      a.credit.events.committed +
      a.crm.followUps.events +
      a.aftersales.events.committed +
      a.procurement.events.committed +
      a.promotions.events.committed +
      (a.day?.events ?? 0);
    expect(b.day).toBeUndefined();
    expect(b.storage.outbox).toMatchObject({ before: firstRun, thisRun: 202, after: firstRun + 202 });
    expect(b.storage.command.conflict?.code).toBe('IDEMPOTENCY_CONFLICT');
    // Its own SKU code each run: the same numbers again on the same data.
    expectInventory(a.inventory, 'pglite');
    expectInventory(b.inventory, 'pglite');
    expect(b.inventory.sku).not.toBe(a.inventory.sku);
    expectLogistics(a.logistics, 'pglite');
    expectLogistics(b.logistics, 'pglite');
    expect(b.logistics.tracking.shipmentId).not.toBe(a.logistics.tracking.shipmentId);
    expectCredit(a.credit, 'pglite');
    expectCrmAndAnalytics(a.crm, a.analytics, 'pglite');
    expectAftersales(a.aftersales, 'pglite');
    expectAftersales(b.aftersales, 'pglite');
    expect(b.aftersales.caseId).not.toBe(a.aftersales.caseId);
    expectProcurement(a.procurement, 'pglite');
    expectProcurement(b.procurement, 'pglite');
    expect(b.procurement.roundId).not.toBe(a.procurement.roundId);
    expectPromotions(a.promotions, 'pglite');
    expectPromotions(b.promotions, 'pglite');
    expect(b.promotions.flashId).not.toBe(a.promotions.flashId);
    expectCredit(b.credit, 'pglite');
    expect(b.credit.lineId).not.toBe(a.credit.lineId);
  }, 240_000);
});

const pgUrl = process.env.S2B2B_PG_URL;

describe.skipIf(!pgUrl)('runCli demo on PostgreSQL (S2B2B_PG_URL)', () => {
  const schema = `cli_demo_${process.pid}_${Date.now().toString(36)}`;
  afterAll(async () => {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: pgUrl });
    try {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await pool.end();
    }
  });

  it('runs on a pg.Pool in its own schema, twice', async () => {
    let before = 0;
    for (let i = 0; i < 2; i++) {
      const { code, out, err } = await run('demo', '--pg-url', pgUrl!, '--schema', schema, '--json');
      expect(err).toBe('');
      expect(code).toBe(0);
      const result = JSON.parse(out) as DemoJson;
      expect(result.storage.kind).toBe('postgres');
      expect(result.storage.outbox).toMatchObject({ before, thisRun: 202 });
      expect(result.storage.command.replay.replayed).toBe(true);
      expectInventory(result.inventory, 'postgres');
      expectLogistics(result.logistics, 'postgres');
      expectCredit(result.credit, 'postgres');
      expectCrmAndAnalytics(result.crm, result.analytics, 'postgres');
      expectAftersales(result.aftersales, 'postgres');
      expectProcurement(result.procurement, 'postgres');
      expectPromotions(result.promotions, 'postgres');
      before +=
        202 +
        result.inventory.events.committed +
        result.logistics.events.committed +
        result.credit.events.committed +
        result.crm.followUps.events +
        result.aftersales.events.committed +
        result.procurement.events.committed +
        result.promotions.events.committed +
        (result.day?.events ?? 0);
    }
  }, 180_000);
});

describe('runCli example', () => {
  it('runs money-allocation', async () => {
    const { code, out, err } = await run('example', 'money-allocation');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('¥166.67');
    expect(out).toContain('= ¥1,286.40');
    expect(out).toContain('= ¥2,000.00');
  });

  it('--json reports the output as text and table blocks', async () => {
    const { code, out } = await run('example', 'event-outbox', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(out) as { example: { name: string }; output: { type: string }[] };
    expect(result.example.name).toBe('event-outbox');
    expect(result.output.some((block) => block.type === 'table')).toBe(true);
  });

  it('--list lists every example', async () => {
    const { code, out } = await run('example', '--list');
    expect(code).toBe(0);
    for (const name of [
      'money-allocation',
      'idempotent-command',
      'event-outbox',
      'forecasting',
      'inventory',
      'logistics',
      'credit',
      'crm',
      'analytics',
      'aftersales',
      'procurement',
      'promotions',
    ])
      expect(out).toContain(name);
    const json = JSON.parse((await run('example', '--list', '--json')).out) as {
      examples: { name: string }[];
    };
    expect(json.examples.map((example) => example.name)).toEqual([
      'money-allocation',
      'idempotent-command',
      'event-outbox',
      'forecasting',
      'inventory',
      'logistics',
      'credit',
      'crm',
      'analytics',
      'aftersales',
      'procurement',
      'promotions',
    ]);
  });

  it('an unknown example exits 2 and lists the known ones', async () => {
    const { code, out, err } = await run('example', 'nope');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      's2b2b: unknown example "nope"; known examples: money-allocation, idempotent-command, event-outbox, forecasting, inventory, logistics, credit, crm, analytics, aftersales, procurement, promotions\n',
    );
    expect((await run('example', 'money-alocation')).err).toContain('(did you mean "money-allocation"?)');
    expect((await run('example')).code).toBe(2);
  });
});

describe('runCli migrations', () => {
  it('prints the SQL for a schema', async () => {
    const { code, out, err } = await run('migrations', '--schema', 'x');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('CREATE SCHEMA IF NOT EXISTS "x";');
    expect(out).toContain('"x".idempotency_records');
    expect(out).toContain('"x".event_outbox');
    expect(out).toContain('-- migration: core/0001_infrastructure');
    expect(out).not.toContain('{{schema}}');
    expect(out).not.toContain('"s2b2b"');
  });

  it('--json prints the migrations as data; --domains filters and checks', async () => {
    const json = JSON.parse((await run('migrations', '--json', '--domains', 'core')).out) as {
      id: string;
      sql: string;
    }[];
    expect(json[0]?.id).toBe('core/0001_infrastructure');
    expect(json[0]?.sql).toContain('"s2b2b".event_outbox');
    const bad = await run('migrations', '--domains', 'cor');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown domain "cor" (did you mean "core"?)');
  });
});
