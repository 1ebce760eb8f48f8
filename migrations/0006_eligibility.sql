-- Eligibility by X12 270/271 (vob eligibility export / import).

-- ISA13 (also GS06) must differ for every file sent; a sequence never hands out a number twice,
-- even to two exports at once. ISA13 has nine digits.
CREATE SEQUENCE x12_interchange_control MINVALUE 1 MAXVALUE 999999999 CYCLE;

-- One row per request sent in a 270. The trace number (TRN02) comes back in the 271 and finds
-- the request; member_key (HMAC of member ID | date of birth, like vob_request.client_key)
-- finds it when a payer does not echo the trace. No PHI in clear.
CREATE TABLE eligibility_inquiry (
  id                   bigserial PRIMARY KEY,
  request_id           bigint NOT NULL REFERENCES vob_request (id),
  trace_number         text   NOT NULL UNIQUE,
  interchange_control  bigint NOT NULL,
  transaction_control  text   NOT NULL,
  payer_id             text   NOT NULL,
  member_key           text   NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX eligibility_inquiry_request_idx ON eligibility_inquiry (request_id);
CREATE INDEX eligibility_inquiry_member_key_idx ON eligibility_inquiry (member_key);

-- One row per subscriber/dependent loop of an imported 271: a draft verification for staff.
-- The loop as read (names, member ID, benefits) is PHI, encrypted like the request. A file is
-- imported whole in one transaction; importing it again stores nothing twice.
CREATE TABLE eligibility_response (
  id                   bigserial PRIMARY KEY,
  file_sha256          text    NOT NULL,
  loop_index           integer NOT NULL,
  request_id           bigint  REFERENCES vob_request (id),
  inquiry_id           bigint  REFERENCES eligibility_inquiry (id),
  -- how the loop found its request: trace | member (ID + date of birth) | null (unmatched)
  matched_by           text    CHECK (matched_by IN ('trace', 'member')),
  interchange_control  text    NOT NULL,
  status               text    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'confirmed', 'discarded')),
  active               boolean,
  rejection_codes      text[]  NOT NULL DEFAULT '{}',
  response_encrypted   bytea   NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (file_sha256, loop_index)
);
CREATE INDEX eligibility_response_request_idx ON eligibility_response (request_id);

-- A payer's AAA rejection becomes a staff task of its own kind.
ALTER TABLE staff_task DROP CONSTRAINT staff_task_kind_check;
ALTER TABLE staff_task ADD CONSTRAINT staff_task_kind_check
  CHECK (kind IN ('verify-benefits', 'awaiting-information', 'review-conflicts', 'review-message', 'eligibility-rejected'));
