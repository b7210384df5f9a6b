// Money and allocation speed, side by side with the same arithmetic on raw decimal.js and
// on plain bigint minor units, in one process.

import { allocate, createRng, formatMoney, Money } from '@s2b2b/core';
import { Decimal as DecimalJs } from 'decimal.js';
import { measure, resultsTable } from '../../../bench/harness.ts';

const RawDecimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN });
const rng = createRng('money-bench');
const amounts = Array.from(
  { length: 1_000 },
  () => `${rng.int(0, 10_000_000)}.${String(rng.int(0, 99)).padStart(2, '0')}`,
);
const moneys = amounts.map((amount) => Money.of(amount));
const raws = amounts.map((amount) => new RawDecimal(amount));
const minors = moneys.map((m) => m.toMinorUnits());

const sums = [
  await measure(
    'bigint minor units',
    () => {
      let total = 0n;
      for (const minor of minors) total += minor;
      return total;
    },
    { opsPerCall: minors.length },
  ),
  await measure(
    'decimal.js',
    () => {
      let total = new RawDecimal(0);
      for (const raw of raws) total = total.plus(raw);
      return total;
    },
    { opsPerCall: raws.length },
  ),
  await measure(
    'Money.add',
    () => {
      let total = Money.zero('CNY');
      for (const m of moneys) total = total.add(m);
      return total;
    },
    { opsPerCall: moneys.length },
  ),
];
console.log('### Addition (1,000 amounts)\n');
console.log(resultsTable(sums, 'decimal.js'));

const rate = '0.0345';
const products = [
  await measure(
    'decimal.js times + toDecimalPlaces',
    () => {
      for (const raw of raws) raw.times(rate).toDecimalPlaces(2, DecimalJs.ROUND_HALF_EVEN);
    },
    { opsPerCall: raws.length },
  ),
  await measure(
    'Money.multiply(rate, half-even)',
    () => {
      for (const m of moneys) m.multiply(rate, 'half-even');
    },
    { opsPerCall: moneys.length },
  ),
];
console.log('\n### Multiply by a rate and round to cents (1,000 amounts)\n');
console.log(resultsTable(products, 'decimal.js times + toDecimalPlaces'));

const weights = (n: number) => Array.from({ length: n }, () => rng.int(1, 10_000));
const allocations = [];
for (const n of [2, 10, 100, 1_000]) {
  const w = weights(n);
  const total = Money.of('123456.78');
  allocations.push(await measure(`allocate over ${n} weights`, () => allocate(total, w)));
}
console.log('\n### allocate (largest remainder)\n');
console.log(resultsTable(allocations));

const formats = [
  await measure(
    'Intl.NumberFormat zh-CN currency',
    () => {
      const format = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });
      for (const raw of raws) format.format(raw.toNumber());
    },
    { opsPerCall: raws.length },
  ),
  await measure(
    'formatMoney',
    () => {
      for (const m of moneys) formatMoney(m);
    },
    { opsPerCall: moneys.length },
  ),
];
console.log('\n### Formatting (1,000 amounts)\n');
console.log(resultsTable(formats, 'Intl.NumberFormat zh-CN currency'));
