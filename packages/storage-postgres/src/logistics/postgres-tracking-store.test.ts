import { deriveShipmentState, type Shipment } from '@s2b2b/logistics';
import { describe, expect, it } from 'vitest';
import { testTargets } from '../testing/test-clients.js';
import { useTarget } from '../testing/use-target.js';

const NOW = new Date('2026-03-02T01:00:00.000Z');

function shipment(id: string, trackingNumber: string): Shipment {
  const record = {
    id,
    carrierId: 'SF',
    trackingNumber,
    merchantId: 'M-1',
    orderIds: ['SO-1'],
    origin: '上海',
    destination: null,
    transitDays: 2,
    promisedBy: null,
    plannedPickupAt: null,
    createdAt: NOW,
  };
  return { ...record, ...deriveShipmentState(record, []), version: 0, updatedAt: NOW };
}

for (const target of testTargets()) {
  describe(`${target.name}: tracking tables`, () => {
    const db = useTarget(target);

    it('keeps the event history append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
      const storage = db.open();
      await storage.migrate({ domains: ['logistics'] });
      await storage.transaction(async (tx) => {
        await tx.tracking.insertShipment(shipment('shp-1', 'SF1'));
        await tx.tracking.insertEvents([
          {
            shipmentId: 'shp-1',
            eventId: 'e1',
            status: 'picked-up',
            occurredAt: NOW,
            receivedAt: NOW,
            location: null,
            description: null,
            estimatedDelivery: null,
            correction: false,
          },
        ]);
      });
      const table = `"${storage.schema}".logistics_tracking_events`;
      for (const statement of [
        `UPDATE ${table} SET location = 'x'`,
        `DELETE FROM ${table}`,
        `TRUNCATE ${table}`,
      ]) {
        await expect(storage.sql.query(statement)).rejects.toMatchObject({ code: '23001' });
      }
      expect(await storage.tracking.listEvents('shp-1')).toHaveLength(1);
    });

    it('backs the rules with constraints: one tracking number per carrier, known statuses, a version never below 0', async () => {
      const storage = db.open();
      await storage.migrate({ domains: ['logistics'] });
      await storage.transaction((tx) => tx.tracking.insertShipment(shipment('shp-1', 'SF1')));
      const table = `"${storage.schema}".logistics_shipments`;
      await expect(storage.sql.query(`UPDATE ${table} SET status = 'lost'`)).rejects.toMatchObject({
        code: '23514',
      });
      await expect(storage.sql.query(`UPDATE ${table} SET version = -1`)).rejects.toMatchObject({
        code: '23514',
      });
      await expect(
        storage.sql.query(
          `INSERT INTO ${table} (id, carrier_id, tracking_number, merchant_id, transit_days, created_at, status, status_at, updated_at)
           VALUES ('shp-2', 'SF', 'SF1', 'M', 1, now(), 'created', now(), now())`,
        ),
      ).rejects.toMatchObject({ code: '23505' });
    });
  });
}
