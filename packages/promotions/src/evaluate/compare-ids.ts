/**
 * Compares strings by Unicode code points (the order PostgreSQL's `COLLATE "C"` gives UTF-8
 * text), not UTF-16 code units.
 *
 * @example
 * ['b', 'a'].sort(compareCodePoints) // ['a', 'b']
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i += 1;
  }
  return a.length - b.length;
}
