import { describe, expect, it } from 'vitest';
import { CreditModel } from './credit-model.js';

describe('CreditModel', () => {
  it('counts pending holds against the limit and refuses a draw one unit past it', () => {
    const model = new CreditModel(10_000);
    expect(model.draw('a', 6_000, null, 0)).toEqual({ ok: true });
    expect(model.draw('b', 3_000, 1_000, 0)).toEqual({ ok: true });
    expect(model.draw('c', 1_001, null, 0)).toEqual({ ok: false, code: 'CREDIT_LIMIT_EXCEEDED' });
    expect([model.drawn(), model.pending(), model.available()]).toEqual([6_000, 3_000, 1_000]);
  });

  it('resolves a hold once: partial confirm releases the rest; expired holds refuse both ways', () => {
    const model = new CreditModel(10_000);
    model.draw('h', 5_000, 1_000, 0);
    expect(model.confirm('h', 5_001, 0)).toEqual({ ok: false, code: 'HOLD_AMOUNT_EXCEEDED' });
    expect(model.confirm('h', 2_000, 0)).toEqual({ ok: true });
    expect([model.drawn(), model.pending()]).toEqual([2_000, 0]);
    expect(model.cancel('h', 0)).toEqual({ ok: false, code: 'HOLD_ALREADY_RESOLVED' });
    model.draw('late', 1_000, 1_000, 0);
    expect(model.confirm('late', null, 1_000)).toEqual({ ok: false, code: 'HOLD_EXPIRED' });
    expect(model.expire(1_000)).toEqual(['late']);
    expect(model.cancel('late', 1_000)).toEqual({ ok: false, code: 'HOLD_ALREADY_RESOLVED' });
    model.draw('direct', 100, null, 0);
    expect(model.cancel('direct', 0)).toEqual({ ok: false, code: 'DRAWING_NOT_HELD' });
    expect(model.confirm('nope', null, 0)).toEqual({ ok: false, code: 'DRAWING_NOT_FOUND' });
  });

  it('repays the oldest drawing first, keeps the rest as credit, and spends credit only on what is due', () => {
    const model = new CreditModel(10_000);
    model.draw('a', 300, null, 0);
    model.draw('b', 500, null, 0);
    expect(model.repay(1_000, false)).toEqual({ ok: true });
    expect([model.drawn(), model.credit, model.status('a'), model.status('b')]).toEqual([
      0,
      200,
      'repaid',
      'repaid',
    ]);
    expect(model.repay(50, true)).toEqual({ ok: false, code: 'NOTHING_DUE' });
    model.draw('c', 400, null, 0);
    expect(model.repay(500, true)).toEqual({ ok: false, code: 'CREDIT_BALANCE_INSUFFICIENT' });
    expect(model.repay(150, true)).toEqual({ ok: true });
    expect([model.drawn(), model.credit]).toEqual([250, 50]);
    expect(model.refund(51)).toEqual({ ok: false, code: 'CREDIT_BALANCE_INSUFFICIENT' });
    expect(model.refund(50)).toEqual({ ok: true });
  });

  it('freezes new draws and lets a cut limit stop them until repaid below it', () => {
    const model = new CreditModel(1_000);
    model.draw('a', 800, null, 0);
    model.changeLimit(500);
    expect(model.draw('b', 1, null, 0)).toEqual({ ok: false, code: 'CREDIT_LIMIT_EXCEEDED' });
    model.repay(400, false);
    expect(model.draw('b', 100, null, 0)).toEqual({ ok: true });
    model.freeze();
    expect(model.draw('c', 1, null, 0)).toEqual({ ok: false, code: 'LINE_FROZEN' });
    expect(model.unfreeze()).toEqual({ ok: true });
    expect(model.unfreeze()).toEqual({ ok: false, code: 'LINE_NOT_FROZEN' });
  });
});
