-- Staff accounts, server-side sessions, per-user API tokens, login failures (lockout), an
-- append-only audit trail, and who holds a task. Replaces the one shared STAFF_TOKEN.
-- Secrets are never stored: passwords as scrypt hashes, session ids and API tokens as
-- HMAC-SHA256 under SESSION_SECRET.

CREATE TABLE staff_user (
  id             bigserial PRIMARY KEY,
  email          text NOT NULL,
  role           text NOT NULL CHECK (role IN ('biller', 'admin')),
  -- scrypt$N$r$p$<salt b64>$<hash b64>
  password_hash  text NOT NULL,
  disabled_at    timestamptz,
  -- set when failed logins reach the limit; refused without checking the password until then
  locked_until   timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_user_email_idx ON staff_user (lower(email));

CREATE TABLE staff_session (
  -- HMAC-SHA256(SESSION_SECRET, session id) in hex; the id itself lives only in the cookie
  id_hash       text PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES staff_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  ip            text
);
CREATE INDEX staff_session_user_idx ON staff_session (user_id);

CREATE TABLE api_token (
  id           bigserial PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES staff_user (id),
  -- HMAC-SHA256(SESSION_SECRET, token) in hex
  token_hash   text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- Failed logins in the recent window, per account (when the e-mail names one) and per IP.
CREATE TABLE login_failure (
  id       bigserial PRIMARY KEY,
  user_id  bigint REFERENCES staff_user (id),
  ip       text NOT NULL,
  at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_ip_idx ON login_failure (ip, at);
CREATE INDEX login_failure_user_idx ON login_failure (user_id, at);

-- Who did what, when, from where. Subjects are ids only (never PHI). Append-only: the trigger
-- below refuses UPDATE, DELETE and TRUNCATE for every role, the application's included.
CREATE TABLE audit_event (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  actor_id  bigint,
  actor     text,
  action    text NOT NULL,
  subject   text,
  ip        text
);
CREATE INDEX audit_event_at_idx ON audit_event (at DESC, id DESC);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, at DESC);
CREATE INDEX audit_event_action_idx ON audit_event (action, at DESC);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Who is working a task. Claimed with a conditional UPDATE (claimed_by IS NULL), so two staff
-- cannot both hold it.
ALTER TABLE staff_task ADD COLUMN claimed_by bigint REFERENCES staff_user (id);
ALTER TABLE staff_task ADD COLUMN claimed_at timestamptz;
CREATE INDEX staff_task_claimed_idx ON staff_task (claimed_by) WHERE claimed_by IS NOT NULL;
