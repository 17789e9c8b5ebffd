// 议定事项 across meetings: the overview with its filters, and the counts for 工作台.
import type Database from 'better-sqlite3'
import { prep } from '../db/statements'
import type { Output, ParsedInput } from '../../shared/contract'
import { RESOLUTION_FIELDS } from '../../shared/registers/meetings.fields'
import { fromStored } from '../registers/register.repo'
import { OVERDUE } from './meetings.repo'
import { sortKey } from '../search/sort-key'

const LIVE = 't.deleted_at IS NULL AND m.deleted_at IS NULL'
const FROM = 'FROM meeting_resolutions t JOIN meetings m ON m.id = t.meeting_id'

type Query = ParsedInput<'meeting_resolutions:overview'>

function where(q: Query): { sql: string; params: unknown[] } {
  const sql = [LIVE]
  const params: unknown[] = []
  if (q.status === '未完成') sql.push("t.status <> '已完成'")
  else if (q.status) {
    sql.push('t.status = ?')
    params.push(q.status)
  }
  if (q.leadUnit) {
    sql.push('t.lead_unit_name = ?')
    params.push(q.leadUnit)
  }
  if (q.overdueOnly) sql.push(OVERDUE('t'))
  if (q.search) {
    sql.push(
      'instr(lower(t.content || ? || t.lead_unit_name || ? || t.partner_units || ? || m.title), ?) > 0',
    )
    params.push(' ', ' ', ' ', q.search.toLowerCase())
  }
  return { sql: sql.join(' AND '), params }
}

const n = (db: Database.Database, sql: string, ...params: unknown[]): number =>
  (prep(db, sql).get(...params) as { n: number }).n

export function resolutionOverview(
  db: Database.Database,
  q: Query,
): Output<'meeting_resolutions:overview'> {
  const w = where(q)
  const total = n(db, `SELECT count(*) AS n ${FROM} WHERE ${w.sql}`, ...w.params)
  // Overdue first, then open items by deadline (none last), then done ones, newest meeting first.
  const rows = prep(
    db,
    `SELECT t.*, t.meeting_id AS parent_id, ${OVERDUE('t')} AS overdue, m.title AS meeting_title,
       m.meeting_date, m.meeting_type, m.seq_no
       ${FROM} WHERE ${w.sql}
       ORDER BY overdue DESC, t.status = '已完成', t.deadline = '', t.deadline, m.meeting_date DESC, t.sort_order
       LIMIT ? OFFSET ?`,
  ).all(...w.params, q.pageSize, (q.page - 1) * q.pageSize) as Record<string, unknown>[]
  const counts = prep(
    db,
    `SELECT count(*) AS "all", coalesce(sum(t.status <> '已完成'), 0) AS open,
       coalesce(sum(${OVERDUE('t')}), 0) AS overdue, coalesce(sum(t.status = '已完成'), 0) AS done
       ${FROM} WHERE ${LIVE}`,
  ).get() as Output<'meeting_resolutions:overview'>['counts']
  return {
    // Typed as the contract's row (the SELECT has its columns); createInvoke checks it in tests.
    rows: rows.map((r) =>
      fromStored<Output<'meeting_resolutions:overview'>['rows'][number]>(RESOLUTION_FIELDS, {
        ...r,
        overdue: r.overdue === 1,
      }),
    ),
    total,
    counts,
    // Typed names have no stored key; the short list is put in pinyin order here.
    leadUnits: (
      prep(db, `SELECT DISTINCT t.lead_unit_name AS name ${FROM} WHERE ${LIVE}`).all() as {
        name: string
      }[]
    )
      .map((r) => ({ name: r.name, key: sortKey(r.name) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((r) => r.name),
  }
}

export interface MeetingStats {
  meetingsThisYear: number
  openResolutions: number
  overdueResolutions: number
  overdue: {
    id: number
    meeting_id: number
    content: string
    lead_unit_name: string
    deadline: string
  }[]
  recentMeetings: {
    id: number
    title: string
    meeting_date: string
    meeting_type: string
    open_count: number
  }[]
}

export function meetingStats(db: Database.Database): MeetingStats {
  const all = `SELECT count(*) AS n ${FROM} WHERE ${LIVE}`
  return {
    meetingsThisYear: n(
      db,
      `SELECT count(*) AS n FROM meetings WHERE deleted_at IS NULL
       AND meeting_date >= strftime('%Y-01-01', 'now', 'localtime')
       AND meeting_date < strftime('%Y-01-01', 'now', 'localtime', '+1 year')`,
    ),
    openResolutions: n(db, `${all} AND t.status <> '已完成'`),
    overdueResolutions: n(db, `${all} AND ${OVERDUE('t')}`),
    overdue: prep(
      db,
      `SELECT t.id, t.meeting_id, t.content, t.lead_unit_name, t.deadline ${FROM}
         WHERE ${LIVE} AND ${OVERDUE('t')} ORDER BY t.deadline, t.id LIMIT 8`,
    ).all() as MeetingStats['overdue'],
    recentMeetings: prep(
      db,
      `SELECT m.id, m.title, m.meeting_date, m.meeting_type,
         (SELECT count(*) FROM meeting_resolutions t WHERE t.meeting_id = m.id AND t.deleted_at IS NULL
          AND t.status <> '已完成') AS open_count
         FROM meetings m WHERE m.deleted_at IS NULL ORDER BY m.meeting_date DESC, m.id DESC LIMIT 6`,
    ).all() as MeetingStats['recentMeetings'],
  }
}
