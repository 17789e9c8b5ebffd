-- The 共建单位 pick list matches names by full pinyin and initials ("jinhua jh"); reading 10k
-- names into pinyin on the first open took 0.5–0.9 s, so the keys are stored with the unit.
-- Filled by the migration's JavaScript step (db/migration-steps.ts) and on every write.
ALTER TABLE units ADD COLUMN pick_keys TEXT NOT NULL DEFAULT '';
