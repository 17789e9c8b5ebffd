-- A seal per generated document (HMAC of its path under a key kept only in this data folder):
-- 打开 hands a path to the system only when the seal verifies, so a restored or imported
-- database cannot make the app open a file it did not write. '' = written before seals.

ALTER TABLE generated_documents ADD COLUMN seal TEXT NOT NULL DEFAULT '';
