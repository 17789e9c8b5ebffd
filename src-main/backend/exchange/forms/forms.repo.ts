// Saved form mappings: one per register and header signature.
import type Database from 'better-sqlite3'
import { prep } from '../../db/statements'

export function savedMapping(
  db: Database.Database,
  register: string,
  signature: string,
): Record<string, string> | null {
  const row = prep(
    db,
    'SELECT mapping_json FROM form_mappings WHERE register = ? AND signature = ?',
  ).get(register, signature) as { mapping_json: string } | undefined
  return row ? (JSON.parse(row.mapping_json) as Record<string, string>) : null
}

export function saveMapping(
  db: Database.Database,
  register: string,
  signature: string,
  labels: string[],
  mapping: Record<string, string>,
  stamp: string,
): void {
  prep(
    db,
    `INSERT INTO form_mappings (register, signature, labels_json, mapping_json, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (register, signature) DO UPDATE SET labels_json = excluded.labels_json,
       mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
  ).run(register, signature, JSON.stringify(labels), JSON.stringify(mapping), stamp, stamp)
}

export function forgetMapping(db: Database.Database, register: string, signature: string): boolean {
  return (
    prep(db, 'DELETE FROM form_mappings WHERE register = ? AND signature = ?').run(
      register,
      signature,
    ).changes > 0
  )
}
