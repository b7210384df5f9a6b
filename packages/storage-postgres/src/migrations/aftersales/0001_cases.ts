/**
 * After-sales cases: the case (its searchable columns, its scheduling instants and the whole
 * case as JSONB — lines, evidence, SLA clocks, resolution) and the append-only history of its
 * transitions.
 *
 * A case is replaced only over the version it was read at (the adapter's conditional UPDATE
 * checks `version`). The scheduler's scans — the cases whose next breach, or next warning,
 * breach or escalation, falls before an instant — read the partial indexes on
 * `(next_breach_at, id)` and `(next_due_at, id)`, which hold only cases with a running clock,
 * in the order the scan returns them. Ids are `COLLATE "C"` (code-point order); times are
 * timestamptz.
 *
 * @example
 * migrationSql({ schema: 'shop', domains: ['aftersales'] }).find((m) => m.id === 'aftersales/0001_cases')?.sql
 */
export const sql = `
CREATE TABLE {{schema}}.aftersales_cases (
  id             text COLLATE "C" PRIMARY KEY,
  order_id       text COLLATE "C" NOT NULL,
  merchant_id    text COLLATE "C" NOT NULL,
  supplier_id    text COLLATE "C" NOT NULL,
  status         text NOT NULL CHECK (status IN ('open', 'in-progress', 'awaiting-merchant', 'resolved', 'closed')),
  opened_at      timestamptz NOT NULL,
  next_due_at    timestamptz,
  next_breach_at timestamptz,
  version        bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
  updated_at     timestamptz NOT NULL,
  data           jsonb NOT NULL
);
CREATE INDEX aftersales_cases_merchant_idx ON {{schema}}.aftersales_cases (merchant_id, id);
CREATE INDEX aftersales_cases_supplier_idx ON {{schema}}.aftersales_cases (supplier_id, id);
CREATE INDEX aftersales_cases_order_idx ON {{schema}}.aftersales_cases (order_id, id);
CREATE INDEX aftersales_cases_breach_idx ON {{schema}}.aftersales_cases (next_breach_at, id)
  WHERE next_breach_at IS NOT NULL;
CREATE INDEX aftersales_cases_due_idx ON {{schema}}.aftersales_cases (next_due_at, id)
  WHERE next_due_at IS NOT NULL;

CREATE TABLE {{schema}}.aftersales_case_transitions (
  sequence      bigserial NOT NULL UNIQUE,
  case_id       text COLLATE "C" NOT NULL REFERENCES {{schema}}.aftersales_cases (id),
  kind          text NOT NULL,
  from_status   text,
  to_status     text NOT NULL,
  actor_party   text CHECK (actor_party IN ('platform', 'merchant', 'supplier', 'carrier')),
  actor_id      text,
  at            timestamptz NOT NULL,
  command_scope text NOT NULL,
  command_key   text NOT NULL,
  data          jsonb NOT NULL,
  PRIMARY KEY (case_id, sequence)
);

CREATE FUNCTION {{schema}}.aftersales_case_transitions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'aftersales_case_transitions is an append-only history: % is not allowed', TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER aftersales_case_transitions_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON {{schema}}.aftersales_case_transitions
  FOR EACH STATEMENT EXECUTE FUNCTION {{schema}}.aftersales_case_transitions_append_only();
`;
