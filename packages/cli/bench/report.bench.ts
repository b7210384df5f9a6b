/**
 * How long `renderReport` takes and how large the HTML gets: the sample day, and a large day
 * built from it — 120 forecast series, 40 warehouses, 400 transfers, 6 depots × 20 vehicles × 20
 * stops (2,400 stops drawn), 500 merchants, 12 segments, 3,000 SLA clocks (the charts draw the
 * first 8 series, 20 merchants and 24 clocks; routes and transfers are drawn in full). Run:
 * `pnpm bench report`.
 */
import { createRng } from '@s2b2b/core';
import { measure, resultsTable } from '../../../bench/harness.ts';
import type { PlatformDayReport } from '../src/report/model.ts';
import { renderReport } from '../src/report/render.ts';
import { sampleReport } from '../src/report/sample-report.ts';

function largeReport(): PlatformDayReport {
  const rng = createRng('report-bench');
  const base = sampleReport();
  const warehouses = Array.from({ length: 40 }, (_, index) => ({
    id: `WH-${index}`,
    name: `仓库 ${index}`,
    lat: rng.uniform(22, 41),
    lng: rng.uniform(102, 122),
  }));
  const cents = (low: number, high: number) => (rng.int(low, high) / 100).toFixed(2);
  const transfers = Array.from({ length: 400 }, (_, index) => ({
    fromWarehouseId: `WH-${rng.int(0, 39)}`,
    toWarehouseId: `WH-${rng.int(0, 39)}`,
    sku: `SKU-${index % 90}`,
    units: rng.int(12, 600),
    cost: { amount: cents(1000, 90000), currency: 'CNY' },
  }));
  const routes = base.routes.slice(0, 1).flatMap((entry) =>
    Array.from({ length: 6 }, (_, depot) => ({
      warehouse: { ...entry.warehouse, id: `D-${depot}` },
      unassigned: 0,
      routes: Array.from({ length: 20 }, (_, vehicle) => ({
        vehicle: `V${vehicle + 1}`,
        stops: Array.from({ length: 20 }, (_, stop) => ({
          id: `S-${depot}-${vehicle}-${stop}`,
          name: `客户 ${stop}`,
          lat: entry.warehouse.lat + rng.uniform(-0.3, 0.3),
          lng: entry.warehouse.lng + rng.uniform(-0.3, 0.3),
        })),
        distanceKm: rng.uniform(40, 220),
        load: rng.int(200, 1200),
        capacity: 1200,
      })),
    })),
  );
  const merchants = Array.from({ length: 500 }, (_, index) => {
    const alone = rng.int(100_000, 9_000_000);
    const pays = alone - rng.int(0, Math.floor(alone / 8));
    return {
      merchantId: `M-${index}`,
      name: `商户 ${index}`,
      alone: { amount: (alone / 100).toFixed(2), currency: 'CNY' },
      pays: { amount: (pays / 100).toFixed(2), currency: 'CNY' },
      saves: { amount: ((alone - pays) / 100).toFixed(2), currency: 'CNY' },
    };
  });
  const segments = Array.from({ length: 12 }, (_, index) => `Segment ${index}`);
  const statuses = ['running', 'paused', 'met', 'breached'] as const;
  return {
    ...base,
    forecast: {
      ...base.forecast,
      series: Array.from({ length: 120 }, (_, i) => ({ ...base.forecast.series[i % 4]!, key: `S-${i}` })),
    },
    stock: warehouses.map((warehouse, index) => ({ ...base.stock[index % 6]!, warehouse })),
    transfers: { warehouses, transfers, total: { amount: '0.00', currency: 'CNY' } },
    routes,
    savings: { ...base.savings, merchants },
    segments: {
      sizes: segments.map((segment) => ({ segment, customers: rng.int(10, 5000) })),
      movements: Array.from({ length: 60 }, () => ({
        from: segments[rng.int(0, 11)]!,
        to: segments[rng.int(0, 11)]!,
        customers: rng.int(1, 400),
      })),
    },
    sla: {
      clocks: Array.from({ length: 3000 }, (_, index) => ({
        ...base.sla.clocks[0]!,
        caseId: `AS-${index}`,
        usedMinutes: rng.int(0, 1000),
        targetMinutes: rng.int(60, 960),
        status: statuses[index % 4]!,
      })),
      compliance: base.sla.compliance,
    },
  };
}

const sample = sampleReport();
const large = largeReport();
const kib = (model: PlatformDayReport) => `${(Buffer.byteLength(renderReport(model)) / 1024).toFixed(0)} KiB`;
console.log(`HTML size: sample ${kib(sample)}, large ${kib(large)}\n`);
const results = [
  await measure('renderReport(sample)', () => renderReport(sample)),
  await measure('renderReport(large)', () => renderReport(large)),
];
console.log(resultsTable(results, 'renderReport(sample)'));
