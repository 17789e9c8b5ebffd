import type Database from 'better-sqlite3'
import { nowStamp } from '../../shared/dates'

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'purge' | 'export'

export interface AuditEntry {
  operator: string
  table: string
  rowId: number
  action: AuditAction
  before?: unknown
  after?: unknown
}

export interface AuditRow {
  id: number
  at: string
  operator: string
  table_name: string
  row_id: number
  action: AuditAction
  before_json: string | null
  after_json: string | null
}

const IGNORED = new Set(['updated_at', 'created_at'])

/** For updates keep only the fields that changed, so history reads as "field: old → new". */
export function changedOnly(before: unknown, after: unknown): { before: unknown; after: unknown } {
  if (
    typeof before !== 'object' ||
    before === null ||
    typeof after !== 'object' ||
    after === null
  ) {
    return { before, after }
  }
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  const bo = before as Record<string, unknown>
  const ao = after as Record<string, unknown>
  for (const key of new Set([...Object.keys(bo), ...Object.keys(ao)])) {
    if (IGNORED.has(key) || JSON.stringify(bo[key]) === JSON.stringify(ao[key])) continue
    b[key] = bo[key]
    a[key] = ao[key]
  }
  return { before: b, after: a }
}

export function writeAudit(db: Database.Database, entry: AuditEntry): void {
  const e =
    entry.action === 'update' ? { ...entry, ...changedOnly(entry.before, entry.after) } : entry
  db.prepare(
    `INSERT INTO audit_log (at, operator, table_name, row_id, action, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    nowStamp(),
    e.operator,
    e.table,
    e.rowId,
    e.action,
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
  )
}

export function auditFor(db: Database.Database, table: string, rowId: number): AuditRow[] {
  return db
    .prepare('SELECT * FROM audit_log WHERE table_name = ? AND row_id = ? ORDER BY id')
    .all(table, rowId) as AuditRow[]
}
