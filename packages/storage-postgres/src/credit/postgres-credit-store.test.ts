import { fixedClock } from '@s2b2b/core';
import { createCreditService, lineAccountId, platformAccountId } from '@s2b2b/credit';
import { describe, expect, it } from 'vitest';
import { serverTestTarget, testTargets } from '../testing/test-clients.js';
import { useTarget } from '../testing/use-target.js';

const NOW = new Date('2026-03-01T02:00:00.000Z');

for (const target of testTargets()) {
  describe(`${target.name}: credit tables`, () => {
    const db = useTarget(target);

    async function lineWithDraws() {
      const storage = db.open();
      await storage.migrate({ domains: ['credit'] });
      const credit = createCreditService({ storage, clock: fixedClock(NOW) });
      await credit.openLine({ idempotencyKey: 'open', lineId: 'L-1', merchantId: 'M-1', limit: '1000.00' });
      await credit.draw({ idempotencyKey: 'd-1', lineId: 'L-1', product: 'purchase', amount: '100.00' });
      await credit.draw({
        idempotencyKey: 'd-2',
        lineId: 'L-1',
        product: 'purchase',
        amount: '50.00',
        hold: true,
      });
      return { storage, credit };
    }

    it('keeps transfers append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
      const { storage } = await lineWithDraws();
      const table = `"${storage.schema}".credit_transfers`;
      const before = await storage.credit.listTransfers();
      for (const statement of [
        `UPDATE ${table} SET amount = 1`,
        `DELETE FROM ${table}`,
        `TRUNCATE ${table} CASCADE`,
      ]) {
        await expect(storage.sql.query(statement)).rejects.toMatchObject({ code: '23001' });
      }
      expect(await storage.credit.listTransfers()).toEqual(before);
    });

    it('never updates the platform’s rows: their balances are summed from transfers and holds', async () => {
      const { storage } = await lineWithDraws();
      const { rows } = await storage.sql.query<{ id: string; unbounded: boolean; moved: string }>(
        `SELECT id, unbounded, (debits_pending + debits_posted + credits_pending + credits_posted)::text AS moved
           FROM "${storage.schema}".credit_accounts ORDER BY id`,
      );
      const funding = platformAccountId('CNY', 'funding');
      expect(rows.find((row) => row.id === funding)).toEqual({ id: funding, unbounded: true, moved: '0' });
      expect(rows.find((row) => row.id === lineAccountId('L-1', 'principal'))).toMatchObject({
        unbounded: false,
        moved: '15000',
      });
      expect(await storage.credit.getAccount(funding)).toMatchObject({
        debitsPending: 0,
        debitsPosted: 0,
        creditsPending: 5_000,
        creditsPosted: 10_000,
      });
    });

    it('backs the ledger with CHECK constraints against writes that bypass the adapter', async () => {
      const { storage } = await lineWithDraws();
      const accounts = `"${storage.schema}".credit_accounts`;
      await expect(
        storage.sql.query(`UPDATE ${accounts} SET debits_posted = -1 WHERE id = $1`, [
          lineAccountId('L-1', 'principal'),
        ]),
      ).rejects.toMatchObject({ code: '23514' });
      // an unbounded account cannot be given a limit (its balances are not kept on its row)
      await expect(
        storage.sql.query(`UPDATE ${accounts} SET debit_limit = 5 WHERE id = $1`, [
          platformAccountId('CNY', 'funding'),
        ]),
      ).rejects.toMatchObject({ code: '23514' });
      const holds = `"${storage.schema}".credit_holds`;
      await expect(storage.sql.query(`UPDATE ${holds} SET status = 'posted'`)).rejects.toMatchObject({
        code: '23514',
      });
    });
  });
}

const server = serverTestTarget();
describe.runIf(server)('postgres: credit under real concurrency', () => {
  const db = useTarget(server!);

  it('serialises draws on one line at its principal row and lets other lines through', async () => {
    const storage = db.open();
    await storage.migrate({ domains: ['credit'] });
    const credit = createCreditService({ storage, clock: fixedClock(NOW) });
    for (const id of ['A', 'B']) {
      await credit.openLine({ idempotencyKey: `open-${id}`, lineId: id, merchantId: id, limit: '10.00' });
    }
    const draws = await Promise.allSettled(
      Array.from({ length: 40 }, (_, index) =>
        credit.draw({
          idempotencyKey: `d-${index}`,
          lineId: index % 2 ? 'A' : 'B',
          product: 'purchase',
          amount: '1.00',
        }),
      ),
    );
    expect(draws.filter((result) => result.status === 'fulfilled')).toHaveLength(20);
    for (const id of ['A', 'B'])
      expect(await credit.getLine(id)).toMatchObject({ drawn: { amount: '10.00' } });
  });
});
