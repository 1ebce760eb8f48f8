-- The verification staff record during the payer call (the worksheet), kept per request with
-- its history: a request may be verified again, and every past worksheet stays. The worksheet
-- is PHI, encrypted like the request. A completed verification sets the request `verified`.
ALTER TABLE vob_request DROP CONSTRAINT vob_request_status_check;
ALTER TABLE vob_request ADD CONSTRAINT vob_request_status_check
  CHECK (status IN ('awaiting-information', 'ready', 'needs-review', 'closed', 'verified'));

CREATE TABLE benefit_verification (
  id                       bigserial PRIMARY KEY,
  request_id               bigint NOT NULL REFERENCES vob_request (id),
  status                   text   NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete')),
  -- The 271 draft the form was prefilled from, if any.
  eligibility_response_id  bigint REFERENCES eligibility_response (id),
  worksheet_encrypted      bytea  NOT NULL,
  created_by               bigint REFERENCES staff_user (id),
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_by               bigint REFERENCES staff_user (id),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  completed_by             bigint REFERENCES staff_user (id),
  completed_at             timestamptz
);
CREATE INDEX benefit_verification_request_idx ON benefit_verification (request_id, id);
-- At most one draft per request: saving a draft again updates it.
CREATE UNIQUE INDEX benefit_verification_one_draft ON benefit_verification (request_id) WHERE status = 'draft';
