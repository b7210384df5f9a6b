import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { cdnowSummaryRows } from '../../test/cdnow.js';
import { groupSummaryRows } from './group-rows.js';

describe('groupSummaryRows', () => {
  it('collapses the 2,357 CDNOW customers into distinct (x, t_x, T) rows whose weights add up', () => {
    const grouped = groupSummaryRows(cdnowSummaryRows());
    expect(grouped.customers).toBe(2357);
    expect(grouped.size).toBe(1016);
    expect(grouped.weight.reduce((sum, w) => sum + w, 0)).toBe(2357);
  });

  it('adds given weights and keeps first-appearance order', () => {
    const grouped = groupSummaryRows([
      { frequency: 1, recency: 2, T: 5, weight: 3 },
      { frequency: 0, recency: 0, T: 5 },
      { frequency: 1, recency: 2, T: 5, weight: 0.5 },
    ]);
    expect(Array.from(grouped.frequency)).toEqual([1, 0]);
    expect(Array.from(grouped.weight)).toEqual([3.5, 1]);
    expect(grouped.customers).toBe(4.5);
  });

  it('refuses rows the models cannot read', () => {
    expect(() => groupSummaryRows([{ frequency: 1, recency: 6, T: 5 }])).toThrow(ValidationError);
    expect(() => groupSummaryRows('rows' as never)).toThrow(ValidationError);
  });
});
