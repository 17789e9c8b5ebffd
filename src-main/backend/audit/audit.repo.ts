import type Database from 'better-sqlite3'
import { nowStamp } from '../../shared/dates'
import { prep } from '../db/statements'

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'purge' | 'export'

export interface AuditEntry {
  operator: string
  table: string
  rowId: number
  action: AuditAction
  before?: unknown
  after?: unknown
  /** For child rows (服务记录 …): the register record they belong to. */
  parent?: { table: string; id: number }
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
  parent_table: string | null
  parent_id: number | null
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
  prep(
    db,
    `INSERT INTO audit_log (at, operator, table_name, row_id, action, before_json, after_json, parent_table, parent_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    nowStamp(),
    e.operator,
    e.table,
    e.rowId,
    e.action,
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
    e.parent?.table ?? null,
    e.parent?.id ?? null,
  )
}

export function auditFor(db: Database.Database, table: string, rowId: number): AuditRow[] {
  return prep(db, 'SELECT * FROM audit_log WHERE table_name = ? AND row_id = ? ORDER BY id').all(
    table,
    rowId,
  ) as AuditRow[]
}

/** A record's own changes and those of its child rows, newest first. */
export function auditWithChildren(db: Database.Database, table: string, rowId: number): AuditRow[] {
  return prep(
    db,
    `SELECT * FROM audit_log WHERE (table_name = ? AND row_id = ?) OR (parent_table = ? AND parent_id = ?)
       ORDER BY id DESC LIMIT 500`,
  ).all(table, rowId, table, rowId) as AuditRow[]
}

export function recentAudit(db: Database.Database, limit: number): AuditRow[] {
  return prep(db, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[]
}

/**
 * 彻底删除: the record's and its child rows' audit entries keep what happened, when and by whom,
 * but none of the person's values (before/after hold names, ID numbers, phones).
 */
export function forgetInAudit(db: Database.Database, table: string, rowId: number): void {
  prep(
    db,
    `UPDATE audit_log SET before_json = NULL, after_json = NULL
     WHERE (table_name = ? AND row_id = ?) OR (parent_table = ? AND parent_id = ?)`,
  ).run(table, rowId, table, rowId)
}
