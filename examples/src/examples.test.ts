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
    expect(backtest!.every((row) => /^mean\(ETS\([AM],(N|A|Ad),[NAM]\),theta,dotm\)$/.test(String(row.model)))).toBe(true);
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
