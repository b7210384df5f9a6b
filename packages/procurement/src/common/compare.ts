/**
 * Compares strings by Unicode code point — the order PostgreSQL's `COLLATE "C"` gives UTF-8
 * text, so every adapter sorts ids the same way (JavaScript's `<` compares UTF-16 code units,
 * which puts characters beyond U+FFFF before U+E000-U+FFFF).
 *
 * @example
 * ['b', 'a', '华'].sort(compareCodePoints) // ['a', 'b', '华']
 * compareCodePoints('\u{1F600}', '\uFFFD') // 1
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}

/** Code units re-ranked so surrogates (U+D800-U+DFFF, which start code points ≥ U+10000) sort last. */
function rank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}
