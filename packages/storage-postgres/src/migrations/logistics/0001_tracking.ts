/**
 * Shipment tracking: shipments (what they are and the state derived from their events), the
 * orders each carries, and the append-only history of carrier events.
 *
 * A carrier event is recorded once per shipment by the primary key on (shipment_id,
 * event_id); a shipment's state is only replaced over the version it was derived from (the
 * adapter's conditional UPDATE checks `version`). Ids are `COLLATE "C"`: byte order, the order
 * the adapter locks shipments in. Times are timestamptz (the kit's instants are UTC).
 *
 * @example
 * migrationSql({ schema: 'shop', domains: ['logistics'] }).find((m) => m.id === 'logistics/0001_tracking')?.sql
 */
export const sql = `
CREATE TABLE {{schema}}.logistics_shipments (
  id                    text COLLATE "C" PRIMARY KEY,
  carrier_id            text COLLATE "C" NOT NULL,
  tracking_number       text COLLATE "C" NOT NULL,
  merchant_id           text COLLATE "C" NOT NULL,
  origin                text,
  destination           text,
  transit_days          integer NOT NULL CHECK (transit_days BETWEEN 0 AND 365),
  promised_by           timestamptz,
  planned_pickup_at     timestamptz,
  created_at            timestamptz NOT NULL,
  status                text NOT NULL CHECK (status IN
    ('created', 'picked-up', 'in-transit', 'out-for-delivery', 'delivered', 'exception', 'returned')),
  status_at             timestamptz NOT NULL,
  picked_up_at          timestamptz,
  delivered_at          timestamptz,
  returned_at           timestamptz,
  exception_at          timestamptz,
  exception_description text,
  last_event_at         timestamptz,
  last_location         text,
  eta                   timestamptz,
  eta_source            text CHECK (eta_source IN ('transit-days', 'carrier', 'delivered')),
  late                  boolean NOT NULL DEFAULT false,
  event_count           integer NOT NULL DEFAULT 0 CHECK (event_count >= 0),
  version               bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
  updated_at            timestamptz NOT NULL,
  CONSTRAINT logistics_shipments_tracking_number_key UNIQUE (carrier_id, tracking_number)
);
CREATE INDEX logistics_shipments_merchant_idx ON {{schema}}.logistics_shipments (merchant_id, id);

CREATE TABLE {{schema}}.logistics_shipment_orders (
  order_id    text COLLATE "C" NOT NULL,
  shipment_id text COLLATE "C" NOT NULL REFERENCES {{schema}}.logistics_shipments (id),
  PRIMARY KEY (order_id, shipment_id)
);
CREATE INDEX logistics_shipment_orders_shipment_idx ON {{schema}}.logistics_shipment_orders (shipment_id, order_id);

CREATE TABLE {{schema}}.logistics_tracking_events (
  sequence           bigserial NOT NULL UNIQUE,
  shipment_id        text COLLATE "C" NOT NULL REFERENCES {{schema}}.logistics_shipments (id),
  event_id           text COLLATE "C" NOT NULL,
  status             text NOT NULL CHECK (status IN
    ('picked-up', 'in-transit', 'out-for-delivery', 'delivered', 'exception', 'returned')),
  occurred_at        timestamptz NOT NULL,
  received_at        timestamptz NOT NULL,
  location           text,
  description        text,
  estimated_delivery timestamptz,
  correction         boolean NOT NULL DEFAULT false,
  PRIMARY KEY (shipment_id, event_id)
);
CREATE INDEX logistics_tracking_events_sequence_idx ON {{schema}}.logistics_tracking_events (shipment_id, sequence);

CREATE FUNCTION {{schema}}.logistics_tracking_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'logistics_tracking_events is an append-only history: % is not allowed', TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER logistics_tracking_events_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON {{schema}}.logistics_tracking_events
  FOR EACH STATEMENT EXECUTE FUNCTION {{schema}}.logistics_tracking_events_append_only();
`;
