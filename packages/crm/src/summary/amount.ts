/**
 * Amounts as whole minor units (cents, fen): exact sums in plain numbers up to 2^53 minor units,
 * so a million transactions add up without a decimal library and without float drift.
 */

/**
 * `amount` in minor units with `decimals` digits, or `null` when it has more digits than that (or
 * is not a decimal ≥ 0, or passes 2^53 minor units). A number is read as the decimal it stands
 * for: it must lie within 1e-9 of a whole number of minor units (29.33 → 2933; 29.335 → null).
 *
 * @example
 * toMinorUnits('29.33', 2) // 2933
 */
export function toMinorUnits(amount: number | string, decimals: number): number | null {
  const factor = 10 ** decimals;
  if (typeof amount === 'number') {
    const scaled = amount * factor;
    const units = Math.round(scaled);
    if (!Number.isSafeInteger(units) || units < 0) return null;
    return Math.abs(scaled - units) <= 1e-9 * Math.max(1, units) ? units : null;
  }
  let whole = 0;
  let fraction = 0;
  let digits = -1;
  for (let i = 0; i < amount.length; i++) {
    const code = amount.charCodeAt(i);
    if (code === 46) {
      if (digits >= 0 || i === 0) return null;
      digits = 0;
      continue;
    }
    if (code < 48 || code > 57) return null;
    const digit = code - 48;
    if (digits < 0) whole = whole * 10 + digit;
    else if (digits < decimals) {
      fraction = fraction * 10 + digit;
      digits++;
    } else if (digit !== 0) return null;
  }
  if (amount.length === 0 || digits === 0) return null;
  const units = whole * factor + fraction * 10 ** (decimals - Math.max(digits, 0));
  return Number.isSafeInteger(units) ? units : null;
}

/**
 * Minor units back to a decimal string with `decimals` digits.
 *
 * @example
 * formatMinorUnits(2933, 2) // '29.33'
 */
export function formatMinorUnits(units: number, decimals: number): string {
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(decimals + 1, '0');
  const whole = decimals === 0 ? digits : digits.slice(0, -decimals);
  const fraction = decimals === 0 ? '' : `.${digits.slice(-decimals)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
