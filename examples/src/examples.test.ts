import { describe, expect, it } from 'vitest';
import type { ExampleIo } from './example.js';
import { EXAMPLES, findExample } from './index.js';

/** An io that keeps every line, tables rendered as `key=value` cells. */
function capture(): ExampleIo & { text(): string; tables: Record<string, string | number>[][] } {
  const lines: string[] = [];
  const tables: Record<string, string | number>[][] = [];
  return {
    log: (text = '') => lines.push(text),
    table: (rows) => {
      tables.push(rows.map((row) => ({ ...row })));
      for (const row of rows) lines.push(Object.values(row).join(' | '));
    },
    text: () => lines.join('\n'),
    tables,
  };
}

async function runExample(name: string) {
  const example = findExample(name);
  expect(example, name).toBeDefined();
  const io = capture();
  await example!.run(io);
  return io;
}

describe('the example registry', () => {
  it('has unique names that match their files and runs every example', async () => {
    const names = EXAMPLES.map((example) => example.meta.name);
    expect(new Set(names).size).toBe(names.length);
    for (const example of EXAMPLES) {
      expect(example.meta.title.length).toBeGreaterThan(0);
      expect(example.meta.description.length).toBeGreaterThan(0);
      const io = capture();
      await example.run(io);
      expect(io.text().length).toBeGreaterThan(0);
    }
    expect(findExample('nope')).toBeUndefined();
  });
});

describe('money-allocation', () => {
  it('splits the shipping bill and the rebate so the parts add up', async () => {
    const io = await runExample('money-allocation');
    const [shipping, rebate] = io.tables;
    expect(shipping?.map((row) => row.pays)).toEqual(['¥409.93', '¥230.23', '¥121.83', '¥524.41']);
    expect(rebate?.map((row) => row['gets back'])).toEqual(['¥1,200.00', '¥633.33', '¥166.67']);
    expect(io.text()).toContain('✓ ¥409.93 + ¥230.23 + ¥121.83 + ¥524.41 = ¥1,286.40');
    expect(io.text()).toContain('✓ ¥1,200.00 + ¥633.33 + ¥166.67 = ¥2,000.00');
    expect(io.text()).not.toContain('✗');
  });
});

describe('idempotent-command', () => {
  it('replays a retry, refuses another payload and replays a business error', async () => {
    const io = await runExample('idempotent-command');
    const rows = io.tables[0]!;
    expect(rows.map((row) => row.replayed)).toEqual(['false', 'true', '', '', '']);
    expect(rows[1]?.result).toBe(rows[0]?.result);
    expect(String(rows[0]?.result)).toMatch(/^rcpt_[0-9a-f-]{36}$/);
    expect(rows.slice(2).map((row) => row.result)).toEqual([
      '[IDEMPOTENCY_CONFLICT]',
      '[PAYMENT_LIMIT_EXCEEDED]',
      '[PAYMENT_LIMIT_EXCEEDED]',
    ]);
    expect(io.text()).toContain('The outbox holds 1 event');
    expect(io.text()).toContain('stores the error (PAYMENT_LIMIT_EXCEEDED)');
  });

  it('prints the same receipts on every run (fixed clock, seeded ids)', async () => {
    const a = await runExample('idempotent-command');
    const b = await runExample('idempotent-command');
    expect(a.text()).toBe(b.text());
  });
});

describe('event-outbox', () => {
  it('keeps the committed events only and tails them with a cursor', async () => {
    const io = await runExample('event-outbox');
    const rows = io.tables[0]!;
    const events = rows.filter((row) => row.position !== '');
    expect(events.map((row) => row.aggregate)).toEqual([
      'SO-2001',
      'TEA-500G',
      'INV-2001',
      'SO-2003',
      'OIL-5L',
    ]);
    expect(events.some((row) => row.aggregate === 'SO-2002')).toBe(false);
    expect(rows.map((row) => row['cursor saved']).filter((cursor) => cursor !== '')).toEqual([
      '2',
      '4',
      '5',
      '5',
    ]);
    expect(io.text()).toContain('rolled back');
    expect(io.text()).toContain('6. invoices.issued INV-2003');
  });
});

describe('forecasting example', () => {
  it('backtests four series and forecasts three months with nested intervals', async () => {
    const lines: string[] = [];
    const tables: Record<string, string | number>[][] = [];
    await findExample('forecasting')!.run({
      log: (text = '') => lines.push(text),
      table: (rows) => tables.push([...rows]),
    });
    const [backtest, next] = tables;
    expect(backtest).toHaveLength(4);
    expect(
      backtest!.every((row) => /^mean\(ETS\([AM],(N|A|Ad),[NAM]\),theta,dotm\)$/.test(String(row.model))),
    ).toBe(true);
    expect(next).toHaveLength(12);
    for (const row of next!) {
      const [low80, high80] = String(row['80%']).split(' – ').map(Number);
      const [low95, high95] = String(row['95%']).split(' – ').map(Number);
      expect(low95).toBeLessThanOrEqual(low80!);
      expect(high95).toBeGreaterThanOrEqual(high80!);
      expect(Number(row.forecast)).toBeGreaterThanOrEqual(low80!);
      expect(Number(row.forecast)).toBeLessThanOrEqual(high80!);
    }
    expect(lines.at(-1)).toContain('y.40');
  });
});

describe('inventory example', () => {
  it('sizes stock, never oversells, rebalances at least cost and flags dead and slow stock', async () => {
    const io = await runExample('inventory');
    const [sizing, sourcing, burst, , plan, transfers, , , reorder, health] = io.tables;

    // z = Φ⁻¹(0.95) = 1.6448536269514722; σ = √(L·σ_d² + d̄²·σ_L²): WH-SH √(4·81 + 48²·1) = √2628,
    // SS = 84.3218, ROP = 4·48 + SS = 276.3218; without σ_L, z·9·√4 = 29.6074.
    expect(sizing?.map((row) => row['SS if L were exact'])).toEqual(['29.61', '22.07', '20.15']);
    expect(sizing?.map((row) => row['safety stock'])).toEqual(['84.32', '77.24', '44.32']);
    expect(sizing?.map((row) => row['reorder point'])).toEqual(['276.32', '227.24', '116.32']);
    // EOQ √(2·180·48 / 0.025) = 831.38 → 35 packs of 24; WH-NJ's 415.69 → 18 packs, lifted to the MOQ 480.
    expect(sizing?.map((row) => row.EOQ)).toEqual(['831.4', '657.3', '415.7']);
    expect(sizing?.map((row) => row['order qty'])).toEqual([
      '840 (35 packs)',
      '672 (28 packs)',
      '480 (20 packs, MOQ)',
    ]);

    // fewest-splits ships from one warehouse where nearest would split.
    expect(sourcing?.map((row) => [row.ships, row.shipments])).toEqual([
      ['WH-SH 400', 1],
      ['WH-HZ 200 + WH-SH 200', 2],
    ]);

    // 60 concurrent orders of 3 against 100 units: ⌊100 / 3⌋ = 33 succeed, the rest are refused.
    expect(burst).toEqual([
      { outcome: 'reserved', orders: 33, units: 99 },
      { outcome: 'refused [INSUFFICIENT_STOCK]', orders: 27, units: 0 },
    ]);
    expect(io.text()).toContain('WH-NJ on hand 100, reserved 99, available 1');

    // Surplus 600 − 421 = 179 → 7 packs; shortages 88 (4 packs) and 128 (6 packs). Optimal:
    // 4 packs SH → HZ by truck (96 × 0.35 = 33.60) and 3 packs SH → NJ by express (72 × 1.40 =
    // 100.80, cheaper than the truck's 72 × 0.45 + 120 = 152.40), 3 packs unmet at 4.00 = 288.00.
    expect(plan?.map((row) => [row.warehouse, row.role, row.short, row.covered, row.unmet])).toEqual([
      ['WH-SH', 'donor', 0, 0, 0],
      ['WH-HZ', 'receiver', 88, 88, 0],
      ['WH-NJ', 'receiver', 128, 72, 56],
    ]);
    expect(transfers).toEqual([
      { lane: 'SH-HZ truck', units: 96, packs: 4, cost: '¥33.60' },
      { lane: 'SH-NJ express', units: 72, packs: 3, cost: '¥100.80' },
    ]);
    expect(io.text()).toContain(
      'Total ¥422.40: transport ¥134.40 + fixed ¥0.00 + unmet penalty ¥288.00; optimal (branch-and-bound).',
    );
    expect(io.text()).toContain('WH-NJ: 56 stay short (no-surplus)');
    expect(io.text()).toContain('✓ the 77 ledger movements rebuild every stored position exactly');

    // After the transfers only WH-NJ (position 73 ≤ 116.32) orders: one lot, the MOQ of 480.
    expect(reorder?.map((row) => [row.warehouse, row.position, row['purchase order']])).toEqual([
      ['WH-HZ', 296, 0],
      ['WH-NJ', 73, 480],
      ['WH-SH', 432, 0],
    ]);
    expect(io.text()).toContain('placePurchaseOrder: WH-NJ now has 480 on order');

    expect(health?.map((row) => [row.sku, row.warehouse, row.class, row.action])).toEqual([
      ['GIFT-MOONCAKE', 'WH-HZ', 'dead', 'return-to-supplier 192'],
      ['RICE-5KG', 'WH-HZ', 'very-slow', 'markdown 137'],
      ['OIL-5L', 'WH-NJ', 'slow', 'transfer 34 → WH-SH'],
      ['NOODLE-24', 'WH-SH', 'active', '–'],
      ['OIL-5L', 'WH-SH', 'active', '–'],
    ]);
    expect(health?.[0]?.cover).toBe('∞');
    expect(io.text()).not.toContain('✗');
  });

  it('prints the same on every run (fixed clock, seeded ids and sales)', async () => {
    const a = await runExample('inventory');
    const b = await runExample('inventory');
    expect(a.text()).toBe(b.text());
  });
});
