/**
 * Compares two strings by Unicode code points (the order PostgreSQL's `COLLATE "C"` gives on
 * UTF-8), not by UTF-16 units as `<` does: stable across adapters and locales.
 *
 * @example
 * ['b', 'a', '😀', 'ｚ'].sort(compareCodePoints) // ['a', 'b', 'ｚ', '😀']
 */
export function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx - cy;
  }
}
