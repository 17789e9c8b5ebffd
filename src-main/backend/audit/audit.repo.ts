import { errorCode } from '../errors'
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
function changedOnly(before: unknown, after: unknown): { before: unknown; after: unknown } {
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

// Entries that could not be written because the data folder is read-only (masked exports and
// documents still work there): kept in memory per database file and written once that file
// takes writes again in this run (flushPendingAudit when it opens writable).
const pending = new Map<string, { at: string; entry: AuditEntry }[]>()
/** The database file behind a connection (a read-only one may be an in-memory image of it). */
const fileOf = new WeakMap<Database.Database, string>()

export function auditFileIs(db: Database.Database, file: string): void {
  fileOf.set(db, file)
}
const keyOf = (db: Database.Database) => fileOf.get(db) ?? db.name

export function pendingAuditCount(file: string): number {
  return pending.get(file)?.length ?? 0
}

export function writeAudit(db: Database.Database, entry: AuditEntry): void {
  try {
    insertAudit(db, entry, nowStamp())
  } catch (e) {
    if (!errorCode(e).startsWith('SQLITE_READONLY')) throw e
    const list = pending.get(keyOf(db)) ?? []
    list.push({ at: nowStamp(), entry })
    pending.set(keyOf(db), list)
  }
}

/** Writes what read-only mode kept in memory for this database file. */
export function flushPendingAudit(db: Database.Database): void {
  const list = pending.get(keyOf(db))
  if (!list) return
  db.transaction(() => {
    for (const p of list) insertAudit(db, p.entry, p.at)
  })()
  pending.delete(keyOf(db))
}

function insertAudit(db: Database.Database, entry: AuditEntry, at: string): void {
  const e =
    entry.action === 'update' ? { ...entry, ...changedOnly(entry.before, entry.after) } : entry
  prep(
    db,
    `INSERT INTO audit_log (at, operator, table_name, row_id, action, before_json, after_json, parent_table, parent_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    at,
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
