import { Money } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareLoadSaving } from './share-savings.js';

const text = (values: { saving: Money; pays: Money }[]) =>
  values.map((v) => [v.saving.toDecimalString(), v.pays.toDecimalString()]);

describe('shareLoadSaving', () => {
  it('splits the saving by stand-alone cost, to the cent', () => {
    // 120 + 60 + 70 = 250 alone, 200 by truck: 50 saved, 20 % of each.
    expect(text(shareLoadSaving(Money.of('200'), [Money.of('120'), Money.of('60'), Money.of('70')]))).toEqual(
      [
        ['24.00', '96.00'],
        ['12.00', '48.00'],
        ['14.00', '56.00'],
      ],
    );
    // 100.00 saved over three equal costs: largest remainder gives 33.34 / 33.33 / 33.33.
    expect(
      text(shareLoadSaving(Money.of('200'), [Money.of('100'), Money.of('100'), Money.of('100')])),
    ).toEqual([
      ['33.34', '66.66'],
      ['33.33', '66.67'],
      ['33.33', '66.67'],
    ]);
    expect(() => shareLoadSaving(Money.of('301'), [Money.of('300')])).toThrow(RangeError);
  });

  it('parts sum to the saving exactly; every order saves 0 to its own cost', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(
        fc.array(cents, { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (alone, f) => {
          const costs = alone.map((c) => Money.fromMinor(c));
          const total = alone.reduce((s, c) => s + c, 0);
          const trip = Money.fromMinor(Math.floor(total * f));
          const shares = shareLoadSaving(trip, costs);
          const saving = shares.reduce((s, x) => s.add(x.saving), Money.zero());
          const paid = shares.reduce((s, x) => s.add(x.pays), Money.zero());
          expect(saving.equals(Money.fromMinor(total).subtract(trip))).toBe(true);
          expect(paid.equals(trip)).toBe(true);
          for (const share of shares) {
            expect(share.saving.isNegative()).toBe(false);
            expect(share.pays.isNegative()).toBe(false);
            expect(share.pays.lessThanOrEqual(share.aloneCost)).toBe(true);
          }
        },
      ),
    );
  });
});
