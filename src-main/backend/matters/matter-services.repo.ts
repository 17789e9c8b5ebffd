// 录入一次: when a 民情事项 is closed, one service record goes onto each responder who did the
// work, in that responder's own list (社区能人/在职党员 服务记录, 党员中心户 联户记录, a 共建单位's
// fitting 项目/需求/资源 list item's 成效; 兼职委员 履职 is the matter_services row itself).
// matter_services remembers what each (item, responder) wrote, so closing again after 不满意
// updates the same record, and cancelling or merging a reopened item takes it back.
import type Database from 'better-sqlite3'
import { TALENT_CATEGORY } from '../../shared/dictionaries'
import { writeAudit } from '../audit/audit.repo'
import { prep } from '../db/statements'

export interface ClosedMatter {
  id: number
  code: string
  content: string
  category: string
  result: string
}
interface Done {
  id: number
  target_id: number | null
}
type Kind = 'talent' | 'unit' | 'committee' | 'household' | 'reported'

/** Where each kind's record lives: table, parent column and the columns written. */
const TARGET = {
  talent: { table: 'talent_services', parent: 'talent_id', parentTable: 'talents' },
  reported: { table: 'reported_services', parent: 'member_id', parentTable: 'reported_members' },
  household: { table: 'household_visits', parent: 'household_id', parentTable: 'households' },
} as const

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)
/** The marker a unit's 成效 line carries, so a re-close finds and replaces its own line. */
const unitLine = (m: ClosedMatter, on: string) =>
  `${on} 办结民情事项 ${m.code}：${cut(m.content, 40)}`

function writeTarget(
  db: Database.Database,
  kind: keyof typeof TARGET,
  refId: number,
  targetId: number | null,
  m: ClosedMatter,
  on: string,
  stamp: string,
): { id: number; created: boolean } {
  const text = `民情事项 ${m.code}：${m.content}`
  const category = (TALENT_CATEGORY as readonly string[]).includes(m.category) ? m.category : ''
  const t = TARGET[kind]
  const set =
    kind === 'talent'
      ? { service_date: on, item: cut(text, 100), category }
      : kind === 'reported'
        ? { service_date: on, content: cut(text, 200), matter_id: m.id }
        : { visit_date: on, item: cut(text, 200), result: cut(m.result, 1000) }
  const cols = Object.keys(set)
  const values = Object.values(set)
  if (targetId !== null) {
    const r = prep(
      db,
      `UPDATE ${t.table} SET ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
    ).run(...values, stamp, targetId)
    if (r.changes) return { id: targetId, created: false }
  }
  // First close, or the record was purged since: write it (again).
  const r = prep(
    db,
    `INSERT INTO ${t.table} (${t.parent}, ${cols.join(', ')}, created_at, updated_at)
     VALUES (?, ${cols.map(() => '?').join(', ')}, ?, ?)`,
  ).run(refId, ...values, stamp, stamp)
  return { id: Number(r.lastInsertRowid), created: true }
}

/**
 * The unit's list item this work advances, if any: of the item's 类别 and not finished, its own
 * 项目, else a 需求/项目 it has claimed (认领单位), else its own 资源.
 */
function fittingListItem(db: Database.Database, unitId: number, category: string): number | null {
  if (!category) return null
  const r = prep(
    db,
    `SELECT id FROM unit_list_items
      WHERE category = ? AND deleted_at IS NULL AND status <> '已完成'
        AND ((unit_id = ? AND list_type IN ('项目', '资源'))
          OR (claimed_by_unit_id = ? AND list_type IN ('需求', '项目')))
      ORDER BY CASE WHEN list_type = '项目' AND unit_id = ? THEN 0 WHEN list_type = '资源' THEN 2 ELSE 1 END, id
      LIMIT 1`,
  ).get(category, unitId, unitId, unitId) as { id: number } | undefined
  return r?.id ?? null
}

function writeUnit(
  db: Database.Database,
  unitId: number,
  targetId: number | null,
  m: ClosedMatter,
  on: string,
  stamp: string,
): number | null {
  const id = targetId ?? fittingListItem(db, unitId, m.category)
  if (id === null) return null
  const row = prep(db, 'SELECT outcome FROM unit_list_items WHERE id = ?').get(id) as
    { outcome: string } | undefined
  if (!row) return null
  const mine = ` 办结民情事项 ${m.code}：`
  const kept = row.outcome.split('\n').filter((l) => l !== '' && !l.includes(mine))
  const outcome = cut([...kept, unitLine(m, on)].join('\n'), 1000)
  prep(db, 'UPDATE unit_list_items SET outcome = ?, updated_at = ? WHERE id = ?').run(
    outcome,
    stamp,
    id,
  )
  return id
}

/** Writes (or updates) one record per register responder of the closed item. */
export function writeServices(
  db: Database.Database,
  m: ClosedMatter,
  on: string,
  stamp: string,
  operator: string,
): number {
  const who = prep(
    db,
    `SELECT DISTINCT kind, ref_id FROM matter_responders
      WHERE matter_id = ? AND kind <> 'office' AND ref_id IS NOT NULL`,
  ).all(m.id) as { kind: Kind; ref_id: number }[]
  for (const r of who) {
    const done = prep(
      db,
      'SELECT id, target_id FROM matter_services WHERE matter_id = ? AND kind = ? AND ref_id = ?',
    ).get(m.id, r.kind, r.ref_id) as Done | undefined
    let target: number | null = null
    if (r.kind === 'unit') target = writeUnit(db, r.ref_id, done?.target_id ?? null, m, on, stamp)
    else if (r.kind !== 'committee') {
      const w = writeTarget(db, r.kind, r.ref_id, done?.target_id ?? null, m, on, stamp)
      target = w.id
      writeAudit(db, {
        operator,
        table: TARGET[r.kind].table,
        rowId: w.id,
        action: w.created ? 'create' : 'update',
        after: { matter: m.code, date: on },
        parent: { table: TARGET[r.kind].parentTable, id: r.ref_id },
      })
    }
    prep(
      db,
      `INSERT INTO matter_services (matter_id, kind, ref_id, target_id, done_on, item, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (matter_id, kind, ref_id) DO UPDATE SET
         target_id = excluded.target_id, done_on = excluded.done_on, item = excluded.item,
         updated_at = excluded.updated_at`,
    ).run(m.id, r.kind, r.ref_id, target, on, cut(m.content, 200), stamp, stamp)
  }
  return who.length
}

/**
 * A reopened item that is then cancelled or merged was not done: the records its earlier close
 * wrote are soft-deleted (回收站), the unit line removed, the 履职 rows dropped.
 */
export function withdrawServices(db: Database.Database, m: ClosedMatter, stamp: string): void {
  const rows = prep(db, 'SELECT kind, target_id FROM matter_services WHERE matter_id = ?').all(
    m.id,
  ) as { kind: Kind; target_id: number | null }[]
  for (const r of rows) {
    if (r.target_id === null) continue
    if (r.kind === 'unit') {
      const row = prep(db, 'SELECT outcome FROM unit_list_items WHERE id = ?').get(r.target_id) as
        { outcome: string } | undefined
      if (row)
        prep(db, 'UPDATE unit_list_items SET outcome = ?, updated_at = ? WHERE id = ?').run(
          row.outcome
            .split('\n')
            .filter((l) => !l.includes(` 办结民情事项 ${m.code}：`))
            .join('\n'),
          stamp,
          r.target_id,
        )
    } else if (r.kind !== 'committee')
      prep(
        db,
        `UPDATE ${TARGET[r.kind].table} SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`,
      ).run(stamp, r.target_id)
  }
  prep(db, 'DELETE FROM matter_services WHERE matter_id = ?').run(m.id)
}

/** 兼职委员 履职 from 民情事项, newest first: what feeds the member's 双述双评. */
export function committeeDuties(db: Database.Database, memberId: number) {
  return prep(
    db,
    `SELECT s.matter_id, m.code, s.done_on, s.item FROM matter_services s
       JOIN matters m ON m.id = s.matter_id
      WHERE s.kind = 'committee' AND s.ref_id = ? AND m.deleted_at IS NULL
      ORDER BY s.done_on DESC, s.id DESC`,
  ).all(memberId) as { matter_id: number; code: string; done_on: string; item: string }[]
}
