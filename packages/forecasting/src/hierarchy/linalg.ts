/**
 * Small dense linear algebra for reconciliation (matrices as arrays of rows). Internal.
 */

/** `A × B`. */
export function multiply(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const columns = b[0]?.length ?? 0;
  return a.map((row) => {
    const out = new Array<number>(columns).fill(0);
    row.forEach((value, k) => {
      if (value === 0) return;
      const other = b[k] as readonly number[];
      for (let j = 0; j < columns; j += 1) out[j] = (out[j] as number) + value * (other[j] as number);
    });
    return out;
  });
}

/** `Aᵀ`. */
export function transpose(a: readonly (readonly number[])[]): number[][] {
  const rows = a.length;
  const columns = a[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, j) =>
    Array.from({ length: rows }, (_, i) => a[i]?.[j] as number),
  );
}

/**
 * Solves `A X = B` for a symmetric positive-definite `A` by Cholesky factorisation; a tiny
 * ridge (1e-10 × the mean diagonal) is added when `A` is only semi-definite.
 */
export function solveSpd(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const n = a.length;
  const meanDiagonal = a.reduce((total, row, i) => total + (row[i] as number), 0) / Math.max(1, n);
  for (const ridge of [0, 1e-10 * meanDiagonal, 1e-6 * meanDiagonal]) {
    const l = cholesky(a, ridge);
    if (l) return b[0] === undefined ? [] : transpose(transpose(b).map((column) => cholSolve(l, column)));
  }
  throw new Error('Matrix is not positive definite');
}

function cholesky(a: readonly (readonly number[])[], ridge: number): number[][] | null {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = (a[i]?.[j] as number) + (i === j ? ridge : 0);
      for (let k = 0; k < j; k += 1) sum -= (l[i]?.[k] as number) * (l[j]?.[k] as number);
      if (i === j) {
        if (!(sum > 0)) return null;
        (l[i] as number[])[j] = Math.sqrt(sum);
      } else {
        (l[i] as number[])[j] = sum / (l[j]?.[j] as number);
      }
    }
  }
  return l;
}

function cholSolve(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = l.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i += 1) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k += 1) sum -= (l[i]?.[k] as number) * (y[k] as number);
    y[i] = sum / (l[i]?.[i] as number);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i -= 1) {
    let sum = y[i] as number;
    for (let k = i + 1; k < n; k += 1) sum -= (l[k]?.[i] as number) * (x[k] as number);
    x[i] = sum / (l[i]?.[i] as number);
  }
  return x;
}
