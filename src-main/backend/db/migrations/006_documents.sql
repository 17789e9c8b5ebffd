-- Documents: the chosen default template per kind ('' = the built-in one), and every
-- generated document (recent first in the list; 打开 only opens paths recorded here).

CREATE TABLE document_defaults (
  kind TEXT PRIMARY KEY,
  template TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);

CREATE TABLE generated_documents (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  subject_id INTEGER,
  template TEXT NOT NULL DEFAULT '',
  masked INTEGER NOT NULL DEFAULT 1,
  path TEXT NOT NULL,
  folder TEXT NOT NULL,
  operator TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX generated_documents_recent ON generated_documents (created_at DESC, id DESC);
