/**
 * An axis label for a tick value: as many decimals as the step has, thousands grouped by `,`, and
 * values of ten thousand and more shortened with `k` or `M` (`12k`, `1.5M`).
 *
 * @param value - the tick
 * @param step - the step between ticks (decides the decimals), default 1
 * @example
 * formatTick(2500, 500) // '2,500'
 * formatTick(40000, 10000) // '40k'
 * formatTick(1500000, 500000) // '1.5M'
 * formatTick(0.25, 0.05) // '0.25'
 */
export function formatTick(value: number, step = 1): string {
  const size = Math.abs(value);
  if (size >= 1e6) return `${shortened(value / 1e6, step / 1e6)}M`;
  if (size >= 1e4) return `${shortened(value / 1e3, step / 1e3)}k`;
  return groupDigits(value.toFixed(decimalsOf(step)));
}

function shortened(value: number, step: number): string {
  return groupDigits(value.toFixed(Math.min(decimalsOf(step), 1)));
}

function decimalsOf(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return Math.min(6, Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
}

function groupDigits(text: string): string {
  const [integer = '0', fraction] = text.split('.');
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const result = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  return /^-0(\.0+)?$/.test(result) ? result.slice(1) : result;
}
