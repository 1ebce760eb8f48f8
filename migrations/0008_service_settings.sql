-- Settings admins change on the settings page, in place of the environment's defaults: the
-- sender allowlist (domains whose mail gets automatic replies) and the reply signature. Not
-- PHI. Every change is on the audit trail.
CREATE TABLE service_setting (
  key         text PRIMARY KEY CHECK (key IN ('allowed-sender-domains', 'reply-signature')),
  value       jsonb NOT NULL,
  updated_by  bigint REFERENCES staff_user (id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
