/**
 * CRM follow-up tasks: one row per task, unique per merchant by id and by dedup key (whatever the
 * status, so a rule that fires again never doubles a task). A task leaves `open` at most once:
 * the adapter's UPDATE is conditional on `status = 'open'`, and the CHECKs tie `closed_at` to
 * the status. Ids are `COLLATE "C"`, the order `listTasks` pages in.
 *
 * @example
 * migrationSql({ schema: 'shop', domains: ['crm'] }).find((m) => m.id === 'crm/0001_follow_ups')?.sql
 */
export const sql = `
CREATE TABLE {{schema}}.crm_follow_up_tasks (
  merchant_id text COLLATE "C" NOT NULL,
  id          text COLLATE "C" NOT NULL UNIQUE,
  customer_id text COLLATE "C" NOT NULL,
  rule_id     text,
  action      text NOT NULL,
  reason      text,
  priority    text NOT NULL CHECK (priority IN ('high', 'normal', 'low')),
  dedup_key   text COLLATE "C" NOT NULL,
  status      text NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
  due_at      timestamptz NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  closed_at   timestamptz,
  outcome     text,
  note        text,
  version     bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
  PRIMARY KEY (merchant_id, id),
  CONSTRAINT crm_follow_up_tasks_dedup_key UNIQUE (merchant_id, dedup_key),
  CONSTRAINT crm_follow_up_tasks_closed CHECK ((status = 'open') = (closed_at IS NULL))
);
CREATE INDEX crm_follow_up_tasks_due_idx ON {{schema}}.crm_follow_up_tasks (merchant_id, status, due_at, id);
CREATE INDEX crm_follow_up_tasks_customer_idx ON {{schema}}.crm_follow_up_tasks (merchant_id, customer_id);
`;
