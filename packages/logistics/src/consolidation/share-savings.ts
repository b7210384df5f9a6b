import { allocate, Money } from '@s2b2b/core';

/**
 * One order's part of a shared load: its stand-alone cost, what it pays and what it saves.
 *
 * @example
 * const share: LoadShare = { aloneCost: Money.of('120'), pays: Money.of('80'), saving: Money.of('40') };
 */
export interface LoadShare {
  aloneCost: Money;
  pays: Money;
  saving: Money;
}

/**
 * Splits a load's saving (Σ stand-alone costs − the vehicle's cost) over its orders in proportion
 * to their stand-alone costs, to the minor unit, with core `allocate` (largest remainder).
 *
 * The rule guarantees that nobody pays more than alone: the load is only kept when its cost is
 * at most Σ alone, so the saving S is ≥ 0 and each part (⌊S·aᵢ/A⌋ or ⌈S·aᵢ/A⌉, never more) is
 * ≥ 0 — and at most aᵢ, since S ≤ A and aᵢ is whole minor units. The parts sum to S exactly, so
 * the payments sum to the vehicle's cost exactly. Equivalently, the vehicle's cost is shared in
 * proportion to the stand-alone costs: every order saves the same fraction S/A.
 *
 * @throws RangeError when the load costs more than its orders alone (callers never keep such loads)
 * @example
 * shareLoadSaving(Money.of('200.00'), [Money.of('120.00'), Money.of('60.00'), Money.of('70.00')])
 *   .map((s) => s.saving.toDecimalString()) // ['24.00', '12.00', '14.00']
 */
export function shareLoadSaving(vehicleCost: Money, aloneCosts: readonly Money[]): LoadShare[] {
  const currency = vehicleCost.currency.code;
  const totalAlone = aloneCosts.reduce((sum, cost) => sum.add(cost), Money.zero(currency));
  const saving = totalAlone.subtract(vehicleCost);
  if (saving.isNegative()) throw new RangeError('a load that costs more than its orders alone is never kept');
  const parts = allocate(
    saving,
    aloneCosts.map((cost) => cost.toMinorUnits()),
  );
  return aloneCosts.map((aloneCost, index) => ({
    aloneCost,
    saving: parts[index]!,
    pays: aloneCost.subtract(parts[index]!),
  }));
}
