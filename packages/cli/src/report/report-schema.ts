import { moneyJsonSchema } from '@s2b2b/core';
import { z } from 'zod';
import type { PlatformDayReport } from './model.js';

const count = z.number().min(0);
const text = z.string().min(1).max(500);

/**
 * A place on the map: id, name, latitude (−90…90) and longitude (−180…180).
 *
 * @example
 * reportPlaceSchema.parse({ id: 'WH-SH', name: '上海 Shanghai', lat: 31.23, lng: 121.47 })
 */
export const reportPlaceSchema = z.object({
  id: text,
  name: text,
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

const forecastSeriesSchema = z
  .object({
    key: text,
    periods: z.array(z.string().max(100)).max(10_000),
    actual: z.array(z.number()),
    forecastStart: z.int().min(0),
    forecast: z.array(z.number()),
    intervals: z.array(
      z.object({ level: z.number().gt(0).lt(100), lower: z.array(z.number()), upper: z.array(z.number()) }),
    ),
    model: text,
  })
  .superRefine((series, context) => {
    const periods = series.periods.length;
    const horizon = periods - series.forecastStart;
    const issue = (path: (string | number)[], message: string) =>
      context.addIssue({ code: 'custom', path, message });
    if (series.forecastStart > periods)
      issue(['forecastStart'], `Expected at most ${periods} (the number of periods)`);
    if (series.actual.length !== periods) issue(['actual'], `Expected ${periods} values, one per period`);
    if (series.forecast.length !== Math.max(0, horizon)) {
      issue(['forecast'], `Expected ${Math.max(0, horizon)} values, one per period from forecastStart`);
    }
    for (const [index, interval] of series.intervals.entries()) {
      for (const edge of ['lower', 'upper'] as const) {
        if (interval[edge].length !== Math.max(0, horizon)) {
          issue(
            ['intervals', index, edge],
            `Expected ${Math.max(0, horizon)} values, one per period from forecastStart`,
          );
        }
      }
    }
  });

const routeSchema = z.object({
  vehicle: text,
  stops: z.array(reportPlaceSchema),
  distanceKm: count,
  load: count,
  capacity: count,
});

const slaClockSchema = z.object({
  caseId: text,
  metric: text,
  startedAt: z.string().max(100),
  deadline: z.string().max(100),
  usedMinutes: count,
  targetMinutes: count,
  status: z.enum(['running', 'paused', 'met', 'breached']),
});

/**
 * The whole platform-day report as `renderReport` accepts it: every number finite, counts not
 * negative, money as `{ amount, currency }`, a forecast series' arrays as long as its periods
 * (`actual`) or its horizon (`forecast`, intervals), every transfer between warehouses of
 * `transfers.warehouses`, and the transfers' and the savings' money in the currency of their total.
 *
 * @example
 * parseInput(platformDayReportSchema, model, 'model') // throws ValidationError naming the bad field
 */
export const platformDayReportSchema: z.ZodType<PlatformDayReport> = z.object({
  title: text,
  day: z.string().max(100),
  seed: z.number(),
  scale: z.string().max(100),
  storage: z.string().max(200),
  headlines: z.array(
    z.object({ label: text, value: z.string().max(200), detail: z.string().max(500).optional() }),
  ),
  forecast: z.object({
    series: z.array(forecastSeriesSchema),
    accuracy: z.array(z.object({ model: text, smape: z.number(), mase: z.number(), series: count })),
  }),
  stock: z.array(
    z.object({
      warehouse: reportPlaceSchema,
      skus: count,
      onHand: count,
      reserved: count,
      available: count,
      belowReorderPoint: count,
      slowMovers: count,
      stockouts: count,
    }),
  ),
  transfers: z
    .object({
      warehouses: z.array(reportPlaceSchema),
      transfers: z.array(
        z.object({
          fromWarehouseId: text,
          toWarehouseId: text,
          sku: text,
          units: z.number().gt(0),
          cost: moneyJsonSchema,
        }),
      ),
      total: moneyJsonSchema,
    })
    .superRefine((value, context) => {
      for (const [index, transfer] of value.transfers.entries()) {
        if (transfer.cost.currency !== value.total.currency) {
          context.addIssue({
            code: 'custom',
            path: ['transfers', index, 'cost', 'currency'],
            message: `Expected ${value.total.currency}, the currency of transfers.total`,
          });
        }
      }
      const known = new Set(value.warehouses.map((place) => place.id));
      for (const [index, transfer] of value.transfers.entries()) {
        for (const field of ['fromWarehouseId', 'toWarehouseId'] as const) {
          if (!known.has(transfer[field])) {
            context.addIssue({
              code: 'custom',
              path: ['transfers', index, field],
              message: `Unknown warehouse ${JSON.stringify(transfer[field])}: not in transfers.warehouses`,
            });
          }
        }
      }
    }),
  routes: z.array(
    z.object({ warehouse: reportPlaceSchema, routes: z.array(routeSchema), unassigned: count }),
  ),
  savings: z
    .object({
      merchants: z.array(
        z.object({
          merchantId: text,
          name: text,
          alone: moneyJsonSchema,
          pays: moneyJsonSchema,
          saves: moneyJsonSchema,
        }),
      ),
      total: moneyJsonSchema,
      rate: z.number(),
    })
    .superRefine((value, context) => {
      for (const [index, merchant] of value.merchants.entries()) {
        for (const field of ['alone', 'pays', 'saves'] as const) {
          if (merchant[field].currency !== value.total.currency) {
            context.addIssue({
              code: 'custom',
              path: ['merchants', index, field, 'currency'],
              message: `Expected ${value.total.currency}, the currency of savings.total`,
            });
          }
        }
      }
    }),
  segments: z.object({
    sizes: z.array(z.object({ segment: text, customers: count })),
    movements: z.array(z.object({ from: text, to: text, customers: count })),
  }),
  sla: z.object({
    clocks: z.array(slaClockSchema),
    compliance: z.array(z.object({ metric: text, met: count, breached: count, running: count })),
  }),
});
