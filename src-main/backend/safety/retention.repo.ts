// The SQL of retention: what has been in the 回收站 since before a moment, and removing audit
// entries older than one.
import type Database from 'better-sqlite3'

const TABLES = new Set([
  'talents',
  'units',
  'committee_members',
  'households',
  'meetings',
  'matters',
])

export function expiredInRecycleBin(
  db: Database.Database,
  table: string,
  before: string,
): number[] {
  if (!TABLES.has(table)) throw new Error(`not a register: ${table}`)
  return (
    db
      .prepare(`SELECT id FROM ${table} WHERE deleted_at IS NOT NULL AND deleted_at < ?`)
      .all(before) as { id: number }[]
  ).map((r) => r.id)
}

export function removeAuditBefore(db: Database.Database, before: string): number {
  const n = db.prepare('DELETE FROM audit_log WHERE at < ?').run(before).changes
  if (n > 0) db.pragma('wal_checkpoint(TRUNCATE)')
  return n
}
