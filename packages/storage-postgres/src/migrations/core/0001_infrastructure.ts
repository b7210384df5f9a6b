/**
 * Idempotency records and the event outbox, which every domain's commands write in the same
 * transaction as their state. `{{schema}}` is replaced by the quoted schema name.
 */
export const sql = `
CREATE SCHEMA IF NOT EXISTS {{schema}};

CREATE TABLE {{schema}}.idempotency_records (
  scope        text        NOT NULL,
  key          text        NOT NULL,
  payload_hash text        NOT NULL,
  outcome      jsonb,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_records_created_at_idx ON {{schema}}.idempotency_records (created_at);

CREATE TABLE {{schema}}.event_outbox (
  id           bigserial   PRIMARY KEY,
  event_id     text        NOT NULL UNIQUE,
  type         text        NOT NULL,
  aggregate_id text,
  occurred_at  timestamptz NOT NULL,
  payload      jsonb       NOT NULL
);
CREATE INDEX event_outbox_aggregate_idx ON {{schema}}.event_outbox (aggregate_id, id) WHERE aggregate_id IS NOT NULL;
`;
