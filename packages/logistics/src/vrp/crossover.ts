import type { Rng } from '@s2b2b/core';

/**
 * Ordered crossover (OX) of two giant tours: the child keeps a random slice of the first parent in
 * place and fills the other positions with the missing customers in the order they follow the
 * slice in the second parent (Oliver, Smith & Holland 1987; the crossover of HGS-CVRP).
 *
 * @param a - first parent's tour (a permutation of 1..n)
 * @param b - second parent's tour
 * @param rng - seeded generator
 * @param child - output buffer of length n
 * @param seen - scratch buffer of length n + 1
 */
export function orderedCrossover(
  a: Int32Array,
  b: Int32Array,
  rng: Rng,
  child: Int32Array,
  seen: Uint8Array,
): void {
  const n = a.length;
  if (n === 0) return;
  seen.fill(0);
  const start = Math.floor(rng.next() * n);
  let end = Math.floor(rng.next() * n);
  while (n > 1 && end === start) end = Math.floor(rng.next() * n);
  const length = ((end - start + n) % n) + 1;
  for (let q = 0; q < length; q++) {
    const k = (start + q) % n;
    child[k] = a[k]!;
    seen[a[k]!] = 1;
  }
  let pos = (end + 1) % n;
  for (let q = 1; q <= n; q++) {
    const c = b[(end + q) % n]!;
    if (seen[c]) continue;
    child[pos] = c;
    seen[c] = 1;
    pos = (pos + 1) % n;
  }
}
