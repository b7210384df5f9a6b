import { formatMoney, Money, type MoneyJson } from '@s2b2b/core';
import type { ReportHeadline } from '../report/model.js';
import type { PlatformDayResult } from './run-platform-day.js';

const yuan = (m: MoneyJson) => formatMoney(Money.fromJSON(m));
const percent = (fraction: number) => `${(100 * fraction).toFixed(1)} %`;
const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/**
 * The headline numbers of a day, formatted for the terminal summary and the report's cards:
 * procurement savings, forecast accuracy on the held-out weeks, transfers and their cost,
 * orders filled and promotions given, credit used, consolidation savings, route km, segments
 * and follow-ups, SLA compliance.
 *
 * @example
 * headlinesOf(result)[0] // { label: 'Procurement savings', value: '¥3,456.78', detail: '4.1 % of ¥84,310.00 bought alone, 3 rounds, 15 merchants' }
 */
export function headlinesOf(result: Omit<PlatformDayResult, 'headlines'>): ReportHeadline[] {
  const { procurement, forecasting, rebalancing, checkout, credit, delivery, crm, aftersales } = result;
  const auto = forecasting.accuracy.find((a) => a.model.startsWith('auto') && a.model.endsWith('regular'));
  const naive = forecasting.accuracy.find((a) => a.model === 'seasonal naive · regular');
  const limits = credit.end.reduce((t, l) => t + Number(l.limit), 0);
  const used =
    limits === 0 ? 0 : credit.end.reduce((t, l) => t + Number(l.drawn) + Number(l.pending), 0) / limits;
  const slaTotals = aftersales.compliance.reduce(
    (t, c) => ({ met: t.met + c.met, breached: t.breached + c.breached, running: t.running + c.running }),
    { met: 0, breached: 0, running: 0 },
  );
  const [largest] = crm.segments;
  return [
    {
      label: 'Procurement savings',
      value: yuan(procurement.totals.saving),
      detail: `${percent(procurement.totals.rate)} of ${yuan(procurement.totals.standalone)} bought alone; ${procurement.rounds.length} rounds, ${procurement.merchants.length} merchants`,
    },
    {
      label: 'Forecast accuracy',
      value: auto ? `sMAPE ${auto.smape.toFixed(1)} %, MASE ${auto.mase.toFixed(2)}` : '—',
      detail: `${auto?.series ?? 0} regular SKU × region series of ${count(forecasting.series)}, last ${forecasting.holdoutWeeks} weeks held out${naive ? `; seasonal naive: sMAPE ${naive.smape.toFixed(1)} %, MASE ${naive.mase.toFixed(2)}` : ''}`,
    },
    {
      label: 'Rebalancing transfers',
      value: `${plural(rebalancing.transfers.length, 'transfer', 'transfers')}, ${yuan(rebalancing.total)}`,
      detail: `${count(rebalancing.units)} units between warehouses at minimum cost`,
    },
    {
      label: 'Orders filled',
      value: percent(checkout.fillRate),
      detail: `${count(checkout.orders.length)} orders, ${count(checkout.units.reserved)} of ${count(checkout.units.ordered)} units reserved, none oversold`,
    },
    {
      label: 'Promotions given',
      value: yuan(checkout.money.discount),
      detail: `on ${yuan(checkout.money.subtotal)} of orders, ${checkout.promotions.length} promotions applied`,
    },
    {
      label: 'Credit used',
      value: yuan(checkout.credit.drawn),
      detail: `purchase loans at checkout on ${plural(credit.lines.length, 'line', 'lines')}, ${percent(used)} of ${yuan(credit.limit)} in limits used at close; ${checkout.credit.refused} refused past the limit`,
    },
    {
      label: 'Consolidation savings',
      value: yuan(delivery.consolidation.saving),
      detail: `${plural(delivery.consolidation.orders, 'order', 'orders')} to other cities in ${plural(delivery.consolidation.loads, 'truck', 'trucks')}, against ${yuan(delivery.consolidation.aloneCost)} shipped alone`,
    },
    {
      label: 'Route km',
      value: `${delivery.km.toLocaleString('en-US', { maximumFractionDigits: 1 })} km`,
      detail: `${plural(delivery.routes, 'van route', 'van routes')} from ${delivery.warehouses.length} warehouses, ${count(delivery.dispatched)} orders dispatched before ${delivery.cutOff}`,
    },
    {
      label: 'Segments',
      value: `${count(crm.customers)} customers in ${crm.segments.length} segments`,
      detail: `${largest ? `largest ${largest.segment} (${count(largest.customers)}); ` : ''}${count(crm.followUps.created)} follow-ups created`,
    },
    {
      label: 'SLA compliance',
      value: slaTotals.met + slaTotals.breached === 0 ? '—' : percent(aftersales.complianceRate),
      detail: `${count(aftersales.cases)} after-sales cases: ${slaTotals.met} clocks met, ${slaTotals.breached} breached, ${slaTotals.running} running`,
    },
  ];
}
