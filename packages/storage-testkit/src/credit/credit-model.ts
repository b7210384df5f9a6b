/**
 * A serial reference model of a credit line's principal, written independently of the ledger
 * and the adapters: plain numbers, one command at a time, all-or-nothing. Interest-free (the
 * conformance suite runs it on lines at 0 %), so what is owed is principal only. The suite runs
 * the same commands through an adapter and compares every outcome and the balances after.
 */

/**
 * What one model command ended with: success (with the drawing or hold it made, if any), or the
 * `DomainError` code the service must throw.
 *
 * @example
 * const outcome: CreditModelOutcome = { ok: false, code: 'CREDIT_LIMIT_EXCEEDED' };
 */
export type CreditModelOutcome = { ok: true } | { ok: false; code: string };

interface ModelDrawing {
  id: string;
  status: 'held' | 'active' | 'repaid' | 'voided' | 'expired';
  held: number;
  expiresAt: number | null;
  owed: number;
  /** Order of the due date (all drawings share a tenor here, so the drawing order). */
  order: number;
}

const fail = (code: string): CreditModelOutcome => ({ ok: false, code });
const OK: CreditModelOutcome = { ok: true };

/**
 * The model of one line. Amounts are whole minor units; `now` is milliseconds.
 *
 * @example
 * const model = new CreditModel(100_000);
 * model.draw('D-1', 60_000, null, 0); // { ok: true }
 * model.draw('D-2', 50_000, null, 0); // { ok: false, code: 'CREDIT_LIMIT_EXCEEDED' }
 */
export class CreditModel {
  limit: number;
  frozen = false;
  credit = 0;
  readonly #drawings = new Map<string, ModelDrawing>();
  #count = 0;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Principal paid out and not repaid. */
  drawn(): number {
    let sum = 0;
    for (const d of this.#drawings.values()) if (d.status === 'active') sum += d.owed;
    return sum;
  }

  /** Principal reserved by holds still pending. */
  pending(): number {
    let sum = 0;
    for (const d of this.#drawings.values()) if (d.status === 'held') sum += d.held;
    return sum;
  }

  /** What can still be drawn. */
  available(): number {
    return this.frozen ? 0 : Math.max(0, this.limit - this.drawn() - this.pending());
  }

  /** The status of a drawing, or `undefined`. */
  status(id: string): ModelDrawing['status'] | undefined {
    return this.#drawings.get(id)?.status;
  }

  /** A draw of `amount`, reserved until `expiresAt` (ms) when given, else paid out at once. */
  draw(id: string, amount: number, expiresAt: number | null, _now: number): CreditModelOutcome {
    if (this.frozen) return fail('LINE_FROZEN');
    if (this.drawn() + this.pending() + amount > this.limit) return fail('CREDIT_LIMIT_EXCEEDED');
    this.#count += 1;
    const held = expiresAt !== null;
    this.#drawings.set(id, {
      id,
      status: held ? 'held' : 'active',
      held: held ? amount : 0,
      expiresAt,
      owed: held ? 0 : amount,
      order: this.#count,
    });
    return OK;
  }

  /** Posts `amount` (or all) of a held draw at `now`. */
  confirm(id: string, amount: number | null, now: number): CreditModelOutcome {
    const d = this.#drawings.get(id);
    const check = this.#resolvable(d, now);
    if (check) return check;
    const posted = amount ?? d!.held;
    if (posted > d!.held) return fail('HOLD_AMOUNT_EXCEEDED');
    d!.status = 'active';
    d!.owed = posted;
    d!.held = 0;
    return OK;
  }

  /** Voids a held draw at `now`. */
  cancel(id: string, now: number): CreditModelOutcome {
    const d = this.#drawings.get(id);
    const check = this.#resolvable(d, now);
    if (check) return check;
    d!.status = 'voided';
    d!.held = 0;
    return OK;
  }

  /** Expires every hold due at `now`; returns their ids. */
  expire(now: number): string[] {
    const expired: string[] = [];
    for (const d of this.#drawings.values()) {
      if (d.status === 'held' && d.expiresAt !== null && d.expiresAt <= now) {
        d.status = 'expired';
        d.held = 0;
        expired.push(d.id);
      }
    }
    return expired;
  }

  /** A payment of `amount`: oldest drawing first, the rest to credit. Or from the credit. */
  repay(amount: number, fromCredit: boolean): CreditModelOutcome {
    const owed = this.drawn();
    if (fromCredit) {
      if (owed === 0) return fail('NOTHING_DUE');
      if (Math.min(amount, owed) > this.credit) return fail('CREDIT_BALANCE_INSUFFICIENT');
    }
    let left = amount;
    const open = [...this.#drawings.values()]
      .filter((d) => d.status === 'active')
      .sort((a, b) => a.order - b.order);
    for (const d of open) {
      const take = Math.min(left, d.owed);
      d.owed -= take;
      left -= take;
      if (d.owed === 0) d.status = 'repaid';
    }
    if (fromCredit) this.credit -= amount - left;
    else this.credit += left;
    return OK;
  }

  /** Pays out `amount` of the credit. */
  refund(amount: number): CreditModelOutcome {
    if (amount > this.credit) return fail('CREDIT_BALANCE_INSUFFICIENT');
    this.credit -= amount;
    return OK;
  }

  changeLimit(limit: number): CreditModelOutcome {
    this.limit = limit;
    return OK;
  }

  freeze(): CreditModelOutcome {
    this.frozen = true;
    return OK;
  }

  unfreeze(): CreditModelOutcome {
    if (!this.frozen) return fail('LINE_NOT_FROZEN');
    this.frozen = false;
    return OK;
  }

  #resolvable(d: ModelDrawing | undefined, now: number): CreditModelOutcome | null {
    if (!d) return fail('DRAWING_NOT_FOUND');
    if (d.expiresAt === null) return fail('DRAWING_NOT_HELD');
    if (d.status !== 'held') return fail('HOLD_ALREADY_RESOLVED');
    if (d.expiresAt !== null && d.expiresAt <= now) return fail('HOLD_EXPIRED');
    return null;
  }
}
