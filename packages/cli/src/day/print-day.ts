import type { Printer } from '../output.js';
import type { PlatformDayResult } from './run-platform-day.js';

/** What each check says when it holds. */
const CHECKS: Readonly<Record<keyof PlatformDayResult['checks'], string>> = {
  procurementBalanced:
    'every round: merchants pay exactly what the suppliers invoice, nobody more than alone',
  moneyBalances: 'every order adds up to the cent; consolidation savings add up by merchant',
  noOversell: 'no position below zero; what is still reserved is exactly what the held orders reserved',
  creditWithinLimits: 'no credit line drawn past its limit; the ledger balances',
  routesFeasible: 'every van route re-checked feasible (capacity, distance, fleet)',
  transfersSound: 'transfers only from free stock, every plan proven optimal',
  forecastsSane: 'forecasts finite and non-negative, the 95 % bands around the 80 % bands',
};

/**
 * Prints a day for people: what the world is, the headline numbers, and each check.
 *
 * @example
 * printDay(out, await runPlatformDay({ session, scale: 'small' }));
 */
export function printDay(out: Printer, result: PlatformDayResult): void {
  const { world } = result;
  out.line(
    `${world.regions} regions, ${world.cities} cities, ${world.warehouses} warehouses, ${world.skus} SKUs, ${world.suppliers} suppliers, ` +
      `${world.merchants} merchants with ${world.customers.toLocaleString('en-US')} customers; ` +
      `${world.historyOrders.toLocaleString('en-US')} orders (${world.historyLines.toLocaleString('en-US')} lines) over two years, ` +
      `${world.dayOrders.toLocaleString('en-US')} on ${result.day}`,
  );
  out.table(
    result.headlines.map((h) => ({ what: h.label, value: h.value, detail: h.detail ?? '' })),
    { header: false },
  );
  out.line();
  for (const [name, text] of Object.entries(CHECKS) as [keyof typeof CHECKS, string][]) {
    out.line(`  ${result.checks[name] ? out.good('✓') : out.bad('✗')} ${text}`);
  }
  const seconds = (result.ms.total ?? 0) / 1000;
  out.note(`  ${result.storage} · seed ${result.seed} · run ${result.tag} · ${seconds.toFixed(1)} s`);
}
