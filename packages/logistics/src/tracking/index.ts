export { trackingOutcomeCodec } from './codec.js';
export { shipmentEvent, type TrackingCommandContext } from './commands/context.js';
export { type CreateShipmentOutcome, createShipment } from './commands/create-shipment.js';
export {
  INGEST_OUTCOMES,
  type IngestEventsOutcome,
  type IngestNote,
  type IngestOutcome,
  type IngestResult,
  ingestCarrierEvents,
} from './commands/ingest-events.js';
export { deriveShipmentState, isTerminalStatus } from './derive-state.js';
export {
  shipmentExistsError,
  shipmentNotFoundError,
  shipmentVersionConflictError,
  TRACKING_ERROR_CODES,
  type TrackingErrorCode,
  trackingNumberTakenError,
} from './errors.js';
export {
  SHIPMENT_EVENT_TYPE,
  SHIPMENT_EVENT_TYPES,
  type ShipmentEvent,
  type ShipmentEventPayload,
  type ShipmentEventType,
} from './events.js';
export {
  checkShipmentFilter,
  checkTrackingEventFilter,
  DEFAULT_EVENT_PAGE_SIZE,
  DEFAULT_SHIPMENT_PAGE,
  MAX_EVENT_PAGE_SIZE,
  MAX_SHIPMENT_PAGE,
  shipmentFilterSchema,
  trackingEventFilterSchema,
} from './filters.js';
export {
  type CarrierEventInput,
  type CreateShipmentInput,
  carrierEventSchema,
  createShipmentSchema,
  FUTURE_EVENT_TOLERANCE_MS,
  type IngestEventsInput,
  ingestEventsSchema,
  MAX_INGEST_EVENTS,
  MAX_SHIPMENT_ORDERS,
  trackingIdempotencyKeySchema,
} from './schemas.js';
export {
  type CreateShipmentResult,
  createTrackingService,
  type IngestEventsResult,
  type TrackingService,
  type TrackingServiceOptions,
} from './service.js';
export { compareTrackingEvents, STATUS_RANK, sortTimeline } from './timeline.js';
