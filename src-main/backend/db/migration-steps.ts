// Migration steps that need JavaScript (e.g. pinyin), run right after their .sql file inside
// the same transaction, so a failure leaves the database exactly as it was.
import type Database from 'better-sqlite3'
import { pinyinKeys } from '../search/search-tokens'
import { sortKey } from '../search/sort-key'

/** Tables given a pinyin sort key by migration 7 (later tables start with it, empty). */
const V7_SORT_KEY_SOURCES = [
  { table: 'talents', column: 'name', asName: true },
  { table: 'units', column: 'name', asName: false },
  { table: 'committee_members', column: 'name', asName: true },
  { table: 'households', column: 'head_name', asName: true },
  { table: 'grids', column: 'name', asName: false },
] as const

/** Tables with a pinyin sort key, and the column it is made from. */
export const SORT_KEY_SOURCES = [
  ...V7_SORT_KEY_SOURCES,
  { table: 'reported_members', column: 'name', asName: true },
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
  for (const { table, column, asName } of V7_SORT_KEY_SOURCES) {
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

/** Talents' 专业特长 become one register_values row each, as every later write keeps them. */
function mirrorTalentSkills(db: Database.Database): void {
  db.prepare(
    `INSERT OR IGNORE INTO register_values (table_name, field, value, row_id)
     SELECT 'talents', 'skills', j.value, t.id FROM talents t, json_each(t.skills) j
     WHERE json_valid(t.skills) AND trim(j.value) <> ''`,
  ).run()
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
  // Migration 012_reported; the coordinator renumbers it at merge and this key follows it.
  12: mirrorTalentSkills,
}
