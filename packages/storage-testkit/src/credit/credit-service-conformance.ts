import type { CreditStorage } from '@s2b2b/credit';
import { expect, it } from 'vitest';
import { endCursor, readAll } from '../fixtures.js';
import { creditScenario, expectBooksAgree, outcomeCode } from './credit-fixtures.js';

const DAY = 86_400_000;

async function settle(promise: Promise<unknown>): Promise<string> {
  return outcomeCode((await Promise.allSettled([promise]))[0]!);
}

/**
 * The credit service on the adapter: a line through its life with every number computed by hand
 * (the three products, a partial confirmation, interest at 7.3 % ACT/365, penalty at +50 % with
 * compound interest, repayments in order, an overpayment kept as credit and refunded, the
 * automatic freeze at 31 days past due and its cure), the events in the outbox and to `onEvent`,
 * and idempotent replays. Registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: credit', () => { creditServiceContract(() => storage); });
 */
export function creditServiceContract(storage: () => CreditStorage): void {
  it('runs a line through its life to the cent', { timeout: 60_000 }, async () => {
    const before = await endCursor(storage());
    const {
      credit,
      clock,
      heard,
      lines: [lineId],
      key,
    } = await creditScenario(storage(), { limits: ['50000.00'] });
    const id = lineId!;
    const held = await credit.draw({
      idempotencyKey: key(),
      lineId: id,
      product: 'purchase',
      amount: '12000.00',
      hold: true,
    });
    expect(await credit.getLine(id)).toMatchObject({
      pending: { amount: '12000.00' },
      available: { amount: '38000.00' },
    });
    const confirmed = await credit.confirmDraw({
      idempotencyKey: key(),
      drawingId: held.drawing.id,
      amount: '10000.00',
    });
    expect(confirmed.drawing).toMatchObject({ drawn: { amount: '10000.00' }, dueDate: '2026-03-31' });
    const financed = await credit.draw({
      idempotencyKey: key(),
      lineId: id,
      product: 'receivables',
      invoiceAmount: '10000.00',
      dueDate: '2026-04-30',
    });
    expect(financed.drawing.due).toMatchObject({
      fees: { amount: '300.00' },
      principal: { amount: '9000.00' },
    });
    const advanced = await credit.draw({
      idempotencyKey: key(),
      lineId: id,
      product: 'order',
      orderValue: '8000.00',
      tenorDays: 15,
    });
    expect(advanced.drawing).toMatchObject({ drawn: { amount: '5600.00' }, dueDate: '2026-03-16' });
    await expectBooksAgree(storage(), id);

    clock.advance(10 * DAY);
    expect(await credit.closeDay({ idempotencyKey: key(), lineId: id })).toMatchObject({
      interest: '31.20',
      penalty: '0.00',
    });
    clock.advance(10 * DAY);
    expect(await credit.closeDay({ idempotencyKey: key(), lineId: id })).toMatchObject({
      interest: '25.60',
      penalty: '8.43',
      daysPastDue: 5,
      bucket: 'M1',
    });
    await expectBooksAgree(storage(), id);

    const paid = await credit.repay({ idempotencyKey: key(), lineId: id, amount: '5700.00' });
    expect(paid.allocation.applied).toEqual({
      penalty: '8.43',
      fees: '0.00',
      interest: '56.80',
      principal: '5634.77',
    });
    const settled = await credit.repay({
      idempotencyKey: key(),
      lineId: id,
      amount: '10000.00',
      drawingId: financed.drawing.id,
    });
    expect(settled.allocation.credit).toBe('700.00');
    expect(settled.line.credit.amount).toBe('700.00');
    await credit.refundCredit({ idempotencyKey: key(), lineId: id, amount: '700.00' });
    await expectBooksAgree(storage(), id);

    clock.set('2026-05-01T02:00:00.000Z');
    const may1 = await credit.closeDay({ idempotencyKey: key(), lineId: id });
    expect(may1).toMatchObject({
      interest: '19.93',
      penalty: '92.87',
      daysPastDue: 31,
      line: { status: 'frozen' },
    });
    expect(
      await settle(credit.draw({ idempotencyKey: key(), lineId: id, product: 'purchase', amount: '1.00' })),
    ).toBe('LINE_FROZEN');
    const cured = await credit.repay({ idempotencyKey: key(), lineId: id, amount: '10078.03' });
    expect(cured.line).toMatchObject({
      status: 'active',
      owed: { amount: '0.00' },
      available: { amount: '50000.00' },
    });
    const { exposure } = await expectBooksAgree(storage(), id);
    expect(exposure).toBe(0);

    const expected = [
      'credit.draw_held',
      'credit.drawn',
      'credit.drawn',
      'credit.drawn',
      'credit.interest_accrued',
      'credit.interest_accrued',
      'credit.overdue',
      'credit.repaid',
      'credit.repaid',
      'credit.refunded',
      'credit.interest_accrued',
      'credit.overdue',
      'credit.frozen',
      'credit.repaid',
      'credit.unfrozen',
    ];
    expect(heard.map((event) => event.type)).toEqual(expected);
    const committed = (await readAll(storage(), before)).filter((event) => event.aggregateId === id);
    expect(committed.map((event) => event.type)).toEqual(['credit.line_opened', ...expected]);
    const statement = await credit.statement({ lineId: id, from: '2026-03-01', to: '2026-03-31' });
    expect(statement.closing).toMatchObject({ owed: '9965.23', limit: '50000.00' });
    expect(statement.totals).toMatchObject({
      drawn: '24600.00',
      interest: '56.80',
      repaid: '15000.00',
      overpaid: '700.00',
    });
  });

  it('replays a key without moving money, refuses another payload, and keeps a limit refusal refused', async () => {
    const {
      credit,
      lines: [lineId],
      key,
      heard,
    } = await creditScenario(storage(), { limits: ['100.00'] });
    const id = lineId!;
    const draw = { idempotencyKey: key(), lineId: id, product: 'purchase' as const, amount: '60.00' };
    const first = await credit.draw(draw);
    const transfers = await storage().credit.listTransfers({ lineId: id });
    const replay = await credit.draw(draw);
    expect(replay).toMatchObject({ replayed: true });
    expect(replay.drawing).toEqual(first.drawing);
    expect(await storage().credit.listTransfers({ lineId: id })).toEqual(transfers);
    expect(heard).toHaveLength(1);
    expect(await settle(credit.draw({ ...draw, amount: '1.00' }))).toBe('IDEMPOTENCY_CONFLICT');
    const over = { idempotencyKey: key(), lineId: id, product: 'purchase' as const, amount: '40.01' };
    expect(await settle(credit.draw(over))).toBe('CREDIT_LIMIT_EXCEEDED');
    await credit.repay({ idempotencyKey: key(), lineId: id, amount: '60.00' });
    const again = await credit.draw(over).catch((error) => error);
    expect(again).toMatchObject({ code: 'CREDIT_LIMIT_EXCEEDED', details: { replayed: true } });
    await expectBooksAgree(storage(), id);
  });
}
