-- Search for a request by the client's name parts, date of birth (exact or year) and member ID
-- without decrypting every row: one keyed hash (HMAC-SHA256 under a key derived from
-- STORAGE_KEY) per normalised term, written with the request when it is stored or corrected.
-- Requests stored before this migration get theirs at the service's start (the hash key is not
-- known to SQL): search_indexed stays false until then.
CREATE TABLE request_search_key (
  request_id bigint NOT NULL REFERENCES vob_request (id),
  kind       text   NOT NULL CHECK (kind IN ('name-part', 'dob', 'dob-year', 'member-id')),
  key_hash   text   NOT NULL,
  PRIMARY KEY (request_id, kind, key_hash)
);
CREATE INDEX request_search_key_hash_idx ON request_search_key (key_hash, request_id);

ALTER TABLE vob_request ADD COLUMN search_indexed boolean NOT NULL DEFAULT false;
CREATE INDEX vob_request_search_pending_idx ON vob_request (id) WHERE NOT search_indexed;
