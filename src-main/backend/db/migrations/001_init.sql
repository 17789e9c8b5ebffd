-- 社区信息: a single row (id = 1) read by documents and exports.
CREATE TABLE settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  community_name TEXT NOT NULL,
  street_name TEXT NOT NULL,
  district TEXT NOT NULL DEFAULT '',
  party_org_name TEXT NOT NULL,
  secretary_name TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  operator_name TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- 网格
CREATE TABLE grids (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT NOT NULL DEFAULT '',
  leader TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
-- A name is unique among live grids; deleted ones may share it.
CREATE UNIQUE INDEX grids_name_live ON grids (name) WHERE deleted_at IS NULL;

-- Every register write: who, when, table, id, before -> after (JSON).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'purge', 'export')),
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id, id);
CREATE INDEX audit_log_at ON audit_log (at);
