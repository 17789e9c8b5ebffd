// Records that name a 共建单位 by `unit_id` (兼职委员, 在职党员): which are linked to a unit,
// setting the link, and which lost it to that unit's deletion (read from the audit log).
import type Database from 'better-sqlite3'
import { prep } from '../db/statements'

export type UnitLinkTable = 'committee_members' | 'reported_members'

const live = (liveOnly: boolean) => (liveOnly ? ' AND m.deleted_at IS NULL' : '')

export function linkedToUnit(
  db: Database.Database,
  table: UnitLinkTable,
  unitId: number,
  liveOnly: boolean,
): number[] {
  const sql = `SELECT m.id FROM ${table} m WHERE m.unit_id = ?${live(liveOnly)}`
  return (prep(db, sql).all(unitId) as { id: number }[]).map((r) => r.id)
}

export function setUnitLink(
  db: Database.Database,
  table: UnitLinkTable,
  id: number,
  unitId: number | null,
  stamp: string,
): void {
  prep(db, `UPDATE ${table} SET unit_id = ?, updated_at = ? WHERE id = ?`).run(unitId, stamp, id)
}

/**
 * Records whose unit was cleared when `unitId` was deleted and has not changed since: the last
 * audit entry that changed their unit is that clearing (X → none).
 */
export function unlinkedFrom(
  db: Database.Database,
  table: UnitLinkTable,
  unitId: number,
  liveOnly: boolean,
): number[] {
  const changed = `json_extract(b.before_json, '$.unit_id') IS NOT json_extract(b.after_json, '$.unit_id')`
  const sql = `SELECT m.id FROM ${table} m
     WHERE m.unit_id IS NULL${live(liveOnly)} AND (
       SELECT json_extract(b.before_json, '$.unit_id') = ? AND json_extract(b.after_json, '$.unit_id') IS NULL
       FROM audit_log b
       WHERE b.table_name = '${table}' AND b.row_id = m.id
         AND b.action IN ('create', 'update') AND ${changed}
       ORDER BY b.id DESC LIMIT 1) = 1`
  return (prep(db, sql).all(unitId) as { id: number }[]).map((r) => r.id)
}
