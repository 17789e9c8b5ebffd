// Generic SQL for the four registers and their child lists, driven by the field lists in
// shared/registers. Column names come only from those lists, never from user input.
import type Database from 'better-sqlite3'
import { isArrayKind, type FieldDef } from '../../shared/registers/field-def'
import type { ChildKey, ChildSpec, RegisterSpec } from '../../shared/registers/registers'
import { CHILD_ORDER } from './register-query.repo'
import { prep } from '../db/statements'

export type Row = Record<string, unknown>

export function toStored(fields: readonly FieldDef[], values: Row): Row {
  const out: Row = {}
  for (const f of fields) {
    const v = values[f.key]
    if (isArrayKind(f.kind)) out[f.key] = JSON.stringify(v ?? [])
    else if (f.kind === 'bool') out[f.key] = v ? 1 : 0
    else
      out[f.key] =
        v ??
        (f.kind === 'int' || f.kind === 'decimal' || f.kind === 'grid' || f.kind === 'unit'
          ? null
          : '')
  }
  return out
}

/** A stored row in its contract shape (arrays and booleans decoded); T names that shape. */
export function fromStored<T = Row>(fields: readonly FieldDef[], row: Row): T {
  const out: Row = { ...row }
  // The pinyin sort key is for ORDER BY only and the pick keys for the pick list; never shown.
  delete out.sort_key
  delete out.pick_keys
  for (const f of fields) {
    if (isArrayKind(f.kind)) out[f.key] = JSON.parse(String(row[f.key] ?? '[]')) as string[]
    else if (f.kind === 'bool') out[f.key] = row[f.key] === 1
  }
  return out as T
}

export function insertRow(
  db: Database.Database,
  table: string,
  fields: readonly FieldDef[],
  values: Row,
  stamp: string,
  extra: Row = {},
): number {
  const data = { ...toStored(fields, values), ...extra, created_at: stamp, updated_at: stamp }
  const cols = Object.keys(data)
  const r = prep(
    db,
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`,
  ).run(data)
  return Number(r.lastInsertRowid)
}

export function updateRow(
  db: Database.Database,
  table: string,
  fields: readonly FieldDef[],
  id: number,
  values: Row,
  stamp: string,
  extra: Row = {},
): void {
  const data = { ...toStored(fields, values), ...extra }
  const sets = Object.keys(data).map((c) => `${c} = @${c}`)
  prep(db, `UPDATE ${table} SET ${sets.join(', ')}, updated_at = @stamp WHERE id = @id`).run({
    ...data,
    id,
    stamp,
  })
}

export function setDeletedAt(
  db: Database.Database,
  table: string,
  id: number,
  stamp: string | null,
  now: string,
): void {
  prep(db, `UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(stamp, now, id)
}

export function deleteRow(db: Database.Database, table: string, id: number): void {
  prep(db, `DELETE FROM ${table} WHERE id = ?`).run(id)
}

export function rawRow(db: Database.Database, table: string, id: number): Row | undefined {
  return prep(db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined
}

/** The record exists and is not in the 回收站. */
export function isLive(db: Database.Database, table: string, id: number): boolean {
  const r = prep(db, `SELECT deleted_at FROM ${table} WHERE id = ?`).get(id) as
    { deleted_at: string | null } | undefined
  return r !== undefined && r.deleted_at === null
}

/** Mirror multi-choice fields (and indexed tags) into register_values for filters, counts and
 * responder matching. */
export function syncValues(
  db: Database.Database,
  spec: RegisterSpec,
  id: number,
  values: Row | null,
  fresh = false,
): void {
  if (!fresh)
    prep(db, 'DELETE FROM register_values WHERE table_name = ? AND row_id = ?').run(spec.table, id)
  if (!values) return
  const ins = prep(
    db,
    'INSERT OR IGNORE INTO register_values (table_name, field, value, row_id) VALUES (?, ?, ?, ?)',
  )
  for (const f of spec.fields) {
    if (f.kind !== 'multi' && !f.indexed) continue
    for (const v of (values[f.key] as string[] | undefined) ?? []) ins.run(spec.table, f.key, v, id)
  }
}

export function writeTokens(
  db: Database.Database,
  table: string,
  id: number,
  tokens: string | null,
  fresh = false,
): void {
  // A new row has nothing to replace; deleting from a contentless FTS5 index is not free.
  if (!fresh) prep(db, `DELETE FROM ${table}_fts WHERE rowid = ?`).run(id)
  if (tokens) prep(db, `INSERT INTO ${table}_fts (rowid, tokens) VALUES (?, ?)`).run(id, tokens)
}

export interface Where {
  sql: string[]
  params: unknown[]
}

export function listPage(
  db: Database.Database,
  selectSql: string,
  table: string,
  where: Where,
  orderBy: string,
  limit: number,
  offset: number,
): { rows: Row[]; total: number } {
  const clause = where.sql.length ? `WHERE ${where.sql.join(' AND ')}` : ''
  const total = (
    prep(db, `SELECT count(*) AS n FROM ${table} t ${clause}`).get(...where.params) as {
      n: number
    }
  ).n
  if (limit < 0) {
    const rows = prep(db, `${selectSql} ${clause} ORDER BY ${orderBy}`).all(
      ...where.params,
    ) as Row[]
    return { rows, total }
  }
  // Pick the page's ids first, then load those rows with their derived columns: a sort the
  // index cannot serve (e.g. by 姓名 within a 网格) then sorts bare ids, and the per-row
  // subqueries of selectSql run for the page only, not for every matching row.
  const ids = (
    prep(db, `SELECT t.id FROM ${table} t ${clause} ORDER BY ${orderBy} LIMIT ? OFFSET ?`).all(
      ...where.params,
      limit,
      offset,
    ) as { id: number }[]
  ).map((r) => r.id)
  if (ids.length === 0) return { rows: [], total }
  const found = prep(db, `${selectSql} WHERE t.id IN (${ids.map(() => '?').join(', ')})`).all(
    ...ids,
  ) as Row[]
  const byId = new Map(found.map((r) => [r.id, r]))
  const rows = ids.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined)
  return { rows, total }
}

export function selectOne(db: Database.Database, selectSql: string, id: number): Row | undefined {
  return prep(db, `${selectSql} WHERE t.id = ?`).get(id) as Row | undefined
}

export function childRows(
  db: Database.Database,
  child: ChildSpec,
  selectSql: string,
  parentId: number,
): Row[] {
  return prep(
    db,
    `${selectSql} WHERE t.${child.parentColumn} = ? AND t.deleted_at IS NULL ORDER BY ${CHILD_ORDER[child.key as ChildKey]}`,
  ).all(parentId) as Row[]
}

export function liveExists(db: Database.Database, table: string, id: number): boolean {
  return (
    prep(db, `SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) !== undefined
  )
}

export function nameOf(
  db: Database.Database,
  table: string,
  column: string,
  id: number | null,
): string {
  if (id === null) return ''
  const r = prep(db, `SELECT ${column} AS n FROM ${table} WHERE id = ?`).get(id) as
    { n: string } | undefined
  return r?.n ?? ''
}

/**
 * Clears a record's 网格 / unit fields that point at a row deleted meanwhile (restoring from the
 * 回收站 has no form to choose another one in); returns how many fields were cleared.
 */
export function clearStaleReferences(
  db: Database.Database,
  spec: RegisterSpec,
  id: number,
): number {
  let cleared = 0
  for (const f of spec.fields) {
    if (f.kind !== 'grid' && f.kind !== 'unit') continue
    const target = f.kind === 'grid' ? 'grids' : 'units'
    cleared += prep(
      db,
      `UPDATE ${spec.table} SET ${f.key} = NULL WHERE id = ? AND ${f.key} IS NOT NULL
         AND ${f.key} NOT IN (SELECT id FROM ${target} WHERE deleted_at IS NULL)`,
    ).run(id).changes
  }
  return cleared
}

/** Live records whose columns equal all of `match` (a duplicate check), other than `exceptId`. */
export function liveMatches(
  db: Database.Database,
  table: string,
  nameColumn: string,
  match: Record<string, string>,
  exceptId: number | null,
): { id: number; name: string }[] {
  const cols = Object.keys(match)
  return prep(
    db,
    `SELECT id, ${nameColumn} AS name FROM ${table} WHERE deleted_at IS NULL AND id IS NOT ? AND ${cols
      .map((c) => `${c} = ?`)
      .join(' AND ')} ORDER BY id LIMIT 5`,
  ).all(exceptId, ...cols.map((c) => match[c])) as { id: number; name: string }[]
}

/** A purged talent's name leaves the list of generated 登记表 too (the file itself stays). */
export function forgetInDocumentList(db: Database.Database, table: string, id: number): void {
  if (table !== 'talents') return
  prep(
    db,
    `UPDATE generated_documents SET subject = '' WHERE subject_id = ? AND kind = 'talent-card'`,
  ).run(id)
}

/** Moves every page into the database file and empties the -wal (old page images included). */
export function checkpoint(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)')
}
