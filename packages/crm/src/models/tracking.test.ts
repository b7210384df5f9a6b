import { parseDay, ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { cdnowSample, cdnowSummaryRows } from '../../test/cdnow.js';
import { fitBgNbd } from './bg-nbd.js';
import { fitParetoNbd } from './pareto-nbd.js';
import { expectedCumulativePurchases } from './tracking.js';

describe('expectedCumulativePurchases: the CDNOW tracking chart', () => {
  // First purchase days from 1997-01-01 (weeks), and the actual repeat purchase days.
  const start = parseDay('1997-01-01')!;
  const first = new Map<string, number>();
  const days = new Map<string, Set<number>>();
  for (const row of cdnowSample()) {
    const day = parseDay(row.date)! - start;
    first.set(row.customerId, Math.min(first.get(row.customerId) ?? Number.POSITIVE_INFINITY, day));
    const set = days.get(row.customerId) ?? new Set<number>();
    set.add(day);
    days.set(row.customerId, set);
  }
  const firstPurchases = [...first.values()].map((day) => ({ time: day / 7, count: 1 }));
  const actualBy = (week: number) => {
    let n = 0;
    for (const [customer, set] of days)
      for (const day of set) if (day !== first.get(customer) && day < 7 * week) n += 1;
    return n;
  };
  const weeks = [20, 21, 22, 23, 24, 25];

  it('predicts 1,309 … 1,674 repeat purchases by weeks 20–25 with Pareto/NBD (BTYD walkthrough); 1,359 … 1,672 happened', () => {
    const model = { kind: 'pareto-nbd' as const, params: fitParetoNbd(cdnowSummaryRows()).params };
    const predicted = expectedCumulativePurchases({ model, firstPurchases, times: weeks });
    expect(predicted.map(Math.round)).toEqual([1309, 1385, 1460, 1533, 1604, 1674]);
    expect(predicted[1]! - predicted[0]!).toBeCloseTo(76.43, 1);
    expect(weeks.map(actualBy)).toEqual([1359, 1414, 1484, 1517, 1573, 1672]);
  });

  it('under-forecasts week 78 by about 4 % with BG/NBD (the paper) and less with Pareto/NBD', () => {
    const bg = expectedCumulativePurchases({
      model: { kind: 'bg-nbd', params: fitBgNbd(cdnowSummaryRows()).params },
      firstPurchases,
      times: [78],
    })[0]!;
    const pareto = expectedCumulativePurchases({
      model: { kind: 'pareto-nbd', params: fitParetoNbd(cdnowSummaryRows()).params },
      firstPurchases,
      times: [78],
    })[0]!;
    const actual = actualBy(78);
    expect(actual).toBe(4339);
    expect(bg).toBeCloseTo(4165.8, 0);
    expect(pareto).toBeCloseTo(4275.7, 0);
    expect((bg - actual) / actual).toBeCloseTo(-0.04, 2);
  });

  it('refuses negative times', () => {
    expect(() =>
      expectedCumulativePurchases({
        model: { kind: 'bg-nbd', params: { r: 1, alpha: 1, a: 1, b: 1 } },
        firstPurchases: [{ time: -1, count: 1 }],
        times: [1],
      }),
    ).toThrow(ValidationError);
  });
});
