-- Which extraction queue a stored message goes to, decided at ingest by the cheap text-only
-- check the extraction pool uses (src/adapters/extraction/text-only.ts): false → queue
-- "extract" (read in the main thread), true → queue "extract-ocr" (read in an OCR thread), so
-- a backlog of card photos cannot hold the slots of text-only requests. Rows stored before this
-- column (NULL) go to "extract-ocr", which reads any message.
ALTER TABLE inbound_message
  ADD COLUMN needs_ocr boolean;
