import { formatDay } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { summarizeCustomers } from '../summary/summarize-customers.js';
import { fitBgNbd } from './bg-nbd.js';
import { simulateBgNbd } from './simulate.js';

describe('simulateBgNbd → fitBgNbd', () => {
  it('recovers the parameters it simulated (20,000 customers, 78 weeks)', () => {
    const params = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const rows = simulateBgNbd({
      params,
      customers: 20_000,
      days: 546,
      acquisitionDays: 84,
      unitDays: 7,
      seed: 11,
    });
    const start = 20_000; // an arbitrary day number
    const table = summarizeCustomers(
      rows.map((row) => ({ customerId: row.customerId, date: formatDay(start + row.day), amount: 1 })),
      { observationEnd: formatDay(start + 545), timeUnit: 'week', zone: 'UTC' },
    );
    const fit = fitBgNbd(table.customers);
    expect(fit.params.r).toBeCloseTo(0.5, 1);
    expect(fit.params.alpha / 5).toBeCloseTo(1, 0);
    expect(fit.params.a).toBeGreaterThan(0.5);
    expect(fit.params.a).toBeLessThan(1.2);
  });

  it('is reproducible from its seed', () => {
    const options = {
      params: { r: 0.5, alpha: 5, a: 0.8, b: 2.5 },
      customers: 50,
      days: 100,
      acquisitionDays: 10,
      seed: 'x',
    };
    expect(simulateBgNbd(options)).toEqual(simulateBgNbd(options));
  });
});
