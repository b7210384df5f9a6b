/**
 * A count or quantity for text: thousands grouped by `,`, rounded to at most `maxDecimals`
 * decimals, no trailing zeros, no `-0`. The same on every machine (no `Intl`).
 *
 * @param value - the number
 * @param maxDecimals - most decimals (0–6), default 1
 * @example
 * formatNumber(12345.678) // '12,345.7'
 * formatNumber(40) // '40'
 */
export function formatNumber(value: number, maxDecimals = 1): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.min(6, Math.max(0, Math.trunc(maxDecimals)));
  const fixed = Math.abs(value).toFixed(digits);
  const [integer = '0', fraction = ''] = fixed.split('.');
  const kept = fraction.replace(/0+$/, '');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = kept === '' ? grouped : `${grouped}.${kept}`;
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}
