-- The four registers (社区能人, 共建成员单位, 兼职委员, 党员中心户) and their child lists.
-- Optional text is '' rather than NULL; multi-choice and tag fields are JSON arrays, mirrored
-- into register_values for indexed filtering; each register has a contentless FTS5 index of
-- search tokens (characters, bigrams, pinyin and initials) maintained by the backend.

CREATE TABLE talents (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  id_card TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL DEFAULT '',
  birth_month TEXT NOT NULL DEFAULT '',
  ethnicity TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL,
  political_status TEXT NOT NULL DEFAULT '',
  education TEXT NOT NULL DEFAULT '',
  work_status TEXT NOT NULL DEFAULT '',
  employer TEXT NOT NULL DEFAULT '',
  occupation TEXT NOT NULL DEFAULT '',
  categories TEXT NOT NULL DEFAULT '[]',
  skills TEXT NOT NULL DEFAULT '[]',
  domains TEXT NOT NULL DEFAULT '[]',
  availability TEXT NOT NULL DEFAULT '',
  grid_id INTEGER REFERENCES grids (id),
  estate TEXT NOT NULL DEFAULT '',
  building TEXT NOT NULL DEFAULT '',
  unit_no TEXT NOT NULL DEFAULT '',
  room TEXT NOT NULL DEFAULT '',
  hukou TEXT NOT NULL DEFAULT '',
  discovery TEXT NOT NULL DEFAULT '',
  referrer TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '在册',
  joined_on TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX talents_live ON talents (deleted_at, id);
CREATE INDEX talents_grid ON talents (grid_id) WHERE deleted_at IS NULL;
CREATE INDEX talents_status ON talents (status) WHERE deleted_at IS NULL;
CREATE INDEX talents_political ON talents (political_status) WHERE deleted_at IS NULL;
CREATE INDEX talents_id_card ON talents (id_card) WHERE id_card <> '';

CREATE TABLE talent_services (
  id INTEGER PRIMARY KEY,
  talent_id INTEGER NOT NULL REFERENCES talents (id) ON DELETE CASCADE,
  service_date TEXT NOT NULL,
  item TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  hours REAL,
  beneficiaries TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX talent_services_parent ON talent_services (talent_id);

CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  nature TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  liaison TEXT NOT NULL,
  liaison_phone TEXT NOT NULL,
  org_name TEXT NOT NULL DEFAULT '',
  org_type TEXT NOT NULL DEFAULT '',
  org_secretary TEXT NOT NULL DEFAULT '',
  member_count INTEGER,
  reported_count INTEGER,
  joined_on TEXT NOT NULL DEFAULT '',
  agreement_on TEXT NOT NULL DEFAULT '',
  agreement_term TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '共建中',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX units_name_live ON units (name) WHERE deleted_at IS NULL;
CREATE INDEX units_live ON units (deleted_at, id);
CREATE INDEX units_nature ON units (nature) WHERE deleted_at IS NULL;

CREATE TABLE unit_list_items (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
  list_type TEXT NOT NULL,
  title TEXT NOT NULL,
  content TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL DEFAULT '',
  provider TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '待认领',
  claimed_by_unit_id INTEGER REFERENCES units (id) ON DELETE SET NULL,
  deadline TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX unit_list_items_parent ON unit_list_items (unit_id);
CREATE INDEX unit_list_items_status ON unit_list_items (status) WHERE deleted_at IS NULL;

CREATE TABLE committee_members (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  gender TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL,
  unit_id INTEGER REFERENCES units (id) ON DELETE SET NULL,
  unit_post TEXT NOT NULL DEFAULT '',
  party_post TEXT NOT NULL DEFAULT '',
  level TEXT NOT NULL DEFAULT '社区大党委',
  category TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL DEFAULT '',
  recommended_on TEXT NOT NULL DEFAULT '',
  approved_on TEXT NOT NULL DEFAULT '',
  approval_no TEXT NOT NULL DEFAULT '',
  appointed_on TEXT NOT NULL DEFAULT '',
  term_start TEXT NOT NULL,
  term_end TEXT NOT NULL,
  duty_domain TEXT NOT NULL DEFAULT '',
  duty_grid_id INTEGER REFERENCES grids (id),
  duty_project TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '在任',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX committee_live ON committee_members (deleted_at, id);
CREATE INDEX committee_unit ON committee_members (unit_id) WHERE deleted_at IS NULL;
CREATE INDEX committee_term_end ON committee_members (term_end) WHERE deleted_at IS NULL;

CREATE TABLE committee_reviews (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES committee_members (id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  pledge TEXT NOT NULL DEFAULT '',
  report_date TEXT NOT NULL DEFAULT '',
  report_summary TEXT NOT NULL DEFAULT '',
  rating TEXT NOT NULL DEFAULT '',
  score REAL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX committee_reviews_year ON committee_reviews (member_id, year) WHERE deleted_at IS NULL;

CREATE TABLE households (
  id INTEGER PRIMARY KEY,
  head_name TEXT NOT NULL,
  gender TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL,
  branch TEXT NOT NULL DEFAULT '',
  grid_id INTEGER REFERENCES grids (id),
  estate TEXT NOT NULL DEFAULT '',
  building TEXT NOT NULL,
  unit_no TEXT NOT NULL DEFAULT '',
  room TEXT NOT NULL DEFAULT '',
  plaque_on TEXT NOT NULL DEFAULT '',
  contact_members TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT '正常',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX households_live ON households (deleted_at, id);
CREATE INDEX households_grid ON households (grid_id) WHERE deleted_at IS NULL;

CREATE TABLE household_links (
  id INTEGER PRIMARY KEY,
  household_id INTEGER NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  head_name TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  people INTEGER,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX household_links_parent ON household_links (household_id);

CREATE TABLE household_visits (
  id INTEGER PRIMARY KEY,
  household_id INTEGER NOT NULL REFERENCES households (id) ON DELETE CASCADE,
  visit_date TEXT NOT NULL,
  link_name TEXT NOT NULL DEFAULT '',
  item TEXT NOT NULL,
  result TEXT NOT NULL DEFAULT '',
  follow_up INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX household_visits_parent ON household_visits (household_id);

-- Multi-choice values (人才类别, 参与领域 …) one row each, so filters and charts use an index.
CREATE TABLE register_values (
  table_name TEXT NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  PRIMARY KEY (table_name, field, value, row_id)
) WITHOUT ROWID;
CREATE INDEX register_values_row ON register_values (table_name, row_id);

CREATE VIRTUAL TABLE talents_fts USING fts5 (tokens, content = '', contentless_delete = 1, prefix = '1 2 3');
CREATE VIRTUAL TABLE units_fts USING fts5 (tokens, content = '', contentless_delete = 1, prefix = '1 2 3');
CREATE VIRTUAL TABLE committee_members_fts USING fts5 (tokens, content = '', contentless_delete = 1, prefix = '1 2 3');
CREATE VIRTUAL TABLE households_fts USING fts5 (tokens, content = '', contentless_delete = 1, prefix = '1 2 3');

-- The audit log also records child rows and can be read per register record.
ALTER TABLE audit_log ADD COLUMN parent_table TEXT;
ALTER TABLE audit_log ADD COLUMN parent_id INTEGER;
CREATE INDEX audit_log_parent ON audit_log (parent_table, parent_id) WHERE parent_table IS NOT NULL;
