import { DomainError, ValidationError } from '../errors.js';
import { parseInput } from '../validation.js';
import { type Currency, DEFAULT_CURRENCY, getCurrency } from './currency.js';
import { type Decimal, type DecimalInput, toDecimal } from './decimal.js';
import { fromScaled, pow10, roundQuotient, toScaled } from './exact.js';
import { type FormatMoneyOptions, formatMoney } from './format.js';
import { assertRoundingMode, type RoundingMode } from './rounding.js';
import { type MoneyJson, moneyJsonSchema } from './schemas.js';

/**
 * An immutable amount of money in one currency. The amount is an exact decimal: settlement
 * amounts are rounded to minor units with an explicit mode (`roundToMinor`), while unit prices may
 * keep more digits (`Money.of('1.2345')`). Arithmetic is exact (no 40-digit cap) except `divide`
 * and a `multiply` given a rounding mode, which round once, to minor units.
 *
 * Error codes: `CURRENCY_MISMATCH` (details `{ left, right }`), `DIVISION_BY_ZERO`, `NOT_ROUNDED`
 * (`DomainError`); bad input throws `ValidationError`.
 *
 * @example
 * const line = Money.of('12.50').multiply(3) // 37.50 CNY
 * line.add(Money.of('0.10')).format() // '¥37.60'
 */
export class Money {
  /** The currency (frozen, from the registry). */
  readonly currency: Currency;
  /** The amount is `coefficient / 10^scale`, with no trailing zeros in the coefficient. */
  private readonly coefficient: bigint;
  private readonly scale: number;

  private constructor(coefficient: bigint, scale: number, currency: Currency) {
    let c = coefficient;
    let s = scale;
    while (s > 0 && c % 10n === 0n) {
      c /= 10n;
      s -= 1;
    }
    this.coefficient = c;
    this.scale = s;
    this.currency = currency;
    Object.freeze(this);
  }

  private static fromDecimal(value: Decimal, currency: Currency): Money {
    const { coefficient, scale } = toScaled(value);
    return new Money(coefficient, scale, currency);
  }

  private with(coefficient: bigint, scale: number): Money {
    return new Money(coefficient, scale, this.currency);
  }

  /** Both coefficients at the larger scale. */
  private aligned(other: Money): [bigint, bigint, number] {
    const scale = Math.max(this.scale, other.scale);
    return [
      this.coefficient * pow10(scale - this.scale),
      other.coefficient * pow10(scale - other.scale),
      scale,
    ];
  }

  /** The coefficient rounded to `places` decimals (unchanged when it has no more). */
  private roundedTo(places: number, mode: RoundingMode): Money {
    if (this.scale <= places) return this;
    return this.with(roundQuotient(this.coefficient, pow10(this.scale - places), mode), places);
  }

  /**
   * Money from a decimal amount, keeping every digit given.
   *
   * @param amount - decimal string, finite number, bigint or Decimal
   * @param currency - currency code (default `'CNY'`)
   * @throws ValidationError on field `amount` or `currency`
   * @example
   * Money.of('1234.5').toString() // '1234.50 CNY'
   * Money.of('1.2345', 'USD').toString() // '1.2345 USD'
   */
  static of(amount: DecimalInput, currency: string = DEFAULT_CURRENCY): Money {
    const resolved = getCurrency(currency);
    return Money.fromDecimal(toDecimal(amount, 'amount'), resolved);
  }

  /**
   * Money from an integer number of minor units (fen, cents, yen).
   *
   * @param minor - a bigint, a safe integer number, or an integer string
   * @param currency - currency code (default `'CNY'`)
   * @throws ValidationError on field `minor` when not an integer
   * @example
   * Money.fromMinor(123450n).toString() // '1234.50 CNY'
   * Money.fromMinor(1000, 'JPY').toString() // '1000 JPY'
   */
  static fromMinor(minor: bigint | number | string, currency: string = DEFAULT_CURRENCY): Money {
    const resolved = getCurrency(currency);
    return new Money(parseMinor(minor), resolved.minorDigits, resolved);
  }

  /**
   * Zero in a currency.
   *
   * @example
   * Money.zero('USD').toString() // '0.00 USD'
   */
  static zero(currency: string = DEFAULT_CURRENCY): Money {
    return new Money(0n, 0, getCurrency(currency));
  }

  /**
   * Money from its JSON form, validated.
   *
   * @throws ValidationError naming `amount` or `currency`
   * @example
   * Money.fromJSON({ amount: '12.00', currency: 'USD' }).toString() // '12.00 USD'
   */
  static fromJSON(json: unknown): Money {
    const parsed = parseInput(moneyJsonSchema, json);
    return Money.of(parsed.amount, parsed.currency);
  }

  /**
   * The exact amount as a Decimal.
   *
   * @example
   * Money.of('12.50').amount().toFixed(2) // '12.50'
   */
  amount(): Decimal {
    let cached = decimalCache.get(this);
    if (!cached) {
      cached = fromScaled(this.coefficient, this.scale);
      decimalCache.set(this, cached);
    }
    return cached;
  }

  /**
   * The sum, exact. Both must be in the same currency.
   *
   * @throws DomainError `CURRENCY_MISMATCH`
   * @example
   * Money.of('0.10').add(Money.of('0.20')).toString() // '0.30 CNY'
   */
  add(other: Money): Money {
    this.assertSameCurrency(other, 'other');
    const [a, b, scale] = this.aligned(other);
    return this.with(a + b, scale);
  }

  /**
   * The difference, exact. Both must be in the same currency.
   *
   * @throws DomainError `CURRENCY_MISMATCH`
   * @example
   * Money.of('1.00').subtract(Money.of('0.01')).toString() // '0.99 CNY'
   */
  subtract(other: Money): Money {
    this.assertSameCurrency(other, 'other');
    const [a, b, scale] = this.aligned(other);
    return this.with(a - b, scale);
  }

  /**
   * The product by a factor: exact when no rounding mode is given (a line total keeps the unit
   * price's digits), rounded once to minor units when one is.
   *
   * @param factor - quantity, rate, ...
   * @param rounding - optional mode; when given the result is rounded to minor units
   * @throws ValidationError on field `factor` or `rounding`
   * @example
   * Money.of('1.2345').multiply(3).toString() // '3.7035 CNY'
   * Money.of('1.2345').multiply(3, 'half-even').toString() // '3.70 CNY'
   */
  multiply(factor: DecimalInput, rounding?: RoundingMode): Money {
    const f = toScaled(toDecimal(factor, 'factor'));
    const product = this.with(this.coefficient * f.coefficient, this.scale + f.scale);
    if (rounding === undefined) return product;
    return product.roundedTo(this.currency.minorDigits, assertRoundingMode(rounding, 'rounding'));
  }

  /**
   * The quotient, rounded once (exactly) to minor units with the required mode.
   *
   * @param divisor - a non-zero decimal
   * @param rounding - required rounding mode
   * @throws ValidationError on field `divisor` or `rounding`; DomainError `DIVISION_BY_ZERO`
   * @example
   * Money.of('100').divide(3, 'half-even').toString() // '33.33 CNY'
   * Money.of('100').divide(3, 'up').toString() // '33.34 CNY'
   */
  divide(divisor: DecimalInput, rounding: RoundingMode): Money {
    const d = toDecimal(divisor, 'divisor');
    const mode = assertRoundingMode(rounding, 'rounding');
    if (d.isZero()) {
      throw new DomainError('DIVISION_BY_ZERO', `Cannot divide ${this.toString()} by zero`, {
        amount: this.toDecimalString(),
        currency: this.currency.code,
      });
    }
    const divisorScaled = toScaled(d);
    const places = this.currency.minorDigits;
    const numerator = this.coefficient * pow10(divisorScaled.scale + places);
    const denominator = divisorScaled.coefficient * pow10(this.scale);
    return this.with(roundQuotient(numerator, denominator, mode), places);
  }

  /**
   * -1, 0 or 1 as this is less than, equal to or greater than `other` (same currency only).
   *
   * @throws DomainError `CURRENCY_MISMATCH`
   * @example
   * Money.of('1').compare(Money.of('2')) // -1
   */
  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other, 'other');
    const [a, b] = this.aligned(other);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /**
   * Same currency and same amount (`'1.5'` equals `'1.50'`). Never throws: another currency or a
   * non-Money gives `false`.
   *
   * @example
   * Money.of('1.5').equals(Money.of('1.50')) // true
   * Money.of('1', 'USD').equals(Money.of('1', 'EUR')) // false
   */
  equals(other: Money): boolean {
    return (
      other instanceof Money &&
      other.currency.code === this.currency.code &&
      other.coefficient === this.coefficient &&
      other.scale === this.scale
    );
  }

  /**
   * `this > other` (same currency only).
   *
   * @example
   * Money.of('2').greaterThan(Money.of('1')) // true
   */
  greaterThan(other: Money): boolean {
    return this.compare(other) > 0;
  }

  /**
   * `this >= other` (same currency only).
   *
   * @example
   * Money.of('1').greaterThanOrEqual(Money.of('1.00')) // true
   */
  greaterThanOrEqual(other: Money): boolean {
    return this.compare(other) >= 0;
  }

  /**
   * `this < other` (same currency only).
   *
   * @example
   * Money.of('1').lessThan(Money.of('2')) // true
   */
  lessThan(other: Money): boolean {
    return this.compare(other) < 0;
  }

  /**
   * `this <= other` (same currency only).
   *
   * @example
   * Money.of('1').lessThanOrEqual(Money.of('1')) // true
   */
  lessThanOrEqual(other: Money): boolean {
    return this.compare(other) <= 0;
  }

  /**
   * Whether the amount is zero.
   *
   * @example
   * Money.zero().isZero() // true
   */
  isZero(): boolean {
    return this.coefficient === 0n;
  }

  /**
   * Whether the amount is greater than zero.
   *
   * @example
   * Money.of('0.01').isPositive() // true
   */
  isPositive(): boolean {
    return this.coefficient > 0n;
  }

  /**
   * Whether the amount is less than zero.
   *
   * @example
   * Money.of('-0.01').isNegative() // true
   */
  isNegative(): boolean {
    return this.coefficient < 0n;
  }

  /**
   * The same amount with the opposite sign.
   *
   * @example
   * Money.of('5').negate().toString() // '-5.00 CNY'
   */
  negate(): Money {
    return this.coefficient === 0n ? this : this.with(-this.coefficient, this.scale);
  }

  /**
   * The absolute value.
   *
   * @example
   * Money.of('-5').abs().toString() // '5.00 CNY'
   */
  abs(): Money {
    return this.coefficient < 0n ? this.with(-this.coefficient, this.scale) : this;
  }

  /**
   * The amount rounded to the currency's minor units.
   *
   * @param mode - rounding mode (default `'half-even'`)
   * @throws ValidationError on field `mode`
   * @example
   * Money.of('2.345').roundToMinor().toString() // '2.34 CNY'
   * Money.of('2.345').roundToMinor('half-up').toString() // '2.35 CNY'
   */
  roundToMinor(mode: RoundingMode = 'half-even'): Money {
    return this.roundedTo(this.currency.minorDigits, assertRoundingMode(mode, 'mode'));
  }

  /**
   * Whether the amount is a whole number of minor units.
   *
   * @example
   * Money.of('1.23').isRoundedToMinor() // true
   * Money.of('1.234').isRoundedToMinor() // false
   */
  isRoundedToMinor(): boolean {
    return this.scale <= this.currency.minorDigits;
  }

  /**
   * The amount as an integer number of minor units, for storage as BIGINT.
   *
   * @throws DomainError `NOT_ROUNDED` if the amount has digits below the minor unit
   * @example
   * Money.of('1234.5').toMinorUnits() // 123450n
   */
  toMinorUnits(): bigint {
    const digits = this.currency.minorDigits;
    if (!this.isRoundedToMinor()) {
      throw new DomainError(
        'NOT_ROUNDED',
        `${this.toString()} is not a whole number of minor units (${digits} decimal places); call roundToMinor(mode) first`,
        { amount: this.toDecimalString(), currency: this.currency.code, minorDigits: digits },
      );
    }
    return this.coefficient * pow10(digits - this.scale);
  }

  /**
   * The amount in plain notation with at least the currency's minor digits (more if it has more).
   *
   * @example
   * Money.of('1234.5').toDecimalString() // '1234.50'
   * Money.of('1.2345').toDecimalString() // '1.2345'
   */
  toDecimalString(): string {
    const places = Math.max(this.currency.minorDigits, this.scale);
    const negative = this.coefficient < 0n;
    const digits = (negative ? -this.coefficient : this.coefficient) * pow10(places - this.scale);
    const text = digits.toString().padStart(places + 1, '0');
    const whole = places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
    return negative ? `-${whole}` : whole;
  }

  /**
   * The JSON form, amount as a string (`JSON.stringify` uses it).
   *
   * @example
   * Money.of('12.5', 'USD').toJSON() // { amount: '12.50', currency: 'USD' }
   */
  toJSON(): MoneyJson {
    return { amount: this.toDecimalString(), currency: this.currency.code };
  }

  /**
   * Amount and code, e.g. `'1234.50 CNY'`.
   *
   * @example
   * String(Money.of('1234.5')) // '1234.50 CNY'
   */
  toString(): string {
    return `${this.toDecimalString()} ${this.currency.code}`;
  }

  /**
   * Display text; see `formatMoney`.
   *
   * @example
   * Money.of('-1234.5').format() // '-¥1,234.50'
   */
  format(options?: FormatMoneyOptions): string {
    return formatMoney(this, options);
  }

  private assertSameCurrency(other: Money, field: string): void {
    if (!(other instanceof Money)) {
      throw ValidationError.field(field, 'Expected a Money value', 'invalid_type');
    }
    if (other.currency.code !== this.currency.code) {
      throw currencyMismatch(this.currency.code, other.currency.code);
    }
  }
}

/**
 * Shorthand for `Money.of`.
 *
 * @example
 * money('9.99', 'USD').toString() // '9.99 USD'
 */
export function money(amount: DecimalInput, currency: string = DEFAULT_CURRENCY): Money {
  return Money.of(amount, currency);
}

/**
 * Whether a value is a `Money`.
 *
 * @example
 * isMoney(Money.zero()) // true
 * isMoney({ amount: '1', currency: 'CNY' }) // false
 */
export function isMoney(value: unknown): value is Money {
  return value instanceof Money;
}

/**
 * The `DomainError` thrown when two amounts in different currencies meet.
 *
 * @example
 * throw currencyMismatch('CNY', 'USD') // code CURRENCY_MISMATCH, details { left: 'CNY', right: 'USD' }
 */
export function currencyMismatch(left: string, right: string): DomainError {
  return new DomainError('CURRENCY_MISMATCH', `Cannot combine ${left} with ${right}`, { left, right });
}

const MINOR_STRING = /^-?\d+$/;

/** Decimal views of Money values, built on first use. */
const decimalCache = new WeakMap<Money, Decimal>();

function parseMinor(minor: unknown): bigint {
  if (typeof minor === 'bigint') return minor;
  if (typeof minor === 'number' && Number.isSafeInteger(minor)) return BigInt(minor);
  if (typeof minor === 'string' && MINOR_STRING.test(minor) && minor.length <= 1000) return BigInt(minor);
  throw ValidationError.field(
    'minor',
    `Expected an integer number of minor units (bigint, safe integer or integer string), got ${
      typeof minor === 'string'
        ? JSON.stringify(minor.slice(0, 40))
        : typeof minor === 'number'
          ? String(minor)
          : typeof minor
    }`,
    'not_integer',
  );
}
