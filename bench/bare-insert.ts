// The bare counterparts of a talent insert: better-sqlite3 prepared statements in one
// transaction writing what our create writes (row with its pinyin sort key, FTS5 tokens,
// multi-choice values, audit row), and a plain row insert alone. Tokens come from the same tokenizer over pinyin-pro, so
// both sides do the same work; the difference is our handler's own overhead.
import type Database from 'better-sqlite3'
import { searchTokens } from '../src-main/backend/search/search-tokens'
import { sortKey } from '../src-main/backend/search/sort-key'
import { toStored } from '../src-main/backend/registers/register.repo'
import { TALENT_FIELDS } from '../src-main/shared/registers/talents.fields'

type Row = Record<string, unknown>
const SEARCH = ['name', 'skills', 'employer', 'occupation', 'estate', 'building', 'phone']

export function bareInsert(db: Database.Database) {
  db.exec(`CREATE TABLE IF NOT EXISTS bare_talents AS SELECT * FROM talents WHERE 0;
    CREATE VIRTUAL TABLE IF NOT EXISTS bare_fts USING fts5 (tokens, content = '', contentless_delete = 1, prefix = '1 2 3');
    CREATE TABLE IF NOT EXISTS bare_values (field TEXT, value TEXT, row_id INTEGER);
    CREATE TABLE IF NOT EXISTS bare_audit (at TEXT, row_id INTEGER, after_json TEXT);
    CREATE TABLE IF NOT EXISTS bare_plain AS SELECT * FROM talents WHERE 0;`)
  const cols = Object.keys(toStored(TALENT_FIELDS, {}))
  const insertSql = (table: string) =>
    `INSERT INTO ${table} (${cols.join(', ')}, created_at, updated_at) VALUES (${cols.map((c) => '@' + c).join(', ')}, @s, @s)`
  // Our rows also carry the name's pinyin sort key, so the bare job computes and writes it too.
  const row = db.prepare(
    `INSERT INTO bare_talents (${cols.join(', ')}, sort_key, created_at, updated_at) VALUES (${cols.map((c) => '@' + c).join(', ')}, @k, @s, @s)`,
  )
  const plain = db.prepare(insertSql('bare_plain'))
  const fts = db.prepare('INSERT INTO bare_fts (rowid, tokens) VALUES (?, ?)')
  const values = db.prepare('INSERT INTO bare_values VALUES (?, ?, ?)')
  const audit = db.prepare('INSERT INTO bare_audit VALUES (?, ?, ?)')
  const stamp = () => new Date().toISOString()
  return {
    sameJob: (rows: Row[]) =>
      db.transaction(() => {
        for (const v of rows) {
          const id = Number(
            row.run({
              ...toStored(TALENT_FIELDS, v),
              k: sortKey(String(v.name ?? ''), true),
              s: stamp(),
            }).lastInsertRowid,
          )
          const texts = SEARCH.map((k) => ({
            text: Array.isArray(v[k]) ? (v[k] as string[]).join(' ') : String(v[k] ?? ''),
            asName: k === 'name',
          }))
          fts.run(id, searchTokens(texts))
          for (const c of (v.categories as string[] | undefined) ?? [])
            values.run('categories', c, id)
          for (const d of (v.domains as string[] | undefined) ?? []) values.run('domains', d, id)
          audit.run(stamp(), id, JSON.stringify(v))
        }
      })(),
    rowOnly: (rows: Row[]) =>
      db.transaction(() => {
        for (const v of rows) plain.run({ ...toStored(TALENT_FIELDS, v), s: stamp() })
      })(),
  }
}
