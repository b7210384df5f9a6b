import { Money, parseInput, ValidationError } from '@s2b2b/core';
import {
  type AllocateRepaymentInput,
  allocateRepaymentInputSchema,
  DUE_COMPONENTS,
  type DueComponent,
} from './schemas.js';

/**
 * An amount per due component.
 *
 * @example
 * const parts: ComponentAmounts = { penalty: Money.of('1.82'), fees: Money.zero(), interest: Money.of('36.90'), principal: Money.of('461.28') }
 */
export type ComponentAmounts = Record<DueComponent, Money>;

/**
 * How a payment settled one due.
 *
 * @example
 * const d: AllocatedDue = { index: 0, id: '1', applied, total: Money.of('500'), remaining, settled: false }
 */
export interface AllocatedDue {
  /** Position in the input `dues`. */
  index: number;
  /** The caller's id, when given. */
  id?: string;
  /** What the payment settled, per component. */
  applied: ComponentAmounts;
  /** Σ applied. */
  total: Money;
  /** What the due still owes afterwards, per component. */
  remaining: ComponentAmounts;
  /** True when nothing remains. */
  settled: boolean;
}

/**
 * The allocation of one repayment. Money is conserved: `applied + credit = amount`, and nothing
 * is applied beyond what a due owes.
 *
 * @example
 * const a: RepaymentAllocation = { amount: Money.of('600'), applied: Money.of('512.50'), credit: Money.of('87.50'), byComponent, dues: [], order: ['penalty', 'fees', 'interest', 'principal'], strategy: 'oldest-first' }
 */
export interface RepaymentAllocation {
  amount: Money;
  /** Σ over the dues of what was settled. */
  applied: Money;
  /** The overpayment: what is left once every due is settled. It becomes the borrower's credit. */
  credit: Money;
  /** Σ applied per component. */
  byComponent: ComponentAmounts;
  dues: AllocatedDue[];
  order: DueComponent[];
  strategy: 'oldest-first' | 'component-first';
}

/**
 * Splits a repayment over what is owed, in a fixed and configurable order — penalty → fees →
 * interest → principal by default — across `dues` given oldest first.
 *
 * - `oldest-first` (default): each due is settled in `order` before the next due is touched;
 * - `component-first`: the first component of `order` across all dues (oldest first), then the
 *   next component, and so on.
 *
 * Nothing is applied beyond what a component owes; whatever the dues cannot absorb comes back
 * as `credit` (an overpayment becomes credit, never lost), so `applied + credit = amount` to
 * the cent. Pure and deterministic: the same input always gives the same split.
 *
 * @throws ValidationError naming the field: amounts not in whole minor units or negative, a
 *   due in another currency than `amount` (`dues.<i>.<component>`), an order that is not a
 *   permutation of the four components
 * @example
 * const a = allocateRepayment({
 *   amount: Money.of('600'),
 *   dues: [{ id: '1', penalty: Money.of('2.50'), interest: Money.of('10'), principal: Money.of('500') }],
 * })
 * a.dues[0].applied.penalty // 2.50 CNY
 * a.dues[0].applied.principal // 500.00 CNY
 * a.credit // 87.50 CNY
 */
export function allocateRepayment(input: AllocateRepaymentInput): RepaymentAllocation {
  const parsed = parseInput(allocateRepaymentInputSchema, input);
  const currency = parsed.amount.currency.code;
  const zero = Money.zero(currency);
  const owed: ComponentAmounts[] = parsed.dues.map((due, i) => {
    const parts = {} as ComponentAmounts;
    for (const component of DUE_COMPONENTS) {
      const value = due[component] ?? zero;
      if (value.currency.code !== currency) {
        throw ValidationError.field(
          ['dues', i, component],
          `Expected ${currency}, the currency of amount, got ${value.currency.code}`,
          'currency_mismatch',
        );
      }
      parts[component] = value;
    }
    return parts;
  });
  const applied: ComponentAmounts[] = owed.map(() => zeroParts(zero));
  let left = parsed.amount;

  const settle = (i: number, component: DueComponent) => {
    if (left.isZero()) return;
    const due = owed[i]![component];
    const take = due.lessThanOrEqual(left) ? due : left;
    if (take.isZero()) return;
    applied[i]![component] = applied[i]![component].add(take);
    left = left.subtract(take);
  };
  if (parsed.strategy === 'oldest-first') {
    for (let i = 0; i < owed.length; i += 1) for (const component of parsed.order) settle(i, component);
  } else {
    for (const component of parsed.order) for (let i = 0; i < owed.length; i += 1) settle(i, component);
  }

  const byComponent = zeroParts(zero);
  const dues: AllocatedDue[] = owed.map((parts, index) => {
    const paid = applied[index]!;
    const remaining = zeroParts(zero);
    let total = zero;
    for (const component of DUE_COMPONENTS) {
      remaining[component] = parts[component].subtract(paid[component]);
      byComponent[component] = byComponent[component].add(paid[component]);
      total = total.add(paid[component]);
    }
    const id = parsed.dues[index]!.id;
    return {
      index,
      ...(id !== undefined ? { id } : {}),
      applied: paid,
      total,
      remaining,
      settled: DUE_COMPONENTS.every((component) => remaining[component].isZero()),
    };
  });
  return {
    amount: parsed.amount,
    applied: parsed.amount.subtract(left),
    credit: left,
    byComponent,
    dues,
    order: parsed.order,
    strategy: parsed.strategy,
  };
}

function zeroParts(zero: Money): ComponentAmounts {
  return { penalty: zero, fees: zero, interest: zero, principal: zero };
}
