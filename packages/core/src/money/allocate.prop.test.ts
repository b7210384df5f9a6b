import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';
import { toDecimal } from './decimal.js';
import { Money } from './money.js';
import { sum } from './sum.js';

/** Wide enough that every product below is exact. */
const Exact = DecimalJs.clone({ precision: 200 });

const LIMIT = 10n ** 15n;
const currency = fc.constantFrom('CNY', 'JPY');
const total = fc
  .tuple(currency, fc.bigInt({ min: -LIMIT, max: LIMIT }))
  .map(([code, minor]) => Money.fromMinor(minor, code));
/** Weights: decimals with up to 3 places, zero allowed, as strings or numbers. */
const weight = fc
  .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 3 }), fc.boolean())
  .map(([n, places, asNumber]) => {
    const text = toDecimal(n)
      .div(10 ** places)
      .toFixed();
    return asNumber ? Number(text) : text;
  });
const weights = fc.array(weight, { minLength: 1, maxLength: 12 });
const distinctWeights = fc.uniqueArray(weight, {
  minLength: 1,
  maxLength: 10,
  selector: (w) => toDecimal(w).toFixed(),
});

const text = (parts: Money[]) => parts.map((part) => part.toString());

/** A list together with a permutation of its indices. */
const withPermutation = <T>(list: fc.Arbitrary<T[]>) =>
  list.chain((w) =>
    fc
      .shuffledSubarray(
        w.map((_, i) => i),
        { minLength: w.length, maxLength: w.length },
      )
      .map((permutation) => ({ w, permutation })),
  );
const permute = <T>(list: readonly T[], permutation: readonly number[]) => permutation.map((i) => list[i]!);

describe('allocate properties', () => {
  it('parts sum exactly to the total', () => {
    fc.assert(fc.property(total, weights, (t, w) => sum(allocate(t, w), t.currency.code).equals(t)));
  });

  it('each part is within one minor unit of its exact share', () => {
    fc.assert(
      fc.property(total, weights, (t, w) => {
        const parts = allocate(t, w);
        const ws = w.map((x) => new Exact(String(x)));
        const allZero = ws.every((x) => x.isZero());
        const effective = allZero ? ws.map(() => new Exact(1)) : ws;
        const sumW = effective.reduce((acc, x) => acc.plus(x), new Exact(0));
        const unit = new Exact(`1e-${t.currency.minorDigits}`);
        const amount = new Exact(t.toDecimalString());
        parts.forEach((part, i) => {
          // |part − total·w/W| < unit  ⇔  |part·W − total·w| < unit·W (exact)
          const gap = new Exact(part.toDecimalString()).times(sumW).minus(amount.times(effective[i]!)).abs();
          expect(gap.lessThan(unit.times(sumW))).toBe(true);
        });
        expect(parts.every((part) => part.isRoundedToMinor() && part.currency.code === t.currency.code)).toBe(
          true,
        );
      }),
    );
  });

  it('a zero weight gets exactly zero when some weight is positive', () => {
    fc.assert(
      fc.property(total, weights, fc.nat(), (t, w, at) => {
        const withZero = [...w];
        withZero.splice(at % (w.length + 1), 0, '0', 1);
        const parts = allocate(t, withZero);
        withZero.forEach((x, i) => {
          if (toDecimal(x).isZero()) expect(parts[i]!.isZero()).toBe(true);
        });
      }),
    );
  });

  it('allocating −total gives the negated parts', () => {
    fc.assert(
      fc.property(total, weights, (t, w) => {
        expect(text(allocate(t.negate(), w))).toEqual(text(allocate(t, w).map((p) => p.negate())));
      }),
    );
  });

  it('permuting distinct weights permutes the parts exactly', () => {
    fc.assert(
      fc.property(total, withPermutation(distinctWeights), (t, { w, permutation }) => {
        const base = text(allocate(t, w));
        expect(text(allocate(t, permute(w, permutation)))).toEqual(permute(base, permutation));
      }),
    );
  });

  it('permuting any weights permutes the parts as a multiset', () => {
    fc.assert(
      fc.property(total, withPermutation(weights), (t, { w, permutation }) => {
        const base = text(allocate(t, w)).sort();
        expect(text(allocate(t, permute(w, permutation))).sort()).toEqual(base);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(total, weights, (t, w) => {
        expect(text(allocate(t, w))).toEqual(text(allocate(t, [...w])));
      }),
    );
  });
});
