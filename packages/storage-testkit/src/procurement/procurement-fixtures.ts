import { type ManualClock, manualClock } from '@s2b2b/core';
import {
  type AgreementInput,
  createProcurementService,
  type ProcurementEvent,
  type ProcurementService,
  type ProcurementStorage,
  type RoundRecord,
} from '@s2b2b/procurement';
import { uniqueName } from '../fixtures.js';

/**
 * When a procurement scenario's round opens; the clock starts a day later, inside the window.
 *
 * @example
 * manualClock(PROCUREMENT_NOW)
 */
export const PROCUREMENT_NOW = '2026-03-02T09:00:00+08:00';

/** The window of a scenario's rounds. */
const OPENS_AT = '2026-03-01T00:00:00+08:00';
const CLOSES_AT = '2026-03-08T00:00:00+08:00';
/** A time after the window, in the same month (capacity period). */
const AFTER_CLOSE = '2026-03-08T10:00:00+08:00';

/**
 * A service on the storage under test, ids unique to one test, and helpers for a market and a
 * round. Every scenario has its own SKUs, suppliers and agreements, so suites can share a storage.
 *
 * @example
 * const { service, id, openRound } = procurementScenario(storage);
 */
export interface ProcurementScenario {
  service: ProcurementService;
  clock: ManualClock;
  /** Events passed to `onEvent`, in order. */
  heard: ProcurementEvent[];
  /** An id unique to this scenario, from a name. */
  id(name: string): string;
  /** A fresh idempotency key. */
  key(name?: string): string;
  /** Saves a qualified supplier `id(name)`. */
  supplier(name: string): Promise<void>;
  /** Saves an agreement `id(name)` of supplier `id(supplier)` for SKU `id(sku)`. */
  agreement(name: string, supplier: string, sku: string, fields?: Partial<AgreementInput>): Promise<void>;
  /** Opens round `id(name)` for the SKUs `id(sku)` and regions 华东, 华南. */
  openRound(
    name: string,
    skus: string[],
    fields?: { bundles?: { bundleId: string; components: { sku: string; quantity: number }[] }[] },
  ): Promise<RoundRecord>;
  /** Submits a request `id(requestId)` of merchant `merchantId` for `id(sku)` units. */
  submit(
    round: string,
    requestId: string,
    merchantId: string,
    lines: [string, number][],
    region?: string,
  ): ReturnType<ProcurementService['submitRequest']>;
  /** Moves the clock past the window (same month) and closes the round. */
  close(round: string): ReturnType<ProcurementService['closeRound']>;
}

/**
 * A {@link ProcurementScenario} on a storage.
 *
 * @example
 * const s = procurementScenario(storage);
 * await s.supplier('A'); await s.agreement('AG', 'A', 'MILK', { tiers: [{ minQuantity: 1, unitPrice: '5' }] });
 */
export function procurementScenario(storage: ProcurementStorage): ProcurementScenario {
  const tag = uniqueName('p');
  const clock = manualClock(PROCUREMENT_NOW);
  const heard: ProcurementEvent[] = [];
  const service = createProcurementService({ storage, clock, onEvent: (event) => void heard.push(event) });
  const id = (name: string) => `${tag}-${name}`;
  let keys = 0;
  const key = (name = 'k') => `${tag}-${name}-${++keys}`;
  return {
    service,
    clock,
    heard,
    id,
    key,
    async supplier(name) {
      await service.saveSupplier({
        idempotencyKey: key('supplier'),
        supplier: { supplierId: id(name), name, documents: [{ kind: 'business-licence' }] },
      });
    },
    async agreement(name, supplier, sku, fields = {}) {
      await service.saveAgreement({
        idempotencyKey: key('agreement'),
        agreement: {
          agreementId: id(name),
          supplierId: id(supplier),
          sku: id(sku),
          validFrom: '2026-01-01T00:00:00+08:00',
          tiers: [
            { minQuantity: 1, unitPrice: '5.00' },
            { minQuantity: 100, unitPrice: '4.50' },
          ],
          ...fields,
        },
      });
    },
    async openRound(name, skus, fields = {}) {
      const { round } = await service.openRound({
        idempotencyKey: key('open'),
        roundId: id(name),
        skus: skus.map((sku) => ({ sku: id(sku) })),
        bundles: (fields.bundles ?? []).map((bundle) => ({
          bundleId: bundle.bundleId,
          components: bundle.components.map((c) => ({ sku: id(c.sku), quantity: c.quantity })),
        })),
        regions: ['华东', '华南'],
        requiredDocuments: ['business-licence'],
        opensAt: OPENS_AT,
        closesAt: CLOSES_AT,
      });
      return round;
    },
    submit(round, requestId, merchantId, lines, region = '华东') {
      return service.submitRequest({
        idempotencyKey: key('submit'),
        roundId: id(round),
        requestId: id(requestId),
        merchantId,
        region,
        items: lines.map(([sku, quantity]) => ({ sku: id(sku), quantity })),
      });
    },
    close(round) {
      clock.set(AFTER_CLOSE);
      return service.closeRound({ idempotencyKey: key('close'), roundId: id(round) });
    },
  };
}

/**
 * What a settled command came to: `'ok'` or the error code.
 *
 * @example
 * settled.map(procurementOutcomeCode) // ['ok', 'ROUND_CLOSED', ...]
 */
export function procurementOutcomeCode(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'ok';
  const reason = result.reason as { code?: string };
  return reason?.code ?? String(result.reason);
}
