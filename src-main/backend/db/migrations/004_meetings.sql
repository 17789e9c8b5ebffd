-- 会议 (党建联席会议 and others) with attendees, topics and agreed items (议定事项).
-- Attendees may link a 兼职委员 or a 共建单位, or be typed guests; names are copied so a
-- printed sign-in sheet or 纪要 stays as it was even if the register changes later.

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  meeting_type TEXT NOT NULL DEFAULT '党建联席会议',
  seq_no INTEGER,
  title TEXT NOT NULL,
  meeting_date TEXT NOT NULL,
  start_time TEXT NOT NULL DEFAULT '',
  end_time TEXT NOT NULL DEFAULT '',
  location TEXT NOT NULL,
  host TEXT NOT NULL DEFAULT '',
  recorder TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX meetings_live ON meetings (deleted_at, meeting_date);
CREATE INDEX meetings_type_year ON meetings (meeting_type, substr(meeting_date, 1, 4)) WHERE deleted_at IS NULL;

CREATE TABLE meeting_attendees (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  committee_id INTEGER REFERENCES committee_members (id) ON DELETE SET NULL,
  unit_id INTEGER REFERENCES units (id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  unit_name TEXT NOT NULL DEFAULT '',
  post TEXT NOT NULL DEFAULT '',
  attendance TEXT NOT NULL DEFAULT '出席',
  leave_reason TEXT NOT NULL DEFAULT '',
  signed_in INTEGER NOT NULL DEFAULT 0,
  sort_order INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX meeting_attendees_parent ON meeting_attendees (meeting_id, sort_order);
CREATE INDEX meeting_attendees_committee ON meeting_attendees (committee_id) WHERE committee_id IS NOT NULL;

CREATE TABLE meeting_topics (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  proposer TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX meeting_topics_parent ON meeting_topics (meeting_id, sort_order);

CREATE TABLE meeting_resolutions (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  content TEXT NOT NULL,
  lead_unit_id INTEGER REFERENCES units (id) ON DELETE SET NULL,
  lead_unit_name TEXT NOT NULL,
  partner_units TEXT NOT NULL DEFAULT '',
  deadline TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '未开始',
  progress TEXT NOT NULL DEFAULT '',
  done_on TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX meeting_resolutions_parent ON meeting_resolutions (meeting_id, sort_order);
CREATE INDEX meeting_resolutions_open ON meeting_resolutions (status, deadline) WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE meetings_fts USING fts5 (tokens, content = '', contentless_delete = 1, prefix = '1 2 3');
