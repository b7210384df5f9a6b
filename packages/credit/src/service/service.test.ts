import { manualClock, ValidationError } from '@s2b2b/core';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import { describe, expect, it } from 'vitest';
import { lineAccountId, platformAccountId } from '../ledger/accounts.js';
import { balancesFromTransfers, trialBalance } from '../ledger/trial-balance.js';
import type { CreditEvent } from './events.js';
import { createCreditService } from './service.js';

const DAY = 86_400_000;
/** 10:00 in Shanghai on 2026-03-01. */
const START = '2026-03-01T02:00:00.000Z';

function setup() {
  const storage = createMemoryStorage();
  const clock = manualClock(START);
  const heard: CreditEvent[] = [];
  let n = 0;
  const credit = createCreditService({
    storage,
    clock,
    onEvent: (event) => {
      heard.push(event);
    },
    ids: () => {
      n += 1;
      return `id-${String(n).padStart(4, '0')}`;
    },
  });
  return { storage, clock, heard, credit };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; details: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
}

async function openL1(credit: ReturnType<typeof setup>['credit']) {
  return credit.openLine({ idempotencyKey: 'open-L-1', lineId: 'L-1', merchantId: 'M-1', limit: '50000.00' });
}

describe('the credit service: a line through its life, to the cent', () => {
  it('draws the three products, accrues interest and penalty, repays in order, keeps the overpayment, freezes and cures', async () => {
    const { storage, clock, heard, credit } = setup();
    const opened = await openL1(credit);
    expect(opened.line).toMatchObject({
      limit: { amount: '50000.00', currency: 'CNY' },
      available: { amount: '50000.00', currency: 'CNY' },
      status: 'active',
    });

    // 采购贷 reserved at checkout, confirmed in part
    const held = await credit.draw({
      idempotencyKey: 'co-1001',
      lineId: 'L-1',
      product: 'purchase',
      amount: '12000.00',
      hold: true,
      reference: 'PO-1001',
    });
    expect(held.drawing).toMatchObject({ status: 'held', requested: { amount: '12000.00' }, dueDate: null });
    expect(await credit.getLine('L-1')).toMatchObject({
      pending: { amount: '12000.00' },
      available: { amount: '38000.00' },
    });
    const confirmed = await credit.confirmDraw({
      idempotencyKey: 'ship-1001',
      drawingId: held.drawing.id,
      amount: '10000.00',
    });
    expect(confirmed.drawing).toMatchObject({
      status: 'active',
      drawn: { amount: '10000.00' },
      dueDate: '2026-03-31',
      due: { principal: { amount: '10000.00' }, total: { amount: '10000.00' } },
    });
    expect(confirmed.events[0]).toMatchObject({
      type: 'credit.drawn',
      payload: { amount: '10000.00', held: '12000.00', released: '2000.00', dueDate: '2026-03-31' },
    });

    // 供应链金融: a 10,000.00 invoice at 90 % with a 3 % discount fee
    const financed = await credit.draw({
      idempotencyKey: 'inv-88',
      lineId: 'L-1',
      product: 'receivables',
      invoiceAmount: '10000.00',
      dueDate: '2026-04-30',
      reference: 'INV-88',
    });
    expect(financed.drawing).toMatchObject({
      drawn: { amount: '9000.00' },
      due: { fees: { amount: '300.00' }, principal: { amount: '9000.00' }, total: { amount: '9300.00' } },
      basis: { invoiceAmount: 1_000_000, advanceRate: '0.9', discountRate: '0.03' },
      annualRate: '0',
    });

    // 订单贷: 70 % of an 8,000.00 order, due in 15 days
    const advanced = await credit.draw({
      idempotencyKey: 'so-77',
      lineId: 'L-1',
      product: 'order',
      orderValue: '8000.00',
      tenorDays: 15,
      reference: 'SO-77',
    });
    expect(advanced.drawing).toMatchObject({ drawn: { amount: '5600.00' }, dueDate: '2026-03-16' });
    expect(await credit.getLine('L-1')).toMatchObject({
      drawn: { amount: '24600.00' },
      fees: { amount: '300.00' },
      available: { amount: '25400.00' },
      owed: { amount: '24900.00' },
    });

    // Ten days: 10,000 × 7.3 % × 10/365 = 20.00; 5,600 × 7.3 % × 10/365 = 11.20; the invoice bears none
    clock.advance(10 * DAY);
    const day11 = await credit.closeDay({ idempotencyKey: 'eod-0311', lineId: 'L-1' });
    expect(day11).toMatchObject({ asOf: '2026-03-11', interest: '31.20', penalty: '0.00', daysPastDue: 0 });

    // The order loan fell due on 03-16: interest to then (16.80 in all), then 5 days of penalty at
    // 7.3 % × 1.5 on 5,600.00 (8.40) and on 16.80 of interest (0.0252 → 0.03)
    clock.advance(10 * DAY);
    const day21 = await credit.closeDay({ idempotencyKey: 'eod-0321', lineId: 'L-1', asOf: '2026-03-21' });
    expect(day21).toMatchObject({ interest: '25.60', penalty: '8.43', daysPastDue: 5, bucket: 'M1' });
    expect(day21.events.map((event) => event.type)).toEqual(['credit.interest_accrued', 'credit.overdue']);
    expect(day21.events[1]).toMatchObject({
      payload: { drawingId: advanced.drawing.id, daysPastDue: 5, bucket: 'M1', outstanding: '5625.23' },
    });
    // a second close of the same day posts nothing
    const again = await credit.closeDay({ idempotencyKey: 'eod-0321-b', lineId: 'L-1', asOf: '2026-03-21' });
    expect(again).toMatchObject({ interest: '0.00', penalty: '0.00', events: [] });

    // 5,700.00 repaid: the oldest due first, penalty → fees → interest → principal
    const paid = await credit.repay({ idempotencyKey: 'bank-0001', lineId: 'L-1', amount: '5700.00' });
    expect(paid.allocation).toEqual({
      amount: '5700.00',
      applied: { penalty: '8.43', fees: '0.00', interest: '56.80', principal: '5634.77' },
      credit: '0.00',
    });
    expect(paid.drawings.map((d) => [d.id, d.status, d.due.total.amount])).toEqual([
      [advanced.drawing.id, 'repaid', '0.00'],
      [confirmed.drawing.id, 'active', '9965.23'],
    ]);

    // The debtor pays the invoice: fee and advance settled, 700.00 left to the merchant, never lost
    const settled = await credit.repay({
      idempotencyKey: 'inv-88-paid',
      lineId: 'L-1',
      amount: '10000.00',
      drawingId: financed.drawing.id,
      reference: 'debtor remittance',
    });
    expect(settled.allocation).toEqual({
      amount: '10000.00',
      applied: { penalty: '0.00', fees: '300.00', interest: '0.00', principal: '9000.00' },
      credit: '700.00',
    });
    expect(settled.line).toMatchObject({ credit: { amount: '700.00' }, drawn: { amount: '9965.23' } });
    expect(await storage.credit.getAccount(lineAccountId('L-1', 'invoices'))).toMatchObject({
      debitsPosted: 1_000_000,
      creditsPosted: 1_000_000,
    });
    const refunded = await credit.refundCredit({
      idempotencyKey: 'refund-1',
      lineId: 'L-1',
      amount: '700.00',
    });
    expect(refunded.line.credit.amount).toBe('0.00');
    expect(
      (await refusal(credit.refundCredit({ idempotencyKey: 'refund-2', lineId: 'L-1', amount: '0.01' })))
        .code,
    ).toBe('CREDIT_BALANCE_INSUFFICIENT');

    // The purchase loan falls due 03-31 and is not paid: interest to then on 9,965.23 (19.93), then
    // 31 days of penalty (92.68 on principal, 0.19 on interest); 31 days past due freezes the line
    clock.set('2026-05-01T02:00:00.000Z');
    const may1 = await credit.closeDay({ idempotencyKey: 'eod-0501', lineId: 'L-1' });
    expect(may1).toMatchObject({ interest: '19.93', penalty: '92.87', daysPastDue: 31, bucket: 'M2' });
    expect(may1.freeze).toMatchObject({ action: 'freeze', rule: 'DPD_PAST_THRESHOLD' });
    expect(may1.line).toMatchObject({
      status: 'frozen',
      freeze: { automatic: true },
      available: { amount: '0.00' },
    });
    expect(
      (
        await refusal(
          credit.draw({ idempotencyKey: 'co-2', lineId: 'L-1', product: 'purchase', amount: '1.00' }),
        )
      ).code,
    ).toBe('LINE_FROZEN');

    // Paying it all cures the arrears and lifts the automatic freeze
    const cured = await credit.repay({ idempotencyKey: 'bank-0002', lineId: 'L-1', amount: '10078.03' });
    expect(cured.line).toMatchObject({
      status: 'active',
      owed: { amount: '0.00' },
      credit: { amount: '0.00' },
      available: { amount: '50000.00' },
    });
    expect(cured.events.map((event) => event.type)).toEqual(['credit.repaid', 'credit.unfrozen']);

    // Every event reached onEvent once, in order, and the outbox has the same
    const types = heard.map((event) => event.type);
    expect(types).toEqual([
      'credit.line_opened',
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
    ]);
    const outbox = await storage.events.since(null, 1000);
    expect(outbox.events.map((event) => event.type)).toEqual(types);

    // The ledger balances, rebuilds from its log, and the platform got back what it lent plus
    // interest 76.73, penalty 101.30 and the 300.00 fee
    const accounts = await storage.credit.listAccounts();
    expect(trialBalance(accounts).balanced).toBe(true);
    const rebuilt = balancesFromTransfers(await storage.credit.listTransfers({ limit: 10_000 }));
    for (const account of accounts) {
      const { debitsPending, debitsPosted, creditsPending, creditsPosted } = account;
      expect({ debitsPending, debitsPosted, creditsPending, creditsPosted }).toEqual(rebuilt.get(account.id));
    }
    const funding = (await storage.credit.getAccount(platformAccountId('CNY', 'funding')))!;
    expect(funding.debitsPosted - funding.creditsPosted).toBe(7_673 + 10_130 + 30_000);
    expect(await storage.credit.getAccount(platformAccountId('CNY', 'interest-income'))).toMatchObject({
      creditsPosted: 7_673,
    });
    expect(await storage.credit.getAccount(platformAccountId('CNY', 'penalty-income'))).toMatchObject({
      creditsPosted: 10_130,
    });

    // The statement of March: opening zero, closing what was owed on 03-31, entries that add up
    const march = await credit.statement({ lineId: 'L-1', from: '2026-03-01', to: '2026-03-31' });
    expect(march.opening).toMatchObject({ owed: '0.00', limit: '0.00' });
    expect(march.closing).toMatchObject({
      principal: '9965.23',
      interest: '0.00',
      penalty: '0.00',
      owed: '9965.23',
      credit: '0.00',
      limit: '50000.00',
      pending: '0.00',
      invoices: '0.00',
    });
    expect(march.totals).toEqual({
      drawn: '24600.00',
      interest: '56.80',
      penalty: '8.43',
      fees: '300.00',
      repaid: '15000.00',
      overpaid: '700.00',
      creditApplied: '0.00',
      refunded: '700.00',
    });
    const april = await credit.statement({ lineId: 'L-1', from: '2026-04-01', to: '2026-05-31' });
    expect(april.opening).toEqual(march.closing);
    expect(april.closing.owed).toBe('0.00');
  });

  it('releases holds that are cancelled or time out, each once', async () => {
    const { clock, credit } = setup();
    await openL1(credit);
    const a = await credit.draw({
      idempotencyKey: 'h-a',
      lineId: 'L-1',
      product: 'purchase',
      amount: '3000.00',
      hold: true,
    });
    const b = await credit.draw({
      idempotencyKey: 'h-b',
      lineId: 'L-1',
      product: 'purchase',
      amount: '2000.00',
      hold: { timeoutSeconds: 60 },
    });
    const cancelled = await credit.cancelDraw({
      idempotencyKey: 'c-a',
      drawingId: a.drawing.id,
      reason: 'order cancelled',
    });
    expect(cancelled.drawing.status).toBe('voided');
    expect(
      (await refusal(credit.confirmDraw({ idempotencyKey: 'p-a', drawingId: a.drawing.id }))).details,
    ).toMatchObject({
      status: 'voided',
    });
    clock.advance(60_000);
    // timed out: refused even before the sweep runs
    expect((await refusal(credit.confirmDraw({ idempotencyKey: 'p-b', drawingId: b.drawing.id }))).code).toBe(
      'HOLD_EXPIRED',
    );
    const swept = await credit.expireHolds({ idempotencyKey: 'sweep-1' });
    expect(swept.expired.map((d) => [d.id, d.status])).toEqual([[b.drawing.id, 'expired']]);
    expect(swept.events[0]).toMatchObject({ type: 'credit.hold_expired', payload: { amount: '2000.00' } });
    expect((await credit.expireHolds({ idempotencyKey: 'sweep-2' })).expired).toEqual([]);
    expect(await credit.getLine('L-1')).toMatchObject({
      pending: { amount: '0.00' },
      available: { amount: '50000.00' },
    });
    const direct = await credit.draw({
      idempotencyKey: 'd-1',
      lineId: 'L-1',
      product: 'purchase',
      amount: '1.00',
    });
    expect(
      (await refusal(credit.cancelDraw({ idempotencyKey: 'c-d', drawingId: direct.drawing.id }))).code,
    ).toBe('DRAWING_NOT_HELD');
  });

  it('replays keys without moving money, refuses another payload, and keeps a limit refusal refused', async () => {
    const { storage, credit } = setup();
    await openL1(credit);
    const first = await credit.draw({
      idempotencyKey: 'k-1',
      lineId: 'L-1',
      product: 'purchase',
      amount: '30000.00',
    });
    const before = await storage.credit.listTransfers();
    const replay = await credit.draw({
      idempotencyKey: 'k-1',
      lineId: 'L-1',
      product: 'purchase',
      amount: '30000.00',
    });
    expect(replay).toMatchObject({ replayed: true, drawing: { id: first.drawing.id } });
    expect(replay.drawing).toEqual(first.drawing);
    expect(await storage.credit.listTransfers()).toEqual(before);
    expect(
      (
        await refusal(
          credit.draw({ idempotencyKey: 'k-1', lineId: 'L-1', product: 'purchase', amount: '1.00' }),
        )
      ).code,
    ).toBe('IDEMPOTENCY_CONFLICT');

    const tooMuch = await refusal(
      credit.draw({ idempotencyKey: 'k-2', lineId: 'L-1', product: 'purchase', amount: '20000.01' }),
    );
    expect(tooMuch).toMatchObject({
      code: 'CREDIT_LIMIT_EXCEEDED',
      details: { available: 2_000_000, requested: 2_000_001, limit: 5_000_000, drawn: 3_000_000 },
    });
    await credit.repay({ idempotencyKey: 'r-1', lineId: 'L-1', amount: '30000.00' });
    const stillRefused = await refusal(
      credit.draw({ idempotencyKey: 'k-2', lineId: 'L-1', product: 'purchase', amount: '20000.01' }),
    );
    expect(stillRefused).toMatchObject({ code: 'CREDIT_LIMIT_EXCEEDED', details: { replayed: true } });
    // a new key is a new draw
    await credit.draw({ idempotencyKey: 'k-3', lineId: 'L-1', product: 'purchase', amount: '20000.01' });
  });

  it('cuts a limit below what is drawn: draws stop until repayments bring it under', async () => {
    const { credit } = setup();
    await openL1(credit);
    await credit.draw({ idempotencyKey: 'd', lineId: 'L-1', product: 'purchase', amount: '40000.00' });
    const cut = await credit.changeLimit({
      idempotencyKey: 'cut',
      lineId: 'L-1',
      limit: '30000.00',
      reason: 'review',
    });
    expect(cut.line).toMatchObject({ limit: { amount: '30000.00' }, available: { amount: '0.00' } });
    expect(cut.events[0]).toMatchObject({
      type: 'credit.limit_changed',
      payload: { from: '50000.00', to: '30000.00' },
    });
    expect(
      (
        await refusal(
          credit.draw({ idempotencyKey: 'd2', lineId: 'L-1', product: 'purchase', amount: '0.01' }),
        )
      ).code,
    ).toBe('CREDIT_LIMIT_EXCEEDED');
    await credit.repay({ idempotencyKey: 'r', lineId: 'L-1', amount: '15000.00' });
    expect(await credit.getLine('L-1')).toMatchObject({
      drawn: { amount: '25000.00' },
      available: { amount: '5000.00' },
    });
    await credit.draw({ idempotencyKey: 'd3', lineId: 'L-1', product: 'purchase', amount: '5000.00' });
  });

  it('freezes by hand, keeps a person’s freeze through a cure, and unfreezes by hand', async () => {
    const { credit } = setup();
    await openL1(credit);
    const frozen = await credit.freeze({ idempotencyKey: 'f', lineId: 'L-1', reason: 'KYC review' });
    expect(frozen.line).toMatchObject({
      status: 'frozen',
      freeze: { automatic: false, reason: 'KYC review' },
    });
    expect((await credit.freeze({ idempotencyKey: 'f2', lineId: 'L-1', reason: 'again' })).events).toEqual(
      [],
    );
    // repaying on a frozen line is fine and does not lift a person's freeze
    const closed = await credit.closeDay({ idempotencyKey: 'eod', lineId: 'L-1' });
    expect(closed.freeze.rule).toBe('MANUAL_FREEZE_KEPT');
    const unfrozen = await credit.unfreeze({ idempotencyKey: 'u', lineId: 'L-1', reason: 'cleared' });
    expect(unfrozen.line.status).toBe('active');
    expect((await refusal(credit.unfreeze({ idempotencyKey: 'u2', lineId: 'L-1', reason: 'x' }))).code).toBe(
      'LINE_NOT_FROZEN',
    );
  });

  it('applies the merchant’s credit to what is due on request', async () => {
    const { credit } = setup();
    await openL1(credit);
    await credit.draw({ idempotencyKey: 'd', lineId: 'L-1', product: 'purchase', amount: '100.00' });
    const over = await credit.repay({ idempotencyKey: 'r', lineId: 'L-1', amount: '150.00' });
    expect(over.allocation.credit).toBe('50.00');
    await credit.draw({ idempotencyKey: 'd2', lineId: 'L-1', product: 'purchase', amount: '80.00' });
    const used = await credit.repay({
      idempotencyKey: 'r2',
      lineId: 'L-1',
      amount: '50.00',
      source: 'credit',
    });
    expect(used.allocation).toEqual({
      amount: '50.00',
      applied: { penalty: '0.00', fees: '0.00', interest: '0.00', principal: '50.00' },
      credit: '0.00',
    });
    expect(used.line).toMatchObject({ credit: { amount: '0.00' }, drawn: { amount: '30.00' } });
    expect(
      (await refusal(credit.repay({ idempotencyKey: 'r3', lineId: 'L-1', amount: '0.01', source: 'credit' })))
        .code,
    ).toBe('CREDIT_BALANCE_INSUFFICIENT');
  });
});

describe('the credit service refuses bad input before writing anything', () => {
  it('names the field', async () => {
    const { storage, credit } = setup();
    await openL1(credit);
    const cases: [Promise<unknown>, (string | number)[]][] = [
      [credit.openLine({ idempotencyKey: 'x', lineId: 'L-2', merchantId: 'M', limit: '-1' }), ['limit']],
      [
        credit.openLine({
          idempotencyKey: 'x',
          lineId: 'L-2',
          merchantId: 'M',
          limit: '1',
          terms: { penaltyMarkup: '0.6' },
        }),
        ['terms', 'penaltyMarkup'],
      ],
      [
        credit.openLine({ idempotencyKey: 'x', lineId: 'L-2', merchantId: 'M', limit: '1', currency: 'XXX' }),
        ['currency'],
      ],
      [credit.draw({ idempotencyKey: 'x', lineId: 'L-1', product: 'purchase', amount: '1.001' }), ['amount']],
      [
        credit.draw({ idempotencyKey: 'x', lineId: 'L-1', product: 'purchase', amount: 100 as never }),
        ['amount'],
      ],
      [
        credit.draw({ idempotencyKey: 'x', lineId: 'L-1', product: 'lease' as never, amount: '1' }),
        ['product'],
      ],
      [
        credit.draw({
          idempotencyKey: 'x',
          lineId: 'L-1',
          product: 'order',
          orderValue: '10',
          advanceRate: '1.5',
        }),
        ['advanceRate'],
      ],
      [
        credit.draw({
          idempotencyKey: 'x',
          lineId: 'L-1',
          product: 'purchase',
          amount: '1',
          dueDate: '2026-04-01',
          tenorDays: 3,
        }),
        ['tenorDays'],
      ],
      [
        credit.repay({
          idempotencyKey: 'x',
          lineId: 'L-1',
          amount: '1',
          order: ['fees', 'fees', 'interest', 'principal'],
        }),
        ['order'],
      ],
      // Text that is not a decimal names its own field (the amount checks never see it).
      [credit.openLine({ idempotencyKey: 'x', lineId: 'L-2', merchantId: 'M', limit: 'lots' }), ['limit']],
      [credit.repay({ idempotencyKey: 'x', lineId: 'L-1', amount: '1e5' }), ['amount']],
      [credit.closeDay({ idempotencyKey: 'x', lineId: 'L-1', asOf: '2026-02-30' }), ['asOf']],
      [credit.statement({ lineId: 'L-1', from: '2026-03-02', to: '2026-03-01' }), ['to']],
      [credit.confirmDraw({ idempotencyKey: '', drawingId: 'D' }), ['idempotencyKey']],
    ];
    const before = await storage.credit.listTransfers();
    for (const [promise, path] of cases) {
      const error = await refusal(promise);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as unknown as ValidationError).issues[0]?.path).toEqual(path);
    }
    expect(await storage.credit.listTransfers()).toEqual(before);
  });

  it('refuses business rules with documented codes', async () => {
    const { clock, credit } = setup();
    await openL1(credit);
    expect(
      (await refusal(credit.openLine({ idempotencyKey: 'o2', lineId: 'L-1', merchantId: 'M', limit: '1' })))
        .code,
    ).toBe('LINE_EXISTS');
    expect(
      (await refusal(credit.draw({ idempotencyKey: 'a', lineId: 'nope', product: 'purchase', amount: '1' })))
        .code,
    ).toBe('LINE_NOT_FOUND');
    expect(
      (
        await refusal(
          credit.draw({
            idempotencyKey: 'b',
            lineId: 'L-1',
            product: 'order',
            orderValue: '100.00',
            amount: '70.01',
          }),
        )
      ).code,
    ).toBe('ADVANCE_EXCEEDED');
    expect(
      (
        await refusal(
          credit.draw({
            idempotencyKey: 'c',
            lineId: 'L-1',
            product: 'receivables',
            invoiceAmount: '100',
            dueDate: '2026-03-01',
          }),
        )
      ).code,
    ).toBe('DATE_BEFORE_DRAWING');
    expect((await refusal(credit.confirmDraw({ idempotencyKey: 'd', drawingId: 'nope' }))).code).toBe(
      'DRAWING_NOT_FOUND',
    );
    expect(
      (await refusal(credit.closeDay({ idempotencyKey: 'e', lineId: 'L-1', asOf: '2026-03-02' }))).code,
    ).toBe('CLOSE_DAY_OUT_OF_ORDER');
    clock.advance(DAY);
    await credit.draw({ idempotencyKey: 'f', lineId: 'L-1', product: 'purchase', amount: '10.00' });
    expect(
      (await refusal(credit.closeDay({ idempotencyKey: 'g', lineId: 'L-1', asOf: '2026-03-01' }))).code,
    ).toBe('CLOSE_DAY_OUT_OF_ORDER');
    expect(
      (await refusal(credit.repay({ idempotencyKey: 'h', lineId: 'L-1', amount: '1', drawingId: 'nope' })))
        .code,
    ).toBe('DRAWING_NOT_FOUND');
  });
});
