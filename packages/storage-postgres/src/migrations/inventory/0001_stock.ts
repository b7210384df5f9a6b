/**
 * Shared stock: warehouses, positions (warehouse × SKU), the documents whose open lines back
 * reserved / in-transit / on-order stock, and the append-only movement ledger.
 *
 * Quantities are BIGINT base units: exact integer arithmetic in the conditional UPDATE that
 * enforces the invariant, eight bytes a counter, and values JavaScript holds exactly (the
 * range checks stop at 2^53 - 1). Ids are `COLLATE "C"`: byte order, which is the order the
 * adapter locks rows in, and the order the primary-key indexes already have.
 *
 * @example
 * migrationSql({ schema: 'shop', domains: ['inventory'] })[1].sql // this, with "shop" for {{schema}}
 */
export const sql = `
CREATE TABLE {{schema}}.inventory_warehouses (
  id             text COLLATE "C" PRIMARY KEY,
  name           text,
  allow_negative boolean NOT NULL DEFAULT false
);

CREATE TABLE {{schema}}.inventory_positions (
  warehouse_id text COLLATE "C" NOT NULL REFERENCES {{schema}}.inventory_warehouses (id),
  sku          text COLLATE "C" NOT NULL,
  on_hand      bigint NOT NULL DEFAULT 0,
  reserved     bigint NOT NULL DEFAULT 0,
  in_transit   bigint NOT NULL DEFAULT 0,
  on_order     bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (warehouse_id, sku),
  CONSTRAINT inventory_positions_not_negative CHECK (reserved >= 0 AND in_transit >= 0 AND on_order >= 0),
  CONSTRAINT inventory_positions_in_range CHECK (
    abs(on_hand) <= 9007199254740991 AND reserved <= 9007199254740991
    AND in_transit <= 9007199254740991 AND on_order <= 9007199254740991
  )
);
CREATE INDEX inventory_positions_sku_idx ON {{schema}}.inventory_positions (sku, warehouse_id);

CREATE TABLE {{schema}}.inventory_documents (
  kind                text COLLATE "C" NOT NULL CHECK (kind IN ('reservation', 'transfer', 'purchase-order')),
  id                  text COLLATE "C" NOT NULL,
  reference           text,
  source_warehouse_id text COLLATE "C" REFERENCES {{schema}}.inventory_warehouses (id),
  created_at          timestamptz NOT NULL,
  PRIMARY KEY (kind, id)
);

CREATE TABLE {{schema}}.inventory_document_lines (
  kind          text COLLATE "C" NOT NULL,
  document_id   text COLLATE "C" NOT NULL,
  warehouse_id  text COLLATE "C" NOT NULL REFERENCES {{schema}}.inventory_warehouses (id),
  sku           text COLLATE "C" NOT NULL,
  quantity      bigint NOT NULL CHECK (quantity > 0),
  open_quantity bigint NOT NULL,
  PRIMARY KEY (kind, document_id, warehouse_id, sku),
  FOREIGN KEY (kind, document_id) REFERENCES {{schema}}.inventory_documents (kind, id),
  CONSTRAINT inventory_document_lines_open CHECK (open_quantity >= 0 AND open_quantity <= quantity)
);

CREATE TABLE {{schema}}.inventory_movements (
  sequence         bigserial PRIMARY KEY,
  warehouse_id     text COLLATE "C" NOT NULL,
  sku              text COLLATE "C" NOT NULL,
  kind             text NOT NULL,
  on_hand_delta    bigint NOT NULL,
  reserved_delta   bigint NOT NULL,
  in_transit_delta bigint NOT NULL,
  on_order_delta   bigint NOT NULL,
  document_kind    text COLLATE "C",
  document_id      text COLLATE "C",
  reference        text,
  reason           text,
  command_scope    text NOT NULL,
  command_key      text NOT NULL,
  occurred_at      timestamptz NOT NULL,
  FOREIGN KEY (warehouse_id, sku) REFERENCES {{schema}}.inventory_positions (warehouse_id, sku)
);
CREATE INDEX inventory_movements_position_idx ON {{schema}}.inventory_movements (warehouse_id, sku, sequence);
CREATE INDEX inventory_movements_document_idx ON {{schema}}.inventory_movements (document_kind, document_id, sequence)
  WHERE document_id IS NOT NULL;

CREATE FUNCTION {{schema}}.inventory_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'inventory_movements is an append-only ledger: % is not allowed', TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER inventory_movements_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON {{schema}}.inventory_movements
  FOR EACH STATEMENT EXECUTE FUNCTION {{schema}}.inventory_movements_append_only();
`;
