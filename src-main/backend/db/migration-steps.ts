// Migration steps that need JavaScript (e.g. pinyin), run right after their .sql file inside
// the same transaction, so a failure leaves the database exactly as it was.
import type Database from 'better-sqlite3'
import { pinyinKeys } from '../search/search-tokens'
import { sortKey } from '../search/sort-key'

/** Tables with a pinyin sort key, and the column it is made from. */
export const SORT_KEY_SOURCES = [
  { table: 'talents', column: 'name', asName: true },
  { table: 'units', column: 'name', asName: false },
  { table: 'committee_members', column: 'name', asName: true },
  { table: 'households', column: 'head_name', asName: true },
  { table: 'grids', column: 'name', asName: false },
] as const

function fillSortKeys(db: Database.Database): void {
  // Common names repeat across 100k rows; each distinct one is read into pinyin once.
  const memo = new Map<string, string>()
  const keyOf = (text: string, asName: boolean) => {
    const k = `${asName ? 'n' : 't'}:${text}`
    let v = memo.get(k)
    if (v === undefined) {
      v = sortKey(text, asName)
      memo.set(k, v)
    }
    return v
  }
  for (const { table, column, asName } of SORT_KEY_SOURCES) {
    const set = db.prepare(`UPDATE ${table} SET sort_key = ? WHERE id = ?`)
    const rows = db.prepare(`SELECT id, ${column} AS text FROM ${table}`).iterate() as Iterable<{
      id: number
      text: string
    }>
    // Collect first: SQLite does not allow writing a table while iterating it on one connection.
    const keys: [string, number][] = []
    for (const r of rows) keys.push([keyOf(r.text, asName), r.id])
    for (const [key, id] of keys) set.run(key, id)
  }
}

/** Tables whose pick list reads stored pinyin keys (search-tokens.ts `pinyinKeys`). */
export const PICK_KEY_SOURCES = [{ table: 'units', column: 'name', asName: false }] as const

function fillPickKeys(db: Database.Database): void {
  for (const { table, column, asName } of PICK_KEY_SOURCES) {
    const rows = db.prepare(`SELECT id, ${column} AS text FROM ${table}`).all() as {
      id: number
      text: string
    }[]
    const set = db.prepare(`UPDATE ${table} SET pick_keys = ? WHERE id = ?`)
    for (const r of rows) set.run(pinyinKeys(r.text, asName), r.id)
  }
}

export const MIGRATION_STEPS: Record<number, (db: Database.Database) => void> = {
  7: fillSortKeys,
  11: fillPickKeys,
}
