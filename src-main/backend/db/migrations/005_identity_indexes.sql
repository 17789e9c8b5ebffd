-- Duplicate checks (import, and the forms) look people up by 姓名 + 电话; without these
-- indexes each lookup scanned the whole register, which made a 10k-row import quadratic.
CREATE INDEX talents_name_phone ON talents (name, phone) WHERE deleted_at IS NULL;
CREATE INDEX committee_name_phone ON committee_members (name, phone) WHERE deleted_at IS NULL;
CREATE INDEX households_head_phone ON households (head_name, phone) WHERE deleted_at IS NULL;
