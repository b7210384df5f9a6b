import { createRng, formatMoney, Money, type Rng, sum } from '@s2b2b/core';
import type {
  PlatformDayReport,
  ReportForecastSeries,
  ReportMerchantSaving,
  ReportPlace,
  ReportSlaClock,
  ReportTransfer,
  ReportWarehouseRoutes,
} from './model.js';

/** Regional warehouses at the coordinates of their cities. */
const WAREHOUSES: readonly ReportPlace[] = [
  { id: 'WH-SH', name: '上海 Shanghai', lat: 31.2304, lng: 121.4737 },
  { id: 'WH-BJ', name: '北京 Beijing', lat: 39.9042, lng: 116.4074 },
  { id: 'WH-GZ', name: '广州 Guangzhou', lat: 23.1291, lng: 113.2644 },
  { id: 'WH-CD', name: '成都 Chengdu', lat: 30.5728, lng: 104.0668 },
  { id: 'WH-WH', name: '武汉 Wuhan', lat: 30.5928, lng: 114.3055 },
  { id: 'WH-XA', name: '西安 Xi’an', lat: 34.3416, lng: 108.9398 },
];

const cny = (amount: string) => ({ amount, currency: 'CNY' });

/**
 * A complete, realistic platform-day report for tests and previews: six regional warehouses at
 * their Chinese cities' coordinates, four forecast series (fresh food, apparel with its Double 11
 * peak, an intermittent industrial part), rebalancing transfers, routes from four depots, eight
 * merchants' buying-round savings, RFM segments with movements and after-sales SLA clocks. The
 * data is drawn from a seeded generator, so every call returns the same report; money adds up
 * to the cent (each saving is alone − pays, the totals are the sums). Each call returns a new
 * object tree, free to change.
 *
 * @param seed - the generator's seed, default 20261111
 * @example
 * const html = renderReport(sampleReport());
 */
export function sampleReport(seed = 20261111): PlatformDayReport {
  const rng = createRng(seed);
  const forecast = sampleForecast(rng.fork('forecast'));
  const transfers = sampleTransfers();
  const routes = sampleRoutes(rng.fork('routes'));
  const savings = sampleSavings();
  const sla = sampleSla();
  const transferTotal = Money.fromJSON(transfers.total);
  const km = routes.reduce(
    (total, entry) => total + entry.routes.reduce((s, route) => s + route.distanceKm, 0),
    0,
  );
  const decided = sla.compliance.reduce((total, row) => total + row.met + row.breached, 0);
  const met = sla.compliance.reduce((total, row) => total + row.met, 0);
  const segments = sampleSegments();
  const customers = segments.sizes.reduce((total, size) => total + size.customers, 0);
  const report: PlatformDayReport = {
    title: 'S2B2B platform day',
    day: '2026-11-11',
    seed,
    scale: 'small',
    storage: 'pglite (.s2b2b/)',
    headlines: [
      {
        label: 'Procurement savings',
        value: formatMoney(Money.fromJSON(savings.total)),
        detail: `${(savings.rate * 100).toFixed(1)} % against each merchant buying alone`,
      },
      {
        label: 'Forecast accuracy',
        value: 'sMAPE 14.2 %',
        detail: 'MASE 0.81 over the last 6 weeks, 48 series',
      },
      {
        label: 'Transfers',
        value: `${transfers.transfers.length} · ${formatMoney(transferTotal)}`,
        detail: 'rebalancing between regional warehouses',
      },
      { label: 'Consolidation savings', value: '¥1,458.50', detail: '23 orders into 9 shared trucks' },
      {
        label: 'Route distance',
        value: `${km.toLocaleString('en-US', { maximumFractionDigits: 1 })} km`,
        detail: `${routes.reduce((n, e) => n + e.routes.length, 0)} vehicles from 4 depots`,
      },
      { label: 'Credit used', value: '¥412,800.00', detail: '37 purchase-loan draws at checkout' },
      {
        label: 'Segments',
        value: `${segments.sizes.length} segments`,
        detail: `${customers.toLocaleString('en-US')} business customers`,
      },
      {
        label: 'SLA compliance',
        value: `${((met / decided) * 100).toFixed(1)} %`,
        detail: `${decided - met} breached of ${decided} decided clocks`,
      },
    ],
    forecast,
    stock: [
      {
        warehouse: WAREHOUSES[0]!,
        skus: 1840,
        onHand: 48_620,
        reserved: 9_410,
        available: 39_210,
        belowReorderPoint: 37,
        slowMovers: 112,
        stockouts: 4,
      },
      {
        warehouse: WAREHOUSES[1]!,
        skus: 1512,
        onHand: 35_980,
        reserved: 6_120,
        available: 29_860,
        belowReorderPoint: 22,
        slowMovers: 95,
        stockouts: 2,
      },
      {
        warehouse: WAREHOUSES[2]!,
        skus: 1633,
        onHand: 41_270,
        reserved: 8_830,
        available: 32_440,
        belowReorderPoint: 45,
        slowMovers: 71,
        stockouts: 9,
      },
      {
        warehouse: WAREHOUSES[3]!,
        skus: 1104,
        onHand: 18_450,
        reserved: 2_970,
        available: 15_480,
        belowReorderPoint: 18,
        slowMovers: 140,
        stockouts: 0,
      },
      {
        warehouse: WAREHOUSES[4]!,
        skus: 1290,
        onHand: 26_300,
        reserved: 4_880,
        available: 21_420,
        belowReorderPoint: 29,
        slowMovers: 64,
        stockouts: 3,
      },
      {
        warehouse: WAREHOUSES[5]!,
        skus: 876,
        onHand: 12_940,
        reserved: 1_650,
        available: 11_290,
        belowReorderPoint: 11,
        slowMovers: 88,
        stockouts: 1,
      },
    ],
    transfers,
    routes,
    savings,
    segments,
    sla,
  };
  // Through JSON, as a model travels: every place its own object, free to change, nothing shared.
  return JSON.parse(JSON.stringify(report)) as PlatformDayReport;
}

function sampleForecast(rng: Rng): PlatformDayReport['forecast'] {
  const weeks = 26;
  const horizon = 6;
  const periods = Array.from({ length: weeks }, (_, index) =>
    new Date(Date.UTC(2026, 4, 18) + index * 7 * 86_400_000).toISOString().slice(0, 10),
  );
  const series = (
    key: string,
    model: string,
    level: (week: number) => number,
    noise: number,
    spread: number,
    flat?: number,
  ): ReportForecastSeries => {
    const actual = periods.map((_, week) => Math.max(0, Math.round(level(week) + rng.normal(0, noise))));
    const start = weeks - horizon;
    // A flat forecast (Croston's demand rate) for intermittent items, the level with an error otherwise.
    const forecast = Array.from(
      { length: horizon },
      (_, step) => flat ?? Math.round(level(start + step) * 0.97 + rng.normal(0, noise / 3)),
    );
    const intervals = [
      { level: 80, z: 1.2816 },
      { level: 95, z: 1.96 },
    ].map(({ level: interval, z }) => ({
      level: interval,
      lower: forecast.map((value, step) => Math.max(0, Math.round(value - z * spread * Math.sqrt(step + 1)))),
      upper: forecast.map((value, step) => Math.round(value + z * spread * Math.sqrt(step + 1))),
    }));
    return { key, periods, actual, forecastStart: start, forecast, intervals, model };
  };
  const double11 = (week: number) => (week === 25 ? 2.4 : week === 24 ? 1.5 : 1);
  return {
    series: [
      series('SKU-FRESH-001 鲜牛奶 × 华东', 'ets(A,Ad,N)', (w) => 420 + 6 * w + 30 * Math.sin(w / 2), 22, 28),
      series(
        'SKU-APP-017 羽绒服 × 华南',
        'ets(M,N,M)',
        (w) => (90 + 14 * Math.max(0, w - 14)) * double11(w),
        14,
        30,
      ),
      series(
        'SKU-IND-203 轴承 6204 × 华北',
        'croston',
        (w) => (w % 3 === 0 ? 38 : w % 5 === 0 ? 20 : 4),
        6,
        14,
        16,
      ),
      series('SKU-FRESH-014 柑橘 × 西南', 'arima(1,1,1)', (w) => 260 + 40 * Math.cos(w / 3) - 2 * w, 18, 24),
    ],
    accuracy: [
      { model: 'auto', smape: 14.2, mase: 0.81, series: 48 },
      { model: 'seasonal naive', smape: 19.7, mase: 1.0, series: 48 },
      { model: 'croston (intermittent)', smape: 38.5, mase: 0.92, series: 9 },
    ],
  };
}

function sampleTransfers(): PlatformDayReport['transfers'] {
  const transfers: ReportTransfer[] = [
    {
      fromWarehouseId: 'WH-SH',
      toWarehouseId: 'WH-WH',
      sku: 'SKU-FRESH-001',
      units: 480,
      cost: cny('624.00'),
    },
    { fromWarehouseId: 'WH-SH', toWarehouseId: 'WH-WH', sku: 'SKU-APP-017', units: 144, cost: cny('187.20') },
    { fromWarehouseId: 'WH-SH', toWarehouseId: 'WH-BJ', sku: 'SKU-APP-017', units: 312, cost: cny('530.40') },
    {
      fromWarehouseId: 'WH-GZ',
      toWarehouseId: 'WH-CD',
      sku: 'SKU-FRESH-014',
      units: 240,
      cost: cny('451.20'),
    },
    { fromWarehouseId: 'WH-BJ', toWarehouseId: 'WH-XA', sku: 'SKU-IND-203', units: 96, cost: cny('172.80') },
    {
      fromWarehouseId: 'WH-WH',
      toWarehouseId: 'WH-CD',
      sku: 'SKU-FRESH-001',
      units: 168,
      cost: cny('231.84'),
    },
    {
      fromWarehouseId: 'WH-GZ',
      toWarehouseId: 'WH-SH',
      sku: 'SKU-FRESH-014',
      units: 72,
      cost: cny('118.08'),
    },
    { fromWarehouseId: 'WH-XA', toWarehouseId: 'WH-CD', sku: 'SKU-IND-203', units: 48, cost: cny('62.40') },
    { fromWarehouseId: 'WH-WH', toWarehouseId: 'WH-GZ', sku: 'SKU-APP-017', units: 120, cost: cny('198.00') },
  ];
  const total = sum(transfers.map((transfer) => Money.fromJSON(transfer.cost))).toJSON();
  return { warehouses: [...WAREHOUSES], transfers, total };
}

/** Great-circle kilometres between two places. */
function haversineKm(a: ReportPlace, b: ReportPlace): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function sampleRoutes(rng: Rng): ReportWarehouseRoutes[] {
  const depots = [
    { warehouse: WAREHOUSES[0]!, vehicles: 4, district: ['浦东', '闵行', '嘉定', '松江', '宝山', '青浦'] },
    { warehouse: WAREHOUSES[1]!, vehicles: 3, district: ['朝阳', '海淀', '丰台', '通州', '顺义'] },
    { warehouse: WAREHOUSES[2]!, vehicles: 3, district: ['天河', '番禺', '白云', '黄埔', '海珠'] },
    { warehouse: WAREHOUSES[4]!, vehicles: 2, district: ['武昌', '汉阳', '江岸', '洪山'] },
  ];
  return depots.map(({ warehouse, vehicles, district }, depotIndex) => {
    const routes = Array.from({ length: vehicles }, (_, vehicle) => {
      // Each vehicle serves a sector around the depot, stops ordered by angle (a sweep route).
      const count = rng.int(4, 8);
      const base = (vehicle / vehicles) * 2 * Math.PI;
      const stops: ReportPlace[] = Array.from({ length: count }, (_, stop) => {
        const angle = base + ((stop + 0.5) / count) * ((2 * Math.PI) / vehicles) * 0.85;
        const radius = 0.06 + rng.uniform(0.04, 0.28);
        return {
          id: `C-${depotIndex + 1}${vehicle + 1}${String(stop + 1).padStart(2, '0')}`,
          name: `${district[(vehicle + stop) % district.length]} 客户 ${stop + 1}`,
          lat: warehouse.lat + radius * Math.sin(angle),
          lng: warehouse.lng + (radius * Math.cos(angle)) / Math.cos((warehouse.lat * Math.PI) / 180),
        };
      });
      const loop = [warehouse, ...stops, warehouse];
      let km = 0;
      for (let index = 1; index < loop.length; index += 1) km += haversineKm(loop[index - 1]!, loop[index]!);
      const load = stops.reduce((total) => total + rng.int(40, 160), 0);
      return {
        vehicle: `${warehouse.id.slice(3)}-V${vehicle + 1}`,
        stops,
        distanceKm: Math.round(km * 1.25 * 10) / 10,
        load,
        capacity: 1200,
      };
    });
    return { warehouse, routes, unassigned: depotIndex === 2 ? 2 : 0 };
  });
}

function sampleSavings(): PlatformDayReport['savings'] {
  const merchants: [string, string, string, string][] = [
    ['M-001', '华东生鲜连锁 East Fresh', '86420.00', '78135.60'],
    ['M-002', '鲜丰便利 FreshCorner', '42310.50', '38722.45'],
    ['M-003', '锦绣服饰 Jinxiu Apparel', '65880.00', '60612.90'],
    ['M-004', '北辰五金 Beichen Hardware', '23940.00', '22408.30'],
    ['M-005', '小王便利店', '8125.40', '7718.10'],
    ['M-006', '岭南果业 Lingnan Fruit', '37760.00', '34362.00'],
    ['M-007', '蜀香餐饮 Shuxiang Catering', '51200.00', '46796.80'],
    ['M-008', '长江工业品 Changjiang MRO', '19870.00', '19472.60'],
  ];
  const rows: ReportMerchantSaving[] = merchants.map(([merchantId, name, alone, pays]) => ({
    merchantId,
    name,
    alone: cny(alone),
    pays: cny(pays),
    saves: Money.of(alone).subtract(Money.of(pays)).toJSON(),
  }));
  const aloneTotal = sum(rows.map((row) => Money.fromJSON(row.alone)));
  const total = sum(rows.map((row) => Money.fromJSON(row.saves)));
  const rate = Number(total.toDecimalString()) / Number(aloneTotal.toDecimalString());
  return { merchants: rows, total: total.toJSON(), rate: Math.round(rate * 10_000) / 10_000 };
}

function sampleSegments(): PlatformDayReport['segments'] {
  return {
    sizes: [
      { segment: 'Champions', customers: 186 },
      { segment: 'Loyal', customers: 274 },
      { segment: 'Potential', customers: 231 },
      { segment: 'New', customers: 148 },
      { segment: 'At risk', customers: 167 },
      { segment: 'Hibernating', customers: 139 },
      { segment: 'Lost', customers: 95 },
    ],
    movements: [
      { from: 'Potential', to: 'Loyal', customers: 38 },
      { from: 'Loyal', to: 'Champions', customers: 21 },
      { from: 'New', to: 'Potential', customers: 44 },
      { from: 'Loyal', to: 'At risk', customers: 26 },
      { from: 'Champions', to: 'At risk', customers: 9 },
      { from: 'At risk', to: 'Hibernating', customers: 31 },
      { from: 'Hibernating', to: 'Lost', customers: 17 },
      { from: 'At risk', to: 'Loyal', customers: 12 },
      { from: 'Hibernating', to: 'Potential', customers: 6 },
      { from: 'Lost', to: 'New', customers: 3 },
    ],
  };
}

function sampleSla(): PlatformDayReport['sla'] {
  const clock = (
    caseId: string,
    metric: string,
    started: string,
    usedMinutes: number,
    targetMinutes: number,
    status: ReportSlaClock['status'],
  ): ReportSlaClock => ({
    caseId,
    metric,
    startedAt: `2026-11-11T${started}:00+08:00`,
    deadline: `2026-11-${targetMinutes > 480 ? '12' : '11'}T18:00:00+08:00`,
    usedMinutes,
    targetMinutes,
    status,
  });
  const clocks: ReportSlaClock[] = [
    clock('AS-1001', 'first response', '09:05', 38, 60, 'met'),
    clock('AS-1001', 'resolution', '09:05', 410, 960, 'running'),
    clock('AS-1002', 'first response', '09:40', 74, 60, 'breached'),
    clock('AS-1003', 'first response', '10:12', 21, 60, 'met'),
    clock('AS-1003', 'resolution', '10:12', 286, 480, 'met'),
    clock('AS-1004', 'first response', '10:55', 55, 60, 'met'),
    clock('AS-1004', 'resolution', '10:55', 512, 480, 'breached'),
    clock('AS-1005', 'first response', '11:30', 12, 60, 'met'),
    clock('AS-1005', 'resolution', '11:30', 190, 960, 'paused'),
    clock('AS-1006', 'first response', '13:02', 47, 60, 'met'),
    clock('AS-1006', 'resolution', '13:02', 300, 480, 'running'),
    clock('AS-1007', 'first response', '14:20', 9, 60, 'met'),
    clock('AS-1008', 'first response', '15:45', 33, 60, 'running'),
    clock('AS-1008', 'refund', '15:45', 95, 240, 'met'),
    clock('AS-1009', 'refund', '16:10', 268, 240, 'breached'),
    clock('AS-1010', 'first response', '16:58', 18, 60, 'met'),
  ];
  const metrics = [...new Set(clocks.map((c) => c.metric))];
  const compliance = metrics.map((metric) => {
    const of = clocks.filter((c) => c.metric === metric);
    const count = (status: ReportSlaClock['status']) => of.filter((c) => c.status === status).length;
    return {
      metric,
      met: count('met'),
      breached: count('breached'),
      running: count('running') + count('paused'),
    };
  });
  return { clocks, compliance };
}
