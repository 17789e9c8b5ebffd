// All SQL of the documents feature: meetings as the documents read them (the meetings
// register owns writing them), the figures of the 工作报告, default templates and the list of
// generated documents.
import type Database from 'better-sqlite3'

type DB = Database.Database

export interface MeetingRow {
  id: number
  meeting_type: string
  seq_no: number | null
  title: string
  meeting_date: string
  start_time: string
  end_time: string
  location: string
  host: string
  recorder: string
  summary: string
  contact: string
  contact_phone: string
}
export interface AttendeeRow {
  name: string
  unit_name: string
  post: string
  attendance: string
  leave_reason: string
  signed_in: number
}
export interface TopicRow {
  title: string
  proposer: string
  description: string
}
export interface ResolutionRow {
  content: string
  lead_unit_name: string
  partner_units: string
  deadline: string
  status: string
  progress: string
  done_on: string
}

export function meetingById(db: DB, id: number): MeetingRow | undefined {
  return db
    .prepare(
      `SELECT id, meeting_type, seq_no, title, meeting_date, start_time, end_time, location, host,
              recorder, summary, contact, contact_phone
       FROM meetings WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(id) as MeetingRow | undefined
}

export function meetingChildren(db: DB, id: number) {
  const attendees = db
    .prepare(
      `SELECT name, unit_name, post, attendance, leave_reason, signed_in FROM meeting_attendees
       WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY sort_order, id`,
    )
    .all(id) as AttendeeRow[]
  const topics = db
    .prepare(
      `SELECT title, proposer, description FROM meeting_topics
       WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY sort_order, id`,
    )
    .all(id) as TopicRow[]
  const resolutions = db
    .prepare(
      `SELECT content, lead_unit_name, partner_units, deadline, status, progress, done_on
       FROM meeting_resolutions WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY sort_order, id`,
    )
    .all(id) as ResolutionRow[]
  return { attendees, topics, resolutions }
}

export interface MeetingOption {
  id: number
  title: string
  meeting_date: string
  meeting_type: string
  seq_no: number | null
}

export function meetingOptions(db: DB, limit = 200): MeetingOption[] {
  return db
    .prepare(
      `SELECT id, title, meeting_date, meeting_type, seq_no FROM meetings WHERE deleted_at IS NULL
       ORDER BY meeting_date DESC, id DESC LIMIT ?`,
    )
    .all(limit) as MeetingOption[]
}

export interface TalentServiceRow {
  service_date: string
  item: string
  category: string
  hours: number | null
  beneficiaries: string
}

export function recentServices(db: DB, talentId: number, limit: number): TalentServiceRow[] {
  return db
    .prepare(
      `SELECT service_date, item, category, hours, beneficiaries FROM talent_services
       WHERE talent_id = ? AND deleted_at IS NULL ORDER BY service_date DESC, id DESC LIMIT ?`,
    )
    .all(talentId, limit) as TalentServiceRow[]
}

export interface NamedCount {
  name: string
  count: number
}

// A record counts from its 入库/加入 date, else from the day it was entered.
const SINCE = (t: string) => `COALESCE(NULLIF(${t}.joined_on, ''), substr(${t}.created_at, 1, 10))`

/**
 * Every figure of the 工作报告 for [start, end] (YYYY-MM-DD): registers as they stood on asOf
 * (the period's end, or today while it runs), meetings and their 议定事项 by meeting date in
 * the period, and 逾期 among those 议定事项 as of asOf, so no list holds another period's items.
 */
export function reportFigures(db: DB, start: string, end: string, asOf: string) {
  const one = (sql: string, ...params: unknown[]) =>
    (db.prepare(sql).get(...params) as { n: number | null }).n ?? 0
  const many = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as NamedCount[]
  const liveTalents = `t.deleted_at IS NULL AND t.status = '在册' AND ${SINCE('t')} <= ?`
  const liveUnits = `t.deleted_at IS NULL AND t.status = '共建中' AND ${SINCE('t')} <= ?`
  const inPeriod = `m.deleted_at IS NULL AND m.meeting_date BETWEEN ? AND ?`
  const byStatus = many(
    `SELECT r.status AS name, COUNT(*) AS count FROM meeting_resolutions r
     JOIN meetings m ON m.id = r.meeting_id
     WHERE r.deleted_at IS NULL AND ${inPeriod} GROUP BY r.status`,
    start,
    end,
  )
  return {
    talentTotal: one(`SELECT COUNT(*) AS n FROM talents t WHERE ${liveTalents}`, end),
    talentNew: one(
      `SELECT COUNT(*) AS n FROM talents t WHERE ${liveTalents} AND ${SINCE('t')} >= ?`,
      end,
      start,
    ),
    talentParty: one(
      `SELECT COUNT(*) AS n FROM talents t WHERE ${liveTalents}
       AND t.political_status IN ('中共党员', '中共预备党员')`,
      end,
    ),
    talentByCategory: many(
      `SELECT v.value AS name, COUNT(*) AS count FROM register_values v
       JOIN talents t ON t.id = v.row_id
       WHERE v.table_name = 'talents' AND v.field = 'categories' AND ${liveTalents}
       GROUP BY v.value ORDER BY count DESC, v.value`,
      end,
    ),
    talentByGrid: many(
      `SELECT COALESCE(g.name, '未划分网格') AS name, COUNT(*) AS count FROM talents t
       LEFT JOIN grids g ON g.id = t.grid_id AND g.deleted_at IS NULL
       WHERE ${liveTalents} GROUP BY g.id ORDER BY g.id IS NULL, g.id`,
      end,
    ),
    unitTotal: one(`SELECT COUNT(*) AS n FROM units t WHERE ${liveUnits}`, end),
    unitNew: one(
      `SELECT COUNT(*) AS n FROM units t WHERE ${liveUnits} AND ${SINCE('t')} >= ?`,
      end,
      start,
    ),
    unitByNature: many(
      `SELECT COALESCE(NULLIF(t.nature, ''), '未填写') AS name, COUNT(*) AS count FROM units t
       WHERE ${liveUnits} GROUP BY 1 ORDER BY count DESC, name`,
      end,
    ),
    committeeTotal: one(
      `SELECT COUNT(*) AS n FROM committee_members WHERE deleted_at IS NULL AND status = '在任'
       AND term_start <= ?`,
      end,
    ),
    householdTotal: one(
      `SELECT COUNT(*) AS n FROM households WHERE deleted_at IS NULL AND status <> '撤销'`,
    ),
    meetings: db
      .prepare(
        `SELECT m.id, m.meeting_date, m.title, m.meeting_type, m.location,
                (SELECT COUNT(*) FROM meeting_resolutions r
                 WHERE r.meeting_id = m.id AND r.deleted_at IS NULL) AS resolution_count
         FROM meetings m WHERE ${inPeriod} ORDER BY m.meeting_date, m.id`,
      )
      .all(start, end) as {
      id: number
      meeting_date: string
      title: string
      meeting_type: string
      location: string
      resolution_count: number
    }[],
    resolutionsByStatus: byStatus,
    overdue: db
      .prepare(
        `SELECT r.content, r.lead_unit_name, r.deadline, r.status, m.title AS meeting_title
         FROM meeting_resolutions r JOIN meetings m ON m.id = r.meeting_id
         WHERE r.deleted_at IS NULL AND ${inPeriod}
           AND (r.status <> '已完成' OR (r.done_on <> '' AND r.done_on > ?))
           AND r.deadline <> '' AND r.deadline < ?
         ORDER BY r.deadline, r.id`,
      )
      .all(start, end, asOf, asOf) as {
      content: string
      lead_unit_name: string
      deadline: string
      status: string
      meeting_title: string
    }[],
    services: db
      .prepare(
        `SELECT COUNT(*) AS count, COALESCE(SUM(s.hours), 0) AS hours,
                COUNT(DISTINCT s.talent_id) AS people
         FROM talent_services s JOIN talents t ON t.id = s.talent_id
         WHERE s.deleted_at IS NULL AND t.deleted_at IS NULL AND s.service_date BETWEEN ? AND ?`,
      )
      .get(start, end) as { count: number; hours: number; people: number },
    visits: db
      .prepare(
        `SELECT COUNT(*) AS count, COALESCE(SUM(v.follow_up), 0) AS followup
         FROM household_visits v JOIN households h ON h.id = v.household_id
         WHERE v.deleted_at IS NULL AND h.deleted_at IS NULL AND v.visit_date BETWEEN ? AND ?`,
      )
      .get(start, end) as { count: number; followup: number },
  }
}

export function defaultTemplates(db: DB): Record<string, string> {
  const rows = db.prepare('SELECT kind, template FROM document_defaults').all() as {
    kind: string
    template: string
  }[]
  return Object.fromEntries(rows.map((r) => [r.kind, r.template]))
}

export function setDefaultTemplate(db: DB, kind: string, template: string, stamp: string): void {
  db.prepare(
    `INSERT INTO document_defaults (kind, template, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (kind) DO UPDATE SET template = excluded.template, updated_at = excluded.updated_at`,
  ).run(kind, template, stamp)
}

export interface GeneratedRow {
  id: number
  kind: string
  subject: string
  subject_id: number | null
  template: string
  masked: number
  path: string
  folder: string
  operator: string
  created_at: string
  /** HMAC of path under this installation's key (document-seal.ts); '' before seals. */
  seal: string
}

export function insertGenerated(db: DB, row: Omit<GeneratedRow, 'id'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO generated_documents
           (kind, subject, subject_id, template, masked, path, folder, operator, created_at, seal)
         VALUES (@kind, @subject, @subject_id, @template, @masked, @path, @folder, @operator,
                 @created_at, @seal)`,
      )
      .run(row).lastInsertRowid,
  )
}

export function listGenerated(db: DB, limit: number): GeneratedRow[] {
  return db
    .prepare('SELECT * FROM generated_documents ORDER BY created_at DESC, id DESC LIMIT ?')
    .all(limit) as GeneratedRow[]
}

export function generatedById(db: DB, id: number): GeneratedRow | undefined {
  return db.prepare('SELECT * FROM generated_documents WHERE id = ?').get(id) as
    GeneratedRow | undefined
}
