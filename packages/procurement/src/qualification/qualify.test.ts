import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { qualifySupplier } from './qualify.js';

const AT = '2026-03-01T00:00:00+08:00';

describe('qualifySupplier', () => {
  it('qualifies a supplier holding every required document, valid now and through delivery', () => {
    const result = qualifySupplier({
      supplier: {
        supplierId: 'SUP-1',
        documents: [
          { kind: 'business-licence' },
          { kind: 'food-production-licence', number: 'SC106', expiresAt: '2027-06-30T00:00:00+08:00' },
        ],
      },
      requirements: {
        documents: ['business-licence', 'food-production-licence'],
        validThrough: '2026-04-01T00:00:00+08:00',
      },
      at: AT,
    });
    expect(result).toEqual({ supplierId: 'SUP-1', qualified: true, reasons: [] });
  });

  it('lists every reason: missing, expired, not yet valid, expiring before delivery, blocking standing', () => {
    const result = qualifySupplier({
      supplier: {
        supplierId: 'SUP-2',
        documents: [
          { kind: 'business-licence', expiresAt: '2026-01-31T00:00:00+08:00' },
          { kind: 'iso-9001', validFrom: '2026-06-01T00:00:00+08:00' },
          { kind: 'food-production-licence', expiresAt: '2026-03-15T00:00:00+08:00' },
        ],
        rating: { score: 18.4, standing: 'Very Poor', blocksAwards: true, asOf: AT },
      },
      requirements: {
        documents: ['business-licence', 'iso-9001', 'food-production-licence', 'halal'],
        validThrough: '2026-03-20T00:00:00+08:00',
      },
      at: AT,
    });
    expect(result.qualified).toBe(false);
    expect(result.reasons.map((r) => [r.code, r.details.kind ?? r.details.standing])).toEqual([
      ['DOCUMENT_EXPIRED', 'business-licence'],
      ['DOCUMENT_NOT_YET_VALID', 'iso-9001'],
      ['DOCUMENT_EXPIRES_BEFORE_DELIVERY', 'food-production-licence'],
      ['DOCUMENT_MISSING', 'halal'],
      ['STANDING_BLOCKS_AWARDS', 'Very Poor'],
    ]);
  });

  it('expiry is exclusive: a document expiring at the award instant no longer counts; of several the best counts', () => {
    const expired = qualifySupplier({
      supplier: { supplierId: 'S', documents: [{ kind: 'licence', expiresAt: AT }] },
      requirements: { documents: ['licence'] },
      at: AT,
    });
    expect(expired.reasons.map((r) => r.code)).toEqual(['DOCUMENT_EXPIRED']);
    const renewed = qualifySupplier({
      supplier: {
        supplierId: 'S',
        documents: [
          { kind: 'licence', expiresAt: AT },
          { kind: 'licence', validFrom: '2026-02-01T00:00:00+08:00', expiresAt: '2029-01-01T00:00:00+08:00' },
        ],
      },
      requirements: { documents: ['licence'] },
      at: AT,
    });
    expect(renewed.qualified).toBe(true);
  });

  it('validates its input', () => {
    expect(() => qualifySupplier({ supplier: { supplierId: '' }, at: AT })).toThrow(ValidationError);
    expect(() =>
      qualifySupplier({
        supplier: {
          supplierId: 'S',
          documents: [{ kind: 'x', validFrom: AT, expiresAt: '2020-01-01T00:00:00Z' }],
        },
        at: AT,
      }),
    ).toThrow(ValidationError);
  });
});
