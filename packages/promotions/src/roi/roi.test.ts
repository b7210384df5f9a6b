import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { line, run } from '../test-fixtures.js';
import { campaignReport } from './campaign-report.js';
import { campaignDiscounts, compareCampaigns } from './compare-campaigns.js';
import { campaignComparisonTable } from './comparison-table.js';

const orders = [
  {
    orderId: 'o1',
    customerId: 'c1',
    revenue: '180',
    cost: '120',
    discounts: [{ campaignId: 'spring', amount: '20' }],
    newCustomer: true,
  },
  {
    orderId: 'o2',
    customerId: 'c2',
    revenue: '270',
    cost: '180',
    discounts: [
      { campaignId: 'spring', amount: '30' },
      { campaignId: 'flash', amount: '10' },
    ],
  },
  {
    orderId: 'o3',
    customerId: 'c1',
    revenue: '95',
    cost: '60',
    discounts: [{ campaignId: 'spring', amount: '5' }],
  },
  {
    orderId: 'o4',
    customerId: 'c3',
    revenue: '100',
    cost: '70',
    discounts: [{ campaignId: 'flash', amount: '15' }],
    newCustomer: true,
  },
  {
    orderId: 'o5',
    customerId: 'c4',
    revenue: '50',
    cost: '40',
    discounts: [{ campaignId: 'spring', amount: '0' }],
  },
];

describe('campaignReport', () => {
  it('counts the orders a campaign discounted, with margin after discount and redemption rate', () => {
    const report = campaignReport({
      campaign: { id: 'spring', name: '春季满减', fixedCost: '500', issued: 200 },
      orders,
      incrementality: {
        method: 'pre-period-baseline',
        baseline: { days: 28, revenue: '28000', margin: '7000' },
        period: { days: 7, revenue: '9100', margin: '2100' },
      },
    });
    expect(report).toMatchObject({ orders: 3, customers: 2, newCustomers: 1, redemptionRate: 0.015 });
    expect(report.revenue.toDecimalString()).toBe('545.00');
    expect(report.discountCost.toDecimalString()).toBe('55.00');
    expect(report.marginAfterDiscount.toDecimalString()).toBe('185.00');
    expect(report.averageOrderValue?.toDecimalString()).toBe('181.67');
    expect(report.marginRate).toBeCloseTo(185 / 545, 12);
    expect(report.discountRate).toBeCloseTo(55 / 600, 12);
    // 28 days at 28,000 → 7,000 expected in 7 days; 9,100 sold: +2,100 revenue, +350 margin, lift 30 %
    expect(report.incremental).toMatchObject({ method: 'pre-period-baseline', lift: 0.3 });
    expect(report.incremental?.expectedRevenue.toDecimalString()).toBe('7000.00');
    expect(report.incremental?.revenue.toDecimalString()).toBe('2100.00');
    expect(report.incremental?.margin.toDecimalString()).toBe('350.00');
    // (350 − 500) / (55 + 500)
    expect(report.roi).toBeCloseTo(-150 / 555, 12);
  });

  it('against a control group, scaled to the treatment’s size', () => {
    const report = campaignReport({
      campaign: { id: 'flash' },
      orders,
      incrementality: {
        method: 'control-group',
        treatment: { size: 9000, revenue: '540000', margin: '108000' },
        control: { size: 1000, revenue: '52000', margin: '11700' },
      },
    });
    expect(report.orders).toBe(2);
    expect(report.incremental?.expectedRevenue.toDecimalString()).toBe('468000.00');
    expect(report.incremental?.revenue.toDecimalString()).toBe('72000.00');
    expect(report.incremental?.margin.toDecimalString()).toBe('2700.00');
    expect(report.incremental?.lift).toBeCloseTo(540000 / 468000 - 1, 12);
    expect(report.roi).toBe(108); // 2,700 / 25
    expect(report.redemptionRate).toBeNull();
  });

  it('rounds a scaled expectation half-even and refuses bad input', () => {
    const report = campaignReport({
      campaign: { id: 'x' },
      orders: [],
      incrementality: {
        method: 'control-group',
        treatment: { size: 2, revenue: '10', margin: '1' },
        control: { size: 3, revenue: '10', margin: '1' },
      },
    });
    expect(report.incremental?.expectedRevenue.toDecimalString()).toBe('6.67'); // 20 / 3
    expect(report.averageOrderValue).toBeNull();
    expect(report.roi).toBeNull(); // nothing invested
    expect(() =>
      campaignReport({ campaign: { id: 'x' }, orders: [{ ...orders[0]!, revenue: '-1' }] }),
    ).toThrow(ValidationError);
    expect(() =>
      campaignReport({ campaign: { id: 'x' }, orders: [{ ...orders[0]!, revenue: '1.001' }] }),
    ).toThrow(ValidationError);
    const subMinor = (() => {
      try {
        campaignReport({
          campaign: { id: 'x' },
          orders: [],
          incrementality: {
            method: 'pre-period-baseline',
            baseline: { days: 28, revenue: '100', margin: '10.005' },
            period: { days: 7, revenue: '30', margin: '3' },
          },
        });
      } catch (error) {
        return error as ValidationError;
      }
      return null;
    })();
    expect(subMinor).toBeInstanceOf(ValidationError);
    expect(subMinor?.issues[0]?.path).toEqual(['incrementality', 'baseline', 'margin']);
  });

  it('a campaign that lost margin: negative incremental margin, in yen without minor units', () => {
    const report = campaignReport({
      currency: 'JPY',
      campaign: { id: 'deep', fixedCost: '1000', issued: 40 },
      orders: [
        {
          orderId: 'o1',
          customerId: 'c1',
          revenue: '4500',
          cost: '4200',
          discounts: [{ campaignId: 'deep', amount: '1500' }],
        },
      ],
      incrementality: {
        method: 'control-group',
        treatment: { size: 3, revenue: '20000', margin: '-500' },
        control: { size: 2, revenue: '12001', margin: '1001' },
      },
    });
    // expected: 12,001 × 3 / 2 = 18,001.5 → 18,002 (half-even); 1,001 × 3 / 2 = 1,501.5 → 1,502
    expect(report.incremental?.expectedRevenue.toString()).toBe('18002 JPY');
    expect(report.incremental?.revenue.toString()).toBe('1998 JPY');
    expect(report.incremental?.margin.toString()).toBe('-2002 JPY');
    expect(report.redemptionRate).toBe(0.025);
    expect(report.marginAfterDiscount.toString()).toBe('300 JPY');
    // (−2,002 − 1,000) / (1,500 + 1,000)
    expect(report.roi).toBeCloseTo(-3002 / 2500, 12);
  });
});

describe('compareCampaigns', () => {
  it('ranks by ROI, campaigns without one last, and totals the additive columns', () => {
    const flash = campaignReport({
      campaign: { id: 'flash' },
      orders,
      incrementality: {
        method: 'control-group',
        treatment: { size: 9000, revenue: '540000', margin: '108000' },
        control: { size: 1000, revenue: '52000', margin: '11700' },
      },
    });
    const spring = campaignReport({
      campaign: { id: 'spring', fixedCost: '500' },
      orders,
      incrementality: {
        method: 'pre-period-baseline',
        baseline: { days: 28, revenue: '28000', margin: '7000' },
        period: { days: 7, revenue: '9100', margin: '2100' },
      },
    });
    const vip = campaignReport({ campaign: { id: 'vip' }, orders: [] });
    const table = compareCampaigns([vip, spring, flash]);
    expect(table.rows.map((r) => [r.rank, r.campaignId, r.method])).toEqual([
      [1, 'flash', 'control-group'],
      [2, 'spring', 'pre-period-baseline'],
      [3, 'vip', null],
    ]);
    expect(table.totals.orders).toBe(5);
    expect(table.totals.revenue.toDecimalString()).toBe('915.00'); // 545 + 370 (o2 counts for both)
    expect(table.totals.discountCost.toDecimalString()).toBe('80.00');
    expect(() =>
      compareCampaigns([vip, campaignReport({ currency: 'USD', campaign: { id: 'u' }, orders: [] })]),
    ).toThrow(ValidationError);
    expect(campaignComparisonTable(table).split('\n')).toEqual([
      '| rank | campaign | orders | new customers | revenue | discount cost | margin after discount | redemption rate | method | incremental revenue | incremental margin | ROI |',
      '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
      '| 1 | flash | 2 | 1 | 370.00 | 25.00 | 120.00 | – | control-group | 72000.00 | 2700.00 | 10800.0 % |',
      '| 2 | spring | 3 | 1 | 545.00 | 55.00 | 185.00 | – | pre-period-baseline | 2100.00 | 350.00 | -27.0 % |',
      '| 3 | vip | 0 | 0 | 0.00 | 0.00 | 0.00 | – | – | – | – | – |',
      '|  | total | 5 | 2 | 915.00 | 80.00 | 305.00 |  |  |  |  |  |',
    ]);
  });

  it('campaignDiscounts turns an evaluation into a campaign order’s discounts', () => {
    const evaluation = run({ lines: [line('a', 'TEA', 3, '68')] }, [
      { id: 'mj', type: 'threshold', tiers: [{ spend: '199', off: '20' }], campaignId: 'spring' },
      { id: 'pct', type: 'percent-off', percentOff: '5%', campaignId: 'spring' },
      { id: 'other', type: 'amount-off', amount: '3' },
    ]);
    // 5 % of 204.00 = 10.20, then 193.80 < 199: the 满减 does not apply
    expect(campaignDiscounts(evaluation)).toEqual([{ campaignId: 'spring', amount: '10.20' }]);
  });
});
