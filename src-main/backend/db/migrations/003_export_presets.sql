-- Named export layouts (a street may ask for its own columns and order).
CREATE TABLE export_presets (
  id INTEGER PRIMARY KEY,
  register TEXT NOT NULL,
  name TEXT NOT NULL,
  columns_json TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE UNIQUE INDEX export_presets_name ON export_presets (register, name) WHERE deleted_at IS NULL;
