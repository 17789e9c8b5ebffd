-- 民情事项 (issue 17): the register, who it is dispatched to, its timeline, the per-year 编号
-- counter and the community's own 办理时限 defaults.

CREATE TABLE matters (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  reported_on TEXT NOT NULL,
  source TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  content TEXT NOT NULL,
  grid_id INTEGER REFERENCES grids (id),
  place TEXT NOT NULL DEFAULT '',
  building TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL DEFAULT '',
  due_days INTEGER,
  reporter TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '待派单',
  note TEXT NOT NULL DEFAULT '',
  -- The latest step's outcome, for the list and the 台账; the full story is matter_events.
  result TEXT NOT NULL DEFAULT '',
  closed_by TEXT NOT NULL DEFAULT '',
  closed_on TEXT NOT NULL DEFAULT '',
  rating TEXT NOT NULL DEFAULT '',
  visit_method TEXT NOT NULL DEFAULT '',
  reopen_count INTEGER NOT NULL DEFAULT 0,
  -- The item it was merged into; purging that one leaves this one merged, without the link.
  merged_into INTEGER REFERENCES matters (id) ON DELETE SET NULL,
  -- 办理时限 in calendar days from 登记日期 (no holiday calendar): SQLite's date() carries
  -- month and year ends (01-31 + 1 → 02-01, 12-31 + 1 → next 01-01).
  due_on TEXT GENERATED ALWAYS AS (
    CASE WHEN due_days IS NULL THEN '' ELSE date(reported_on, '+' || due_days || ' days') END
  ) VIRTUAL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
-- 编号 is never reused, not even after a record is purged (matter_codes keeps the counter).
CREATE UNIQUE INDEX matters_code ON matters (code);
CREATE INDEX matters_live ON matters (deleted_at, id);
-- A status filter in the list's default order (newest first) without a sort.
CREATE INDEX matters_status ON matters (status, reported_on, id) WHERE deleted_at IS NULL;
CREATE INDEX matters_reported ON matters (deleted_at, reported_on, id);
-- The overdue list: open items by deadline, so "due_on < today" is a range on this index and
-- its order needs no sort (deleted_at first: the list's `deleted_at IS NULL` is an equality).
CREATE INDEX matters_open_due ON matters (deleted_at, due_on, id)
  WHERE status IN ('待派单', '已派单', '已接单', '办理中', '已反馈');
-- One state's overdue items (办理中 and 逾期): a range within that state, in deadline order.
CREATE INDEX matters_status_due ON matters (status, due_on, id) WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE matters_fts USING fts5 (tokens, content = '', contentless_delete = 1, prefix = '1 2 3');

CREATE TABLE matter_codes (
  year INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL
);

-- Who an item is dispatched to: a record of one of the registers (kind + ref_id), or a street
-- office / department by name (kind 'office', 吹哨). The name is kept as it was when dispatched.
CREATE TABLE matter_responders (
  id INTEGER PRIMARY KEY,
  matter_id INTEGER NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('talent', 'unit', 'committee', 'household', 'reported', 'office')),
  ref_id INTEGER,
  name TEXT NOT NULL,
  dispatched_at TEXT NOT NULL,
  accepted_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX matter_responders_matter ON matter_responders (matter_id);
CREATE INDEX matter_responders_ref ON matter_responders (kind, ref_id);

-- The timeline: every step with who and when (at: when recorded; on: the date it happened).
CREATE TABLE matter_events (
  id INTEGER PRIMARY KEY,
  matter_id INTEGER NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  happened_on TEXT NOT NULL,
  operator TEXT NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  detail_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX matter_events_matter ON matter_events (matter_id, id);

CREATE TABLE matter_deadlines (
  level TEXT PRIMARY KEY,
  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 365)
);
INSERT INTO matter_deadlines (level, days) VALUES
  ('应急', 1), ('重点', 3), ('常规', 7), ('协调', 15), ('建议', 15), ('办实事', 15);
