import { isS2b2bError } from '@s2b2b/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayOfDate } from './calendar.js';
import { demandSeries } from './demand-series.js';
import { generateScenario, type Scenario } from './generate-scenario.js';
import { greatCircleKm } from './geography.js';
import { ordersOn } from './order-views.js';
import { EXPIRED_ON } from './suppliers.js';

let world: Scenario;
beforeAll(() => {
  world = generateScenario({ seed: 42, scale: 'small' });
});

/** The world without its typed arrays, and the arrays as plain lists. */
function snapshot(s: Scenario) {
  const { orders, ...rest } = s;
  const columns = Object.fromEntries(
    Object.entries(orders).map(([k, v]) => [k, typeof v === 'number' ? v : Array.from(v as Uint32Array)]),
  );
  return JSON.stringify({ rest, columns });
}

/** Mean interval between periods with demand (Syntetos–Boylan ADI). */
function adi(series: ArrayLike<number>): number {
  const demand: number[] = [];
  for (let i = 0; i < series.length; i++) if (series[i]! > 0) demand.push(i);
  return demand.length < 2 ? Number.POSITIVE_INFINITY : (demand.at(-1)! - demand[0]!) / (demand.length - 1);
}

describe('generateScenario', () => {
  it('gives the same world for the same seed, and another for another seed', () => {
    expect(snapshot(generateScenario({ seed: 42, scale: 'small' }))).toBe(snapshot(world));
    const other = generateScenario({ seed: 43, scale: 'small' });
    expect(other.orders.lineCount).not.toBe(world.orders.lineCount);
    expect(other.merchants.map((m) => m.name)).not.toEqual(world.merchants.map((m) => m.name));
  });

  it('builds the small world: 5 regions, 10 cities, 12 SKUs, 15 merchants', () => {
    expect(world.regions.map((r) => [r.id, r.cityIds])).toEqual([
      ['华东', ['上海', '杭州']],
      ['华南', ['广州', '深圳']],
      ['华北', ['北京', '天津']],
      ['西南', ['成都', '重庆']],
      ['华中', ['武汉', '长沙']],
    ]);
    expect(world.cities).toHaveLength(10);
    expect(world.warehouses).toHaveLength(5);
    expect(world.skus.map((s) => s.sku)).toEqual([
      'FR-001',
      'FR-002',
      'FR-003',
      'FR-004',
      'AP-001',
      'AP-002',
      'AP-003',
      'AP-004',
      'IN-001',
      'IN-002',
      'IN-003',
      'IN-004',
    ]);
    expect(world.skus.map((s) => s.pattern)).toEqual([
      'smooth',
      'seasonal',
      'seasonal',
      'intermittent',
      'trend',
      'trend',
      'smooth',
      'intermittent',
      'smooth',
      'smooth',
      'intermittent',
      'intermittent',
    ]);
    expect(world.suppliers).toHaveLength(9);
    expect(world.merchants).toHaveLength(15);
    expect(world.carriers).toHaveLength(4);
    expect(world.customers.length).toBeGreaterThan(60);
    expect(world.orders.lineCount).toBeGreaterThan(15_000);
    expect(world.orders.lineCount).toBeLessThan(40_000);
  });

  it('keeps every vertical trait on its SKUs', () => {
    for (const sku of world.skus) {
      expect(sku.coldChain).toBe(sku.vertical === 'fresh');
      if (sku.vertical === 'fresh') {
        expect(sku.shelfLifeDays).toBeGreaterThanOrEqual(3);
        expect(sku.shelfLifeDays).toBeLessThanOrEqual(21);
      } else expect(sku.shelfLifeDays).toBeNull();
      expect(sku.priceMinor % 10).toBe(0);
      expect(Number(sku.unitCost)).toBeLessThan(Number(sku.unitPrice));
      expect(sku.trend !== null).toBe(sku.pattern === 'trend');
    }
  });

  it('covers every region × vertical with customers of merchants that sell in it', () => {
    const merchants = new Map(world.merchants.map((m) => [m.merchantId, m]));
    const pairs = new Set(world.customers.map((c) => `${c.region}/${c.vertical}`));
    expect(pairs.size).toBe(15);
    for (const c of world.customers) {
      const merchant = merchants.get(c.merchantId)!;
      expect(merchant.verticals).toContain(c.vertical);
      expect(merchant.region).toBe(c.region);
      const city = world.cities.find((x) => x.id === c.cityId)!;
      expect(city.region).toBe(c.region);
      expect(greatCircleKm(c, city)).toBeLessThan(40);
    }
  });

  it('writes a consistent order table: sorted days, contiguous lines, one line per SKU', () => {
    const { orders } = world;
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok && problems.length < 10) problems.push(what);
    };
    let line = 0;
    for (let o = 0; o < orders.orderCount; o++) {
      const day = orders.orderDay[o]!;
      check(o === 0 || day >= orders.orderDay[o - 1]!, `order ${o} out of day order`);
      check(orders.orderFirstLine[o] === line, `order ${o} lines not contiguous`);
      const customer = world.customers[orders.orderCustomer[o]!]!;
      check(
        customer.joinDay <= day && (customer.leaveDay === null || day < customer.leaveDay),
        `order ${o}: inactive customer`,
      );
      const minute = orders.orderMinute[o]!;
      check(minute >= 420 && minute <= 1260, `order ${o} at minute ${minute}`);
      const skus = new Set<number>();
      for (let k = 0; k < orders.orderLineCount[o]!; k++, line++) {
        check(orders.lineOrder[line] === o, `line ${line} points elsewhere`);
        check(orders.lineQuantity[line]! >= 1, `line ${line} is empty`);
        check(
          world.skus[orders.lineSku[line]!]!.vertical === customer.vertical,
          `line ${line}: another vertical`,
        );
        skus.add(orders.lineSku[line]!);
      }
      check(skus.size === orders.orderLineCount[o], `order ${o} repeats a SKU`);
    }
    expect(problems).toEqual([]);
    expect(line).toBe(orders.lineCount);
    expect(orders.orderDay[orders.orderCount - 1]).toBe(world.calendar.historyDays);
  });

  it('gives intermittent items an ADI above 1.32 and regular items far less', () => {
    const weekly = demandSeries(world, { period: 'week', measure: 'lines' });
    const regular: number[] = [];
    weekly.keys.forEach((key, i) => {
      const sku = world.skus.find((s) => s.sku === key.sku)!;
      const value = adi(weekly.values[i]!);
      if (sku.pattern === 'intermittent') expect(value).toBeGreaterThan(1.32);
      else regular.push(value);
    });
    regular.sort((a, b) => a - b);
    expect(regular[Math.floor(regular.length / 2)]).toBeLessThan(1.1);
  });

  it('puts the Double 11 and 618 weeks above their neighbours and the Spring Festival below', () => {
    const weekly = demandSeries(world, { period: 'week', measure: 'units' });
    const total = (vertical?: string) =>
      weekly.periods.map((_, w) =>
        weekly.values.reduce((sum, series, i) => {
          const sku = world.skus.find((s) => s.sku === weekly.keys[i]!.sku)!;
          return vertical === undefined || sku.vertical === vertical ? sum + series[w]! : sum;
        }, 0),
      );
    const weekOf = (date: string) => weekly.periodStarts.findLastIndex((d) => d <= dayOfDate(date));
    const all = total();
    for (const date of ['2025-11-11']) {
      const w = weekOf(date);
      expect(all[w]).toBeGreaterThan(all[w - 1]! * 1.2);
      expect(all[w]).toBeGreaterThan(all[w + 1]! * 1.2);
    }
    const apparel = total('apparel');
    const june = weekOf('2025-06-18');
    expect(apparel[june]).toBeGreaterThan(apparel[june - 2]!);
    expect(apparel[june]).toBeGreaterThan(apparel[june + 1]!);
    const industrial = total('industrial');
    const sf = weekOf('2026-02-18');
    expect(industrial[sf]).toBeLessThan(industrial[sf - 3]! * 0.5);
    expect(industrial[sf]).toBeLessThan(industrial[sf + 4]! * 0.5);
  });

  it('opens the day with stock at every warehouse for every SKU, fresh within its shelf life', () => {
    expect(world.openingStock).toHaveLength(world.warehouses.length * world.skus.length);
    for (const s of world.openingStock) {
      expect(Number.isInteger(s.quantity)).toBe(true);
      expect(s.quantity).toBeGreaterThanOrEqual(0);
    }
    expect(world.openingStock.filter((s) => s.quantity === 0).length).toBeLessThan(
      world.openingStock.length / 2,
    );
  });

  it('lets one supplier per vertical lapse before the day, and prices every agreement in falling tiers', () => {
    const lapsed = world.suppliers.filter((s) => s.documents.some((d) => d.expiresAt === EXPIRED_ON));
    expect(lapsed.map((s) => s.supplierId)).toEqual(['SUP-FR-3', 'SUP-AP-3', 'SUP-IN-3']);
    expect(Date.parse(EXPIRED_ON)).toBeLessThan(Date.parse(`${world.calendar.day}T00:00:00+08:00`));
    for (const a of world.agreements) {
      const supplier = world.suppliers.find((s) => s.supplierId === a.supplierId)!;
      expect(supplier.vertical).toBe(world.skus.find((s) => s.sku === a.sku)!.vertical);
      for (let k = 1; k < a.tiers.length; k++) {
        expect(a.tiers[k]!.minQuantity).toBeGreaterThan(a.tiers[k - 1]!.minQuantity);
        expect(Number(a.tiers[k]!.unitPrice)).toBeLessThan(Number(a.tiers[k - 1]!.unitPrice));
      }
      expect(a.moq % a.packSize).toBe(0);
    }
  });

  it("lists the simulated day's orders with the day's campaign and flash sales", () => {
    const day = ordersOn(world, world.calendar.historyDays);
    expect(day.length).toBeGreaterThan(20);
    expect(day[0]!.orderId).toBe('SO-20261111-0001');
    expect(day[0]!.placedAt.startsWith('2026-11-11T')).toBe(true);
    const promotions = new Set(day.flatMap((o) => o.lines.map((l) => l.promotion?.id ?? null)));
    expect(promotions.has('D11-2026')).toBe(true);
    const flash = world.promotions.filter(
      (p) => p.type === 'flash-sale' && p.firstDay === world.calendar.historyDays,
    );
    expect(flash.map((p) => p.skus)).toEqual([['AP-001'], ['FR-001'], ['IN-001']]);
    expect(flash.map((p) => [p.startsAt, p.endsAt])[0]).toEqual([
      '2026-11-11T10:00:00+08:00',
      '2026-11-11T12:00:00+08:00',
    ]);
  });

  it('refuses a bad scale or seed with a ValidationError naming it', () => {
    const error = (input: unknown) => {
      try {
        generateScenario(input as never);
      } catch (e) {
        return e;
      }
      return null;
    };
    const scale = error({ scale: 'huge' });
    expect(isS2b2bError(scale) && scale.code).toBe('VALIDATION');
    expect(JSON.stringify((scale as { issues: unknown }).issues)).toContain('scale');
    const seed = error({ seed: 1.5 });
    expect(JSON.stringify((seed as { issues: unknown }).issues)).toContain('seed');
  });
});
