/**
 * Which of `count` evenly spaced positions get a label so that at most `max` appear: every k-th
 * from the first, k as small as fits.
 *
 * @param count - number of positions
 * @param max - most labels wanted (at least 1)
 * @example
 * labelIndices(12, 4) // [0, 3, 6, 9]
 * labelIndices(3, 6) // [0, 1, 2]
 */
export function labelIndices(count: number, max: number): number[] {
  if (!(count > 0)) return [];
  const limit = Math.max(1, Math.floor(max));
  const every = Math.max(1, Math.ceil(count / limit));
  const indices: number[] = [];
  for (let index = 0; index < count; index += every) indices.push(index);
  return indices;
}
