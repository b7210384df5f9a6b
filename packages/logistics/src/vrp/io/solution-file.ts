import { ValidationError } from '@s2b2b/core';

/**
 * Routes and stated cost read by {@link parseSolutionFile}.
 *
 * @example
 * const { routes, cost }: SolutionFile = parseSolutionFile(text); // cost 784 for A-n32-k5.sol
 */
export interface SolutionFile {
  /** Customer numbers per route, as written (CVRPLIB: node id − 1; Solomon: customer no.). */
  routes: number[][];
  /** The `Cost` line, when present. */
  cost: number | undefined;
}

/**
 * Parses a CVRPLIB-style solution file: `Route #1: 21 31 19 …` lines and a `Cost 784` line.
 *
 * @example
 * const sol = parseSolutionFile('Route #1: 1 2\nRoute #2: 3\nCost 42');
 * sol.routes; // [[1, 2], [3]]
 * evaluateVrpSolution(problem, { routes: sol.routes.map((stops) => ({ stops })) });
 */
export function parseSolutionFile(text: string): SolutionFile {
  if (typeof text !== 'string') throw ValidationError.field('text', 'Expected the text of a solution file');
  const routes: number[][] = [];
  let cost: number | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const route = /^Route\s*#?\s*\d+\s*:\s*(.*)$/i.exec(line);
    if (route) {
      const stops = route[1]!.trim() === '' ? [] : route[1]!.trim().split(/\s+/).map(Number);
      if (stops.some((s) => !Number.isInteger(s))) {
        throw ValidationError.field('text', `Cannot read route ${JSON.stringify(line)}`, 'invalid_format');
      }
      routes.push(stops);
      continue;
    }
    const c = /^Cost\s*:?\s*([-+0-9.eE]+)$/i.exec(line);
    if (c) cost = Number(c[1]);
  }
  return { routes, cost };
}
