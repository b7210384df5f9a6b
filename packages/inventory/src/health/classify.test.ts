import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/helpers.js';
import { classifyMovement, DEFAULT_MOVEMENT_THRESHOLDS, recommendAction } from './classify.js';

describe('classifyMovement', () => {
  it('by idle days and by cover, with the default thresholds', () => {
    expect(DEFAULT_MOVEMENT_THRESHOLDS).toMatchObject({
      slowIdleDays: 30,
      verySlowIdleDays: 90,
      deadIdleDays: 180,
    });
    expect(classifyMovement({ onHand: 40, idleDays: 3, daysOfCover: 20 })).toBe('active');
    expect(classifyMovement({ onHand: 40, idleDays: 30, daysOfCover: 20 })).toBe('slow');
    expect(classifyMovement({ onHand: 40, idleDays: 3, daysOfCover: 90 })).toBe('slow');
    expect(classifyMovement({ onHand: 40, idleDays: 90, daysOfCover: 20 })).toBe('very-slow');
    expect(classifyMovement({ onHand: 40, idleDays: 3, daysOfCover: Number.POSITIVE_INFINITY })).toBe(
      'very-slow',
    );
    expect(classifyMovement({ onHand: 40, idleDays: 180, daysOfCover: 1 })).toBe('dead');
    expect(classifyMovement({ onHand: 0, idleDays: 400, daysOfCover: 0 })).toBe('no-stock');
    expect(classifyMovement({ onHand: 40, idleDays: 45, daysOfCover: 20 }, { slowIdleDays: 60 })).toBe(
      'active',
    );
  });

  it('rejects inconsistent thresholds and bad facts naming the field', () => {
    expect(
      thrown(() => classifyMovement({ onHand: 1, idleDays: 1, daysOfCover: 1 }, { deadIdleDays: 10 }))
        .issues?.[0]?.path,
    ).toEqual(['thresholds', 'deadIdleDays']);
    expect(
      thrown(() => classifyMovement({ onHand: -1, idleDays: 1, daysOfCover: 1 })).issues?.[0]?.path,
    ).toEqual(['facts', 'onHand']);
  });
});

describe('recommendAction', () => {
  const target = { warehouseId: 'gz', dailyDemand: 2, daysOfCover: 5, canTake: 20 };
  it('dead: return while the window allows, else transfer, else markdown', () => {
    expect(recommendAction('dead', { onHand: 50, returnable: 30, excess: 50 })).toMatchObject({
      kind: 'return-to-supplier',
      quantity: 30,
    });
    expect(
      recommendAction('dead', { onHand: 50, returnable: 0, excess: 50, transferTarget: target }),
    ).toMatchObject({ kind: 'transfer', quantity: 20, to: 'gz' });
    expect(recommendAction('dead', { onHand: 50, returnable: 0, excess: 50 })).toMatchObject({
      kind: 'markdown',
      quantity: 50,
    });
  });

  it('slow: transfer when someone needs it, else monitor; active and empty: nothing', () => {
    expect(
      recommendAction('slow', { onHand: 50, returnable: 50, excess: 10, transferTarget: target }),
    ).toMatchObject({ kind: 'transfer', quantity: 10 });
    expect(recommendAction('slow', { onHand: 50, returnable: 50, excess: 10 })).toMatchObject({
      kind: 'monitor',
      quantity: 0,
    });
    expect(recommendAction('active', { onHand: 50, returnable: 0, excess: 0 }).kind).toBe('none');
    expect(recommendAction('no-stock', { onHand: 0, returnable: 0, excess: 0 }).kind).toBe('none');
  });
});
