-- Facts the queue filters and the per-center figures need, in plain columns so they are
-- counted by SQL without decrypting a record. Neither is client data:
--   payer: the payer as findPayer() recognises it (a name from the known payer list), 'other'
--     for a payer name it does not recognise, NULL when the request names none. Written with the
--     search keys (the same writes: stored, answered, corrected). Requests stored before this
--     migration get theirs from the search backfill at the service's start: search_indexed is
--     reset below so that backfill reads each record once more.
--   arrival_missing_fields: the required fields missing when the request arrived (what the center
--     left out), written once at insert and never updated. For requests stored before this
--     migration it is known only when nothing has changed the record since (no answer, no
--     correction): then it is today's missing_fields; otherwise it stays NULL (unknown) and the
--     figures leave the request out of the "incomplete on arrival" share.
ALTER TABLE vob_request ADD COLUMN payer text;
ALTER TABLE vob_request ADD COLUMN arrival_missing_fields text[];

UPDATE vob_request r SET arrival_missing_fields = r.missing_fields
 WHERE NOT EXISTS (SELECT 1 FROM request_answer a WHERE a.request_id = r.id)
   AND NOT EXISTS (SELECT 1 FROM request_correction c WHERE c.request_id = r.id);

UPDATE vob_request SET search_indexed = false WHERE search_indexed;

CREATE INDEX vob_request_payer_idx ON vob_request (payer);
