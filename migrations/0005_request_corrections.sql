-- A staff member's correction of one field of a request. The corrected value goes into the
-- request record (so replies, reminders and exports use it); this row keeps the machine's value
-- beside it, with who and when. Both values are PHI, encrypted like the request.
CREATE TABLE request_correction (
  id                      bigserial PRIMARY KEY,
  request_id              bigint NOT NULL REFERENCES vob_request (id),
  field                   text NOT NULL,
  previous_value_encrypted bytea NOT NULL,
  value_encrypted         bytea NOT NULL,
  corrected_by            bigint REFERENCES staff_user (id),
  corrected_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX request_correction_request_idx ON request_correction (request_id, id);
