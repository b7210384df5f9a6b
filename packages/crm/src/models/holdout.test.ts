import { describe, expect, it } from 'vitest';
import { cdnowSample } from '../../test/cdnow.js';
import { summarizeCustomers } from '../summary/summarize-customers.js';
import { bgNbdConditionalExpectedPurchases, fitBgNbd } from './bg-nbd.js';

describe('BG/NBD out of sample on CDNOW (calibration to 1997-09-30, holdout weeks 40–78)', () => {
  const table = summarizeCustomers(cdnowSample(), {
    calibrationEnd: '1997-09-30',
    observationEnd: '1998-06-30',
    timeUnit: 'week',
  });
  const fit = fitBgNbd(table.customers);
  const expected = table.customers.map((c) => bgNbdConditionalExpectedPurchases(fit.params, c, 39));
  const actual = table.customers.map((c) => c.holdout!.frequency);

  it('has 1,882 repeat purchase days in the holdout, 334 of them by the 1,411 one-time buyers', () => {
    expect(table.holdoutDuration).toBeCloseTo(39, 12);
    expect(actual.reduce((s, n) => s + n, 0)).toBe(1882);
    const zero = table.customers.filter((c) => c.frequency === 0);
    expect(zero).toHaveLength(1411);
    expect(zero.reduce((s, c) => s + c.holdout!.frequency, 0)).toBe(334);
  });

  it('expects 1,653.9 in all (the zero class 0.225 each, actual 0.237) and correlates 0.626 with what happened (the paper)', () => {
    expect(expected.reduce((s, v) => s + v, 0)).toBeCloseTo(1653.9, 0);
    const zeroMean =
      table.customers.reduce((s, c, i) => s + (c.frequency === 0 ? expected[i]! : 0), 0) /
      table.customers.filter((c) => c.frequency === 0).length;
    expect(zeroMean).toBeCloseTo(0.225, 3);
    const n = expected.length;
    const mx = expected.reduce((s, v) => s + v, 0) / n;
    const my = actual.reduce((s, v) => s + v, 0) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      sxy += (expected[i]! - mx) * (actual[i]! - my);
      sxx += (expected[i]! - mx) ** 2;
      syy += (actual[i]! - my) ** 2;
    }
    expect(sxy / Math.sqrt(sxx * syy)).toBeCloseTo(0.626, 3);
  });
});
