/** What the constant of an ARIMA model is: a mean (`d + D = 0`), a drift (`d + D = 1`) or none. */
export type ArimaConstant = 'mean' | 'drift' | 'none';

/**
 * The model's name as R `forecast` prints it (`arima.string`): `ARIMA(p,d,q)`, the seasonal part
 * `(P,D,Q)[m]` when there is one, then `with drift`, `with non-zero mean` or, for an undifferenced
 * model without a mean, `with zero mean`.
 *
 * @example
 * arimaName([0, 1, 1], [0, 1, 1], 12, 'none') // 'ARIMA(0,1,1)(0,1,1)[12]'
 * arimaName([1, 1, 0], [0, 0, 0], 1, 'drift') // 'ARIMA(1,1,0) with drift'
 */
export function arimaName(
  order: readonly [number, number, number],
  seasonal: readonly [number, number, number],
  seasonLength: number,
  constant: ArimaConstant,
): string {
  let name = `ARIMA(${order[0]},${order[1]},${order[2]})`;
  if (seasonLength > 1 && seasonal[0] + seasonal[1] + seasonal[2] > 0) {
    name += `(${seasonal[0]},${seasonal[1]},${seasonal[2]})[${seasonLength}]`;
  }
  if (constant === 'drift') return `${name} with drift`;
  if (constant === 'mean') return `${name} with non-zero mean`;
  if (order[1] === 0 && seasonal[1] === 0) return `${name} with zero mean`;
  return name;
}
