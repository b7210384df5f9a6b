/**
 * The closest known name to a mistyped one, for "did you mean" hints: the candidate with the
 * smallest edit distance (insertions, deletions, substitutions and swaps of neighbours), if
 * that distance is small for the word's length; or the only candidate the input is a prefix of.
 *
 * @returns the suggestion, or `undefined` when nothing is close
 * @example
 * suggest('dmeo', ['demo', 'example', 'migrations']) // 'demo'
 * suggest('mig', ['demo', 'example', 'migrations']) // 'migrations'
 * suggest('zzz', ['demo']) // undefined
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(needle.length / 3)));
  if (best !== undefined && bestDistance <= allowed) return best;
  if (needle.length >= 2) {
    const prefixed = candidates.filter((candidate) => candidate.toLowerCase().startsWith(needle));
    if (prefixed.length === 1) return prefixed[0];
  }
  return undefined;
}

/**
 * Optimal string alignment distance between two strings.
 *
 * @example
 * editDistance('dmeo', 'demo') // 1
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j]!;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, at(i - 2, j - 2) + 1);
      }
      d[i * cols + j] = value;
    }
  }
  return at(rows - 1, cols - 1);
}
