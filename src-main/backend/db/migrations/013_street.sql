-- 街道 mode (issue 16): the street office merges what its communities hand in. A submission is
-- one imported file (its hash refuses the same file twice); its rows are the talents it held,
-- as text, since their 网格 and codes belong to another community's database. `current` is
-- copied onto each row (1 while its submission is the community's latest) so the merged pool
-- pages, filters and finds duplicates on indexes instead of joining 150k rows to submissions.
-- The search index keeps the tokens of replaced rows too; queries ask for current ones.

CREATE TABLE street_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  unit_mode TEXT NOT NULL DEFAULT '社区' CHECK (unit_mode IN ('社区', '街道')),
  period TEXT NOT NULL DEFAULT '',
  chosen INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);

CREATE TABLE street_communities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE street_submissions (
  id INTEGER PRIMARY KEY,
  community_id INTEGER NOT NULL REFERENCES street_communities (id),
  period TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  source TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  replaced_by INTEGER REFERENCES street_submissions (id)
);
CREATE UNIQUE INDEX street_submissions_sha ON street_submissions (sha256);
CREATE INDEX street_submissions_community ON street_submissions (community_id, id);

CREATE TABLE street_rows (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES street_submissions (id),
  community_id INTEGER NOT NULL REFERENCES street_communities (id),
  current INTEGER NOT NULL DEFAULT 1,
  name TEXT NOT NULL,
  id_card TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL DEFAULT '',
  birth_month TEXT NOT NULL DEFAULT '',
  ethnicity TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  political_status TEXT NOT NULL DEFAULT '',
  education TEXT NOT NULL DEFAULT '',
  work_status TEXT NOT NULL DEFAULT '',
  employer TEXT NOT NULL DEFAULT '',
  occupation TEXT NOT NULL DEFAULT '',
  categories TEXT NOT NULL DEFAULT '[]',
  skills TEXT NOT NULL DEFAULT '[]',
  domains TEXT NOT NULL DEFAULT '[]',
  availability TEXT NOT NULL DEFAULT '',
  grid TEXT NOT NULL DEFAULT '',
  estate TEXT NOT NULL DEFAULT '',
  building TEXT NOT NULL DEFAULT '',
  unit_no TEXT NOT NULL DEFAULT '',
  room TEXT NOT NULL DEFAULT '',
  hukou TEXT NOT NULL DEFAULT '',
  discovery TEXT NOT NULL DEFAULT '',
  referrer TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',
  joined_on TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  sort_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX street_rows_submission ON street_rows (submission_id);
CREATE INDEX street_rows_current ON street_rows (current, sort_key, id);
CREATE INDEX street_rows_community ON street_rows (current, community_id, sort_key, id);
CREATE INDEX street_rows_grid ON street_rows (current, community_id, grid, sort_key, id);
CREATE INDEX street_rows_id_card ON street_rows (id_card, community_id) WHERE current = 1 AND id_card <> '';
CREATE INDEX street_rows_name_phone ON street_rows (name, phone, community_id) WHERE current = 1;

-- One row per (人才类别, row) of current rows, so a category filter and its count read an index.
CREATE TABLE street_row_categories (
  category TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  PRIMARY KEY (category, row_id)
) WITHOUT ROWID;
CREATE INDEX street_row_categories_row ON street_row_categories (row_id);

CREATE VIRTUAL TABLE street_rows_fts USING fts5 (tokens, content = '', contentless_delete = 1, prefix = '1 2 3');
