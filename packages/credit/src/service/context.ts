import { type JsonValue, Money, type MoneyJson, ValidationError } from '@s2b2b/core';
import { MAX_LEDGER_AMOUNT } from '../ledger/accounts.js';
import type { TransferDraft, TransferMeta } from '../ledger/transfers.js';
import type { CreditEvent, CreditEventPayloads, CreditEventType } from './events.js';

/**
 * What a command handler knows besides its input: when it runs, which command it is, and where
 * new ids come from.
 *
 * @example
 * const ctx: CommandContext = { now: new Date(), scope: 'credit.draw', key: 'k-1', nextId: () => crypto.randomUUID() };
 */
export interface CommandContext {
  now: Date;
  scope: string;
  key: string;
  nextId(): string;
}

/**
 * A typed credit event with a fresh id at the command's time, about a line.
 *
 * @example
 * creditEvent(ctx, 'credit.refunded', { lineId: 'L-1', currency: 'CNY', amount: '700.00', reference: null })
 */
export function creditEvent<K extends CreditEventType>(
  ctx: CommandContext,
  type: K,
  payload: CreditEventPayloads[K],
): CreditEvent {
  return {
    id: ctx.nextId(),
    type,
    occurredAt: ctx.now,
    aggregateId: payload.lineId,
    payload: payload as unknown as JsonValue,
  } as CreditEvent;
}

/**
 * The meta of a transfer the command writes.
 *
 * @example
 * transferMeta(ctx, 'repayment', 'L-1', 'D-1', 'bank-0001')
 */
export function transferMeta(
  ctx: CommandContext,
  code: string,
  lineId: string,
  drawingId: string | null,
  reference: string | null,
): TransferMeta {
  return {
    code,
    lineId,
    drawingId,
    reference,
    commandScope: ctx.scope,
    commandKey: ctx.key,
    occurredAt: ctx.now,
  };
}

/**
 * A single (posted) transfer of the command.
 *
 * @example
 * singleTransfer(ctx, { debit: 'platform:CNY:funding', credit: 'line:L-1:interest', amount: 1250, code: 'repayment', lineId: 'L-1' })
 */
export function singleTransfer(
  ctx: CommandContext,
  fields: {
    debit: string;
    credit: string;
    amount: number;
    code: string;
    lineId: string;
    drawingId?: string | null;
    reference?: string | null;
  },
): TransferDraft {
  return {
    kind: 'single',
    id: ctx.nextId(),
    debitAccountId: fields.debit,
    creditAccountId: fields.credit,
    amount: fields.amount,
    ...transferMeta(ctx, fields.code, fields.lineId, fields.drawingId ?? null, fields.reference ?? null),
  };
}

/**
 * A decimal amount in a currency as whole minor units, refusing fractions of the minor unit
 * (`ValidationError` on `field`) and amounts past 2^53 - 1 minor units.
 *
 * @example
 * toMinor('1200.50', 'CNY') // 120050
 */
export function toMinor(
  amount: string,
  currency: string,
  field: string | (string | number)[] = 'amount',
): number {
  const money = Money.of(amount, currency);
  if (!money.isRoundedToMinor()) {
    throw ValidationError.field(
      field,
      `Expected whole minor units of ${currency} (${money.currency.minorDigits} decimals), got ${amount}`,
      'invalid_precision',
    );
  }
  const minor = money.toMinorUnits();
  if (minor > BigInt(MAX_LEDGER_AMOUNT)) {
    throw ValidationError.field(field, 'Expected at most 2^53 - 1 minor units', 'too_big');
  }
  return Number(minor);
}

/**
 * Whole minor units as a decimal string of the currency (`'1200.50'`).
 *
 * @example
 * fromMinor(120050, 'CNY') // '1200.50'
 */
export function fromMinor(minor: number, currency: string): string {
  return Money.fromMinor(minor, currency).toDecimalString();
}

/**
 * Whole minor units as money JSON.
 *
 * @example
 * moneyOf(120050, 'CNY') // { amount: '1200.50', currency: 'CNY' }
 */
export function moneyOf(minor: number, currency: string): MoneyJson {
  return { amount: fromMinor(minor, currency), currency };
}
