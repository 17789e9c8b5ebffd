import type Database from 'better-sqlite3'
import { prep } from '../db/statements'

/** 逾期: a deadline before today on an item not yet done (r is the resolutions alias). */
export const OVERDUE = (r: string) =>
  `(${r}.status <> '已完成' AND ${r}.deadline <> '' AND ${r}.deadline < date('now', 'localtime'))`

const RES_LIVE = `FROM meeting_resolutions r WHERE r.meeting_id = t.id AND r.deleted_at IS NULL`

export const MEETING_SELECT = `SELECT t.*,
  (SELECT count(*) FROM meeting_attendees a WHERE a.meeting_id = t.id AND a.deleted_at IS NULL) AS attendee_count,
  (SELECT count(*) FROM meeting_topics p WHERE p.meeting_id = t.id AND p.deleted_at IS NULL) AS topic_count,
  (SELECT count(*) ${RES_LIVE}) AS resolution_count,
  (SELECT count(*) ${RES_LIVE} AND r.status <> '已完成') AS open_resolution_count,
  (SELECT count(*) ${RES_LIVE} AND ${OVERDUE('r')}) AS overdue_count
  FROM meetings t`

export const MEETING_VERIFY = `t.title || ' ' || t.location || ' ' || t.host`

export const ATTENDEE_SELECT = `SELECT t.*, t.meeting_id AS parent_id FROM meeting_attendees t`
export const TOPIC_SELECT = `SELECT t.*, t.meeting_id AS parent_id FROM meeting_topics t`
export const RESOLUTION_SELECT = `SELECT t.*, t.meeting_id AS parent_id, ${OVERDUE('t')} AS overdue
  FROM meeting_resolutions t`

/** The list filter 年份: a range on meeting_date, so the (deleted_at, meeting_date) index serves it. */
export function meetingsInYear(year: number): { sql: string; params: unknown[] } {
  return {
    sql: 't.meeting_date >= ? AND t.meeting_date < ?',
    params: [`${year}-01-01`, `${year + 1}-01-01`],
  }
}

export function nextSeq(db: Database.Database, type: string, year: string): number {
  const r = prep(
    db,
    `SELECT max(seq_no) AS n FROM meetings
       WHERE deleted_at IS NULL AND meeting_type = ? AND substr(meeting_date, 1, 4) = ?`,
  ).get(type, year) as { n: number | null }
  return (r.n ?? 0) + 1
}

export function sameSeq(
  db: Database.Database,
  type: string,
  year: string,
  seq: number,
  exceptId: number | null,
): { id: number; title: string } | undefined {
  return prep(
    db,
    `SELECT id, title FROM meetings WHERE deleted_at IS NULL AND meeting_type = ?
       AND substr(meeting_date, 1, 4) = ? AND seq_no = ? AND id IS NOT ? LIMIT 1`,
  ).get(type, year, seq, exceptId) as { id: number; title: string } | undefined
}

export function meetingYears(db: Database.Database): number[] {
  return (
    prep(
      db,
      `SELECT DISTINCT CAST(substr(meeting_date, 1, 4) AS INTEGER) AS y FROM meetings
         WHERE deleted_at IS NULL ORDER BY y DESC`,
    ).all() as { y: number }[]
  ).map((r) => r.y)
}

export function meetingDate(db: Database.Database, id: number): string {
  const r = prep(db, 'SELECT meeting_date FROM meetings WHERE id = ?').get(id) as
    { meeting_date: string } | undefined
  return r?.meeting_date ?? ''
}

/** The next sort_order at the end of one meeting's child list. */
export function nextOrder(db: Database.Database, table: string, meetingId: number): number {
  const r = prep(
    db,
    `SELECT max(sort_order) AS n FROM ${table} WHERE meeting_id = ? AND deleted_at IS NULL`,
  ).get(meetingId) as { n: number | null }
  return (r.n ?? 0) + 1
}

/** Live rows of one meeting's child list in their order: id and sort_order. */
export function orderedIds(
  db: Database.Database,
  table: string,
  meetingId: number,
): { id: number; sort_order: number }[] {
  return prep(
    db,
    `SELECT id, sort_order FROM ${table} WHERE meeting_id = ? AND deleted_at IS NULL
       ORDER BY sort_order, id`,
  ).all(meetingId) as { id: number; sort_order: number }[]
}

export function setOrder(db: Database.Database, table: string, id: number, order: number): void {
  prep(db, `UPDATE ${table} SET sort_order = ? WHERE id = ?`).run(order, id)
}

export function parentOf(
  db: Database.Database,
  table: string,
  id: number,
): { meeting_id: number } | undefined {
  return prep(db, `SELECT meeting_id FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) as
    { meeting_id: number } | undefined
}

export interface PickableMember {
  id: number
  name: string
  unit_id: number | null
  unit_name: string
  party_post: string
  unit_post: string
}

/** 兼职委员 in office, for the attendee picker. */
export function membersInOffice(db: Database.Database): PickableMember[] {
  return prep(
    db,
    `SELECT c.id, c.name, c.unit_id, coalesce(u.name, '') AS unit_name, c.party_post, c.unit_post
       FROM committee_members c LEFT JOIN units u ON u.id = c.unit_id AND u.deleted_at IS NULL
       WHERE c.deleted_at IS NULL AND c.status = '在任'
         AND (c.term_end = '' OR c.term_end >= date('now', 'localtime'))
       ORDER BY c.level DESC, c.sort_key`,
  ).all() as PickableMember[]
}

export interface PickableUnit {
  id: number
  name: string
  org_secretary: string
  liaison: string
  /** The unit's stored pinyin keys. */
  keys: string
}

/** 共建单位 still co-building, for the attendee picker. */
export function unitsInPartnership(db: Database.Database): PickableUnit[] {
  return prep(
    db,
    `SELECT id, name, org_secretary, liaison, pick_keys AS keys FROM units
       WHERE deleted_at IS NULL AND status = '共建中' ORDER BY sort_key`,
  ).all() as PickableUnit[]
}

/** Who is already on a meeting's list: linked members, and linked units by person. */
export function presentAttendees(
  db: Database.Database,
  meetingId: number,
): { committee_id: number | null; unit_id: number | null; name: string }[] {
  return prep(
    db,
    `SELECT committee_id, unit_id, name FROM meeting_attendees
       WHERE meeting_id = ? AND deleted_at IS NULL`,
  ).all(meetingId) as { committee_id: number | null; unit_id: number | null; name: string }[]
}

export function membersByIds(db: Database.Database, ids: number[]): PickableMember[] {
  if (!ids.length) return []
  return prep(
    db,
    `SELECT c.id, c.name, c.unit_id, coalesce(u.name, '') AS unit_name, c.party_post, c.unit_post
       FROM committee_members c LEFT JOIN units u ON u.id = c.unit_id AND u.deleted_at IS NULL
       WHERE c.deleted_at IS NULL AND c.id IN (${ids.map(() => '?').join(', ')})`,
  ).all(...ids) as PickableMember[]
}

export function unitsByIds(db: Database.Database, ids: number[]): PickableUnit[] {
  if (!ids.length) return []
  return prep(
    db,
    `SELECT id, name, org_secretary, liaison FROM units
       WHERE deleted_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`,
  ).all(...ids) as PickableUnit[]
}
