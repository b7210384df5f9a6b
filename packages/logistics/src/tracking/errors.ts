import { DomainError } from '@s2b2b/core';

/**
 * Every `DomainError` code the tracking service and the tracking stores throw, with what it
 * means. Stable: hosts can switch on them. (Per-event problems during ingestion are outcomes,
 * not errors: see `INGEST_OUTCOMES`.)
 *
 * @example
 * if (error.code === 'TRACKING_NUMBER_TAKEN') showExisting(error.details.trackingNumber);
 */
export const TRACKING_ERROR_CODES = Object.freeze({
  SHIPMENT_EXISTS: 'The shipment id is taken.',
  TRACKING_NUMBER_TAKEN: "Another shipment already has this carrier's tracking number.",
  SHIPMENT_NOT_FOUND: 'No shipment has that id.',
  SHIPMENT_VERSION_CONFLICT:
    'The shipment changed since it was read (a port caller saved without holding the lock; the service never does).',
} as const);

/**
 * One of {@link TRACKING_ERROR_CODES}.
 *
 * @example
 * const code: TrackingErrorCode = 'SHIPMENT_EXISTS';
 */
export type TrackingErrorCode = keyof typeof TRACKING_ERROR_CODES;

/**
 * `SHIPMENT_EXISTS`.
 *
 * @example
 * throw shipmentExistsError('shp-1');
 */
export function shipmentExistsError(id: string): DomainError {
  return new DomainError('SHIPMENT_EXISTS', `Shipment ${JSON.stringify(id)} already exists`, {
    shipmentId: id,
  });
}

/**
 * `TRACKING_NUMBER_TAKEN`.
 *
 * @example
 * throw trackingNumberTakenError('SF', 'SF1234567890');
 */
export function trackingNumberTakenError(carrierId: string, trackingNumber: string): DomainError {
  return new DomainError(
    'TRACKING_NUMBER_TAKEN',
    `${carrierId} tracking number ${JSON.stringify(trackingNumber)} belongs to another shipment`,
    { carrierId, trackingNumber },
  );
}

/**
 * `SHIPMENT_NOT_FOUND`.
 *
 * @example
 * throw shipmentNotFoundError('shp-9');
 */
export function shipmentNotFoundError(id: string): DomainError {
  return new DomainError('SHIPMENT_NOT_FOUND', `Shipment ${JSON.stringify(id)} was not found`, {
    shipmentId: id,
  });
}

/**
 * `SHIPMENT_VERSION_CONFLICT`.
 *
 * @example
 * throw shipmentVersionConflictError('shp-1', 3, 4);
 */
export function shipmentVersionConflictError(id: string, expected: number, actual: number): DomainError {
  return new DomainError(
    'SHIPMENT_VERSION_CONFLICT',
    `Shipment ${JSON.stringify(id)} is at version ${actual}, not ${expected}`,
    { shipmentId: id, expectedVersion: expected, version: actual },
  );
}
