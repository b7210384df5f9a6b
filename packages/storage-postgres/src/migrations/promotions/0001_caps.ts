/**
 * Promotion caps: the caps (a limit in all or per subject, in units, redemptions or minor units
 * of money), one counter per (cap, subject), and the claims that hold amounts of them.
 *
 * Every amount is BIGINT: a claim is one conditional `UPDATE … SET used = used + $amount WHERE
 * used + $amount <= limit` per entry, checked by its row count; a release is `released + $amount
 * <= amount` on the claim entry, then `used − $amount`. The CHECK constraints are the last line:
 * a counter never goes below zero and a claim entry never gives back more than it took. Ids are
 * `COLLATE "C"`: byte order, the order the adapter locks rows in.
 *
 * @example
 * migrationSql({ schema: 'shop', domains: ['promotions'] }).find((m) => m.id === 'promotions/0001_caps')?.sql
 */
export const sql = `
CREATE TABLE {{schema}}.promotions_caps (
  id           text COLLATE "C" PRIMARY KEY,
  limit_value  bigint NOT NULL CHECK (limit_value >= 0 AND limit_value <= 9007199254740991),
  per_subject  boolean NOT NULL,
  unit         text NOT NULL CHECK (unit IN ('units', 'redemptions', 'minor-units')),
  promotion_id text COLLATE "C",
  campaign_id  text COLLATE "C",
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX promotions_caps_promotion_idx ON {{schema}}.promotions_caps (promotion_id, id);
CREATE INDEX promotions_caps_campaign_idx ON {{schema}}.promotions_caps (campaign_id, id);

CREATE TABLE {{schema}}.promotions_cap_usage (
  cap_id  text COLLATE "C" NOT NULL REFERENCES {{schema}}.promotions_caps (id),
  subject text COLLATE "C" NOT NULL,
  used    bigint NOT NULL DEFAULT 0 CHECK (used >= 0 AND used <= 9007199254740991),
  PRIMARY KEY (cap_id, subject)
);

CREATE TABLE {{schema}}.promotions_claims (
  id          text COLLATE "C" PRIMARY KEY,
  reference   text,
  customer_id text COLLATE "C",
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);

CREATE TABLE {{schema}}.promotions_claim_entries (
  claim_id text COLLATE "C" NOT NULL REFERENCES {{schema}}.promotions_claims (id),
  cap_id   text COLLATE "C" NOT NULL REFERENCES {{schema}}.promotions_caps (id),
  subject  text COLLATE "C" NOT NULL,
  amount   bigint NOT NULL CHECK (amount > 0),
  released bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (claim_id, cap_id, subject),
  CONSTRAINT promotions_claim_entries_released CHECK (released >= 0 AND released <= amount)
);
`;
