import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { chooseCarrier } from './choose-carrier.js';
import type { QuoteShipment, RateCard } from './schemas.js';

/** A carrier charging a flat price up to 30 kg, with transit days and a score. */
const carrier = (carrierId: string, price: string, transitDays: number, score?: number): RateCard => ({
  carrierId,
  ...(score === undefined ? {} : { score }),
  zones: [
    {
      id: 'all',
      lanes: [{ from: '*', to: '*' }],
      transitDays,
      pricing: { type: 'weight-table', rows: [{ upToKg: 30, price }] },
    },
  ],
});

const cards = [
  carrier('SLOW-CHEAP', '9.00', 4, 70),
  carrier('MID', '11.00', 2, 85),
  carrier('FAST', '18.00', 1, 95),
  carrier('MID-BETTER', '11.40', 2, 92),
];
const shipment: QuoteShipment = { origin: '上海', destination: '北京', weightKg: 2 };
const shipAt = '2026-03-02T10:00:00Z';

describe('chooseCarrier', () => {
  it('without a promise picks the cheapest and ranks the rest by cost, each with its reason', () => {
    const choice = chooseCarrier(shipment, cards, { shipAt });
    expect(choice.ranking.map((r) => [r.rank, r.carrierId])).toEqual([
      [1, 'SLOW-CHEAP'],
      [2, 'MID'],
      [3, 'MID-BETTER'],
      [4, 'FAST'],
    ]);
    expect(choice.chosen?.eta.toISOString()).toBe('2026-03-06T10:00:00.000Z');
    expect(choice.chosen?.onTime).toBeNull();
    expect(choice.reason).toBe(
      'SLOW-CHEAP: the cheapest of 4 carriers: 9.00 CNY, 4 days (ETA 2026-03-06T10:00:00.000Z), score 70',
    );
    expect(choice.ranking[1]!.reason).toBe('2.00 CNY more than SLOW-CHEAP: 11.00 CNY, 2 days, score 85');
  });

  it('puts carriers that meet the promised date first: the cheapest of those on time wins', () => {
    const choice = chooseCarrier(shipment, cards, { shipAt, promisedBy: '2026-03-04T23:59:59+08:00' });
    expect(choice.ranking.map((r) => [r.carrierId, r.onTime, r.daysLate])).toEqual([
      ['MID', true, 0],
      ['MID-BETTER', true, 0],
      ['FAST', true, 0],
      ['SLOW-CHEAP', false, 2], // ETA 03-06 10:00Z, promise 03-04 15:59:59Z: 1 d 18 h → 2 days
    ]);
    expect(choice.chosen?.reason).toBe(
      'the cheapest of 3 carriers on time: 11.00 CNY, 2 days (ETA 2026-03-04T10:00:00.000Z), score 85',
    );
    expect(choice.ranking[3]!.reason).toBe('2 days after the promise: 9.00 CNY, 4 days, score 70');
  });

  it('within a cost tolerance the better score wins: 11.40 is within 5 % of 11.00', () => {
    const choice = chooseCarrier(shipment, cards, {
      shipAt,
      promisedBy: '2026-03-05T00:00:00Z',
      costTolerance: '5%',
    });
    expect(choice.chosen?.carrierId).toBe('MID-BETTER');
    expect(choice.chosen?.reason).toContain(
      'the best score among the quotes within 5% of the cheapest (11.00 CNY)',
    );
    expect(choice.ranking[1]).toMatchObject({ carrierId: 'MID' });
    expect(choice.ranking[1]!.reason).toContain('a lower score than MID-BETTER');
    // 3.6 % is not enough for 11.40 against 11.00.
    expect(
      chooseCarrier(shipment, cards, { shipAt, promisedBy: '2026-03-05T00:00:00Z', costTolerance: 0.036 })
        .chosen?.carrierId,
    ).toBe('MID');
    expect(
      chooseCarrier(shipment, cards, { shipAt, promisedBy: '2026-03-05T00:00:00Z', costTolerance: '3.64%' })
        .chosen?.carrierId,
    ).toBe('MID-BETTER');
  });

  it('prefer transit or score; minScore and requireOnTime exclude carriers with a reason', () => {
    expect(chooseCarrier(shipment, cards, { shipAt, prefer: 'transit' }).chosen?.carrierId).toBe('FAST');
    const byScore = chooseCarrier(shipment, cards, { shipAt, prefer: 'score', scores: { MID: 99 } });
    expect(byScore.ranking.map((r) => [r.carrierId, r.score])).toEqual([
      ['MID', 99],
      ['FAST', 95],
      ['MID-BETTER', 92],
      ['SLOW-CHEAP', 70],
    ]);
    const strict = chooseCarrier(shipment, [...cards, carrier('UNSCORED', '5.00', 1)], {
      shipAt,
      promisedBy: '2026-03-04T00:00:00Z',
      minScore: 90,
      requireOnTime: true,
    });
    expect(strict.ranking.map((r) => r.carrierId)).toEqual(['FAST']);
    expect(strict.excluded.map((e) => [e.carrierId, e.reason])).toEqual([
      ['SLOW-CHEAP', 'BELOW_MIN_SCORE'],
      ['MID', 'BELOW_MIN_SCORE'],
      ['MID-BETTER', 'LATE'],
      ['UNSCORED', 'BELOW_MIN_SCORE'],
    ]);
    expect(strict.excluded[2]!.message).toBe(
      'MID-BETTER arrives 2026-03-04T10:00:00.000Z, 1 day after the promise',
    );
    expect(strict.reason).toBe(
      'FAST: the only one of 1 carrier on time: 18.00 CNY, 1 day (ETA 2026-03-03T10:00:00.000Z), score 95',
    );
  });

  it('when nobody is on time, the least late is chosen unless requireOnTime; when nobody quotes, null with why', () => {
    const late = chooseCarrier(shipment, cards, { shipAt, promisedBy: '2026-03-02T12:00:00Z' });
    expect(late.chosen?.carrierId).toBe('FAST');
    expect(late.chosen?.reason).toContain('none on time (1 day late)');
    const none = chooseCarrier(shipment, cards, {
      shipAt,
      promisedBy: '2026-03-02T12:00:00Z',
      requireOnTime: true,
    });
    expect(none).toMatchObject({
      chosen: null,
      ranking: [],
      reason: 'no qualifying carrier arrives by the promise',
    });
    const nobody = chooseCarrier({ ...shipment, weightKg: 31 }, cards.slice(0, 2), { shipAt });
    expect(nobody.chosen).toBeNull();
    expect(nobody.reason).toBe('no carrier can take the shipment (SLOW-CHEAP: OVERWEIGHT, MID: OVERWEIGHT)');
  });

  it('breaks exact ties by score, then days, then card order', () => {
    const tied = [
      carrier('A', '10', 3, 80),
      carrier('B', '10', 2, 80),
      carrier('C', '10', 2, 90),
      carrier('D', '10', 2, 90),
    ];
    const choice = chooseCarrier(shipment, tied, { shipAt });
    expect(choice.ranking.map((r) => r.carrierId)).toEqual(['C', 'D', 'B', 'A']);
    expect(choice.ranking[1]!.reason).toBe('ties with C, listed later: 10.00 CNY, 2 days, score 90');
    expect(choice.ranking[2]!.reason).toBe('as cheap, a lower score than C: 10.00 CNY, 2 days, score 80');
  });

  it('needs shipAt (pure code never reads the clock) and checks every option', () => {
    expect(() => chooseCarrier(shipment, cards, {} as never)).toThrow(ValidationError);
    try {
      chooseCarrier(shipment, cards, { shipAt, prefer: 'cheapest' as never, minScore: 101 });
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.path.join('.'))).toEqual([
        'options.prefer',
        'options.minScore',
      ]);
    }
    expect(() => chooseCarrier(shipment, cards, { shipAt: 'tomorrow' })).toThrow(/options\.shipAt/);
  });
});
