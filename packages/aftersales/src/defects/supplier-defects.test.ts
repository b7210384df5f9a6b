import { manualClock } from '@s2b2b/core';
import { createMemoryStorage } from '@s2b2b/storage-memory';
import { describe, expect, it } from 'vitest';
import { createCaseService } from '../cases/service.js';
import { summarizeSupplierDefects, supplierDefectRecords } from './supplier-defects.js';

const local = (text: string) => new Date(`${text}+08:00`);

async function resolvedCase(
  reason: 'quality-defect' | 'transport-damage',
  kind: 'refund' | 'reject' = 'refund',
) {
  const clock = manualClock(local('2025-09-29T10:00:00'));
  const cases = createCaseService({ storage: createMemoryStorage(), clock });
  await cases.open({
    idempotencyKey: 'open',
    caseId: 'case-1',
    orderId: 'SO-1',
    merchantId: 'M-1',
    supplierId: 'SUP-7',
    category: 'tea',
    type: 'return',
    reason,
    lines: [
      {
        lineId: 'L1',
        sku: 'TEA-500G',
        orderedQuantity: 10,
        unitPrice: '19.90',
        discount: '15.00',
        quantity: 3,
      },
      { lineId: 'L2', sku: 'CUP-6', orderedQuantity: 2, unitPrice: '45.00', quantity: 1 },
    ],
    shipment: { freight: '18.00' },
  });
  await cases.assign({ idempotencyKey: 'assign', caseId: 'case-1', agentId: 'agent-1', party: 'supplier' });
  clock.set(local('2025-09-29T15:30:00'));
  await cases.respond({ idempotencyKey: 'answer', caseId: 'case-1', from: 'supplier', message: 'bad seal' });
  clock.set(local('2025-09-30T11:00:00'));
  const { case: record } = await cases.resolve({
    idempotencyKey: 'resolve',
    caseId: 'case-1',
    resolution: kind === 'refund' ? { kind: 'refund', returnFreight: '10.00' } : { kind: 'reject' },
  });
  return record;
}

describe('supplierDefectRecords', () => {
  it('records each line of a quality case with the refund the supplier bore and its response time', async () => {
    const records = supplierDefectRecords(await resolvedCase('quality-defect'));
    expect(
      records.map((r) => [r.lineId, r.sku, r.defectiveQuantity, r.refund, r.responseMs, r.slaBreached]),
    ).toEqual([
      // L1: 3 × 19.90 − 4.50 discount = 55.20; L2: 45.00. Assigned 10:00, answered 15:30: 5.5 working hours.
      ['L1', 'TEA-500G', 3, '55.20', 5.5 * 3_600_000, false],
      ['L2', 'CUP-6', 1, '45.00', 5.5 * 3_600_000, false],
    ]);
    expect(records[0]).toMatchObject({
      supplierId: 'SUP-7',
      reason: 'quality-defect',
      resolution: 'refund',
      currency: 'CNY',
    });
  });

  it('records nothing for a transport fault or a rejected case', async () => {
    expect(supplierDefectRecords(await resolvedCase('transport-damage'))).toEqual([]);
    expect(supplierDefectRecords(await resolvedCase('quality-defect', 'reject'))).toEqual([]);
  });

  it('summarises per supplier', async () => {
    const records = supplierDefectRecords(await resolvedCase('quality-defect'));
    expect(summarizeSupplierDefects(records).get('SUP-7')).toEqual({
      cases: 1,
      defectiveUnits: 4,
      refund: '100.20',
      currency: 'CNY',
      breaches: 0,
      meanResponseMs: 5.5 * 3_600_000,
    });
  });
});
