-- Mail about a request that is not one (a status question, a cancellation, a correction without
-- the rest, a thank-you, a recall, a read receipt): no form reply goes to it, and where it
-- belongs to an open request (its thread headers reach it, or it names the client of an open
-- request from the same center) it joins that request's thread for staff. Idempotent by the pair.
CREATE TABLE request_related_message (
  request_id         bigint NOT NULL REFERENCES vob_request (id),
  inbound_message_id bigint NOT NULL REFERENCES inbound_message (id),
  intent             text   NOT NULL,
  matched_by         text   NOT NULL CHECK (matched_by IN ('thread', 'name')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, inbound_message_id)
);
CREATE INDEX request_related_message_message_idx ON request_related_message (inbound_message_id);
