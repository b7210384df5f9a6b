/**
 * Splitting money across merchants to the cent: a shared shipping bill by weight and a
 * supplier rebate by purchase amount. `allocate` uses largest remainder, so the parts always
 * add up to the total exactly — no cent lost or invented.
 */
import { allocate, formatMoney, type Money, money, sum } from '@s2b2b/core';
import type { ExampleIo, ExampleMeta } from './example.js';

/**
 * @example
 * meta.name // 'money-allocation'
 */
export const meta: ExampleMeta = {
  name: 'money-allocation',
  title: 'Split a shipping bill and a supplier rebate to the cent',
  description:
    'One truck carries four merchants’ goods: its ¥1,286.40 bill is shared by weight. The supplier pays a ¥2,000.00 rebate on the pooled purchase, shared by what each merchant bought. Every split adds up to the total exactly.',
};

/**
 * Runs the example.
 *
 * @example
 * await run({ log: console.log, table: console.table })
 */
export async function run(io: ExampleIo): Promise<void> {
  // 1. A consolidated shipment: one bill, shared by the kilograms each merchant shipped.
  const shippingBill = money('1286.40', 'CNY');
  const shipments = [
    { merchant: '华东食品', kg: '320.5' },
    { merchant: '小王便利店', kg: '180' },
    { merchant: 'Lotus Mart', kg: '95.25' },
    { merchant: '鲜果仓', kg: '410' },
  ];
  const shipping = allocate(
    shippingBill,
    shipments.map((s) => s.kg),
  );
  io.log(`Shipping: one truck, ${formatMoney(shippingBill)}, shared by weight`);
  io.table(shipments.map((s, i) => ({ merchant: s.merchant, kg: s.kg, pays: formatMoney(shipping[i]!) })));
  report(io, shipping, shippingBill);

  // 2. A supplier rebate on a pooled purchase, shared by what each merchant bought.
  const rebate = money('2000.00', 'CNY');
  const purchases = [
    { merchant: '华东食品', bought: money('18000.00') },
    { merchant: '小王便利店', bought: money('9500.00') },
    { merchant: 'Lotus Mart', bought: money('2500.00') },
  ];
  // Weights can be any non-negative decimals: here, the purchase amounts themselves.
  const rebates = allocate(
    rebate,
    purchases.map((p) => p.bought.amount()),
  );
  io.log();
  io.log(
    `Supplier rebate: ${formatMoney(rebate)} back on a ${formatMoney(sum(purchases.map((p) => p.bought)))} pooled purchase`,
  );
  io.table(
    purchases.map((p, i) => ({
      merchant: p.merchant,
      bought: formatMoney(p.bought),
      'gets back': formatMoney(rebates[i]!),
    })),
  );
  report(io, rebates, rebate);
  io.log('The 1/3 cents cannot all round the same way: largest remainder gives the spare cent to the');
  io.log('merchant whose exact share (166.666…) was closest to the next cent.');
}

function report(io: ExampleIo, parts: readonly Money[], total: Money): void {
  const added = sum(parts, total.currency.code);
  const mark = added.equals(total) ? '✓' : '✗';
  io.log(`${mark} ${parts.map((part) => formatMoney(part)).join(' + ')} = ${formatMoney(added)}`);
}
