import type Database from 'better-sqlite3'
import { prep } from '../db/statements'

// Tables reported by `info` and the 工作台; registers add themselves here as they land.
export const COUNTED: { table: string; label: string; softDelete: boolean }[] = [
  { table: 'grids', label: '网格', softDelete: true },
  { table: 'talents', label: '社区能人', softDelete: true },
  { table: 'talent_services', label: '服务记录', softDelete: true },
  { table: 'units', label: '共建单位', softDelete: true },
  { table: 'unit_list_items', label: '三项清单', softDelete: true },
  { table: 'committee_members', label: '兼职委员', softDelete: true },
  { table: 'committee_reviews', label: '双诺双述双评', softDelete: true },
  { table: 'households', label: '党员中心户', softDelete: true },
  { table: 'household_links', label: '联系户', softDelete: true },
  { table: 'household_visits', label: '联户记录', softDelete: true },
  { table: 'meetings', label: '会议', softDelete: true },
  { table: 'meeting_attendees', label: '参会人员', softDelete: true },
  { table: 'meeting_topics', label: '议题', softDelete: true },
  { table: 'meeting_resolutions', label: '议定事项', softDelete: true },
  { table: 'matters', label: '民情事项', softDelete: true },
  { table: 'audit_log', label: '操作记录', softDelete: false },
]

export function tableCounts(db: Database.Database) {
  return COUNTED.map(({ table, label, softDelete }) => {
    const where = softDelete ? ' WHERE deleted_at IS NULL' : ''
    const row = prep(db, `SELECT count(*) AS n FROM ${table}${where}`).get() as { n: number }
    return { table, label, count: row.n }
  })
}

/** True when nothing but settings has been entered (what `demo` requires). */
export function isEmptyDatabase(db: Database.Database): boolean {
  return COUNTED.filter((c) => c.table !== 'audit_log').every(
    ({ table }) => (prep(db, `SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n === 0,
  )
}

export function integrityReport(db: Database.Database) {
  const column = (rows: unknown[]) => rows.map((r) => String(Object.values(r as object)[0]))
  const quickCheck = column(db.pragma('quick_check') as unknown[])
  const integrityCheck = column(db.pragma('integrity_check') as unknown[])
  const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length
  return { quickCheck, integrityCheck, foreignKeyProblems }
}
