/**
 * Whether a rule's region pattern covers a region: `'*'` covers every region, and a path
 * covers itself and every region below it (`'浙江'` covers `'浙江/杭州'`, not `'浙江省'`).
 *
 * @example
 * regionCovers('浙江', '浙江/杭州') // true
 * regionCovers('浙江/杭州', '浙江') // false
 * regionCovers('*', '新疆') // true
 */
export function regionCovers(pattern: string, region: string): boolean {
  if (pattern === '*') return true;
  return region === pattern || (region.length > pattern.length && region.startsWith(`${pattern}/`));
}

/**
 * How specific a region pattern is: the number of its path segments, 0 for `'*'`. Rules that
 * name a narrower region win over wider ones.
 *
 * @example
 * regionSpecificity('*') // 0
 * regionSpecificity('新疆/阿勒泰') // 2
 */
export function regionSpecificity(pattern: string): number {
  return pattern === '*' ? 0 : pattern.split('/').length;
}

/**
 * The most specific of the patterns that cover a region (the first listed on ties), or `null`.
 *
 * @example
 * mostSpecificCover(['*', '新疆', '新疆/阿勒泰'], '新疆/阿勒泰/布尔津') // '新疆/阿勒泰'
 */
export function mostSpecificCover(patterns: readonly string[], region: string): string | null {
  let best: string | null = null;
  for (const pattern of patterns) {
    if (!regionCovers(pattern, region)) continue;
    if (best === null || regionSpecificity(pattern) > regionSpecificity(best)) best = pattern;
  }
  return best;
}
