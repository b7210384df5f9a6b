import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDecimal } from './decimal.js';
import { formatMoney } from './format.js';
import { Money } from './money.js';
import { ROUNDING_MODES } from './rounding.js';

const LIMIT = 10n ** 15n;
const currency = fc.constantFrom('CNY', 'JPY');
const minor = fc.bigInt({ min: -LIMIT, max: LIMIT });

/** `coefficient / 10^scale` as a plain decimal string. */
function decimalString(coefficient: bigint, scale: number): string {
  const negative = coefficient < 0n;
  const digits = (negative ? -coefficient : coefficient).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** A rounded amount (whole minor units). */
const rounded = (code: string) => minor.map((m) => Money.fromMinor(m, code));
/** An amount with up to 6 digits beyond the minor unit (unit prices). */
const unrounded = (code: string) =>
  fc
    .tuple(minor, fc.integer({ min: 0, max: 6 }))
    .map(([m, extra]) => Money.of(decimalString(m, (code === 'JPY' ? 0 : 2) + extra), code));
const anyAmount = (code: string) => fc.oneof(rounded(code), unrounded(code));

const pair = currency.chain((code) => fc.tuple(anyAmount(code), anyAmount(code)));
const triple = currency.chain((code) => fc.tuple(anyAmount(code), anyAmount(code), anyAmount(code)));
const single = currency.chain((code) => anyAmount(code));

describe('Money properties', () => {
  it('add is commutative', () => {
    fc.assert(fc.property(pair, ([a, b]) => a.add(b).equals(b.add(a))));
  });

  it('add is associative', () => {
    fc.assert(
      fc.property(triple, ([a, b, c]) =>
        a
          .add(b)
          .add(c)
          .equals(a.add(b.add(c))),
      ),
    );
  });

  it('zero is the identity of add', () => {
    fc.assert(fc.property(single, (a) => a.add(Money.zero(a.currency.code)).equals(a)));
  });

  it('subtract is the inverse of add', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => a.add(b).subtract(b).equals(a) && a.subtract(b).add(b).equals(a)),
    );
  });

  it('negate is an involution and a + (-a) = 0', () => {
    fc.assert(fc.property(single, (a) => a.negate().negate().equals(a) && a.add(a.negate()).isZero()));
  });

  it('abs is non-negative and is a or -a', () => {
    fc.assert(
      fc.property(single, (a) => !a.abs().isNegative() && (a.abs().equals(a) || a.abs().equals(a.negate()))),
    );
  });

  it('compare is antisymmetric and agrees with the sign of the difference', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const c = a.compare(b);
        expect(b.compare(a) + c).toBe(0);
        expect(a.compare(a)).toBe(0);
        const d = a.subtract(b);
        expect(c).toBe(d.isZero() ? 0 : d.isPositive() ? 1 : -1);
        expect(a.equals(b)).toBe(c === 0);
      }),
    );
  });

  it('multiply by one is the identity', () => {
    fc.assert(fc.property(single, (a) => a.multiply(1).equals(a) && a.multiply('1.000').equals(a)));
  });

  it('roundToMinor is idempotent and moves by at most half a unit (half modes) or one unit', () => {
    fc.assert(
      fc.property(single, fc.constantFrom(...ROUNDING_MODES), (a, mode) => {
        const r = a.roundToMinor(mode);
        expect(r.isRoundedToMinor()).toBe(true);
        for (const again of ROUNDING_MODES) expect(r.roundToMinor(again).equals(r)).toBe(true);
        const unit = toDecimal(`1e-${a.currency.minorDigits}`);
        const distance = r.subtract(a).abs().amount();
        if (mode.startsWith('half-')) expect(distance.lessThanOrEqualTo(unit.div(2))).toBe(true);
        else expect(distance.lessThan(unit)).toBe(true);
      }),
    );
  });

  it('fromMinor and toMinorUnits round-trip', () => {
    fc.assert(
      fc.property(currency, minor, (code, m) => {
        expect(Money.fromMinor(m, code).toMinorUnits()).toBe(m);
        const x = Money.fromMinor(m, code);
        expect(Money.fromMinor(x.toMinorUnits(), code).equals(x)).toBe(true);
      }),
    );
  });

  it('toJSON and fromJSON round-trip through JSON text', () => {
    fc.assert(fc.property(single, (a) => Money.fromJSON(JSON.parse(JSON.stringify(a))).equals(a)));
  });

  it('format parses back to the amount rounded half-even', () => {
    fc.assert(
      fc.property(single, fc.boolean(), (a, code) => {
        const text = formatMoney(a, { code });
        const stripped = text
          .replace(a.currency.symbol, '')
          .replace(` ${a.currency.code}`, '')
          .replaceAll(',', '');
        expect(Money.of(stripped, a.currency.code).equals(a.roundToMinor('half-even'))).toBe(true);
      }),
    );
  });
});
