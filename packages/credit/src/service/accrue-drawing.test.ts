import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../interest/calendar-date.js';
import type { Drawing } from '../lines/drawing.js';
import { accrueDrawing, restartAccrual, startAccrual } from './accrue-drawing.js';

function drawing(principal: number, start: string, dueDate: string, fields: Partial<Drawing> = {}): Drawing {
  return {
    id: 'D-1',
    lineId: 'L-1',
    currency: 'CNY',
    product: 'purchase',
    status: 'active',
    holdId: null,
    requested: principal,
    drawn: principal,
    due: { penalty: 0, fees: 0, interest: 0, principal },
    repaid: { penalty: 0, fees: 0, interest: 0, principal: 0 },
    reference: null,
    basis: {},
    annualRate: '0.073',
    penaltyMarkup: '0.5',
    penaltyBaseRate: '0.073',
    dayCount: 'ACT/365',
    tenorDays: 30,
    createdAt: new Date('2026-03-01T02:00:00Z'),
    drawnAt: new Date('2026-03-01T02:00:00Z'),
    dueDate,
    accrual: startAccrual(principal, start),
    daysPastDue: 0,
    closedAt: null,
    version: 1,
    ...fields,
  };
}

/** Accrues to each date in turn, adding the postings to what is due, as the service does. */
function accrueThrough(
  start: Drawing,
  dates: string[],
): { drawing: Drawing; interest: number; penalty: number } {
  let current = start;
  let interest = 0;
  let penalty = 0;
  for (const date of dates) {
    const step = accrueDrawing(current, date);
    interest += step.interest;
    penalty += step.penalty;
    current = {
      ...current,
      due: {
        ...current.due,
        interest: current.due.interest + step.interest,
        penalty: current.due.penalty + step.penalty,
      },
      accrual: step.accrual,
    };
  }
  return { drawing: current, interest, penalty };
}

describe('accrueDrawing', () => {
  it('charges contract interest to the due date, then penalty at +50 % on principal and interest', () => {
    // 10,000.00 at 7.3 % ACT/365 = 2.00 a day for 30 days = 60.00; then 5 days at 10.95 %:
    // 10,000 × 0.1095 × 5/365 = 15.00 and 60.00 × 0.1095 × 5/365 = 0.09
    const d = drawing(1_000_000, '2026-03-01', '2026-03-31');
    expect(accrueDrawing(d, '2026-03-31')).toMatchObject({ interest: 6_000, penalty: 0 });
    expect(accrueDrawing(d, '2026-04-05')).toMatchObject({
      interest: 6_000,
      penalty: 1_509,
      accrual: {
        interestThrough: '2026-03-31',
        penaltyFrom: '2026-03-31',
        penaltyPrincipal: 1_000_000,
        penaltyInterest: 6_000,
      },
    });
    // nothing for a date already accrued, or before the drawing
    expect(accrueDrawing(d, '2026-02-20')).toMatchObject({ interest: 0, penalty: 0 });
    expect(accrueDrawing({ ...d, status: 'repaid' }, '2026-04-05')).toMatchObject({
      interest: 0,
      penalty: 0,
    });
  });

  it('posts the same cents whether accrued day by day or at once (any split of the days)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 1, max: 90 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('ACT/365' as const, 'ACT/360' as const, '30/360' as const, 'ACT/ACT' as const),
        (principal, tenor, steps, dayCount) => {
          const start = '2026-01-20';
          const d = drawing(principal, start, addDays(start, tenor), { dayCount });
          const dates: string[] = [];
          let offset = 0;
          for (const step of steps) {
            offset += step;
            dates.push(addDays(start, offset));
          }
          const split = accrueThrough(d, dates);
          const once = accrueThrough(d, [dates.at(-1)!]);
          expect([split.interest, split.penalty]).toEqual([once.interest, once.penalty]);
          expect(split.drawing.accrual).toEqual(once.drawing.accrual);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('restarts on what is left after a repayment', () => {
    const d = drawing(1_000_000, '2026-03-01', '2026-03-31');
    const ten = accrueThrough(d, ['2026-03-11']).drawing; // 20.00 of interest
    const repaid = { ...ten, due: { ...ten.due, interest: 0, principal: 500_000 } };
    const restarted = { ...repaid, accrual: restartAccrual(repaid, '2026-03-11') };
    expect(restarted.accrual).toMatchObject({ interestFrom: '2026-03-11', interestPrincipal: 500_000 });
    // 5,000.00 for 20 days at 2.00 per 10,000 a day = 20.00
    expect(accrueDrawing(restarted, '2026-03-31').interest).toBe(2_000);
  });
});
