import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPORT_CHARTS } from './charts/chart-names.js';
import type { PlatformDayReport, ReportPlace } from './model.js';
import { renderReport } from './render.js';
import { sampleReport } from './sample-report.js';

/** The names of the data-chart elements, in page order. */
function chartNames(html: string): string[] {
  return [...html.matchAll(/data-chart="([^"]+)"/g)].map((match) => match[1]!);
}

/** Everything a self-contained, well-formed report must not contain. */
function expectClean(html: string): void {
  expect(html).not.toMatch(/NaN|undefined|Infinity|\[object /);
  expect(html).not.toMatch(/<script|<img|<link|<iframe|@import|url\(|https?:\/\//i);
}

function emptyReport(): PlatformDayReport {
  const model = sampleReport();
  return {
    ...model,
    headlines: [],
    forecast: { series: [], accuracy: [] },
    stock: [],
    transfers: { warehouses: [], transfers: [], total: { amount: '0.00', currency: 'CNY' } },
    routes: [],
    savings: { merchants: [], total: { amount: '0.00', currency: 'CNY' }, rate: 0 },
    segments: { sizes: [], movements: [] },
    sla: { clocks: [], compliance: [] },
  };
}

describe('renderReport', () => {
  it('writes every chart once, in page order, each with an SVG', () => {
    const html = renderReport(sampleReport());
    expect(chartNames(html)).toEqual([...REPORT_CHARTS]);
    for (const name of REPORT_CHARTS) {
      const start = html.indexOf(`data-chart="${name}"`);
      const end = html.indexOf('</section>', start);
      const section = html.slice(start, end);
      expect(section, name).toMatch(/<svg class="chart-svg" viewBox="0 0 \d+ \d+"/);
      expect(section, name).not.toContain('chart-empty');
    }
    expectClean(html);
  });

  it('draws what the sample holds, with money formatted to the cent', () => {
    const html = renderReport(sampleReport());
    // 8 merchants' savings add up to ¥27,277.15; 9 transfers in 8 flows cost ¥2,575.92.
    expect(html).toContain('¥27,277.15 saved in all (8.1 %)');
    expect(html).toContain('9 transfers in 8 flows for ¥2,575.92');
    expect(html.match(/<g class="flow">/g)).toHaveLength(8);
    expect(html.match(/class="route"/g)).toHaveLength(12);
    expect(html.match(/<figure class="mini">/g)).toHaveLength(4 + 4 + 2);
    expect(html.match(/class="headline"/g)).toHaveLength(8);
    // 上海 → 武汉 moves 480 + 144 units of two SKUs for ¥624.00 + ¥187.20.
    expect(html).toContain('上海 Shanghai → 武汉 Wuhan: 624 units of 2 SKUs, ¥811.20');
    // Savings sorted: East Fresh saves the most (¥86,420.00 − ¥78,135.60).
    expect(html.indexOf('saves ¥8,284.40 · 9.6 %')).toBeLessThan(html.indexOf('saves ¥397.40 · 2.0 %'));
    // Breaches are listed first: AS-1002 used 74 of 60 minutes.
    expect(html.indexOf('74 / 60 min · breached')).toBeLessThan(html.indexOf('9 / 60 min · met'));
  });

  it('gives the same bytes for the same model', () => {
    expect(renderReport(sampleReport())).toBe(renderReport(sampleReport()));
    expect(renderReport(sampleReport(7))).not.toBe(renderReport(sampleReport()));
  });

  it('escapes every text of the model', () => {
    const model = sampleReport();
    model.title = '<script>alert("title")</script>';
    model.headlines[0]!.value = '<img src=x onerror=alert(1)>';
    model.stock[0]!.warehouse.name = '"><script>alert(2)</script>';
    model.transfers.warehouses[0]!.name = '</text><script>alert(3)</script>';
    model.savings.merchants[0]!.name = "<b onclick='x'>M</b>";
    model.segments.sizes[0]!.segment = '<svg onload=alert(4)>';
    model.sla.clocks[0]!.caseId = '</title><script>alert(5)</script>';
    model.forecast.series[0]!.key = '<script src="https://evil.example/x.js"></script>';
    const html = renderReport(model);
    expect(html).not.toMatch(/<script|<img|<b onclick|<svg onload/);
    expect(html).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;svg onload=alert(4)&gt;');
  });

  it('shows a "nothing to show" note for every chart of an empty day', () => {
    const html = renderReport(emptyReport());
    expect(chartNames(html)).toEqual([...REPORT_CHARTS]);
    expect(html.match(/class="chart-svg chart-empty"/g)).toHaveLength(REPORT_CHARTS.length);
    expect(html).toContain('No rebalancing transfers were planned today.');
    expect(html).toContain('No SLA clocks ran today.');
    expect(html).toContain('No headline numbers in this report.');
    expectClean(html);
  });

  it('copes with degenerate data: one point, equal values, zeros, places at one spot', () => {
    const model = sampleReport();
    const spot: ReportPlace = { id: 'WH-SH', name: 'Shanghai', lat: 31.23, lng: 121.47 };
    model.forecast.series = [
      {
        key: 'flat',
        periods: ['W1'],
        actual: [0],
        forecastStart: 1,
        forecast: [],
        intervals: [],
        model: 'naive',
      },
      {
        key: 'zeros',
        periods: ['W1', 'W2', 'W3'],
        actual: [0, 0, 0],
        forecastStart: 0,
        forecast: [0, 0, 0],
        intervals: [{ level: 80, lower: [0, 0, 0], upper: [0, 0, 0] }],
        model: 'naive',
      },
    ];
    model.stock = [{ ...model.stock[0]!, onHand: 0, reserved: 0, available: 0 }];
    model.transfers = {
      warehouses: [spot, { ...spot, id: 'WH-2' }],
      transfers: [
        {
          fromWarehouseId: 'WH-SH',
          toWarehouseId: 'WH-2',
          sku: 'A',
          units: 1,
          cost: { amount: '0', currency: 'CNY' },
        },
      ],
      total: { amount: '0', currency: 'CNY' },
    };
    model.routes = [
      {
        warehouse: spot,
        routes: [{ vehicle: 'V1', stops: [spot], distanceKm: 0, load: 0, capacity: 0 }],
        unassigned: 0,
      },
      { warehouse: spot, routes: [], unassigned: 3 },
    ];
    model.savings.merchants = [
      {
        merchantId: 'm',
        name: 'Zero',
        alone: { amount: '0', currency: 'CNY' },
        pays: { amount: '0', currency: 'CNY' },
        saves: { amount: '0', currency: 'CNY' },
      },
    ];
    model.segments = {
      sizes: [{ segment: 'A', customers: 0 }],
      movements: [{ from: 'A', to: 'A', customers: 4 }],
    };
    model.sla = {
      clocks: [{ ...model.sla.clocks[0]!, usedMinutes: 0, targetMinutes: 0 }],
      compliance: [{ metric: 'first response', met: 0, breached: 0, running: 0 }],
    };
    const html = renderReport(model);
    expect(chartNames(html)).toEqual([...REPORT_CHARTS]);
    expect(html).toContain('No customer changed segment.');
    expect(html).toContain('No routes; 3 orders unassigned.');
    expect(html).toContain('none decided');
    expectClean(html);
  });

  it('never writes NaN or undefined, whatever valid model it gets', () => {
    // Any text but the words the check looks for.
    const name = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((text) => !/NaN|undefined|Infinity/.test(text));
    const place = fc.record({
      id: fc.constantFrom('A', 'B', 'C', 'D'),
      name,
      lat: fc.double({ min: -89, max: 89, noNaN: true }),
      lng: fc.double({ min: -179, max: 179, noNaN: true }),
    });
    const amount = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((cents) => ({
      amount: (cents / 100).toFixed(2),
      currency: 'CNY',
    }));
    const count = fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    );
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    const series = fc.integer({ min: 0, max: 12 }).chain((periods) =>
      fc.integer({ min: 0, max: periods }).chain((start) =>
        fc.record({
          key: name,
          periods: fc.array(name, { minLength: periods, maxLength: periods }),
          actual: fc.array(value, { minLength: periods, maxLength: periods }),
          forecastStart: fc.constant(start),
          forecast: fc.array(value, { minLength: periods - start, maxLength: periods - start }),
          intervals: fc.array(
            fc.record({
              level: fc.constantFrom(80, 95),
              lower: fc.array(value, { minLength: periods - start, maxLength: periods - start }),
              upper: fc.array(value, { minLength: periods - start, maxLength: periods - start }),
            }),
            { maxLength: 2 },
          ),
          model: name,
        }),
      ),
    );
    const model = fc
      .record({
        places: fc.uniqueArray(place, { selector: (p) => p.id, minLength: 1, maxLength: 4 }),
        series: fc.array(series, { maxLength: 3 }),
        stock: fc.array(
          fc.record({
            warehouse: place,
            skus: count,
            onHand: count,
            reserved: count,
            available: count,
            belowReorderPoint: count,
            slowMovers: count,
            stockouts: count,
          }),
          { maxLength: 4 },
        ),
        transfers: fc.array(
          fc.record({
            from: fc.nat(3),
            to: fc.nat(3),
            sku: name,
            units: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
            cost: amount,
          }),
          { maxLength: 6 },
        ),
        routes: fc.array(
          fc.record({
            warehouse: place,
            routes: fc.array(
              fc.record({
                vehicle: name,
                stops: fc.array(place, { maxLength: 5 }),
                distanceKm: count,
                load: count,
                capacity: count,
              }),
              { maxLength: 3 },
            ),
            unassigned: count,
          }),
          { maxLength: 3 },
        ),
        merchants: fc.array(
          fc.record({ merchantId: name, name, alone: amount, pays: amount, saves: amount }),
          { maxLength: 5 },
        ),
        sizes: fc.array(fc.record({ segment: name, customers: count }), { maxLength: 5 }),
        movements: fc.array(fc.record({ from: name, to: name, customers: count }), { maxLength: 6 }),
        clocks: fc.array(
          fc.record({
            caseId: name,
            metric: name,
            startedAt: name,
            deadline: name,
            usedMinutes: count,
            targetMinutes: count,
            status: fc.constantFrom('running', 'paused', 'met', 'breached') as fc.Arbitrary<
              'running' | 'paused' | 'met' | 'breached'
            >,
          }),
          { maxLength: 6 },
        ),
        compliance: fc.array(fc.record({ metric: name, met: count, breached: count, running: count }), {
          maxLength: 3,
        }),
      })
      .map(
        (parts): PlatformDayReport => ({
          ...emptyReport(),
          forecast: { series: parts.series, accuracy: [] },
          stock: parts.stock,
          transfers: {
            warehouses: parts.places,
            transfers: parts.transfers.map((t) => ({
              fromWarehouseId: parts.places[t.from % parts.places.length]!.id,
              toWarehouseId: parts.places[t.to % parts.places.length]!.id,
              sku: t.sku,
              units: t.units,
              cost: t.cost,
            })),
            total: { amount: '0.00', currency: 'CNY' },
          },
          routes: parts.routes,
          savings: { merchants: parts.merchants, total: { amount: '0.00', currency: 'CNY' }, rate: 0 },
          segments: { sizes: parts.sizes, movements: parts.movements },
          sla: { clocks: parts.clocks, compliance: parts.compliance },
        }),
      );
    fc.assert(
      fc.property(model, (report) => {
        const html = renderReport(report);
        expect(chartNames(html)).toEqual([...REPORT_CHARTS]);
        expect(html).not.toMatch(/NaN|undefined|Infinity/);
      }),
      { numRuns: 100 },
    );
  });
});

describe('renderReport refuses a malformed model, naming the field', () => {
  const refusal = (mutate: (model: PlatformDayReport) => void) => {
    const model = sampleReport();
    mutate(model);
    try {
      renderReport(model);
    } catch (error) {
      return (error as { issues: { path: (string | number)[] }[] }).issues.map((issue) =>
        issue.path.join('.'),
      );
    }
    throw new Error('expected a refusal');
  };

  it('names a number that is not finite or a negative count', () => {
    expect(
      refusal((m) => {
        m.stock[1]!.onHand = Number.NaN;
      }),
    ).toEqual(['model.stock.1.onHand']);
    expect(
      refusal((m) => {
        m.routes[0]!.routes[1]!.distanceKm = -3;
      }),
    ).toEqual(['model.routes.0.routes.1.distanceKm']);
    expect(
      refusal((m) => {
        m.forecast.series[0]!.actual[3] = Number.POSITIVE_INFINITY;
      }),
    ).toEqual(['model.forecast.series.0.actual.3']);
    expect(
      refusal((m) => {
        m.transfers.warehouses[2]!.lat = 95;
      }),
    ).toEqual(['model.transfers.warehouses.2.lat']);
  });

  it('names forecast arrays of the wrong length', () => {
    expect(
      refusal((m) => {
        m.forecast.series[1]!.forecast.pop();
      }),
    ).toEqual(['model.forecast.series.1.forecast']);
    expect(
      refusal((m) => {
        m.forecast.series[0]!.intervals[1]!.upper.push(1);
      }),
    ).toEqual(['model.forecast.series.0.intervals.1.upper']);
    expect(
      refusal((m) => {
        m.forecast.series[2]!.actual.pop();
      }),
    ).toEqual(['model.forecast.series.2.actual']);
  });

  it('names bad money, mixed currencies and transfers between unknown warehouses', () => {
    expect(
      refusal((m) => {
        m.savings.merchants[0]!.pays = { amount: '1,000.00', currency: 'CNY' };
      }),
    ).toEqual(['model.savings.merchants.0.pays.amount']);
    expect(
      refusal((m) => {
        m.savings.merchants[3]!.saves = { amount: '1.00', currency: 'USD' };
      }),
    ).toEqual(['model.savings.merchants.3.saves.currency']);
    expect(
      refusal((m) => {
        m.transfers.transfers[4]!.toWarehouseId = 'WH-NOWHERE';
      }),
    ).toEqual(['model.transfers.transfers.4.toWarehouseId']);
  });

  it('names a status it does not know', () => {
    expect(
      refusal((m) => {
        (m.sla.clocks[2] as { status: string }).status = 'late';
      }),
    ).toEqual(['model.sla.clocks.2.status']);
  });

  it('refuses what is not a report at all', () => {
    expect(() => renderReport(null as unknown as PlatformDayReport)).toThrow(
      expect.objectContaining({ name: 'ValidationError' }),
    );
  });
});
