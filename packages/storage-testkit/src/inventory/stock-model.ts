/**
 * A serial reference model of the stock rules, written independently of the service and the
 * adapters: plain maps, one command at a time, all-or-nothing. The conformance suite runs the
 * same commands through an adapter and compares every outcome and every final position.
 */

/**
 * What one model command ended with: success, or the `DomainError` code the service must throw.
 *
 * @example
 * const outcome: ModelOutcome = { ok: false, code: 'INSUFFICIENT_STOCK' };
 */
export type ModelOutcome = { ok: true } | { ok: false; code: string };

interface Counts {
  onHand: number;
  reserved: number;
  inTransit: number;
  onOrder: number;
}

interface Line {
  warehouseId: string;
  sku: string;
  open: number;
}

interface Document {
  kind: 'reservation' | 'transfer' | 'purchase-order';
  lines: Line[];
}

const fail = (code: string): ModelOutcome => ({ ok: false, code });
const OK: ModelOutcome = { ok: true };

/**
 * The model. Warehouse ids and SKUs must be ASCII, so `<` is the key order.
 *
 * @example
 * const model = new StockModel({ A: false, B: true });
 * model.receive('A', 'TEA', 10); model.reserve('r-1', [{ warehouseId: 'A', sku: 'TEA', quantity: 4 }]);
 */
export class StockModel {
  readonly #allowNegative: Map<string, boolean>;
  readonly #positions = new Map<string, Counts>();
  readonly #documents = new Map<string, Document>();

  constructor(warehouses: Record<string, boolean>) {
    this.#allowNegative = new Map(Object.entries(warehouses));
  }

  /** Every position that has ever been touched, as `{ warehouseId, sku, ...counts, available }`, in key order. */
  positions() {
    return [...this.#positions.entries()]
      .map(([id, counts]) => {
        const [warehouseId, sku] = id.split('|') as [string, string];
        return { warehouseId, sku, ...counts, available: counts.onHand - counts.reserved };
      })
      .sort((a, b) => (a.warehouseId + '|' + a.sku < b.warehouseId + '|' + b.sku ? -1 : 1));
  }

  /** The open lines of a document, in key order, or `undefined`. */
  openLines(kind: Document['kind'], id: string): Line[] | undefined {
    return this.#documents.get(`${kind}|${id}`)?.lines.map((line) => ({ ...line }));
  }

  receive(warehouseId: string, sku: string, quantity: number, purchaseOrderId?: string): ModelOutcome {
    let cleared = 0;
    if (purchaseOrderId !== undefined) {
      const order = this.#documents.get(`purchase-order|${purchaseOrderId}`);
      if (!order) return fail('PURCHASE_ORDER_NOT_FOUND');
      const line = order.lines.find((l) => l.warehouseId === warehouseId && l.sku === sku);
      if (!line) return fail('LINE_NOT_FOUND');
      cleared = Math.min(quantity, line.open);
      line.open -= cleared;
    }
    const p = this.#position(warehouseId, sku);
    p.onHand += quantity;
    p.onOrder -= cleared;
    return OK;
  }

  adjust(warehouseId: string, sku: string, delta: number): ModelOutcome {
    if (!this.#canShip(warehouseId, sku, -delta)) return fail('INSUFFICIENT_STOCK');
    this.#position(warehouseId, sku).onHand += delta;
    return OK;
  }

  placePurchaseOrder(id: string, warehouseId: string, sku: string, quantity: number): ModelOutcome {
    if (this.#documents.has(`purchase-order|${id}`)) return fail('PURCHASE_ORDER_EXISTS');
    this.#documents.set(`purchase-order|${id}`, {
      kind: 'purchase-order',
      lines: [{ warehouseId, sku, open: quantity }],
    });
    this.#position(warehouseId, sku).onOrder += quantity;
    return OK;
  }

  closePurchaseOrder(id: string): ModelOutcome {
    const order = this.#documents.get(`purchase-order|${id}`);
    if (!order) return fail('PURCHASE_ORDER_NOT_FOUND');
    if (order.lines.every((line) => line.open === 0)) return fail('PURCHASE_ORDER_CLOSED');
    for (const line of order.lines) {
      this.#position(line.warehouseId, line.sku).onOrder -= line.open;
      line.open = 0;
    }
    return OK;
  }

  /** A reservation of fixed allocations (what a single-warehouse reserve or a sourcing plan asks for). */
  reserve(id: string, allocations: { warehouseId: string; sku: string; quantity: number }[]): ModelOutcome {
    for (const a of allocations) {
      if (Math.max(0, this.#available(a.warehouseId, a.sku)) < a.quantity) return fail('INSUFFICIENT_STOCK');
    }
    if (this.#documents.has(`reservation|${id}`)) return fail('RESERVATION_EXISTS');
    for (const a of allocations) this.#position(a.warehouseId, a.sku).reserved += a.quantity;
    this.#documents.set(`reservation|${id}`, {
      kind: 'reservation',
      lines: allocations
        .map((a) => ({ warehouseId: a.warehouseId, sku: a.sku, open: a.quantity }))
        .sort(byKey),
    });
    return OK;
  }

  /** `nearest` over warehouses already in distance order: fill from the first, then the next. */
  reserveNearest(id: string, warehouses: string[], sku: string, quantity: number): ModelOutcome {
    let left = quantity;
    const allocations: { warehouseId: string; sku: string; quantity: number }[] = [];
    for (const warehouseId of warehouses) {
      const units = Math.min(left, Math.max(0, this.#available(warehouseId, sku)));
      if (units > 0) allocations.push({ warehouseId, sku, quantity: units });
      left -= units;
    }
    if (left > 0) return fail('INSUFFICIENT_STOCK');
    return this.reserve(id, allocations);
  }

  /** Release (`ship` false) or fulfil (`ship` true) all that is open, or `quantity` of one SKU. */
  settleReservation(id: string, ship: boolean, partial?: { sku: string; quantity: number }): ModelOutcome {
    const reservation = this.#documents.get(`reservation|${id}`);
    if (!reservation) return fail('RESERVATION_NOT_FOUND');
    const take = this.#take(reservation, partial);
    if (!take.ok) return take.outcome;
    for (const { line, units } of take.units) {
      const p = this.#position(line.warehouseId, line.sku);
      p.reserved -= units;
      if (ship) p.onHand -= units;
      line.open -= units;
    }
    return OK;
  }

  transferOut(id: string, from: string, to: string, sku: string, quantity: number): ModelOutcome {
    if (this.#documents.has(`transfer|${id}`)) return fail('TRANSFER_EXISTS');
    if (!this.#canShip(from, sku, quantity)) return fail('INSUFFICIENT_STOCK');
    this.#position(from, sku).onHand -= quantity;
    this.#position(to, sku).inTransit += quantity;
    this.#documents.set(`transfer|${id}`, {
      kind: 'transfer',
      lines: [{ warehouseId: to, sku, open: quantity }],
    });
    return OK;
  }

  transferIn(id: string, quantity: number | undefined, closeShort: boolean): ModelOutcome {
    const transfer = this.#documents.get(`transfer|${id}`);
    if (!transfer) return fail('TRANSFER_NOT_FOUND');
    const line = transfer.lines[0]!;
    const received = quantity ?? line.open;
    if (quantity === undefined && line.open === 0) return fail('TRANSFER_CLOSED');
    if (received > line.open) return fail('EXCEEDS_OPEN_QUANTITY');
    const lost = closeShort ? line.open - received : 0;
    const p = this.#position(line.warehouseId, line.sku);
    p.onHand += received;
    p.inTransit -= received + lost;
    line.open -= received + lost;
    return OK;
  }

  #take(
    document: Document,
    partial: { sku: string; quantity: number } | undefined,
  ): { ok: true; units: { line: Line; units: number }[] } | { ok: false; outcome: ModelOutcome } {
    const closed = document.kind === 'reservation' ? 'RESERVATION_CLOSED' : 'TRANSFER_CLOSED';
    if (!partial) {
      const open = document.lines.filter((line) => line.open > 0);
      if (open.length === 0) return { ok: false, outcome: fail(closed) };
      return { ok: true, units: open.map((line) => ({ line, units: line.open })) };
    }
    const lines = document.lines.filter((line) => line.sku === partial.sku);
    if (lines.length === 0) return { ok: false, outcome: fail('LINE_NOT_FOUND') };
    if (lines.reduce((sum, line) => sum + line.open, 0) < partial.quantity) {
      return { ok: false, outcome: fail('EXCEEDS_OPEN_QUANTITY') };
    }
    let left = partial.quantity;
    const units: { line: Line; units: number }[] = [];
    for (const line of lines) {
      const n = Math.min(left, line.open);
      if (n > 0) units.push({ line, units: n });
      left -= n;
    }
    return { ok: true, units };
  }

  /** Whether `quantity` unreserved units may leave: available stays >= 0, or the warehouse allows negative stock. */
  #canShip(warehouseId: string, sku: string, quantity: number): boolean {
    if (quantity <= 0) return true;
    return this.#allowNegative.get(warehouseId) === true || this.#available(warehouseId, sku) - quantity >= 0;
  }

  #available(warehouseId: string, sku: string): number {
    const p = this.#positions.get(`${warehouseId}|${sku}`);
    return p ? p.onHand - p.reserved : 0;
  }

  #position(warehouseId: string, sku: string): Counts {
    const id = `${warehouseId}|${sku}`;
    let p = this.#positions.get(id);
    if (!p) {
      p = { onHand: 0, reserved: 0, inTransit: 0, onOrder: 0 };
      this.#positions.set(id, p);
    }
    return p;
  }
}

function byKey(a: Line, b: Line): number {
  const x = `${a.warehouseId}|${a.sku}`;
  const y = `${b.warehouseId}|${b.sku}`;
  return x < y ? -1 : x > y ? 1 : 0;
}
