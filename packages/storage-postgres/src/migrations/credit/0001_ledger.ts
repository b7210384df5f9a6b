/**
 * Credit lines, their double-entry ledger (accounts, immutable transfers, the state of pending
 * holds) and their drawings.
 *
 * Amounts are BIGINT minor units (the range checks stop at 2^53 - 1, which JavaScript holds
 * exactly). Ids are `COLLATE "C"`: byte order, the order the adapter locks rows in. Transfers
 * are append-only (a trigger refuses UPDATE, DELETE and TRUNCATE): a hold's resolution lives in
 * `credit_holds`, a correction is a new transfer. Unbounded accounts (no limit, not frozen: the
 * platform's) never have their row updated — their balances are the sums of their transfers and
 * pending holds — so draws on different lines never wait on one shared row.
 *
 * @example
 * migrationSql({ schema: 'shop', domains: ['credit'] }) // core, then this with "shop" for {{schema}}
 */
export const sql = `
CREATE TABLE {{schema}}.credit_lines (
  id          text COLLATE "C" PRIMARY KEY,
  merchant_id text COLLATE "C" NOT NULL,
  currency    text NOT NULL,
  limit_minor bigint NOT NULL CHECK (limit_minor >= 0 AND limit_minor <= 9007199254740991),
  status      text NOT NULL CHECK (status IN ('active', 'frozen')),
  frozen      jsonb,
  terms       jsonb NOT NULL,
  opened_at   timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  version     integer NOT NULL CHECK (version >= 1)
);
CREATE INDEX credit_lines_merchant_idx ON {{schema}}.credit_lines (merchant_id, id);

CREATE TABLE {{schema}}.credit_accounts (
  id              text COLLATE "C" PRIMARY KEY,
  currency        text NOT NULL,
  line_id         text COLLATE "C",
  role            text NOT NULL,
  debit_limit     bigint CHECK (debit_limit >= 0 AND debit_limit <= 9007199254740991),
  credit_limit    bigint CHECK (credit_limit >= 0 AND credit_limit <= 9007199254740991),
  debits_frozen   boolean NOT NULL,
  unbounded       boolean NOT NULL,
  debits_pending  bigint NOT NULL DEFAULT 0,
  debits_posted   bigint NOT NULL DEFAULT 0,
  credits_pending bigint NOT NULL DEFAULT 0,
  credits_posted  bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL,
  CONSTRAINT credit_accounts_unbounded CHECK (
    unbounded = (debit_limit IS NULL AND credit_limit IS NULL AND NOT debits_frozen)
  ),
  CONSTRAINT credit_accounts_balances CHECK (
    debits_pending BETWEEN 0 AND 9007199254740991 AND debits_posted BETWEEN 0 AND 9007199254740991
    AND credits_pending BETWEEN 0 AND 9007199254740991 AND credits_posted BETWEEN 0 AND 9007199254740991
  )
);
CREATE INDEX credit_accounts_line_idx ON {{schema}}.credit_accounts (line_id, id);

CREATE TABLE {{schema}}.credit_transfers (
  sequence          bigserial PRIMARY KEY,
  id                text COLLATE "C" NOT NULL UNIQUE,
  kind              text NOT NULL CHECK (kind IN ('single', 'pending', 'post', 'void', 'expire')),
  debit_account_id  text COLLATE "C" NOT NULL REFERENCES {{schema}}.credit_accounts (id),
  credit_account_id text COLLATE "C" NOT NULL REFERENCES {{schema}}.credit_accounts (id),
  amount            bigint NOT NULL CHECK (amount > 0 AND amount <= 9007199254740991),
  currency          text NOT NULL,
  pending_id        text COLLATE "C",
  expires_at        timestamptz,
  code              text NOT NULL,
  line_id           text COLLATE "C",
  drawing_id        text COLLATE "C",
  reference         text,
  command_scope     text NOT NULL,
  command_key       text NOT NULL,
  occurred_at       timestamptz NOT NULL,
  CHECK (debit_account_id <> credit_account_id),
  CHECK ((kind IN ('single', 'pending')) = (pending_id IS NULL))
);
CREATE INDEX credit_transfers_line_idx ON {{schema}}.credit_transfers (line_id, sequence) WHERE line_id IS NOT NULL;
CREATE INDEX credit_transfers_drawing_idx ON {{schema}}.credit_transfers (drawing_id, sequence)
  WHERE drawing_id IS NOT NULL;
CREATE INDEX credit_transfers_debit_idx ON {{schema}}.credit_transfers (debit_account_id, kind);
CREATE INDEX credit_transfers_credit_idx ON {{schema}}.credit_transfers (credit_account_id, kind);

CREATE FUNCTION {{schema}}.credit_transfers_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'credit_transfers is an append-only ledger: % is not allowed', TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER credit_transfers_append_only
  BEFORE UPDATE OR DELETE OR TRUNCATE ON {{schema}}.credit_transfers
  FOR EACH STATEMENT EXECUTE FUNCTION {{schema}}.credit_transfers_append_only();

CREATE TABLE {{schema}}.credit_holds (
  transfer_id       text COLLATE "C" PRIMARY KEY,
  debit_account_id  text COLLATE "C" NOT NULL,
  credit_account_id text COLLATE "C" NOT NULL,
  amount            bigint NOT NULL CHECK (amount > 0 AND amount <= 9007199254740991),
  currency          text NOT NULL,
  expires_at        timestamptz,
  line_id           text COLLATE "C",
  drawing_id        text COLLATE "C",
  status            text NOT NULL CHECK (status IN ('pending', 'posted', 'voided', 'expired')),
  posted_amount     bigint NOT NULL DEFAULT 0,
  resolved_by       text COLLATE "C",
  resolved_at       timestamptz,
  CHECK (posted_amount >= 0 AND posted_amount <= amount),
  CHECK ((status = 'pending') = (resolved_by IS NULL))
);
CREATE INDEX credit_holds_due_idx ON {{schema}}.credit_holds (expires_at, transfer_id)
  WHERE status = 'pending' AND expires_at IS NOT NULL;
CREATE INDEX credit_holds_pending_debit_idx ON {{schema}}.credit_holds (debit_account_id) WHERE status = 'pending';
CREATE INDEX credit_holds_pending_credit_idx ON {{schema}}.credit_holds (credit_account_id) WHERE status = 'pending';
CREATE INDEX credit_holds_line_idx ON {{schema}}.credit_holds (line_id, transfer_id) WHERE line_id IS NOT NULL;

CREATE TABLE {{schema}}.credit_drawings (
  id               text COLLATE "C" PRIMARY KEY,
  line_id          text COLLATE "C" NOT NULL REFERENCES {{schema}}.credit_lines (id),
  currency         text NOT NULL,
  product          text NOT NULL CHECK (product IN ('purchase', 'order', 'receivables')),
  status           text NOT NULL CHECK (status IN ('held', 'active', 'repaid', 'voided', 'expired')),
  hold_id          text COLLATE "C",
  requested        bigint NOT NULL CHECK (requested >= 0),
  drawn            bigint NOT NULL CHECK (drawn >= 0),
  due_penalty      bigint NOT NULL CHECK (due_penalty >= 0),
  due_fees         bigint NOT NULL CHECK (due_fees >= 0),
  due_interest     bigint NOT NULL CHECK (due_interest >= 0),
  due_principal    bigint NOT NULL CHECK (due_principal >= 0),
  repaid_penalty   bigint NOT NULL CHECK (repaid_penalty >= 0),
  repaid_fees      bigint NOT NULL CHECK (repaid_fees >= 0),
  repaid_interest  bigint NOT NULL CHECK (repaid_interest >= 0),
  repaid_principal bigint NOT NULL CHECK (repaid_principal >= 0),
  reference        text,
  due_date         date,
  days_past_due    integer NOT NULL CHECK (days_past_due >= 0),
  created_at       timestamptz NOT NULL,
  drawn_at         timestamptz,
  closed_at        timestamptz,
  details          jsonb NOT NULL,
  version          integer NOT NULL CHECK (version >= 1)
);
CREATE INDEX credit_drawings_line_idx ON {{schema}}.credit_drawings (line_id, status, id);
`;
