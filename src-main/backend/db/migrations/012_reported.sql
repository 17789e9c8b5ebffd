-- 在职党员双报到 (reported_members) and their 服务记录, plus the indexes responder suggestions
-- (backend/responders/) look candidates up by: skills and 服务意向 tags mirrored into
-- register_values (filled for existing talents by this migration's JavaScript step), 楼栋,
-- 联系领域 and 资源清单 categories.

CREATE TABLE reported_members (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  gender TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL,
  unit_id INTEGER REFERENCES units (id) ON DELETE SET NULL,
  employer TEXT NOT NULL DEFAULT '',
  org_name TEXT NOT NULL DEFAULT '',
  reported_on TEXT NOT NULL DEFAULT '',
  grid_id INTEGER REFERENCES grids (id),
  estate TEXT NOT NULL DEFAULT '',
  building TEXT NOT NULL DEFAULT '',
  skills TEXT NOT NULL DEFAULT '[]',
  service_intent TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT '已报到',
  returned_on TEXT NOT NULL DEFAULT '',
  return_reason TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  sort_key TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX reported_members_live ON reported_members (deleted_at, id);
CREATE INDEX reported_members_sort ON reported_members (deleted_at, sort_key, id);
CREATE INDEX reported_members_unit ON reported_members (unit_id, status) WHERE deleted_at IS NULL;
CREATE INDEX reported_members_grid ON reported_members (grid_id) WHERE deleted_at IS NULL;
CREATE INDEX reported_members_building ON reported_members (building, estate, grid_id) WHERE deleted_at IS NULL;
CREATE INDEX reported_members_name_phone ON reported_members (name, phone) WHERE deleted_at IS NULL;
CREATE VIRTUAL TABLE reported_members_fts USING fts5 (tokens, content = '', contentless_delete = 1, prefix = '1 2 3');

CREATE TABLE reported_services (
  id INTEGER PRIMARY KEY,
  member_id INTEGER NOT NULL REFERENCES reported_members (id) ON DELETE CASCADE,
  service_date TEXT NOT NULL,
  hours REAL,
  content TEXT NOT NULL,
  -- The 民情事项 this service closed (written by that register); no foreign key yet.
  matter_id INTEGER,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX reported_services_parent ON reported_services (member_id);
CREATE INDEX reported_services_matter ON reported_services (matter_id) WHERE matter_id IS NOT NULL;

CREATE INDEX households_building ON households (building, estate, grid_id) WHERE deleted_at IS NULL;
CREATE INDEX talents_building ON talents (building, estate, grid_id) WHERE deleted_at IS NULL;
CREATE INDEX committee_duty_domain ON committee_members (duty_domain) WHERE deleted_at IS NULL;
CREATE INDEX committee_duty_grid ON committee_members (duty_grid_id) WHERE deleted_at IS NULL;
CREATE INDEX unit_list_items_category ON unit_list_items (category, list_type) WHERE deleted_at IS NULL;
CREATE INDEX unit_list_items_title ON unit_list_items (title) WHERE deleted_at IS NULL;
