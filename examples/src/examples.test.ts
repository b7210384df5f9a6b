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

describe('logistics example', () => {
  it('quotes, chooses by the promise, consolidates to the cent and tracks through disordered events', async () => {
    const io = await runExample('logistics');
    const [quotes, ranking, loads, merchants, tracking] = io.tables;
    // 迅达: 15,000 cm³ / 6000 = 2.5 kg > 2.3 kg → ¥12 + 3 × ¥2 = ¥18.00, fuel 8 % ¥1.44, insurance 0.5 % of ¥800 ¥4.00.
    expect(quotes?.map((row) => [row.carrier, row.billed, row.breakdown, row.total])).toEqual([
      ['SWIFT 迅达快递', '2.5 kg (volumetric)', 'freight 18.00 + fuel 1.44 + insurance 4.00', '¥23.44'],
      ['THRIFT 经济快运', '2.5 kg (actual)', 'freight 10.00 + fuel 0.50', '¥10.50'],
      ['FREIGHT 华东零担', '3 kg (actual)', 'freight 4.80 + minimum-charge 55.20', '¥60.00'],
    ]);
    // THRIFT is cheapest but arrives on the 5th; SWIFT is the cheapest of those on time.
    expect(ranking?.map((row) => [row.carrier, row['on time']])).toEqual([
      ['SWIFT', 'yes'],
      ['FREIGHT', 'yes'],
      ['THRIFT', 'no (1 d late)'],
    ]);
    // 苏州: 494 + 288 + 180 + 120 + 475 alone (LTL, deficit weight at 85 and 400 kg) against one ¥560 trip.
    expect(loads?.map((row) => [row.area, row.orders, row.trip, row.alone, row.saves])).toEqual([
      ['江苏/苏州', 'SO-201 SO-202 SO-203 SO-204 SO-205', '¥560.00', '¥1,557.00', '¥997.00'],
      ['浙江/杭州', 'SO-101 SO-102 SO-103 SO-104 SO-106', '¥520.00', '¥1,978.50', '¥1,458.50'],
    ]);
    // Lotus Mart: SO-105 (¥120) stays alone; SO-203 saves 997 × 180 / 1557 = ¥115.26.
    expect(merchants?.map((row) => [row.merchant, row.pays, row.saves])).toEqual([
      ['华东食品', '¥359.29', '¥825.71'],
      ['小王便利店', '¥229.24', '¥598.76'],
      ['鲜果仓', '¥426.73', '¥915.77'],
      ['Lotus Mart', '¥184.74', '¥115.26'],
    ]);
    expect(io.text()).toContain(
      '✓ savings ¥825.71 + ¥598.76 + ¥915.77 + ¥115.26 = ¥2,455.50; ✓ nobody pays more than alone',
    );
    expect(tracking?.map((row) => [row.event, row.outcome, row['status after']])).toEqual([
      ['s2', 'status-changed', 'in-transit'],
      ['s1', 'recorded (out-of-order)', 'delivered'],
      ['s2', 'duplicate', 'delivered'],
      ['s4', 'status-changed', 'delivered'],
      ['s3', 'recorded (out-of-order)', 'delivered'],
    ]);
    expect(io.text()).toContain(
      'timeline: picked-up 03-02T11:05 → in-transit 03-02T18:40 → out-for-delivery 03-03T00:30 → delivered 03-03T03:12',
    );
    expect(io.text()).toContain('delivered at 2026-03-03T03:12:00.000Z (on time), 4 events');
    expect(io.text()).not.toContain('✗');
  });

  it('prints the same on every run', async () => {
    const a = await runExample('logistics');
    const b = await runExample('logistics');
    expect(a.text()).toBe(b.text());
  });
});

describe('credit example', () => {
  it('scores a limit, draws three products, never lends past it, accrues, repays in order and cures a freeze', async () => {
    const io = await runExample('credit');
    const [assessment, loans, afterDraws, burst, days, repayments, cured, march] = io.tables;
    // 480 + tenure 24+ (45) + on time (50) + returns 500 / 48,350 = 1.03 % (30) + no arrears (40) = 645;
    // grade A: 3 × 48,350 = 145,050, rounded down to 145,000.
    expect(assessment).toEqual([{ score: 645, grade: 'A', rule: 'MULTIPLE', limit: '¥145,000.00' }]);
    // 12,000 held, 10,000 confirmed; 70 % of 8,000; 90 % of a 10,000 invoice with a 3 % fee.
    expect(loans?.map((row) => [row['paid out'], row.fee, row.due])).toEqual([
      ['¥10,000.00', '¥0.00', '2026-03-31'],
      ['¥5,600.00', '¥0.00', '2026-03-16'],
      ['¥9,000.00', '¥300.00', '2026-04-30'],
    ]);
    expect(afterDraws?.[0]).toMatchObject({
      drawn: '¥24,600.00',
      available: '¥120,400.00',
      owed: '¥24,900.00',
    });
    // ⌊120,400 / 4,000⌋ = 30 of 40 concurrent holds fit.
    expect(burst).toEqual([
      { outcome: 'held', checkouts: 30, amount: '¥120,000.00' },
      { outcome: 'refused [CREDIT_LIMIT_EXCEEDED]', checkouts: 10, amount: '¥0.00' },
    ]);
    expect(io.text()).toContain('¥120,400.00 was available; ¥120,000.00 is held, ¥400.00 left');
    expect(io.text()).toContain('10 minutes later 30 holds expire: ¥120,400.00 available again.');
    // 10,000 × 7.3 % × 10/365 = 20.00 and 5,600 × 7.3 % × 10/365 = 11.20; then 20.00 + 5.60 more,
    // and 5 days of penalty at 10.95 % on 5,600 (8.40) and on 16.80 of interest (0.03).
    expect(
      days?.map((row) => [row['as of'], row.interest, row.penalty, row['days past due'], row.bucket]),
    ).toEqual([
      ['2026-03-11', '¥31.20', '¥0.00', 0, 'M0'],
      ['2026-03-21', '¥25.60', '¥8.43', 5, 'M1'],
    ]);
    expect(
      repayments?.map((row) => [row.penalty, row.fees, row.interest, row.principal, row['left as credit']]),
    ).toEqual([
      ['¥8.43', '¥0.00', '¥56.80', '¥5,634.77', '¥0.00'],
      ['¥0.00', '¥300.00', '¥0.00', '¥9,000.00', '¥700.00'],
    ]);
    // Unpaid after 2026-03-31: 19.93 of interest to the due date, 31 days of penalty 92.68 + 0.19.
    expect(io.text()).toContain('on 2026-05-01: 31 days past due (M2), interest ¥19.93, penalty ¥92.87');
    expect(io.text()).toContain('A new checkout is refused: LINE_FROZEN.');
    expect(io.text()).toContain('Paying ¥10,078.03 cures it: line active.');
    expect(cured?.[0]).toMatchObject({ owed: '¥0.00', available: '¥145,000.00', status: 'active' });
    expect(Object.fromEntries((march ?? []).map((row) => [row.movement, row.amount]))).toEqual({
      drawn: '¥24,600.00',
      interest: '¥56.80',
      penalty: '¥8.43',
      fees: '¥300.00',
      repaid: '¥15,000.00',
      overpaid: '¥700.00',
      creditApplied: '¥0.00',
      refunded: '¥700.00',
    });
    expect(io.text()).toMatch(/owed on 31 March ¥9,965\.23; \d+ transfers, debits (¥[\d,.]+) = credits \1 ✓/);
    expect(io.text()).not.toContain('✗');
  });

  it('prints the same on every run (fixed clock, seeded ids)', async () => {
    const a = await runExample('credit');
    const b = await runExample('credit');
    expect(a.text()).toBe(b.text());
  });
});

describe('crm example', () => {
  it('segments, plans follow-ups idempotently, recommends by lift and reproduces the published CDNOW prediction', async () => {
    const io = await runExample('crm');
    const [customers, tasks, rules, fits, cdnow] = io.tables;
    // 王: five orders, the last 9 days ago → Champions, loyal; 李: 122 days since ¥3,190.00 → at risk.
    expect(customers?.map((row) => [row.customer, row.RFM, row.segment, row.stage])).toEqual([
      ['C-吴', '224', 'About to Sleep', 'returning'],
      ['C-周', '512', 'New', 'new'],
      ['C-孙', '111', 'Lost', 'churned'],
      ['C-张', '312', 'About to Sleep', 'new'],
      ['C-李', '145', "Can't Lose Them", 'at-risk'],
      ['C-王', '454', 'Champions', 'loyal'],
      ['C-赵', '443', 'Loyal', 'returning'],
      ['C-郑', '221', 'About to Sleep', 'returning'],
    ]);
    expect(customers?.find((row) => row.customer === 'C-李')?.spend).toBe('¥3,190.00');
    // 张 made one order 24 days ago (≥ 14): a first-repeat offer; 赵 complained on 28 February.
    expect(tasks?.map((row) => [row.due, row.customer, row.action])).toEqual([
      ['2026-02-28 end of day', 'C-赵', 'call'],
      ['2026-03-01 end of day', 'C-张', 'first-repeat-offer'],
      ['2026-03-01 end of day', 'C-李', 'call'],
      ['2026-03-04 end of day', 'C-王', 'vip-service'],
    ]);
    expect(io.text()).toContain('Follow-ups planned: 4 (a second run added 0)');
    // 大米 in 6 of 19 orders, 食用油 in 6, both in 5: confidence 5/6, lift (5/6) / (6/19) = 2.64.
    expect(rules?.[0]).toEqual({ rule: '大米 → 食用油', orders: 5, confidence: '0.83', lift: '2.64' });
    expect(io.text()).toContain('Offer C-张: 茶杯, 茶点; C-王 (buys 茶叶 regularly): nothing new');
    const bg = String(fits?.[0]?.fitted)
      .match(/r ([\d.]+), α ([\d.]+), a ([\d.]+), b ([\d.]+)/)!
      .slice(1)
      .map(Number);
    expect(bg[0]).toBeCloseTo(0.5, 1);
    expect(bg[1]! / 6).toBeCloseTo(1, 0);
    expect(cdnow?.[0]).toEqual({
      'E[purchases, 39 weeks]': '1.226',
      'P(alive)': '0.7266',
      'spend per purchase': '$24.66',
      '12-month CLV at 1 %/month': '$36.31',
    });
  });
});

describe('analytics example', () => {
  it('reports the hand-checked trend, 动销率, sell-through, turnover, ABC/XYZ, cohorts and profiles', async () => {
    const io = await runExample('analytics');
    const [monthly, weekly, through, classes, cohorts, profiles] = io.tables;
    // December 1,440 + 180 + 2,000; January 1,200 + 1,500 + 650 (the 01:30 Shanghai order of 1 February is February's).
    expect(
      monthly?.map((row) => [row.month, row.revenue, row.orders, row.MoM, row.YoY, row['3-month average']]),
    ).toEqual([
      ['2025-12', '¥3,620.00', 2, '—', '—', '¥1,206.67'],
      ['2026-01', '¥3,350.00', 2, '-7.46%', '+179.17%', '¥2,323.33'],
      ['2026-02', '¥3,250.00', 3, '-2.99%', '+238.54%', '¥3,406.67'],
    ]);
    expect(weekly?.map((row) => [row.week, row.revenue, row.WoW])).toEqual([
      ['2026-W05', '¥150.00', '—'],
      ['2026-W06', '¥0.00', '-100%'],
      ['2026-W07', '¥2,100.00', '—'],
      ['2026-W08', '¥1,000.00', '-52.38%'],
    ]);
    expect(io.text()).toContain('动销率, February: 4 of 8 stocked SKUs sold = 50.00%');
    expect(through?.at(-1)).toMatchObject({ sku: 'all', sold: 45, received: 78, 'sell-through': '57.69%' });
    expect(io.text()).toContain('= 5 turns, 73 days of inventory');
    expect(classes?.map((row) => [row.sku, row.ABC, row.XYZ])).toEqual([
      ['茶叶', 'A', 'X'],
      ['大米', 'A', 'X'],
      ['食用油', 'B', 'Z'],
      ['茶杯', 'B', 'Y'],
      ['茶点', 'C', 'Z'],
    ]);
    expect(cohorts?.[0]).toEqual({
      cohort: '2025-12',
      customers: 3,
      'M+0': '100%',
      'M+1': '33%',
      'M+2': '67%',
    });
    expect(profiles?.at(-1)).toMatchObject({
      segment: 'About to Sleep',
      customers: 2,
      'average order': '¥83.33',
      'median days since last': 47.5,
    });
  });
});

describe('aftersales', () => {
  it('computes deadlines on the China calendar, escalates over the holiday and settles the refund to the cent', async () => {
    const io = await runExample('aftersales');
    const [calendar, sla, clocks, entries, claim, defects] = io.tables;
    expect(calendar?.map((row) => row.answer)).toEqual([
      '251 / 248 / 248',
      '2025-10-09',
      'yes (调休)',
      '2025-10-10 16:00',
      'CALENDAR_OUT_OF_RANGE',
    ]);
    expect(
      sla?.filter((row) => row.event === 'sla.breached').map((row) => `${row.metric} ${row.at}`),
    ).toEqual(['first-response 2025-09-30 14:00', 'intervention 2025-10-01 10:00']);
    expect(sla).toHaveLength(10);
    expect(clocks?.map((row) => [row.metric, row.deadline, row['breached at'], row.elapsed])).toEqual([
      ['first-response', '2025-09-30 14:00', '2025-09-30 14:00', '8.5 h'],
      ['intervention', '2025-10-01 10:00', '2025-10-01 10:00', '215.5 h'],
      ['party-response', '2025-10-11 16:00', '—', '10.0 h'],
      // 72 business hours from 09-30 10:00 (10-17 10:00), pushed out by the 14-hour pause.
      ['resolution', '2025-10-20 15:00', '—', '30.0 h'],
    ]);
    expect(entries?.map((row) => `${row.payer}->${row.payee} ${row.component} ${row.amount}`)).toEqual([
      'platform->merchant refund ¥55.20',
      'supplier->platform refund ¥55.20',
      'platform->merchant return-freight ¥12.00',
      'supplier->platform return-freight ¥12.00',
    ]);
    expect(io.text()).toContain('net: platform ¥0.00, merchant ¥67.20, supplier -¥67.20, carrier ¥0.00');
    expect(claim?.map((row) => `${row.party} ${row.amount} ${row.basis}`)).toEqual([
      'platform ¥255.00 carrier-remainder',
      'carrier ¥45.00 carrier-claim',
      'carrier ¥10.00 rule',
    ]);
    expect(defects).toEqual([
      {
        supplier: 'SUP-云岭',
        sku: 'PUER-357G',
        defective: '3 of 10',
        refund: '¥55.20',
        'response time': '10.0 h',
        'SLA breached': 'no',
      },
    ]);
  });
});

describe('procurement example', () => {
  it('awards the pooled round at least cost and passes every fen back, nobody above alone', async () => {
    const io = await runExample('procurement');
    const [tiers, suppliers, award, merchants] = io.tables;
    expect(tiers?.map((row) => [row.units, row['unit price']])).toEqual([
      ['1-199', '¥5.20'],
      ['200-499', '¥4.80'],
      ['500+', '¥4.50'],
    ]);
    // 199 × 5.20 against 200 × 4.80
    expect(io.text()).toContain('199 units cost ¥1,034.80, 200 units ¥960.00');
    expect(suppliers?.map((row) => [row.supplier, row.licences, row.standing])).toEqual([
      ['SUP-GM 光明乳业', 'valid', 'Excellent'],
      ['SUP-MN 蒙牛乳业', 'valid', 'Average'],
      ['SUP-XX 某乳品厂', 'DOCUMENT_EXPIRED', '—'],
      ['SUP-BD 北大荒粮食', 'valid', 'Excellent'],
      ['SUP-WL 五常粮油', 'valid', 'Very Poor (blocks awards)'],
    ]);
    // milk 630: 光明 at most 600 a month in packs of 12 (564 at the 500+ tier) and 蒙牛 66
    // (its MOQ is 60): 2538.00 + 330.00; rice 90 at 北大荒's 80+ tier: 90 × 54.00
    expect(award?.map((row) => [row.sku, row.supplier, row.units, row.amount])).toEqual([
      ['MILK-1L', 'SUP-GM', 564, '¥2,538.00'],
      ['MILK-1L', 'SUP-MN', 66, '¥330.00'],
      ['RICE-5KG', 'SUP-BD', 90, '¥4,860.00'],
    ]);
    expect(io.text()).toContain('excluded AG-XX-MILK: DOCUMENT_EXPIRED');
    expect(io.text()).toContain('excluded AG-WL-RICE: STANDING_BLOCKS_AWARDS');
    // milk at 2868.00 / 630 a unit: 96 → 437.03 (alone: 85.94 of 光明's units at 5.20 and 10.06 of
    // 蒙牛's at 5.00 = 446.91 + 50.29); Lotus Mart: 150 milk 682.86 + 40 rice 2160.00
    expect(merchants?.map((row) => [row.merchant, row.alone, row.pays, row.saves])).toEqual([
      ['Lotus Mart', '¥3,176.87', '¥2,842.86', '¥334.01'],
      ['华东食品', '¥2,957.04', '¥2,712.57', '¥244.47'],
      ['小王便利店', '¥497.20', '¥437.03', '¥60.17'],
      ['阿芳小卖部', '¥124.31', '¥109.26', '¥15.05'],
      ['鲜果仓', '¥1,821.49', '¥1,626.28', '¥195.21'],
    ]);
    expect(io.text()).toContain(
      '✓ merchants pay ¥7,728.00 = purchase orders SUP-BD ¥4,860.00 + SUP-GM ¥2,538.00 + SUP-MN ¥330.00; ✓ nobody pays more than alone',
    );
    expect(io.text()).toContain('the round saves ¥848.91 of ¥8,576.91 (9.9 %)');
    expect(io.text()).not.toContain('✗');
  });

  it('prints the same on every run (fixed clock, seeded ids)', async () => {
    const a = await runExample('procurement');
    const b = await runExample('procurement');
    expect(a.text()).toBe(b.text());
  });
});

describe('promotions example', () => {
  it('stacks 满减, 打折, a coupon and free shipping to the cent, finds the best deal, refunds exactly, caps a flash sale and ranks the campaigns', async () => {
    const io = await runExample('promotions');
    const [sequenceLines, decisions, bestLines, refunds, burst, campaigns] = io.tables;
    // 8折 on tea: 136.00 × 20 % = 27.20, 88.00 × 20 % = 17.60 → 299.20 left; 9折 order-wide 29.92
    // spread 10.88 / 7.04 / 12.00; the coupon's 20.00 over 97.92 / 63.36 / 108.00 → 7.27 / 4.71 / 8.02.
    expect(sequenceLines?.map((r) => [r['tea-8zhe'], r['store-9zhe'], r.welcome20, r.total])).toEqual([
      ['¥27.20', '¥10.88', '¥7.27', '¥90.65'],
      ['¥17.60', '¥7.04', '¥4.71', '¥58.65'],
      ['¥0.00', '¥12.00', '¥8.02', '¥99.98'],
    ]);
    expect(decisions?.map((r) => [r.promotion, r.applied])).toEqual([
      ['tea-8zhe', 'yes'],
      ['spring-mj', 'no'],
      ['store-9zhe', 'yes'],
      ['welcome20', 'yes'],
      ['ship-99', 'yes'],
    ]);
    expect(decisions?.[1]?.reason).toBe('store-9zhe applied from exclusive group store');
    expect(io.text()).toContain('total ¥249.28, saved ¥106.72');
    // 满299减40 on 299.20: 4000 × 108.80 / 299.20 = 14.545… → 14.55 (largest remainder), 9.41, 16.04.
    expect(bestLines?.map((r) => [r['spring-mj'], r['store-9zhe'], r.total])).toEqual([
      ['¥14.55', '¥0.00', '¥86.98'],
      ['¥9.41', '¥0.00', '¥56.28'],
      ['¥16.04', '¥0.00', '¥95.94'],
    ]);
    expect(io.text()).toContain('total ¥239.20, ¥10.08 more off — branch-and-bound, 5 candidates');
    expect(refunds?.map((r) => [r['tea-8zhe'], r['spring-mj'], r.welcome20, r['paid back']])).toEqual([
      ['¥13.60', '¥7.28', '¥3.63', '¥43.49'],
      ['¥13.60', '¥7.27', '¥3.64', '¥43.49'],
    ]);
    expect(io.text()).toContain('¥43.49 + ¥43.49 = ¥86.98, what the line cost ✓');
    // 48 bags left for 40 buyers of 2: ⌊48 / 2⌋ = 24, in any order.
    expect(burst).toEqual([
      { checkouts: 'c-early, before', claimed: 1, refused: '0', 'stock used': '2 of 50' },
      { checkouts: '40 at once', claimed: 24, refused: '16 [CAP_EXCEEDED]', 'stock used': '50 of 50' },
    ]);
    expect(io.text()).toContain('is cancelled: stock used 48 of 50.');
    expect(io.text()).toContain(
      'c-early again: priced at ¥119.80 (CUSTOMER_LIMIT_REACHED); its old evaluation is refused by the store: CAP_EXCEEDED on rice-flash#customer-units.',
    );
    expect(io.text()).toContain('b-late gets the two bags for ¥79.80: stock used 50 of 50, never past it ✓');
    // 新人券: (80 − 0) / 40 = 200 %; 春茶季: (70 − 100) / (144.80 + 100) = −12.25 %;
    // 大米秒杀: 25 orders × (79.80 − 90.00) = −255.00; (−255 − 200) / (1,000 + 200) = −37.9 %.
    expect(
      campaigns?.map((r) => [
        r.campaign,
        r.orders,
        r['new customers'],
        r.revenue,
        r['discount cost'],
        r['margin after discount'],
        r['redemption rate'],
        r.method,
        r['incremental revenue'],
        r['incremental margin'],
        r.ROI,
      ]),
    ).toEqual([
      [
        '新人券',
        2,
        2,
        '¥419.20',
        '¥40.00',
        '¥139.20',
        '0.7 %',
        'control-group',
        '¥600.00',
        '¥80.00',
        '200.0 %',
      ],
      [
        '春茶季',
        2,
        1,
        '¥751.20',
        '¥144.80',
        '¥241.20',
        '0.2 %',
        'pre-period-baseline',
        '¥500.00',
        '¥70.00',
        '-12.3 %',
      ],
      [
        '大米秒杀',
        25,
        25,
        '¥1,995.00',
        '¥1,000.00',
        '-¥255.00',
        '–',
        'pre-period-baseline',
        '¥1,995.00',
        '-¥255.00',
        '-37.9 %',
      ],
    ]);
    expect(io.text()).not.toContain('✗');
  });

  it('prints the same on every run (fixed clock, seeded ids)', async () => {
    const a = await runExample('promotions');
    const b = await runExample('promotions');
    expect(a.text()).toBe(b.text());
  });
});
