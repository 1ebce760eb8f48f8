-- vob-intake schema. Append-only: never edit a migration that has shipped; add a new file.
-- Every side effect has a natural unique key so a retry or a replay does nothing twice.

-- Where the poller is in each mailbox: one row per (mailbox, UIDVALIDITY) epoch.
CREATE TABLE mailbox_cursor (
  mailbox       text    NOT NULL,
  uid_validity  bigint  NOT NULL,
  last_uid      bigint  NOT NULL DEFAULT 0,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mailbox, uid_validity)
);

-- One row per distinct inbound message. dedupe_key is 'mid:<Message-ID>' or, without one,
-- 'sha256:<hash of the message without trace headers>', so the same message delivered twice,
-- or seen again after a UIDVALIDITY reset, is stored once.
CREATE TABLE inbound_message (
  id              bigserial PRIMARY KEY,
  dedupe_key      text        NOT NULL UNIQUE,
  message_id      text,
  content_sha256  text        NOT NULL,
  mailbox         text        NOT NULL,
  uid_validity    bigint      NOT NULL,
  uid             bigint      NOT NULL,
  size_bytes      integer     NOT NULL,
  from_address    text,
  -- AES-256-GCM(raw RFC 5322 bytes); PHI, so never stored in clear.
  raw_encrypted   bytea,
  -- received -> extracted | needs-review ; only 'received' rows are waiting for extraction
  status          text        NOT NULL DEFAULT 'received'
                  CHECK (status IN ('received', 'extracted', 'needs-review')),
  review_code     text,
  review_reason   text,
  -- The contract document (vob extract --json) once extracted; PHI, encrypted like the raw.
  document_encrypted bytea,
  reply_send      boolean,
  reply_reason    text,
  received_at     timestamptz NOT NULL DEFAULT now(),
  extracted_at    timestamptz,
  attempts        integer     NOT NULL DEFAULT 0
);
CREATE INDEX inbound_message_status_idx ON inbound_message (status) WHERE status = 'received';
CREATE INDEX inbound_message_message_id_idx ON inbound_message (message_id);

-- One row per client request in a message. An answer from the center updates the open
-- request (answered_by) instead of opening a new one.
CREATE TABLE vob_request (
  id                 bigserial PRIMARY KEY,
  inbound_message_id bigint  NOT NULL REFERENCES inbound_message (id),
  request_index      integer NOT NULL,
  status             text    NOT NULL CHECK (status IN ('awaiting-information', 'ready', 'needs-review', 'closed')),
  -- The contract request (client, insurance, ...), encrypted: PHI.
  request_encrypted  bytea   NOT NULL,
  -- Lookup key for "same client and date of birth" without storing them in clear:
  -- HMAC-SHA256(normalised name | dob) with the storage key.
  client_key         text,
  missing_fields     text[]  NOT NULL,
  conflict_count     integer NOT NULL DEFAULT 0,
  from_address       text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (inbound_message_id, request_index)
);
CREATE INDEX vob_request_client_key_idx ON vob_request (client_key) WHERE status = 'awaiting-information';

-- Which inbound messages answered which request (the thread of a request).
CREATE TABLE request_answer (
  request_id          bigint NOT NULL REFERENCES vob_request (id),
  inbound_message_id  bigint NOT NULL REFERENCES inbound_message (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, inbound_message_id)
);

-- Automatic mail we send. The row is written before the SMTP call, so a crash after
-- sending can never send again: at most one reply per (inbound message, kind).
CREATE TABLE outbound_reply (
  id                 bigserial PRIMARY KEY,
  inbound_message_id bigint NOT NULL REFERENCES inbound_message (id),
  kind               text   NOT NULL CHECK (kind IN ('missing-fields', 'reminder')),
  -- for reminders: which reminder of which request; '' for the first reply
  reply_key          text   NOT NULL DEFAULT '',
  to_address         text   NOT NULL,
  message_id         text   NOT NULL UNIQUE,
  subject            text   NOT NULL,
  body_text          text   NOT NULL,
  in_reply_to        text,
  references_header  text,
  status             text   NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sending', 'sent', 'uncertain', 'failed', 'suppressed')),
  status_reason      text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  sent_at            timestamptz,
  UNIQUE (inbound_message_id, kind, reply_key)
);
CREATE INDEX outbound_reply_to_sent_idx ON outbound_reply (to_address, sent_at);
CREATE INDEX outbound_reply_pending_idx ON outbound_reply (status) WHERE status = 'pending';

-- Follow-up work for billing staff.
CREATE TABLE staff_task (
  id                 bigserial PRIMARY KEY,
  kind               text NOT NULL CHECK (kind IN ('verify-benefits', 'awaiting-information', 'review-conflicts', 'review-message')),
  -- natural key: one task of a kind per subject (a request id, or a message id for review-message)
  subject_key        text NOT NULL,
  request_id         bigint REFERENCES vob_request (id),
  inbound_message_id bigint REFERENCES inbound_message (id),
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paused', 'done', 'closed')),
  priority           integer NOT NULL,
  due_at             timestamptz NOT NULL,
  reason             text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  closed_at          timestamptz,
  closed_by          text,
  UNIQUE (kind, subject_key)
);
CREATE INDEX staff_task_open_idx ON staff_task (status, priority, due_at);
