-- Replies: the subject echoes the sender's subject line, which can name a client (PHI), so it
-- is kept encrypted; `subject` then holds '' . attempted_at is when the row went to 'sending'
-- (the per-sender rate limit counts those); request_id ties a reminder to its request.
ALTER TABLE outbound_reply
  ADD COLUMN subject_encrypted bytea,
  ADD COLUMN attempted_at      timestamptz,
  ADD COLUMN request_id        bigint REFERENCES vob_request (id),
  ADD COLUMN updated_at        timestamptz NOT NULL DEFAULT now();
CREATE INDEX outbound_reply_to_attempted_idx ON outbound_reply (to_address, attempted_at);

-- Reminders to the center while a request waits on it.
ALTER TABLE vob_request
  ADD COLUMN reminder_count   integer NOT NULL DEFAULT 0,
  ADD COLUMN next_reminder_at timestamptz;
CREATE INDEX vob_request_reminder_idx ON vob_request (next_reminder_at) WHERE status = 'awaiting-information';

-- Why a task exists, as field names (never values): shown on the staff page.
ALTER TABLE staff_task
  ADD COLUMN missing_fields text[] NOT NULL DEFAULT '{}';
