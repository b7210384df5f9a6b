import type { Command } from '../command.js';
import { printDay } from '../day/print-day.js';
import { runDayFromFlags } from './run-day-from-flags.js';
import { SCALE_OPTION } from './scale-option.js';

/**
 * `s2b2b day`: one simulated day of an S2B2B platform (Double 11 of 2026) through every package,
 * on the chosen storage, with progress bars on stderr and the headline numbers at the end.
 *
 * @example
 * await runCli(['day', '--scale', 'small', '--storage', 'memory', '--json'], io)
 */
export const dayCommand: Command = {
  name: 'day',
  synopsis: 'day',
  summary: 'Simulate one day of an S2B2B platform end to end on the chosen storage',
  usage: ['day [--scale small|medium|large] [--storage pglite|memory|postgres] [--seed <n>] [--json]'],
  options: [SCALE_OPTION],
  globals: ['json', 'verbose', 'storage', 'data-dir', 'pg-url', 'schema', 'seed'],
  description: [
    'Generates a seeded world (@s2b2b/scenario): five regions of China with real cities and a',
    'warehouse each, fresh food, apparel and industrial supplies, suppliers, carriers, merchants',
    'and their business customers, and two years of daily orders. Then runs Double 11 of 2026',
    'through the packages on the storage: the buying rounds close and are awarded, demand is',
    'forecast per SKU × region and scored on eight held-out weeks, the warehouses are rebalanced',
    "and reorder points set, every order checks out under the day's promotions with a purchase",
    "loan on its merchant's credit line and a reservation that never oversells, shipments are",
    'consolidated and routed from each warehouse, after-sales cases run their SLA clocks, and',
    'customers are segmented and followed up. It checks its invariants against the storage',
    '(money balances, no oversell, no credit past a limit, every route feasible) and exits 1 if',
    'one fails. The same seed and scale give the same numbers on every storage.',
    '',
    'Progress bars go to stderr on a terminal; --json prints the whole result instead.',
  ],
  examples: ['day', 'day --scale medium --storage memory', 'day --seed 7 --json', 'day --scale large'],
  async run(context) {
    const { out } = context;
    const { plan, result } = await runDayFromFlags(context, 'S2B2B platform day');
    out.heading(`${result.day} on ${plan.location}`);
    printDay(out, result);
    const failed = Object.entries(result.checks)
      .filter(([, ok]) => !ok)
      .map(([name]) => name);
    if (failed.length > 0) throw new Error(`the day's own checks failed: ${failed.join(', ')}`);
    return result;
  },
};
