// Drives the example backend over real HTTP (listening on port 0, called with fetch) on
// embedded PGlite, and on the PostgreSQL server at S2B2B_PG_URL when it is set (under CI=true
// a missing URL fails the run). Every run uses a fresh schema.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { manualClock } from '@s2b2b/core';
import { balancesFromTransfers, trialBalance } from '@s2b2b/credit';
import { rebuildPositions } from '@s2b2b/inventory';
import { createPromotionsService } from '@s2b2b/promotions';
import type { PostgresStorage } from '@s2b2b/storage-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import type { CatalogInput } from './catalog.js';
import type { Order } from './orders/order.js';
import { type RunningServer, serve } from './serve.js';
import { openStorage } from './storage.js';

/** Fri 2026-03-06 17:00 in Shanghai: the flash sales run all that day. */
const OPENED_AT = '2026-03-06T09:00:00Z';

const CATALOG: CatalogInput = {
  products: [
    {
      sku: 'RICE-5KG',
      name: '五常大米 5 kg',
      unitPrice: '100.00',
      categories: ['grain'],
      supplierId: 'SUP-WC',
    },
    { sku: 'TEA-500G', name: '普洱茶 500 g', unitPrice: '68.00', categories: ['tea'], supplierId: 'SUP-YL' },
    { sku: 'OIL-5L', name: '花生油 5 L', unitPrice: '62.00', categories: ['oil'], supplierId: 'SUP-LH' },
    {
      sku: 'NOODLE-24',
      name: '方便面 24 包',
      unitPrice: '45.00',
      categories: ['snacks'],
      supplierId: 'SUP-LH',
    },
  ],
  promotions: [
    {
      id: 'flash-rice',
      type: 'flash-sale',
      price: '95.00',
      startsAt: '2026-03-06T00:00:00+08:00',
      endsAt: '2026-03-07T00:00:00+08:00',
      stock: 10,
      eligibility: { skus: ['RICE-5KG'] },
    },
    {
      id: 'flash-tea',
      type: 'flash-sale',
      price: '58.00',
      startsAt: '2026-03-06T00:00:00+08:00',
      endsAt: '2026-03-07T00:00:00+08:00',
      stock: 50,
      perCustomerLimit: 2,
      eligibility: { skus: ['TEA-500G'] },
    },
    {
      id: 'flash-noodle',
      type: 'flash-sale',
      price: '39.00',
      startsAt: '2026-03-06T00:00:00+08:00',
      endsAt: '2026-03-07T00:00:00+08:00',
      stock: 5,
      eligibility: { skus: ['NOODLE-24'] },
    },
    { id: 'mj-300', type: 'threshold', tiers: [{ spend: '300', off: '20' }] },
  ],
};

interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
  replayed: string | null;
}

interface Target {
  name: 'pglite' | 'postgres';
  url: string | undefined;
}

const serverUrl = process.env.S2B2B_PG_URL;
const targets: Target[] = [
  { name: 'pglite', url: undefined },
  ...(serverUrl ? [{ name: 'postgres' as const, url: serverUrl }] : []),
];

if (!serverUrl && process.env.CI === 'true') {
  it('has a PostgreSQL server to run on', () => {
    throw new Error('CI=true but S2B2B_PG_URL is not set: the example must be tested on a server');
  });
}

/** What a serial run of the same checkouts places: one unit each, in order, against stock, credit and the flash cap. */
function serialOracle(input: {
  orders: number;
  stock: number;
  limitMinor: number;
  flashUnits: number;
  flashMinor: number;
  listMinor: number;
}) {
  let reserved = 0;
  let held = 0;
  let flashUsed = 0;
  const outcome = { placed: 0, flashPlaced: 0, heldMinor: 0, refusedForStock: 0, refusedForCredit: 0 };
  for (let i = 0; i < input.orders; i += 1) {
    const flash = flashUsed < input.flashUnits;
    const price = flash ? input.flashMinor : input.listMinor;
    if (reserved + 1 > input.stock) outcome.refusedForStock += 1;
    else if (held + price > input.limitMinor) outcome.refusedForCredit += 1;
    else {
      reserved += 1;
      held += price;
      if (flash) flashUsed += 1;
      outcome.placed += 1;
    }
  }
  return { ...outcome, flashPlaced: flashUsed, heldMinor: held };
}

const minor = (amount: string) => Math.round(Number(amount) * 100);

describe.each(targets)('embed-express on $name', (target) => {
  const schema = `shop_t_${randomBytes(6).toString('hex')}`;
  const clock = manualClock(OPENED_AT);
  let storage: PostgresStorage;
  let running: RunningServer;
  let seq = 0;
  const key = (name: string) => {
    seq += 1;
    return `${name}-${seq}`;
  };

  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { body?: unknown; key?: string | null; raw?: string } = {},
  ): Promise<Reply<T>> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.key) headers['idempotency-key'] = options.key;
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const res = await fetch(`${running.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: JSON.parse(text) as T,
      text,
      replayed: res.headers.get('idempotent-replayed'),
    };
  };
  const command = <T = Record<string, unknown>>(method: string, path: string, body: unknown, name = 'cmd') =>
    call<T>(method, path, { body, key: key(name) });
  const position = async (warehouseId: string, sku: string) =>
    (
      await call<{ onHand: number; reserved: number; available: number }>(
        'GET',
        `/stock/${warehouseId}/${sku}`,
      )
    ).body;
  const line = async (id: string) =>
    (
      await call<{
        limit: { amount: string };
        pending: { amount: string };
        drawn: { amount: string };
        available: { amount: string };
      }>('GET', `/credit/lines/${id}`)
    ).body;
  const capUsed = async (capId: string, subject = '') =>
    (
      await call<{ used: number }>(
        'GET',
        `/promotions/caps/${encodeURIComponent(capId)}${subject ? `?subject=${encodeURIComponent(subject)}` : ''}`,
      )
    ).body.used;
  const eventCount = async () => {
    let count = 0;
    let cursor: string | null = null;
    for (;;) {
      const page = await storage.events.since(cursor, 1_000);
      count += page.events.length;
      if (page.events.length === 0) return count;
      cursor = page.cursor;
    }
  };

  beforeAll(async () => {
    storage = await openStorage({ ...(target.url ? { url: target.url } : {}), schema, poolSize: 8 });
    running = await serve({ app: createApp({ storage, clock, catalog: CATALOG }), storage });
    await command('PUT', '/warehouses/WH-SH', { name: '上海 Shanghai hub' });
    await command('PUT', '/warehouses/WH-NJ', { name: '南京 Nanjing' });
    await command('POST', '/stock/receipts', {
      warehouseId: 'WH-SH',
      lines: [
        { sku: 'TEA-500G', quantity: 100 },
        { sku: 'OIL-5L', quantity: 50 },
        { sku: 'NOODLE-24', quantity: 10 },
      ],
      reference: 'GRN-0306-1',
    });
    await command('POST', '/credit/lines', { lineId: 'L-M-1', merchantId: 'M-1', limit: '5000.00' });
  });

  afterAll(async () => {
    await running?.close();
    if (target.url) {
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    }
  });

  it('receives stock and opens a credit line, each command replayable', async () => {
    expect(await position('WH-SH', 'TEA-500G')).toMatchObject({ onHand: 100, reserved: 0, available: 100 });
    const body = { lineId: 'L-M-2', merchantId: 'M-2', limit: '800.00' };
    const first = await call('POST', '/credit/lines', { body, key: 'open-L-M-2' });
    const again = await call('POST', '/credit/lines', { body, key: 'open-L-M-2' });
    expect(first.status).toBe(201);
    expect([first.replayed, again.replayed]).toEqual(['false', 'true']);
    expect(again.text).toBe(first.text);
    expect((await line('L-M-2')).available.amount).toBe('800.00');
    expect((await call('GET', '/credit/lines/L-NONE')).status).toBe(404);
  });

  let happy: Order;

  it('checks out to the cent: flash price, 满300减20 spread by largest remainder, stock reserved, credit held', async () => {
    const events = await eventCount();
    const reply = await command<{ order: Order }>('POST', '/checkout', {
      merchantId: 'M-1',
      creditLineId: 'L-M-1',
      warehouseId: 'WH-SH',
      lines: [
        { sku: 'TEA-500G', quantity: 3 },
        { sku: 'OIL-5L', quantity: 2 },
      ],
    });
    expect(reply.status).toBe(201);
    happy = reply.body.order;
    // TEA 3 × 68.00 = 204.00, OIL 2 × 62.00 = 124.00: 328.00. 秒杀 TEA at 58.00 for 2 units (the
    // per-merchant limit): −20.00, leaving 308.00 ≥ 300, so 满300减20 takes 20.00 spread over
    // 184.00 and 124.00: 2000 × 184 / 308 = 1194.8 and 805.2 cents → 11.95 (largest remainder) and 8.05.
    expect(happy.pricing).toMatchObject({
      subtotal: '328.00',
      discount: '40.00',
      total: '288.00',
      dropped: [],
    });
    expect(happy.pricing.lines.map((l) => [l.sku, l.subtotal, l.discount, l.total])).toEqual([
      ['TEA-500G', '204.00', '31.95', '172.05'],
      ['OIL-5L', '124.00', '8.05', '115.95'],
    ]);
    expect(happy.pricing.lines[0]!.adjustments).toEqual([
      { promotionId: 'flash-tea', amount: '20.00' },
      { promotionId: 'mj-300', amount: '11.95' },
    ]);
    expect(await position('WH-SH', 'TEA-500G')).toMatchObject({ onHand: 100, reserved: 3, available: 97 });
    expect(await position('WH-SH', 'OIL-5L')).toMatchObject({ onHand: 50, reserved: 2, available: 48 });
    expect(await line('L-M-1')).toMatchObject({
      pending: { amount: '288.00' },
      drawn: { amount: '0.00' },
      available: { amount: '4712.00' },
    });
    expect(await capUsed('flash-tea#stock')).toBe(2);
    expect(await capUsed('flash-tea#customer-units', 'M-1')).toBe(2);

    const read = await call<{
      reservation: { lines: { sku: string; open: number }[] };
      drawing: { status: string; requested: { amount: string }; reference: string };
      claim: { entries: { capId: string; amount: number; released: number }[] };
    }>('GET', `/orders/${happy.id}`);
    expect(read.body.reservation.lines.map((l) => [l.sku, l.open])).toEqual([
      ['OIL-5L', 2],
      ['TEA-500G', 3],
    ]);
    expect(read.body.drawing).toMatchObject({
      status: 'held',
      requested: { amount: '288.00' },
      reference: happy.id,
    });
    expect(read.body.claim.entries.map((e) => [e.capId, e.amount, e.released])).toEqual([
      ['flash-tea#customer-units', 2, 0],
      ['flash-tea#stock', 2, 0],
    ]);
    // claim, reserve, hold and the order: one event each at least, all committed
    expect(await eventCount()).toBeGreaterThan(events);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const events = await eventCount();
    const tea = await position('WH-SH', 'TEA-500G');
    const good = {
      merchantId: 'M-1',
      creditLineId: 'L-M-1',
      warehouseId: 'WH-SH',
      lines: [{ sku: 'TEA-500G', quantity: 1 }],
    };

    const zero = await call<{ error: { code: string; field: string } }>('POST', '/checkout', {
      key: 'bad-qty',
      body: { ...good, lines: [{ sku: 'TEA-500G', quantity: 0 }] },
    });
    expect(zero.status).toBe(400);
    expect(zero.body.error).toMatchObject({ code: 'VALIDATION', field: 'lines.0.quantity' });

    const noKey = await call<{ error: { field: string } }>('POST', '/checkout', { body: good, key: null });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.field).toBe('Idempotency-Key');

    const extra = await call<{ error: { field: string } }>('POST', '/checkout', {
      key: 'bad-extra',
      body: { ...good, unitPrice: '0.01' },
    });
    expect([extra.status, extra.body.error.field]).toEqual([400, 'body']);

    const malformed = await call<{ error: { field: string } }>('POST', '/checkout', {
      key: 'bad-json',
      raw: '{"lines": [',
    });
    expect([malformed.status, malformed.body.error.field]).toEqual([400, 'body']);

    // the service's own schema, through the route: a negative receipt
    const negative = await call<{ error: { field: string } }>('POST', '/stock/receipts', {
      key: 'bad-receipt',
      body: { warehouseId: 'WH-SH', lines: [{ sku: 'TEA-500G', quantity: -5 }] },
    });
    expect([negative.status, negative.body.error.field]).toEqual([400, 'lines.0.quantity']);

    const limit = await call<{ error: { field: string } }>('POST', '/credit/lines', {
      key: 'bad-limit',
      body: { lineId: 'L-X', merchantId: 'M-X', limit: 'lots' },
    });
    expect([limit.status, limit.body.error.field]).toEqual([400, 'limit']);

    const unknown = await call<{ error: { code: string } }>('POST', '/checkout', {
      key: 'bad-sku',
      body: { ...good, lines: [{ sku: 'CAVIAR', quantity: 1 }] },
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'UNKNOWN_SKU']);

    const stranger = await call<{ error: { code: string } }>('POST', '/checkout', {
      key: 'bad-owner',
      body: { ...good, merchantId: 'M-2' },
    });
    expect([stranger.status, stranger.body.error.code]).toEqual([422, 'LINE_NOT_OWNED']);

    expect(await eventCount()).toBe(events);
    expect(await position('WH-SH', 'TEA-500G')).toEqual(tea);
    for (const k of ['bad-qty', 'bad-extra', 'bad-json', 'bad-sku', 'bad-owner']) {
      expect(await storage.idempotency.get('shop.checkout', k)).toBeNull();
      expect(await storage.idempotency.get('shop.checkout.order', k)).toBeNull();
    }
    expect(await storage.idempotency.get('inventory.receive', 'bad-receipt')).toBeNull();
    expect((await call('GET', '/credit/lines/L-X')).status).toBe(404);
  });

  it('replays a checkout with the same Idempotency-Key: the same answer, nothing more written', async () => {
    const body = {
      merchantId: 'M-2',
      creditLineId: 'L-M-2',
      warehouseId: 'WH-SH',
      lines: [{ sku: 'OIL-5L', quantity: 1 }],
    };
    const first = await call<{ order: Order }>('POST', '/checkout', { key: 'replay-1', body });
    expect(first.status).toBe(201);
    const events = await eventCount();
    const again = await call('POST', '/checkout', { key: 'replay-1', body });
    expect([again.status, again.replayed]).toEqual([201, 'true']);
    expect(again.text).toBe(first.text);
    expect(await eventCount()).toBe(events);
    expect((await line('L-M-2')).pending.amount).toBe('62.00');
    expect((await position('WH-SH', 'OIL-5L')).reserved).toBe(3);

    const changed = await call<{ error: { code: string } }>('POST', '/checkout', {
      key: 'replay-1',
      body: { ...body, lines: [{ sku: 'OIL-5L', quantity: 2 }] },
    });
    expect([changed.status, changed.body.error.code]).toEqual([409, 'IDEMPOTENCY_CONFLICT']);
  });

  it('undoes the earlier steps of a refused checkout: nothing is left held, and the refusal replays', async () => {
    await command('POST', '/credit/lines', { lineId: 'L-M-3', merchantId: 'M-3', limit: '100.00' });
    const tea = await position('WH-SH', 'TEA-500G');
    const teaSold = await capUsed('flash-tea#stock');

    // credit refuses: 2 × 58.00 = 116.00 on a ¥100 line → the reservation and the flash claim are given back
    const body = {
      merchantId: 'M-3',
      creditLineId: 'L-M-3',
      warehouseId: 'WH-SH',
      lines: [{ sku: 'TEA-500G', quantity: 2 }],
    };
    const refused = await call<{ error: { code: string }; refusedAt: string; compensated: string[] }>(
      'POST',
      '/checkout',
      {
        key: 'refuse-credit',
        body,
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: { code: 'CREDIT_LIMIT_EXCEEDED' },
      refusedAt: 'credit',
      compensated: ['stock', 'caps'],
    });
    expect(await position('WH-SH', 'TEA-500G')).toEqual(tea);
    expect(await capUsed('flash-tea#stock')).toBe(teaSold);
    expect(await capUsed('flash-tea#customer-units', 'M-3')).toBe(0);
    expect(await line('L-M-3')).toMatchObject({
      pending: { amount: '0.00' },
      available: { amount: '100.00' },
    });
    const replay = await call('POST', '/checkout', { key: 'refuse-credit', body });
    expect([replay.status, replay.replayed, replay.text]).toEqual([409, 'true', refused.text]);

    // stock refuses: 1,000 bottles of oil → the flash claim on the tea is given back
    const short = await command<{ error: { code: string }; refusedAt: string; compensated: string[] }>(
      'POST',
      '/checkout',
      {
        merchantId: 'M-2',
        creditLineId: 'L-M-2',
        warehouseId: 'WH-SH',
        lines: [
          { sku: 'TEA-500G', quantity: 1 },
          { sku: 'OIL-5L', quantity: 1_000 },
        ],
      },
    );
    expect(short.status).toBe(409);
    expect(short.body).toMatchObject({
      error: { code: 'INSUFFICIENT_STOCK' },
      refusedAt: 'stock',
      compensated: ['caps'],
    });
    expect(await capUsed('flash-tea#stock')).toBe(teaSold);
    expect(await capUsed('flash-tea#customer-units', 'M-2')).toBe(0);
    expect((await line('L-M-2')).pending.amount).toBe('62.00');
  });

  it('prices again without a flash sale that sold out between the pricing and the claim', async () => {
    // Another process sells the last noodles: the cap is down to 0 while the usage counters still
    // read 0 used, so the cart is priced with the flash sale and its claim is refused.
    const caps = createPromotionsService({ storage, clock });
    await caps.saveCaps({
      idempotencyKey: 'noodles-sold-out',
      caps: [{ id: 'flash-noodle#stock', limit: 0, unit: 'units', promotionId: 'flash-noodle' }],
    });
    const reply = await command<{ order: Order }>('POST', '/checkout', {
      merchantId: 'M-2',
      creditLineId: 'L-M-2',
      warehouseId: 'WH-SH',
      lines: [{ sku: 'NOODLE-24', quantity: 2 }],
    });
    expect(reply.status).toBe(201);
    expect(reply.body.order.pricing).toMatchObject({
      total: '90.00',
      discount: '0.00',
      applied: [],
      dropped: ['flash-noodle'],
    });
    expect(await capUsed('flash-noodle#stock')).toBe(0);
    expect((await position('WH-SH', 'NOODLE-24')).reserved).toBe(2);
    const read = await call<{ claim: unknown }>('GET', `/orders/${reply.body.order.id}`);
    expect(read.body.claim).toBeNull();
  });

  it('cancels an order: the loan hold voided, the stock and the flash units given back', async () => {
    const before = { tea: await position('WH-SH', 'TEA-500G'), sold: await capUsed('flash-tea#stock') };
    await command('POST', '/credit/lines', { lineId: 'L-M-4', merchantId: 'M-4', limit: '1000.00' });
    const placed = await command<{ order: Order }>('POST', '/checkout', {
      merchantId: 'M-4',
      creditLineId: 'L-M-4',
      warehouseId: 'WH-SH',
      lines: [{ sku: 'TEA-500G', quantity: 4 }],
    });
    // 2 at 58.00 (the per-merchant flash limit) + 2 at 68.00 = 252.00
    expect(placed.body.order.pricing.total).toBe('252.00');
    const id = placed.body.order.id;

    const cancelled = await call<{ order: Order; released: string[] }>('POST', `/orders/${id}/cancel`, {
      key: 'cancel-1',
      body: { reason: 'ordered twice' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.order.status).toBe('cancelled');
    expect(cancelled.body.released).toEqual(['credit', 'stock', 'caps']);
    expect(await position('WH-SH', 'TEA-500G')).toEqual(before.tea);
    expect(await capUsed('flash-tea#stock')).toBe(before.sold);
    expect(await capUsed('flash-tea#customer-units', 'M-4')).toBe(0);
    expect(await line('L-M-4')).toMatchObject({
      pending: { amount: '0.00' },
      available: { amount: '1000.00' },
    });

    const replay = await call('POST', `/orders/${id}/cancel`, {
      key: 'cancel-1',
      body: { reason: 'ordered twice' },
    });
    expect([replay.status, replay.text]).toEqual([200, cancelled.text]);
    const twice = await call<{ error: { code: string } }>('POST', `/orders/${id}/cancel`, {
      key: 'cancel-2',
      body: {},
    });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ORDER_CANCELLED']);
    expect((await call('POST', '/orders/NO-SUCH-ORDER/cancel', { key: 'cancel-3', body: {} })).status).toBe(
      404,
    );
  });

  it('never oversells, overdraws or passes the flash cap under 60 parallel checkouts', async () => {
    const ORDERS = 60;
    await command('POST', '/stock/receipts', {
      warehouseId: 'WH-NJ',
      lines: [{ sku: 'RICE-5KG', quantity: 25 }],
    });
    // credit for 20 of them: 20 × 100.00 = 2,000.00; 21 would need at least 10 × 95.00 + 11 × 100.00 = 2,050.00
    await command('POST', '/credit/lines', { lineId: 'L-BURST', merchantId: 'M-BURST', limit: '2000.00' });
    const oracle = serialOracle({
      orders: ORDERS,
      stock: 25,
      limitMinor: 200_000,
      flashUnits: 10,
      flashMinor: 9_500,
      listMinor: 10_000,
    });
    expect(oracle).toMatchObject({ placed: 20, flashPlaced: 10, heldMinor: 195_000, refusedForCredit: 40 });

    const body = {
      merchantId: 'M-BURST',
      creditLineId: 'L-BURST',
      warehouseId: 'WH-NJ',
      lines: [{ sku: 'RICE-5KG', quantity: 1 }],
    };
    const replies = await Promise.all(
      Array.from({ length: ORDERS }, (_, i) =>
        call<{ order?: Order; error?: { code: string }; compensated?: string[] }>('POST', '/checkout', {
          key: `burst-${i}`,
          body,
        }),
      ),
    );
    const placed = replies.filter((r) => r.status === 201).map((r) => r.body.order!);
    const refused = replies.filter((r) => r.status !== 201);
    expect(placed).toHaveLength(oracle.placed);
    expect(refused).toHaveLength(ORDERS - oracle.placed);
    for (const reply of refused) {
      expect(reply.status).toBe(409);
      expect(['CREDIT_LIMIT_EXCEEDED', 'INSUFFICIENT_STOCK']).toContain(reply.body.error!.code);
    }

    // stock: exactly the placed units are reserved, nothing of the refused ones is left
    expect(await position('WH-NJ', 'RICE-5KG')).toMatchObject({ onHand: 25, reserved: 20, available: 5 });
    const movements = await storage.inventory.listMovements({ sku: 'RICE-5KG', limit: 10_000 });
    expect(rebuildPositions(movements)).toEqual(await storage.inventory.listPositions({ sku: 'RICE-5KG' }));

    // caps: the flash units used are those of the placed orders that got the flash price
    const flashPlaced = placed.filter((o) => o.pricing.applied.some((a) => a.promotionId === 'flash-rice'));
    const used = await capUsed('flash-rice#stock');
    expect(used).toBe(flashPlaced.length);
    expect(used).toBeLessThanOrEqual(10);
    for (const order of placed)
      expect(order.pricing.total).toBe(flashPlaced.includes(order) ? '95.00' : '100.00');

    // credit: the holds are the placed totals, within the limit, and the ledger balances
    const heldMinor = placed.reduce((sum, o) => sum + minor(o.pricing.total), 0);
    expect(heldMinor).toBe(flashPlaced.length * 9_500 + (placed.length - flashPlaced.length) * 10_000);
    expect(heldMinor).toBeLessThanOrEqual(200_000);
    const burst = await line('L-BURST');
    expect(minor(burst.pending.amount)).toBe(heldMinor);
    expect(burst.drawn.amount).toBe('0.00');
    expect(minor(burst.available.amount)).toBe(200_000 - heldMinor);
    const accounts = await storage.credit.listAccounts();
    expect(trialBalance(accounts).balanced).toBe(true);
    const rebuilt = balancesFromTransfers(await storage.credit.listTransfers({ limit: 10_000 }));
    for (const account of accounts) {
      expect(
        rebuilt.get(account.id) ?? { debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 0 },
      ).toMatchObject({
        debitsPending: account.debitsPending,
        debitsPosted: account.debitsPosted,
        creditsPending: account.creditsPending,
        creditsPosted: account.creditsPosted,
      });
    }

    // each placed order holds its unit, its loan and (at the flash price) its flash unit
    const orders = await Promise.all(
      placed.map((o) =>
        call<{
          reservation: { lines: { open: number }[] };
          drawing: { status: string; requested: { amount: string } };
          claim: { entries: { capId: string; amount: number; released: number }[] } | null;
        }>('GET', `/orders/${o.id}`),
      ),
    );
    orders.forEach((reply, i) => {
      expect(reply.body.reservation.lines.map((l) => l.open)).toEqual([1]);
      expect(reply.body.drawing).toMatchObject({
        status: 'held',
        requested: { amount: placed[i]!.pricing.total },
      });
      const flashHeld = (reply.body.claim?.entries ?? []).filter(
        (e) => e.capId === 'flash-rice#stock' && e.amount > e.released,
      );
      expect(flashHeld.length).toBe(flashPlaced.includes(placed[i]!) ? 1 : 0);
    });
  });

  it('opens an after-sales case on an order and runs its SLA clocks on the China calendar', async () => {
    const opened = await call<{
      case: {
        id: string;
        lines: { sku: string; unitPrice: string; discount: string; quantity: number }[];
        supplierId: string;
      };
    }>('POST', `/orders/${happy.id}/cases`, {
      key: 'case-1',
      body: {
        type: 'return',
        reason: 'quality-defect',
        lines: [{ lineId: 'L1', quantity: 1 }],
        evidence: [{ kind: 'photo', uri: 'oss://cases/seal.jpg' }],
      },
    });
    expect(opened.status).toBe(201);
    expect(opened.body.case.supplierId).toBe('SUP-YL');
    expect(opened.body.case.lines).toMatchObject([
      { sku: 'TEA-500G', unitPrice: '68.00', discount: '31.95', quantity: 1 },
    ]);
    const replay = await call('POST', `/orders/${happy.id}/cases`, {
      key: 'case-1',
      body: {
        type: 'return',
        reason: 'quality-defect',
        lines: [{ lineId: 'L1', quantity: 1 }],
        evidence: [{ kind: 'photo', uri: 'oss://cases/seal.jpg' }],
      },
    });
    expect(replay.text).toBe(opened.text);
    const wrongLine = await call<{ error: { code: string } }>('POST', `/orders/${happy.id}/cases`, {
      key: 'case-2',
      body: { type: 'return', reason: 'quality-defect', lines: [{ lineId: 'L9', quantity: 1 }] },
    });
    expect([wrongLine.status, wrongLine.body.error.code]).toEqual([422, 'ORDER_LINE_NOT_FOUND']);

    // Opened Fri 17:00 in Shanghai; read Mon 10:00. First response (4 business hours, 09:00–18:00)
    // has counted Fri 17–18 and Mon 9–10: 2 h, 2 h left, due Mon 12:00. Intervention (24 h on the
    // wall clock) passed Sat 17:00 and is 41 h over.
    clock.set('2026-03-09T02:00:00Z');
    const sla = await call<{
      clocks: {
        metric: string;
        state: string;
        elapsedMs: number;
        remainingMs: number;
        deadline: string | null;
        breached: boolean;
        breachedAt: string | null;
      }[];
    }>('GET', `/cases/${opened.body.case.id}/sla`);
    const byMetric = new Map(sla.body.clocks.map((c) => [c.metric, c]));
    const HOUR = 3_600_000;
    expect(byMetric.get('first-response')).toMatchObject({
      state: 'running',
      elapsedMs: 2 * HOUR,
      remainingMs: 2 * HOUR,
      deadline: '2026-03-09T04:00:00.000Z',
      breached: false,
    });
    expect(byMetric.get('intervention')).toMatchObject({
      elapsedMs: 65 * HOUR,
      remainingMs: -41 * HOUR,
      breached: true,
      breachedAt: '2026-03-07T09:00:00.000Z',
    });
    expect((await call('GET', '/cases/NO-SUCH-CASE/sla')).status).toBe(404);
  });

  it('shuts down gracefully: the request in flight is answered, then the pool is closed', async () => {
    // A request whose headers have arrived and whose body has not: in flight when close() starts.
    const payload = JSON.stringify({ lineId: 'L-LAST', merchantId: 'M-LAST', limit: '10.00' });
    const request = http.request(`${running.url}/credit/lines`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
        'idempotency-key': 'open-L-LAST',
      },
    });
    const answered = new Promise<{ status: number | undefined; text: string }>((resolve, reject) => {
      request.on('error', reject);
      request.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode, text }));
      });
    });
    const arrived = new Promise((resolve) => running.server.once('request', resolve));
    request.write(payload.slice(0, 10));
    await arrived;
    const closing = running.close();
    request.end(payload.slice(10));
    const { status, text } = await answered;
    expect(status).toBe(201);
    expect(JSON.parse(text)).toMatchObject({ line: { id: 'L-LAST' } });
    await closing;
    await expect(storage.sql.query('SELECT 1')).rejects.toThrow();
    await expect(fetch(`${running.url}/credit/lines/L-LAST`)).rejects.toThrow();
  });
});
