import { DomainError, ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { reverseDiscounts } from '../allocation/reverse-discounts.js';
import { compilePromotions } from '../evaluate/compile.js';
import { line, run } from '../test-fixtures.js';
import { capsForPromotions, claimEntriesFor, refundReleaseEntries, usageFromCounters } from './plan.js';
import { checkCapFilter, checkEntries, compareCapKeys } from './rules.js';

const promotions = [
  {
    id: 'flash',
    type: 'flash-sale' as const,
    price: '99',
    startsAt: '2026-03-08T00:00:00Z',
    endsAt: '2026-03-09T00:00:00Z',
    stock: 10,
    perCustomerLimit: 2,
    eligibility: { skus: ['RICE'] },
  },
  {
    id: 'mj',
    type: 'threshold' as const,
    tiers: [{ spend: '199', off: '20' }],
    campaignId: 'c',
    limits: { budget: '100.50', redemptions: 5 },
  },
  { id: 'plain', type: 'free-shipping' as const },
];
const set = compilePromotions(promotions, [{ id: 'c', budget: { spend: '300', redemptions: 50 } }]);

describe('capsForPromotions / claimEntriesFor / refundReleaseEntries', () => {
  it('derives one cap per limit, budgets in minor units', () => {
    expect(capsForPromotions(set, 'CNY').map((c) => [c.id, c.limit, c.perSubject, c.unit])).toEqual([
      ['flash#stock', 10, false, 'units'],
      ['flash#customer-units', 2, true, 'units'],
      ['mj#redemptions', 5, false, 'redemptions'],
      ['mj#budget', 10050, false, 'minor-units'],
      ['campaign:c#spend', 30000, false, 'minor-units'],
      ['campaign:c#redemptions', 50, false, 'redemptions'],
    ]);
    expect(() => capsForPromotions(set, 'JPY')).toThrow(ValidationError); // a budget of 100.50 yen
  });

  it('claims what an evaluation used, and a refund gives back its share', () => {
    const evaluation = run({ lines: [line('r', 'RICE', 3, '129')], shipping: '10' }, promotions, {
      customer: { id: 'k' },
    });
    // flash: 2 × 30 = 60; 满减 on 327 → 20; shipping 10
    expect(evaluation.applied.map((a) => [a.promotionId, a.total.toDecimalString(), a.units])).toEqual([
      ['flash', '60.00', 2],
      ['mj', '20.00', 0],
      ['plain', '10.00', 0],
    ]);
    const entries = claimEntriesFor(
      evaluation.applied.map((a) => ({
        promotionId: a.promotionId,
        total: a.total.toDecimalString(),
        units: a.units,
        code: a.code,
      })),
      set,
      'k',
      'CNY',
    );
    expect(entries).toEqual([
      { capId: 'campaign:c#redemptions', subject: '', amount: 1 },
      { capId: 'campaign:c#spend', subject: '', amount: 2000 },
      { capId: 'flash#customer-units', subject: 'k', amount: 2 },
      { capId: 'flash#stock', subject: '', amount: 2 },
      { capId: 'mj#budget', subject: '', amount: 2000 },
      { capId: 'mj#redemptions', subject: '', amount: 1 },
    ]);
    expect(() =>
      claimEntriesFor([{ promotionId: 'flash', total: '60', units: 2, code: null }], set, null, 'CNY'),
    ).toThrow(DomainError);
    const claim = {
      id: 'o',
      reference: null,
      customerId: 'k',
      entries: entries.map((e) => ({ ...e, released: 0 })),
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    const reversal = reverseDiscounts({ lines: evaluation.lines, refund: [{ lineId: 'r', quantity: 3 }] });
    expect(refundReleaseEntries(claim, reversal, set)).toEqual([
      { capId: 'campaign:c#spend', subject: '', amount: 2000 },
      { capId: 'flash#customer-units', subject: 'k', amount: 2 }, // 3 refunded, 2 held
      { capId: 'flash#stock', subject: '', amount: 2 },
      { capId: 'mj#budget', subject: '', amount: 2000 },
    ]);
  });

  it('reads counters back into a usage snapshot', () => {
    const usage = usageFromCounters(
      set,
      'CNY',
      [
        { capId: 'flash#stock', subject: '', used: 9, limit: 10, remaining: 1 },
        { capId: 'flash#customer-units', subject: 'k', used: 1, limit: 2, remaining: 1 },
        { capId: 'mj#budget', subject: '', used: 9050, limit: 10050, remaining: 1000 },
      ],
      'k',
    );
    expect(usage.promotions?.flash).toMatchObject({ units: 9, customerUnits: 1 });
    expect(usage.promotions?.mj).toMatchObject({ discount: '90.50' });
    const evaluation = run({ lines: [line('r', 'RICE', 3, '129')] }, promotions, {
      customer: { id: 'k' },
      usage,
      campaigns: undefined,
    });
    expect(evaluation.applied.find((a) => a.promotionId === 'flash')?.units).toBe(1);
  });
});

describe('cap rules', () => {
  it('sorts entries by cap then subject and refuses duplicates and bad amounts', () => {
    expect(
      checkEntries([
        { capId: 'b', subject: '', amount: 1 },
        { capId: 'a', subject: 'z', amount: 1 },
        { capId: 'a', subject: 'y', amount: 2 },
      ]).map((e) => `${e.capId}/${e.subject}`),
    ).toEqual(['a/y', 'a/z', 'b/']);
    expect(() => checkEntries([])).toThrow(ValidationError);
    expect(() => checkEntries([{ capId: 'a', subject: '', amount: 0 }])).toThrow(ValidationError);
    expect(() =>
      checkEntries([
        { capId: 'a', subject: '', amount: 1 },
        { capId: 'a', subject: '', amount: 1 },
      ]),
    ).toThrow(ValidationError);
    expect(
      compareCapKeys({ capId: 'a', subject: '\u{1F600}' }, { capId: 'a', subject: '\uFFFF' }),
    ).toBeGreaterThan(0);
    expect(checkCapFilter({})).toEqual({ limit: 1000 });
    expect(() => checkCapFilter({ limit: 0 })).toThrow(ValidationError);
  });
});
