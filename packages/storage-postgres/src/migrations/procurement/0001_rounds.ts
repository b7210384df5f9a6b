/**
 * Procurement: suppliers, framework agreements and their price tiers, buying rounds with their
 * requests (and request lines), awards, allocations, purchase orders (and lines) and the
 * capacity each agreement has committed per period.
 *
 * Money is BIGINT minor units beside a currency; unit prices are NUMERIC (sub-minor digits are
 * the point, at most 6 decimals), stored as given so `'12.50'` reads back as `'12.50'`.
 * Quantities are BIGINT. A round's request lock and a request's version are what the adapter's
 * conditional UPDATEs check; capacity is committed by `UPDATE … SET used = used + $q WHERE
 * used + $q <= $limit`, checked by its row count. Ids are `COLLATE "C"` (code-point order, the
 * order rows are locked in). A round's award, and the SKU details of it, are JSONB written once.
 *
 * @example
 * migrationSql({ schema: 'shop', domains: ['procurement'] }).find((m) => m.id === 'procurement/0001_rounds')?.sql
 */
export const sql = `
CREATE TABLE {{schema}}.procurement_suppliers (
  supplier_id          text COLLATE "C" PRIMARY KEY,
  name                 text,
  documents            jsonb NOT NULL DEFAULT '[]'::jsonb,
  rating_score         numeric CHECK (rating_score BETWEEN 0 AND 100),
  rating_standing      text,
  rating_blocks_awards boolean,
  rating_as_of         timestamptz,
  version              bigint NOT NULL CHECK (version > 0),
  updated_at           timestamptz NOT NULL,
  CONSTRAINT procurement_suppliers_rating_whole CHECK (
    (rating_score IS NULL) = (rating_standing IS NULL)
    AND (rating_score IS NULL) = (rating_blocks_awards IS NULL)
    AND (rating_score IS NULL) = (rating_as_of IS NULL)
  )
);

CREATE TABLE {{schema}}.procurement_agreements (
  agreement_id      text COLLATE "C" PRIMARY KEY,
  supplier_id       text COLLATE "C" NOT NULL,
  sku               text COLLATE "C" NOT NULL,
  currency          text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  pricing           text NOT NULL CHECK (pricing IN ('all-units', 'incremental')),
  moq               bigint NOT NULL CHECK (moq > 0),
  pack_size         bigint NOT NULL CHECK (pack_size > 0),
  capacity_quantity bigint CHECK (capacity_quantity >= 0),
  capacity_period   text CHECK (capacity_period IN ('day', 'week', 'month', 'quarter', 'year')),
  lead_time_days    integer NOT NULL CHECK (lead_time_days >= 0),
  valid_from        timestamptz NOT NULL,
  valid_to          timestamptz,
  regions           text[],
  version           bigint NOT NULL CHECK (version > 0),
  updated_at        timestamptz NOT NULL,
  CONSTRAINT procurement_agreements_capacity_whole CHECK ((capacity_quantity IS NULL) = (capacity_period IS NULL)),
  CONSTRAINT procurement_agreements_validity CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX procurement_agreements_sku_idx ON {{schema}}.procurement_agreements (sku, agreement_id);
CREATE INDEX procurement_agreements_supplier_idx ON {{schema}}.procurement_agreements (supplier_id, agreement_id);

CREATE TABLE {{schema}}.procurement_agreement_tiers (
  agreement_id text COLLATE "C" NOT NULL REFERENCES {{schema}}.procurement_agreements (agreement_id) ON DELETE CASCADE,
  tier         integer NOT NULL CHECK (tier >= 0),
  min_quantity bigint NOT NULL CHECK (min_quantity > 0),
  unit_price   numeric NOT NULL CHECK (unit_price >= 0 AND scale(unit_price) <= 6),
  PRIMARY KEY (agreement_id, tier)
);

CREATE TABLE {{schema}}.procurement_rounds (
  round_id           text COLLATE "C" PRIMARY KEY,
  name               text,
  currency           text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  skus               jsonb NOT NULL,
  bundles            jsonb NOT NULL,
  regions            text[] NOT NULL,
  required_documents text[] NOT NULL,
  opens_at           timestamptz NOT NULL,
  closes_at          timestamptz NOT NULL,
  need_by            timestamptz,
  zone               text NOT NULL,
  rounding           text NOT NULL,
  rationing          text NOT NULL CHECK (rationing IN ('proportional', 'first-come')),
  created_at         timestamptz NOT NULL,
  status             text NOT NULL CHECK (status IN ('open', 'closed', 'cancelled')),
  request_count      bigint NOT NULL CHECK (request_count >= 0),
  units              bigint NOT NULL CHECK (units >= 0),
  closed_at          timestamptz,
  cancelled_at       timestamptz,
  cancel_reason      text,
  version            bigint NOT NULL CHECK (version >= 0),
  updated_at         timestamptz NOT NULL,
  CONSTRAINT procurement_rounds_window CHECK (closes_at > opens_at)
);

CREATE TABLE {{schema}}.procurement_requests (
  round_id      text COLLATE "C" NOT NULL REFERENCES {{schema}}.procurement_rounds (round_id),
  request_id    text COLLATE "C" NOT NULL,
  sequence      bigserial NOT NULL UNIQUE,
  merchant_id   text COLLATE "C" NOT NULL,
  region        text COLLATE "C" NOT NULL,
  items         jsonb NOT NULL,
  status        text NOT NULL CHECK (status IN ('active', 'cancelled')),
  cancel_reason text,
  submitted_at  timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  version       bigint NOT NULL CHECK (version >= 0),
  PRIMARY KEY (round_id, request_id)
);
CREATE INDEX procurement_requests_sequence_idx ON {{schema}}.procurement_requests (round_id, sequence);

CREATE TABLE {{schema}}.procurement_request_lines (
  round_id   text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  sku        text COLLATE "C" NOT NULL,
  quantity   bigint NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (round_id, request_id, sku),
  FOREIGN KEY (round_id, request_id) REFERENCES {{schema}}.procurement_requests (round_id, request_id) ON DELETE CASCADE
);

CREATE TABLE {{schema}}.procurement_awards (
  round_id         text COLLATE "C" PRIMARY KEY REFERENCES {{schema}}.procurement_rounds (round_id),
  currency         text NOT NULL,
  at               timestamptz NOT NULL,
  requests         bigint NOT NULL,
  demand           bigint NOT NULL,
  filled           bigint NOT NULL,
  unmet            bigint NOT NULL,
  cost_minor       bigint NOT NULL,
  standalone_minor bigint NOT NULL,
  skus             jsonb NOT NULL,
  merchants        jsonb NOT NULL,
  qualification    jsonb NOT NULL,
  CONSTRAINT procurement_awards_balanced CHECK (demand = filled + unmet AND standalone_minor >= cost_minor)
);

CREATE TABLE {{schema}}.procurement_allocations (
  round_id         text COLLATE "C" NOT NULL REFERENCES {{schema}}.procurement_rounds (round_id),
  request_id       text COLLATE "C" NOT NULL,
  sku              text COLLATE "C" NOT NULL,
  merchant_id      text COLLATE "C" NOT NULL,
  region           text COLLATE "C" NOT NULL,
  currency         text NOT NULL,
  requested        bigint NOT NULL CHECK (requested > 0),
  filled           bigint NOT NULL CHECK (filled BETWEEN 0 AND requested),
  amount_minor     bigint NOT NULL CHECK (amount_minor >= 0),
  standalone_minor bigint NOT NULL CHECK (standalone_minor >= amount_minor),
  PRIMARY KEY (round_id, request_id, sku)
);
CREATE INDEX procurement_allocations_merchant_idx ON {{schema}}.procurement_allocations (round_id, merchant_id, request_id, sku);

CREATE TABLE {{schema}}.procurement_purchase_orders (
  purchase_order_id text COLLATE "C" PRIMARY KEY,
  round_id          text COLLATE "C" NOT NULL REFERENCES {{schema}}.procurement_rounds (round_id),
  supplier_id       text COLLATE "C" NOT NULL,
  currency          text NOT NULL,
  need_by           timestamptz,
  total_minor       bigint NOT NULL CHECK (total_minor >= 0),
  created_at        timestamptz NOT NULL
);
CREATE INDEX procurement_purchase_orders_round_idx ON {{schema}}.procurement_purchase_orders (round_id, purchase_order_id);
CREATE INDEX procurement_purchase_orders_supplier_idx ON {{schema}}.procurement_purchase_orders (supplier_id, purchase_order_id);

CREATE TABLE {{schema}}.procurement_purchase_order_lines (
  purchase_order_id text COLLATE "C" NOT NULL REFERENCES {{schema}}.procurement_purchase_orders (purchase_order_id),
  line              integer NOT NULL CHECK (line >= 0),
  sku               text COLLATE "C" NOT NULL,
  agreement_id      text COLLATE "C" NOT NULL,
  quantity          bigint NOT NULL CHECK (quantity > 0),
  tier              integer NOT NULL CHECK (tier >= 0),
  unit_price        numeric NOT NULL CHECK (unit_price >= 0),
  amount_minor      bigint NOT NULL CHECK (amount_minor >= 0),
  deliveries        jsonb NOT NULL,
  PRIMARY KEY (purchase_order_id, line)
);

CREATE TABLE {{schema}}.procurement_capacity (
  agreement_id text COLLATE "C" NOT NULL,
  period_start timestamptz NOT NULL,
  used         bigint NOT NULL DEFAULT 0 CHECK (used >= 0),
  PRIMARY KEY (agreement_id, period_start)
);
`;
