import { allocate, formatMoney, type Money, type MoneyJson, money, sum, toDecimal } from '@s2b2b/core';
import type { Printer } from '../output.js';

/** One part of an allocation, as the demo reports it. */
export interface AllocatedPart {
  who: string;
  weight: number;
  /** The exact proportional share, to 4 decimals (`…` when it goes on). */
  exactShare: string;
  amount: MoneyJson;
  formatted: string;
}

/** One allocation the demo ran. */
export interface AllocationResult {
  total: MoneyJson;
  parts: AllocatedPart[];
  /** The parts added back up: always the total. */
  sum: MoneyJson;
  sumEqualsTotal: boolean;
}

/** What the money section found. */
export interface MoneyTourResult {
  /** ¥200.00 of group-buy saving over order weights 500 and 100. */
  groupBuy: AllocationResult;
  /** A JPY surcharge (no minor unit) over pallets. */
  yen: AllocationResult;
  /** ¥100.00 over three equal weights: the spare cent. */
  largestRemainder: AllocationResult;
  /** 0.1 + 0.2 with floats and with Money. */
  floats: { float: string; money: string };
}

/**
 * Section 1 of the demo: `allocate` splits totals to the cent by largest remainder.
 *
 * @example
 * const result = moneyTour(out); result.groupBuy.parts[0]?.formatted // '¥166.67'
 */
export function moneyTour(out: Printer): MoneyTourResult {
  out.heading('1. Money to the cent');
  out.line('A group buy saved ¥200.00. Two merchants share it by how much they ordered:');
  const groupBuy = split(money('200.00', 'CNY'), [
    { who: '华东食品 East China Foods', weight: 500 },
    { who: '小王便利店 Wang’s corner shop', weight: 100 },
  ]);
  show(out, groupBuy, 'order weight');

  out.line();
  out.line('Yen have no minor unit. A ¥10,000 carrier surcharge over pallets weighted 3 : 2 : 2:');
  const yen = split(money('10000', 'JPY'), [
    { who: 'pallet A', weight: 3 },
    { who: 'pallet B', weight: 2 },
    { who: 'pallet C', weight: 2 },
  ]);
  show(out, yen, 'weight', { code: true });

  out.line();
  out.line('¥100.00 over three equal shares cannot be exact; the spare cent goes by largest remainder');
  out.line('(ties: larger weight first, then the earlier party), so the parts still add up:');
  const largestRemainder = split(money('100.00', 'CNY'), [
    { who: 'merchant 1', weight: 1 },
    { who: 'merchant 2', weight: 1 },
    { who: 'merchant 3', weight: 1 },
  ]);
  show(out, largestRemainder, 'weight');

  const floats = { float: String(0.1 + 0.2), money: formatMoney(money('0.1').add(money('0.2'))) };
  out.line();
  out.line(`And no floats anywhere: 0.1 + 0.2 is ${floats.float} in JavaScript, ${floats.money} as Money.`);
  return { groupBuy, yen, largestRemainder, floats };
}

function split(total: Money, parties: readonly { who: string; weight: number }[]): AllocationResult {
  const weights = parties.map((party) => party.weight);
  const parts = allocate(total, weights);
  const weightSum = weights.reduce((acc, w) => acc + w, 0);
  const added = sum(parts, total.currency.code);
  return {
    total: total.toJSON(),
    parts: parties.map((party, index) => {
      const part = parts[index]!;
      const exact = toDecimal(total.amount()).times(party.weight).dividedBy(weightSum);
      const shown = exact.toFixed(4);
      return {
        who: party.who,
        weight: party.weight,
        exactShare: exact.equals(shown) ? shown : `${shown}…`,
        amount: part.toJSON(),
        formatted: formatMoney(part),
      };
    }),
    sum: added.toJSON(),
    sumEqualsTotal: added.equals(total),
  };
}

function show(out: Printer, result: AllocationResult, weightHeader: string, format: { code?: boolean } = {}) {
  const label = (json: MoneyJson) =>
    formatMoney(money(json.amount, json.currency), { symbol: true, ...format });
  out.table(
    [
      ...result.parts.map((part) => ({
        party: part.who,
        weight: part.weight,
        exact: part.exactShare,
        allocated: label(part.amount),
      })),
      { party: 'sum', weight: '', exact: '', allocated: label(result.sum) },
    ],
    {
      columns: [
        { key: 'party', header: 'who' },
        { key: 'weight', header: weightHeader },
        { key: 'exact', header: 'exact share', align: 'right' },
        { key: 'allocated', header: 'allocated', align: 'right' },
      ],
    },
  );
  out.line(
    `  ${result.sumEqualsTotal ? out.good('✓') : out.bad('✗')} the parts add up to ${label(result.total)} exactly`,
  );
}
