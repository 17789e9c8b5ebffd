// All SQL of 民情事项: the list's SELECT, the per-year 编号 counter, responders, the timeline,
// the overdue condition and the 办理时限 defaults.
import type Database from 'better-sqlite3'
import dayjs from 'dayjs'
import { MATTER_OPEN_STATUS } from '../../shared/dictionaries'
import { prep } from '../db/statements'

/** The open states as SQL, written exactly as in the matters_open_due index's WHERE. */
export const OPEN_SQL = `(${MATTER_OPEN_STATUS.map((s) => `'${s}'`).join(', ')})`

// overdue is filled in by the handlers for the caller's today (see withOverdue).
export const MATTER_SELECT = `SELECT t.*, t.due_on AS due_on, coalesce(g.name, '') AS grid_name,
  0 AS overdue, '[]' AS next_steps, coalesce(m.code, '') AS merged_into_code,
  coalesce((SELECT group_concat(r.name, '、') FROM matter_responders r WHERE r.matter_id = t.id), '') AS responder_names
  FROM matters t LEFT JOIN grids g ON g.id = t.grid_id LEFT JOIN matters m ON m.id = t.merged_into`

export const MATTER_VERIFY = `t.code || ' ' || t.content || ' ' || t.place || ' ' || t.building || ' ' || t.reporter`

/** Local calendar date, as the overdue check compares it. */
export function today(): string {
  return dayjs().format('YYYY-MM-DD')
}

/** 逾期: open, with a deadline before `day` — a range on the matters_open_due index. */
export function overdueCondition(day: string): { sql: string; params: unknown[] } {
  return {
    sql: `t.status IN ${OPEN_SQL} AND t.due_on <> '' AND t.due_on < ?`,
    params: [day],
  }
}

/** The next 编号 of `year` (2026-0001 …); the counter never goes back, so numbers are not reused. */
export function nextCode(db: Database.Database, year: number): string {
  const r = prep(
    db,
    `INSERT INTO matter_codes (year, last_seq) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
  ).get(year) as { last_seq: number }
  return `${year}-${String(r.last_seq).padStart(4, '0')}`
}

export function matterState(
  db: Database.Database,
  id: number,
): { code: string; status: string; deleted_at: string | null } | undefined {
  return prep(db, 'SELECT code, status, deleted_at FROM matters WHERE id = ?').get(id) as
    { code: string; status: string; deleted_at: string | null } | undefined
}

/** Writes the new state and the columns a step fills (result, rating …). */
export function setState(
  db: Database.Database,
  id: number,
  status: string,
  stamp: string,
  extra: Record<string, string | number | null> = {},
): void {
  const cols = Object.keys(extra)
  prep(
    db,
    `UPDATE matters SET status = @status, updated_at = @stamp${cols.map((c) => `, ${c} = @${c}`).join('')} WHERE id = @id`,
  ).run({ ...extra, status, stamp, id })
}

export function addEvent(
  db: Database.Database,
  e: {
    matterId: number
    at: string
    on: string
    operator: string
    action: string
    from: string
    to: string
    text: string
    detail?: unknown
  },
): void {
  prep(
    db,
    `INSERT INTO matter_events (matter_id, at, happened_on, operator, action, from_status, to_status, text, detail_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.matterId,
    e.at,
    e.on,
    e.operator,
    e.action,
    e.from,
    e.to,
    e.text,
    JSON.stringify(e.detail ?? {}),
  )
}

export function addResponder(
  db: Database.Database,
  matterId: number,
  r: { kind: string; ref_id: number | null; name: string },
  stamp: string,
): void {
  prep(
    db,
    `INSERT INTO matter_responders (matter_id, kind, ref_id, name, dispatched_at) VALUES (?, ?, ?, ?, ?)`,
  ).run(matterId, r.kind, r.ref_id, r.name, stamp)
}

export function acceptAll(db: Database.Database, matterId: number, stamp: string): void {
  prep(
    db,
    `UPDATE matter_responders SET accepted_at = ? WHERE matter_id = ? AND accepted_at = ''`,
  ).run(stamp, matterId)
}

export function responders(db: Database.Database, matterId: number) {
  return prep(
    db,
    `SELECT id, kind, ref_id, name, dispatched_at, accepted_at FROM matter_responders
       WHERE matter_id = ? ORDER BY id`,
  ).all(matterId) as {
    id: number
    kind: 'talent' | 'unit' | 'committee' | 'household' | 'reported' | 'office'
    ref_id: number | null
    name: string
    dispatched_at: string
    accepted_at: string
  }[]
}

export function events(db: Database.Database, matterId: number) {
  return prep(
    db,
    `SELECT id, at, happened_on, operator, action, from_status, to_status, text FROM matter_events
       WHERE matter_id = ? ORDER BY id`,
  ).all(matterId) as {
    id: number
    at: string
    happened_on: string
    operator: string
    action: string
    from_status: string
    to_status: string
    text: string
  }[]
}

/** A live register record's display name, to dispatch to it. */
const RESPONDER_TABLES = {
  talent: { table: 'talents', column: 'name' },
  unit: { table: 'units', column: 'name' },
  committee: { table: 'committee_members', column: 'name' },
  household: { table: 'households', column: 'head_name' },
  reported: { table: 'reported_members', column: 'name' },
} as const

export function responderName(
  db: Database.Database,
  kind: keyof typeof RESPONDER_TABLES,
  id: number,
): string | undefined {
  const t = RESPONDER_TABLES[kind]
  // 在职党员 arrives with another branch; until its table exists nobody can be picked from it.
  const exists = prep(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(
    t.table,
  )
  if (!exists) return undefined
  const r = db
    .prepare(`SELECT ${t.column} AS n FROM ${t.table} WHERE id = ? AND deleted_at IS NULL`)
    .get(id) as { n: string } | undefined
  return r?.n
}

export function readDeadlines(db: Database.Database): { level: string; days: number }[] {
  return prep(db, 'SELECT level, days FROM matter_deadlines').all() as {
    level: string
    days: number
  }[]
}

export function writeDeadline(db: Database.Database, level: string, days: number): void {
  prep(
    db,
    'INSERT INTO matter_deadlines (level, days) VALUES (?, ?) ON CONFLICT (level) DO UPDATE SET days = excluded.days',
  ).run(level, days)
}

/** People and units who can answer, with what matching needs (the demo picks from these). */
export function responderPool(db: Database.Database) {
  const q = (sql: string) =>
    prep(db, sql).all() as { id: number; grid_id: number | null; categories: string }[]
  return {
    talent: q(
      `SELECT id, grid_id, categories FROM talents WHERE deleted_at IS NULL AND status = '在册'`,
    ),
    unit: q(`SELECT id, NULL AS grid_id, '[]' AS categories FROM units WHERE deleted_at IS NULL`),
    committee: q(
      `SELECT id, duty_grid_id AS grid_id, '[]' AS categories FROM committee_members WHERE deleted_at IS NULL`,
    ),
    household: q(`SELECT id, grid_id, '[]' AS categories FROM households WHERE deleted_at IS NULL`),
  }
}

/**
 * Spreads an item's timeline over the days it really took (the demo writes a year of items in
 * one go): event i gets stamps[i], responders the dispatch and accept stamps.
 */
export function backdate(
  db: Database.Database,
  matterId: number,
  stamps: { at: string; operator: string }[],
): void {
  const ids = prep(db, 'SELECT id FROM matter_events WHERE matter_id = ? ORDER BY id').all(
    matterId,
  ) as { id: number }[]
  const set = prep(
    db,
    'UPDATE matter_events SET at = ?, happened_on = substr(?, 1, 10), operator = ? WHERE id = ?',
  )
  ids.forEach((e, i) => {
    const s = stamps[Math.min(i, stamps.length - 1)]
    if (s) set.run(s.at, s.at, s.operator, e.id)
  })
  const first = stamps[0]?.at ?? ''
  const last = stamps[Math.min(ids.length, stamps.length) - 1]?.at ?? first
  prep(db, 'UPDATE matters SET created_at = ?, updated_at = ? WHERE id = ?').run(
    first,
    last,
    matterId,
  )
  const dispatched = stamps[1]?.at ?? first
  const accepted = stamps[2]?.at ?? ''
  prep(
    db,
    `UPDATE matter_responders SET dispatched_at = ?,
       accepted_at = CASE WHEN accepted_at = '' THEN '' ELSE ? END WHERE matter_id = ?`,
  ).run(dispatched, accepted, matterId)
}

const KIND_OF_TABLE: Record<string, string> = {
  talents: 'talent',
  units: 'unit',
  committee_members: 'committee',
  households: 'household',
  reported_members: 'reported',
}

/**
 * A purged person or unit leaves the 民情事项 they answered: their name is replaced in the
 * responder list and in the timeline's words, as 彻底删除 does in the audit log.
 */
export function forgetResponder(db: Database.Database, table: string, id: number): void {
  const kind = KIND_OF_TABLE[table]
  if (!kind) return
  const gone = '（已彻底删除）'
  const rows = prep(
    db,
    'SELECT matter_id, name FROM matter_responders WHERE kind = ? AND ref_id = ?',
  ).all(kind, id) as { matter_id: number; name: string }[]
  for (const r of rows) {
    if (r.name)
      prep(db, 'UPDATE matter_events SET text = replace(text, ?, ?) WHERE matter_id = ?').run(
        r.name,
        gone,
        r.matter_id,
      )
  }
  prep(
    db,
    'UPDATE matter_responders SET name = ?, ref_id = NULL WHERE kind = ? AND ref_id = ?',
  ).run(gone, kind, id)
  // Their 录入一次 records go too, so a later record given the same id inherits nothing.
  prep(db, 'DELETE FROM matter_services WHERE kind = ? AND ref_id = ?').run(kind, id)
}
