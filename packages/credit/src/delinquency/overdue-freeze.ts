import { parseInput } from '@s2b2b/core';
import { type OverdueFreezeInput, overdueFreezeInputSchema } from './schemas.js';

/**
 * Which rule decided an automatic-freeze check:
 * - `DPD_PAST_THRESHOLD` — more than `freezeAfterDays` days past due: freeze;
 * - `ALREADY_FROZEN` — past the threshold, but the line is frozen already;
 * - `CURED` — the line froze automatically and is current again (0 DPD): unfreeze;
 * - `MANUAL_FREEZE_KEPT` — current, but a person froze the line: only a person lifts it;
 * - `WITHIN_THRESHOLD` — not past the threshold: nothing to do.
 *
 * @example
 * const rule: FreezeRule = 'DPD_PAST_THRESHOLD'
 */
export type FreezeRule =
  | 'DPD_PAST_THRESHOLD'
  | 'ALREADY_FROZEN'
  | 'CURED'
  | 'MANUAL_FREEZE_KEPT'
  | 'WITHIN_THRESHOLD';

/**
 * What the automatic-freeze rule says about a line today.
 *
 * @example
 * const d: OverdueFreezeDecision = { action: 'freeze', rule: 'DPD_PAST_THRESHOLD', daysPastDue: 31, freezeAfterDays: 30, reason: '31 days past due, past the 30 allowed' }
 */
export interface OverdueFreezeDecision {
  action: 'freeze' | 'unfreeze' | 'none';
  rule: FreezeRule;
  daysPastDue: number;
  freezeAfterDays: number;
  /** A sentence for the freeze record and the merchant. */
  reason: string;
}

/**
 * The automatic freeze: a line more than `freezeAfterDays` days past due is frozen (no new
 * draws), so with `freezeAfterDays: 30` day 30 is still open and day 31 freezes; 0 freezes on
 * the first day overdue. A line the rule froze is unfrozen once it is current again (0 days
 * past due) unless `unfreezeWhenCured` is false; a freeze a person made (`automatic: false`)
 * is never lifted here. Pure: the service applies the action.
 *
 * @throws ValidationError naming the field
 * @example
 * overdueFreezeDecision({ daysPastDue: 31, freezeAfterDays: 30, freeze: null }).action // 'freeze'
 * overdueFreezeDecision({ daysPastDue: 30, freezeAfterDays: 30, freeze: null }).action // 'none'
 * overdueFreezeDecision({ daysPastDue: 0, freezeAfterDays: 30, freeze: { automatic: true } }).action // 'unfreeze'
 */
export function overdueFreezeDecision(input: OverdueFreezeInput): OverdueFreezeDecision {
  const { daysPastDue, freezeAfterDays, freeze, unfreezeWhenCured } = parseInput(
    overdueFreezeInputSchema,
    input,
  );
  const base = { daysPastDue, freezeAfterDays };
  if (daysPastDue > freezeAfterDays) {
    return freeze === null
      ? {
          ...base,
          action: 'freeze',
          rule: 'DPD_PAST_THRESHOLD',
          reason: `${daysPastDue} days past due, past the ${freezeAfterDays} allowed`,
        }
      : {
          ...base,
          action: 'none',
          rule: 'ALREADY_FROZEN',
          reason: `${daysPastDue} days past due; already frozen`,
        };
  }
  if (freeze !== null && daysPastDue === 0) {
    if (freeze.automatic && unfreezeWhenCured) {
      return { ...base, action: 'unfreeze', rule: 'CURED', reason: 'Nothing is past due any more' };
    }
    if (!freeze.automatic) {
      return {
        ...base,
        action: 'none',
        rule: 'MANUAL_FREEZE_KEPT',
        reason: 'Frozen by a person; not lifted automatically',
      };
    }
  }
  return {
    ...base,
    action: 'none',
    rule: 'WITHIN_THRESHOLD',
    reason: `${daysPastDue} days past due, within the ${freezeAfterDays} allowed`,
  };
}
