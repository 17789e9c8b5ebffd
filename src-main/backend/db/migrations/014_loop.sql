-- 录入一次 (issue 17 item 4): closing a 民情事项 writes one service record onto each responder
-- who did the work. This table remembers which record each (item, responder) wrote, so a
-- re-close after 不满意 updates that record instead of adding a second one. For a 兼职委员 the
-- row itself is the 履职 record (双诺双述双评 is one row a year and has no per-item place); for a
-- 共建单位 without a fitting 项目/资源 list item it is the only trace besides the item itself.
CREATE TABLE matter_services (
  id INTEGER PRIMARY KEY,
  matter_id INTEGER NOT NULL REFERENCES matters (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('talent', 'unit', 'committee', 'household', 'reported')),
  ref_id INTEGER NOT NULL,
  -- The row written in the responder's own child list (talent_services, reported_services,
  -- household_visits, unit_list_items); NULL for 兼职委员 and a unit with no fitting list item.
  target_id INTEGER,
  done_on TEXT NOT NULL,
  item TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX matter_services_once ON matter_services (matter_id, kind, ref_id);
CREATE INDEX matter_services_ref ON matter_services (kind, ref_id, done_on);
