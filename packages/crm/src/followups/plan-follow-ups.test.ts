import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { planFollowUps } from './plan-follow-ups.js';
import type { FollowUpRule } from './rules.js';

const NOW = '2026-03-01T02:00:00Z'; // 10:00 on 1 March in Shanghai (day 20513)

describe('planFollowUps', () => {
  it('applies the default rules: first-repeat offer after 14 days, win-back call, VIP service, complaint call', () => {
    const drafts = planFollowUps({
      merchantId: 'M-1',
      now: NOW,
      customers: [
        {
          customerId: 'n14',
          stage: 'new',
          firstPurchase: '2026-02-15',
          lastPurchase: '2026-02-15',
          orders: 1,
        },
        {
          customerId: 'n13',
          stage: 'new',
          firstPurchase: '2026-02-16',
          lastPurchase: '2026-02-16',
          orders: 1,
        },
        {
          customerId: 'champ',
          segment: 'Champions',
          firstPurchase: '2025-01-01',
          lastPurchase: '2026-02-28',
          orders: 30,
        },
        {
          customerId: 'cant',
          segment: "Can't Lose Them",
          firstPurchase: '2025-01-01',
          lastPurchase: '2025-10-01',
          orders: 9,
        },
      ],
      events: [
        { id: 'AS-1', type: 'complaint', customerId: 'n13', at: '2026-02-28T23:30:00+08:00' },
        { id: 'AS-2', type: 'praise', customerId: 'n13', at: '2026-02-28T23:30:00+08:00' },
      ],
    });
    expect(
      drafts.map((d) => [d.ruleId, d.customerId, d.action, d.priority, d.dueAt.toISOString(), d.dedupKey]),
    ).toEqual([
      // window = floor(20513 / repeatEveryDays)
      [
        'first-repeat-offer',
        'n14',
        'first-repeat-offer',
        'normal',
        '2026-03-01T16:00:00.000Z',
        'first-repeat-offer:n14:56',
      ],
      ['win-back-call', 'cant', 'call', 'high', '2026-03-01T16:00:00.000Z', 'win-back-call:cant:683'],
      ['vip-service', 'champ', 'vip-service', 'normal', '2026-03-04T16:00:00.000Z', 'vip-service:champ:227'],
      // The complaint came late on 28 February in Shanghai: due by the end of that day.
      ['complaint-call', 'n13', 'call', 'high', '2026-02-28T16:00:00.000Z', 'complaint-call:AS-1'],
    ]);
  });

  it('plans the same drafts on every run within a window (pure, same dedup keys)', () => {
    const input = {
      merchantId: 'M-1',
      customers: [
        {
          customerId: 'r',
          stage: 'at-risk' as const,
          firstPurchase: '2025-01-01',
          lastPurchase: '2025-11-01',
          orders: 4,
        },
      ],
    };
    const a = planFollowUps({ ...input, now: '2026-03-01T02:00:00Z' });
    const b = planFollowUps({ ...input, now: '2026-03-02T02:00:00Z' });
    expect(a[0]!.dedupKey).toBe(b[0]!.dedupKey);
    expect(planFollowUps({ ...input, now: '2026-04-15T02:00:00Z' })[0]!.dedupKey).not.toBe(a[0]!.dedupKey);
  });

  it('matches stages or segments, and every numeric bound', () => {
    const rules: FollowUpRule[] = [
      {
        kind: 'customer',
        id: 'big-quiet',
        segments: ['Loyal'],
        stages: ['returning'],
        minOrders: 3,
        minDaysSinceLast: 20,
        maxDaysSinceLast: 60,
        action: 'check-in',
        priority: 'low',
        dueInDays: 2,
      },
    ];
    const customers = [
      {
        customerId: 'a',
        segment: 'Loyal',
        firstPurchase: '2025-01-01',
        lastPurchase: '2026-01-20',
        orders: 5,
      }, // 40 days
      {
        customerId: 'b',
        stage: 'returning' as const,
        firstPurchase: '2025-01-01',
        lastPurchase: '2026-01-20',
        orders: 3,
      },
      {
        customerId: 'c',
        stage: 'returning' as const,
        firstPurchase: '2025-01-01',
        lastPurchase: '2026-02-25',
        orders: 3,
      }, // 4 days
      {
        customerId: 'd',
        segment: 'Lost',
        firstPurchase: '2025-01-01',
        lastPurchase: '2026-01-20',
        orders: 9,
      },
      {
        customerId: 'e',
        segment: 'Loyal',
        firstPurchase: '2025-01-01',
        lastPurchase: '2026-01-20',
        orders: 2,
      },
    ];
    expect(planFollowUps({ merchantId: 'M', customers, rules, now: NOW }).map((d) => d.customerId)).toEqual([
      'a',
      'b',
    ]);
  });

  it('uses the zone for days and due times', () => {
    const drafts = planFollowUps({
      merchantId: 'M',
      customers: [
        {
          customerId: 'x',
          stage: 'at-risk',
          firstPurchase: '2025-01-01',
          lastPurchase: '2025-11-01',
          orders: 2,
        },
      ],
      now: NOW,
      zone: 'America/New_York',
    });
    // 2026-02-28 21:00 in New York: due by midnight there (05:00 UTC on 1 March).
    expect(drafts[0]!.dueAt.toISOString()).toBe('2026-03-01T05:00:00.000Z');
  });

  it('refuses duplicate rule ids and impossible customers', () => {
    const rule: FollowUpRule = {
      kind: 'event',
      id: 'x',
      eventTypes: ['a'],
      action: 'call',
      priority: 'high',
      dueInDays: 0,
    };
    expect(() => planFollowUps({ merchantId: 'M', customers: [], rules: [rule, rule], now: NOW })).toThrow(
      ValidationError,
    );
    expect(() =>
      planFollowUps({
        merchantId: 'M',
        customers: [{ customerId: 'x', firstPurchase: '2026-02-02', lastPurchase: '2026-02-01', orders: 2 }],
        now: NOW,
      }),
    ).toThrow(ValidationError);
  });
});
