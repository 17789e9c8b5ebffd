-- A street form's column mapping, remembered by the form's header signature (a hash of its
-- normalised header labels), so next quarter's copy of the same form fills in one click.
CREATE TABLE form_mappings (
  id INTEGER PRIMARY KEY,
  register TEXT NOT NULL,
  signature TEXT NOT NULL,
  labels_json TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX form_mappings_signature ON form_mappings (register, signature);
