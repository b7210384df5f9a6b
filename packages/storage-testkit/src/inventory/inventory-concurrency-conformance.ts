import { createRng } from '@s2b2b/core';
import type { InventoryStorage, StockCommandResult } from '@s2b2b/inventory';
import { expect, it } from 'vitest';
import { endCursor, inParallel, readAll, uniqueName } from '../fixtures.js';
import { expectLedgerMatches, outcomeCode, stockScenario } from './inventory-fixtures.js';
import { StockModel } from './stock-model.js';

/**
 * Options of the inventory concurrency tests.
 *
 * @example
 * const options: InventoryConcurrencyOptions = { reservations: 500, parallelism: 80 };
 */
export interface InventoryConcurrencyOptions {
  /** Parallel reservations against one position (default 200). */
  reservations?: number;
  /** Parallel commands in the idempotency and settle tests (default 50). */
  parallelism?: number;
}

/**
 * Commands fired in parallel against the invariants: hundreds of reservations against one
 * position (a serial model must agree on how many succeed), multi-warehouse reservations and
 * crossing transfers (no deadlock, no oversell), replays of one key, and settles of one
 * reservation. Registers its tests in the caller's `describe`.
 *
 * @example
 * describe('my adapter: inventory', () => { inventoryConcurrencyContract(() => storage, { reservations: 300 }); });
 */
export function inventoryConcurrencyContract(
  storage: () => InventoryStorage,
  options: InventoryConcurrencyOptions = {},
): void {
  const n = options.reservations ?? 200;
  const parallelism = options.parallelism ?? 50;

  it(`lets exactly as many of ${n} parallel one-unit reservations succeed as a serial run would`, async () => {
    const {
      service,
      warehouses: [a],
      sku,
      key,
    } = await stockScenario(storage(), 1);
    const tea = sku('tea');
    const onHand = Math.floor((n * 3) / 5);
    await service.receive({
      idempotencyKey: key(),
      warehouseId: a!,
      lines: [{ sku: tea, quantity: onHand }],
    });
    const results = await inParallel(n, (index) =>
      service.reserve({
        idempotencyKey: key(),
        orderId: `o-${index}`,
        warehouseId: a!,
        lines: [{ sku: tea, quantity: 1 }],
      }),
    );
    const model = new StockModel({ [a!]: false });
    model.receive(a!, tea, onHand);
    const oracle = Array.from({ length: n }, (_, index) =>
      model.reserve(`r-${index}`, [{ warehouseId: a!, sku: tea, quantity: 1 }]),
    ).filter((outcome) => outcome.ok).length;
    const codes = results.map(outcomeCode);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(oracle);
    expect(new Set(codes.filter((code) => code !== 'ok'))).toEqual(new Set(['INSUFFICIENT_STOCK']));
    expect(await service.getPosition(a!, tea)).toMatchObject({ onHand, reserved: onHand, available: 0 });
    await expectLedgerMatches(storage(), [a!]);
  });

  it(`never oversells under ${n} parallel reservations of mixed sizes`, async () => {
    const {
      service,
      warehouses: [a],
      sku,
      key,
    } = await stockScenario(storage(), 1);
    const tea = sku('tea');
    const rng = createRng('mixed-sizes');
    const quantities = Array.from({ length: n }, () => rng.int(1, 5));
    const onHand = Math.floor(quantities.reduce((s, q) => s + q, 0) / 2);
    await service.receive({
      idempotencyKey: key(),
      warehouseId: a!,
      lines: [{ sku: tea, quantity: onHand }],
    });
    const results = await inParallel(n, (index) =>
      service.reserve({
        idempotencyKey: key(),
        orderId: `o-${index}`,
        warehouseId: a!,
        lines: [{ sku: tea, quantity: quantities[index]! }],
      }),
    );
    const codes = results.map(outcomeCode);
    const position = (await service.getPosition(a!, tea))!;
    const reserved = quantities.filter((_, index) => codes[index] === 'ok').reduce((s, q) => s + q, 0);
    expect(position.reserved).toBe(reserved);
    expect(position.reserved).toBeLessThanOrEqual(onHand);
    // Availability only fell, so a refused order asked for more than what is left even now.
    quantities.forEach((quantity, index) => {
      if (codes[index] !== 'ok') {
        expect(codes[index]).toBe('INSUFFICIENT_STOCK');
        expect(quantity).toBeGreaterThan(position.available);
      }
    });
    // Replayed serially in ledger order, the successful reservations all fit.
    const model = new StockModel({ [a!]: false });
    model.receive(a!, tea, onHand);
    const ledger = await storage().inventory.listMovements({ warehouseId: a!, sku: tea, limit: 10_000 });
    for (const movement of ledger.filter((m) => m.kind === 'reservation')) {
      expect(
        model.reserve(movement.documentId!, [
          { warehouseId: a!, sku: tea, quantity: movement.reservedDelta },
        ]),
      ).toEqual({
        ok: true,
      });
    }
    await expectLedgerMatches(storage(), [a!]);
  });

  it('never deadlocks or oversells with multi-warehouse reservations and crossing transfers in parallel', async () => {
    const { service, warehouses, sku, key } = await stockScenario(storage(), 3);
    const [x, y] = [sku('x'), sku('y')];
    for (const warehouseId of warehouses) {
      await service.receive({
        idempotencyKey: key(),
        warehouseId,
        lines: [
          { sku: x, quantity: 30 },
          { sku: y, quantity: 30 },
        ],
      });
    }
    const rng = createRng('multi-warehouse');
    const orders = Math.max(20, Math.floor(n / 2));
    type Spec = {
      from: string | null;
      lines: { sku: string; quantity: number }[];
      run: () => Promise<StockCommandResult>;
    };
    const specs: Spec[] = [];
    for (let index = 0; index < orders; index += 1) {
      const candidates = rng
        .shuffle(warehouses)
        .map((warehouseId) => ({ warehouseId, distance: rng.int(1, 50) }));
      const lines = [
        { sku: x, quantity: rng.int(1, 6) },
        { sku: y, quantity: rng.int(1, 6) },
      ];
      const rule = index % 2 === 0 ? ('fewest-splits' as const) : ('nearest' as const);
      specs.push({
        from: null,
        lines,
        run: () =>
          service.reserve({
            idempotencyKey: key(),
            orderId: `o-${index}`,
            lines,
            sourcing: { rule, warehouses: candidates },
          }),
      });
      if (index % 5 === 0) {
        // Transfers both ways between the first two warehouses, lines in both orders.
        const [from, to] =
          index % 10 === 0 ? [warehouses[0]!, warehouses[1]!] : [warehouses[1]!, warehouses[0]!];
        const moved = index % 10 === 0 ? [y, x] : [x, y];
        const transferLines = moved.map((item) => ({ sku: item, quantity: 1 }));
        specs.push({
          from,
          lines: transferLines,
          run: () =>
            service.transferOut({
              idempotencyKey: key(),
              transferId: uniqueName('tr'),
              fromWarehouseId: from,
              toWarehouseId: to,
              lines: transferLines,
            }),
        });
      }
    }
    const results = await inParallel(specs.length, (index) => specs[index]!.run());
    const codes = results.map(outcomeCode);
    for (const code of codes) expect(['ok', 'INSUFFICIENT_STOCK']).toContain(code);
    expect(codes.filter((code) => code === 'ok').length).toBeGreaterThan(0);
    const positions = await expectLedgerMatches(storage(), warehouses);
    const availableOf = (item: string, warehouseId: string | null) =>
      positions
        .filter((p) => p.sku === item && (warehouseId === null || p.warehouseId === warehouseId))
        .reduce((sum, p) => sum + p.available, 0);
    for (const item of [x, y]) {
      const mine = positions.filter((position) => position.sku === item);
      // Stock is conserved (transfers move it into transit), and every reserved unit is on a reservation.
      expect(mine.reduce((s, p) => s + p.onHand + p.inTransit, 0)).toBe(90);
      const onReservations = results.reduce((sum, result) => {
        if (result.status !== 'fulfilled' || result.value.document?.kind !== 'reservation') return sum;
        return (
          sum +
          result.value.document.lines.filter((line) => line.sku === item).reduce((s, l) => s + l.quantity, 0)
        );
      }, 0);
      expect(mine.reduce((s, p) => s + p.reserved, 0)).toBe(onReservations);
    }
    // Nothing made stock available during the run, so a refused command wanted more of some
    // SKU than is available even now (across all warehouses for an order, at the source for a transfer).
    specs.forEach((spec, index) => {
      if (codes[index] === 'ok') return;
      expect(spec.lines.some((line) => line.quantity > availableOf(line.sku, spec.from))).toBe(true);
    });
  });

  it(`executes ${parallelism} parallel replays of one reservation key once`, async () => {
    const {
      service,
      warehouses: [a],
      sku,
      heard,
    } = await stockScenario(storage(), 1);
    const tea = sku('tea');
    await service.receive({
      idempotencyKey: uniqueName('grn'),
      warehouseId: a!,
      lines: [{ sku: tea, quantity: 10 }],
    });
    const before = await endCursor(storage());
    heard.length = 0;
    const input = {
      idempotencyKey: uniqueName('order'),
      orderId: 'o-1',
      warehouseId: a!,
      lines: [{ sku: tea, quantity: 4 }],
    };
    const results = await inParallel(parallelism, () => service.reserve(input));
    const values = results.map((result) => {
      if (result.status === 'rejected') throw result.reason;
      return result.value;
    });
    expect(values.filter((value) => !value.replayed)).toHaveLength(1);
    expect(new Set(values.map((value) => value.document?.id)).size).toBe(1);
    expect(await service.getPosition(a!, tea)).toMatchObject({ reserved: 4, available: 6 });
    expect(
      (await readAll(storage(), before)).filter((event) => event.type === 'stock.reserved'),
    ).toHaveLength(1);
    expect(heard).toHaveLength(1);
    const contested = await inParallel(parallelism, (index) =>
      service.reserve({
        ...input,
        idempotencyKey: `${input.idempotencyKey}-c`,
        lines: [{ sku: tea, quantity: 1 + (index % 2) }],
      }),
    );
    const outcomes = contested.map(outcomeCode);
    expect(outcomes.filter((code) => code !== 'ok').every((code) => code === 'IDEMPOTENCY_CONFLICT')).toBe(
      true,
    );
    expect(
      new Set(contested.flatMap((r) => (r.status === 'fulfilled' ? [r.value.document?.id] : []))).size,
    ).toBe(1);
    await expectLedgerMatches(storage(), [a!]);
  });

  it(`settles one reservation at most once under ${parallelism} parallel fulfilments and partial releases`, async () => {
    const {
      service,
      warehouses: [a],
      sku,
      key,
    } = await stockScenario(storage(), 1);
    const tea = sku('tea');
    await service.receive({ idempotencyKey: key(), warehouseId: a!, lines: [{ sku: tea, quantity: 20 }] });
    const whole = await service.reserve({
      idempotencyKey: key(),
      orderId: 'o-1',
      warehouseId: a!,
      lines: [{ sku: tea, quantity: 10 }],
    });
    const fulfilments = (
      await inParallel(parallelism, () =>
        service.fulfil({ idempotencyKey: key(), reservationId: whole.document!.id }),
      )
    ).map(outcomeCode);
    expect(fulfilments.filter((code) => code === 'ok')).toHaveLength(1);
    expect(new Set(fulfilments.filter((code) => code !== 'ok'))).toEqual(new Set(['RESERVATION_CLOSED']));
    const part = await service.reserve({
      idempotencyKey: key(),
      orderId: 'o-2',
      warehouseId: a!,
      lines: [{ sku: tea, quantity: 5 }],
    });
    const releases = (
      await inParallel(parallelism, () =>
        service.release({
          idempotencyKey: key(),
          reservationId: part.document!.id,
          lines: [{ sku: tea, quantity: 1 }],
        }),
      )
    ).map(outcomeCode);
    expect(releases.filter((code) => code === 'ok')).toHaveLength(5);
    expect(new Set(releases.filter((code) => code !== 'ok'))).toEqual(new Set(['EXCEEDS_OPEN_QUANTITY']));
    expect(await service.getPosition(a!, tea)).toMatchObject({ onHand: 10, reserved: 0, available: 10 });
    await expectLedgerMatches(storage(), [a!]);
  });
}
