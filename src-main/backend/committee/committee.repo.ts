import type Database from 'better-sqlite3'
import { TERM_WARNING_DAYS } from '../../shared/dictionaries'
import { prep } from '../db/statements'

// 任期 flag: past 任期止 → expired; within 60 days → expiring. Only for members still 在任.
export const TERM_FLAG = `CASE WHEN t.status <> '在任' THEN ''
  WHEN t.term_end < date('now', 'localtime') THEN 'expired'
  WHEN t.term_end <= date('now', 'localtime', '+${TERM_WARNING_DAYS} days') THEN 'expiring' ELSE '' END`

export const COMMITTEE_SELECT = `SELECT t.*, coalesce(u.name, '') AS unit_name, coalesce(g.name, '') AS duty_grid_name,
  ${TERM_FLAG} AS term_flag
  FROM committee_members t LEFT JOIN units u ON u.id = t.unit_id LEFT JOIN grids g ON g.id = t.duty_grid_id`

export const COMMITTEE_VERIFY = `t.name || ' ' || t.unit_post || ' ' || t.party_post || ' ' || t.duty_domain || ' ' || coalesce((SELECT name FROM units WHERE id = t.unit_id), '')`

export const REVIEW_SELECT = `SELECT t.*, t.member_id AS parent_id FROM committee_reviews t`

export interface AttendanceRow {
  meeting_id: number
  title: string
  meeting_date: string
  meeting_type: string
  attendance: string
  leave_reason: string
}

/** The meetings a member was on the attendee list of, newest first. */
export function attendanceOf(db: Database.Database, memberId: number): AttendanceRow[] {
  return prep(
    db,
    `SELECT m.id AS meeting_id, m.title, m.meeting_date, m.meeting_type, a.attendance, a.leave_reason
     FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id
     WHERE a.committee_id = ? AND a.deleted_at IS NULL AND m.deleted_at IS NULL
     ORDER BY m.meeting_date DESC, m.id DESC`,
  ).all(memberId) as AttendanceRow[]
}

export function memberIdsOfUnit(db: Database.Database, unitId: number): number[] {
  return (
    prep(db, 'SELECT id FROM committee_members WHERE unit_id = ?').all(unitId) as { id: number }[]
  ).map((r) => r.id)
}

/** 任期提醒 lists the soonest-ending terms first. */
export const TERM_ORDER = 't.term_end ASC, t.id ASC'

export const TERM_FILTERS = {
  expiring: `t.status = '在任' AND t.term_end >= date('now', 'localtime') AND t.term_end <= date('now', 'localtime', '+${TERM_WARNING_DAYS} days')`,
  expired: `t.status = '在任' AND t.term_end < date('now', 'localtime')`,
  attention: `t.status = '在任' AND t.term_end <= date('now', 'localtime', '+${TERM_WARNING_DAYS} days')`,
} as const
