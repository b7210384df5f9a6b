import { Money } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { allocateRepayment } from './allocate-repayment.js';

const m = (amount: string) => Money.of(amount);
const parts = (p: Record<string, Money>) =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.toDecimalString()]));

describe('allocateRepayment', () => {
  const dues = [
    { id: 'inst-1', penalty: m('1.82'), fees: m('5.00'), interest: m('36.90'), principal: m('1000.00') },
    { id: 'inst-2', interest: m('35.00'), principal: m('1000.00') },
  ];

  it('penalty → fees → interest → principal, oldest installment first', () => {
    const a = allocateRepayment({ amount: m('1100'), dues });
    expect(parts(a.dues[0]!.applied)).toEqual({
      penalty: '1.82',
      fees: '5.00',
      interest: '36.90',
      principal: '1000.00',
    });
    expect(a.dues[0]!.settled).toBe(true);
    // 1100 − 1043.72 = 56.28 left: interest 35.00, then 21.28 of principal
    expect(parts(a.dues[1]!.applied)).toEqual({
      penalty: '0.00',
      fees: '0.00',
      interest: '35.00',
      principal: '21.28',
    });
    expect(parts(a.dues[1]!.remaining)).toEqual({
      penalty: '0.00',
      fees: '0.00',
      interest: '0.00',
      principal: '978.72',
    });
    expect([a.applied.toString(), a.credit.toString()]).toEqual(['1100.00 CNY', '0.00 CNY']);
    expect(a.dues.map((d) => d.id)).toEqual(['inst-1', 'inst-2']);
  });

  it('a partial payment stops inside a component', () => {
    const a = allocateRepayment({ amount: m('20'), dues });
    expect(parts(a.dues[0]!.applied)).toEqual({
      penalty: '1.82',
      fees: '5.00',
      interest: '13.18',
      principal: '0.00',
    });
    expect(a.dues[1]!.total.isZero()).toBe(true);
  });

  it('component-first settles one component across every due before the next', () => {
    const a = allocateRepayment({ amount: m('80'), dues, strategy: 'component-first' });
    expect(parts(a.byComponent)).toEqual({
      penalty: '1.82',
      fees: '5.00',
      interest: '71.90',
      principal: '1.28',
    });
    expect(a.dues[1]!.applied.interest.toString()).toBe('35.00 CNY');
    expect(a.dues[0]!.applied.principal.toString()).toBe('1.28 CNY');
  });

  it('a configurable order: interest → principal → penalty → fees', () => {
    const a = allocateRepayment({
      amount: m('1040'),
      dues: dues.slice(0, 1),
      order: ['interest', 'principal', 'penalty', 'fees'],
    });
    expect(parts(a.dues[0]!.applied)).toEqual({
      penalty: '1.82',
      fees: '1.28',
      interest: '36.90',
      principal: '1000.00',
    });
  });

  it('an overpayment becomes credit, never lost', () => {
    const a = allocateRepayment({ amount: m('3000'), dues });
    expect(a.dues.every((d) => d.settled)).toBe(true);
    expect(a.applied.toString()).toBe('2078.72 CNY');
    expect(a.credit.toString()).toBe('921.28 CNY');
    const none = allocateRepayment({ amount: m('12.34'), dues: [] });
    expect([none.applied.toString(), none.credit.toString()]).toEqual(['0.00 CNY', '12.34 CNY']);
  });

  it('rejects bad input naming the field', () => {
    expect(
      issuePaths(() => allocateRepayment({ amount: m('10'), dues: [{ interest: Money.of('1', 'USD') }] })),
    ).toEqual(['dues.0.interest']);
    expect(issuePaths(() => allocateRepayment({ amount: m('10'), dues: [{ principal: m('-1') }] }))).toEqual([
      'dues.0.principal',
    ]);
    expect(issuePaths(() => allocateRepayment({ amount: m('-10'), dues: [] }))).toEqual(['amount']);
    expect(issuePaths(() => allocateRepayment({ amount: Money.of('1.001'), dues: [] }))).toEqual(['amount']);
    expect(
      issuePaths(() =>
        allocateRepayment({ amount: m('10'), dues: [], order: ['interest', 'interest', 'penalty', 'fees'] }),
      ),
    ).toEqual(['order']);
    expect(
      issuePaths(() =>
        allocateRepayment({ amount: m('10'), dues: [], order: ['interest', 'principal'] as never }),
      ),
    ).toEqual(['order']);
    expect(
      issuePaths(() => allocateRepayment({ amount: m('10'), dues: [{ tax: m('1') } as never] })),
    ).toEqual(['dues.0']);
  });
});
