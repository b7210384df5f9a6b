import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { overdueFreezeDecision } from './overdue-freeze.js';

describe('overdueFreezeDecision', () => {
  it('freezes past the threshold, not at it', () => {
    expect(overdueFreezeDecision({ daysPastDue: 30, freezeAfterDays: 30, freeze: null })).toMatchObject({
      action: 'none',
      rule: 'WITHIN_THRESHOLD',
    });
    expect(overdueFreezeDecision({ daysPastDue: 31, freezeAfterDays: 30, freeze: null })).toMatchObject({
      action: 'freeze',
      rule: 'DPD_PAST_THRESHOLD',
      reason: '31 days past due, past the 30 allowed',
    });
    expect(overdueFreezeDecision({ daysPastDue: 1, freezeAfterDays: 0, freeze: null }).action).toBe('freeze');
    expect(overdueFreezeDecision({ daysPastDue: 0, freezeAfterDays: 0, freeze: null }).action).toBe('none');
  });

  it('a frozen line stays frozen while overdue, and an automatic freeze lifts when cured', () => {
    const auto = { automatic: true, reason: 'overdue 31 days', at: new Date(0) };
    expect(overdueFreezeDecision({ daysPastDue: 40, freezeAfterDays: 30, freeze: auto })).toMatchObject({
      action: 'none',
      rule: 'ALREADY_FROZEN',
    });
    expect(overdueFreezeDecision({ daysPastDue: 5, freezeAfterDays: 30, freeze: auto }).action).toBe('none');
    expect(overdueFreezeDecision({ daysPastDue: 0, freezeAfterDays: 30, freeze: auto })).toMatchObject({
      action: 'unfreeze',
      rule: 'CURED',
    });
    expect(
      overdueFreezeDecision({ daysPastDue: 0, freezeAfterDays: 30, freeze: auto, unfreezeWhenCured: false })
        .action,
    ).toBe('none');
  });

  it('never lifts a manual freeze', () => {
    expect(
      overdueFreezeDecision({ daysPastDue: 0, freezeAfterDays: 30, freeze: { automatic: false } }),
    ).toMatchObject({
      action: 'none',
      rule: 'MANUAL_FREEZE_KEPT',
    });
  });

  it('names bad fields', () => {
    expect(
      issuePaths(() => overdueFreezeDecision({ daysPastDue: -1, freezeAfterDays: 30, freeze: null })),
    ).toEqual(['daysPastDue']);
    expect(
      issuePaths(() => overdueFreezeDecision({ daysPastDue: 1, freezeAfterDays: 2.5, freeze: null })),
    ).toEqual(['freezeAfterDays']);
    expect(
      issuePaths(() =>
        overdueFreezeDecision({ daysPastDue: 1, freezeAfterDays: 2, freeze: { automatic: 'yes' } as never }),
      ),
    ).toEqual(['freeze.automatic']);
  });
});
