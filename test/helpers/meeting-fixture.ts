// Meetings written straight into the meetings tables (schema of migration 004), for tests of
// the documents that read them. Attendees come from the committee members and units present.
import type Database from 'better-sqlite3'

export interface FixtureMeeting {
  title?: string
  meeting_type?: string
  seq_no?: number | null
  meeting_date?: string
  start_time?: string
  end_time?: string
  location?: string
  host?: string
  recorder?: string
  summary?: string
  contact?: string
  contact_phone?: string
  attendees?: {
    name: string
    unit_name?: string
    post?: string
    attendance?: string
    leave_reason?: string
  }[]
  topics?: { title: string; proposer?: string }[]
  resolutions?: {
    content: string
    lead_unit_name: string
    partner_units?: string
    deadline?: string
    status?: string
    progress?: string
  }[]
}

const STAMP = '2026-11-20 10:00:00'

export function insertMeeting(db: Database.Database, m: FixtureMeeting = {}): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO meetings (meeting_type, seq_no, title, meeting_date, start_time, end_time, location,
           host, recorder, summary, contact, contact_phone, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        m.meeting_type ?? '党建联席会议',
        m.seq_no === undefined ? 3 : m.seq_no,
        m.title ?? '锦华社区2026年第3次党建联席会议',
        m.meeting_date ?? '2026-11-22',
        m.start_time ?? '09:30',
        m.end_time ?? '11:30',
        m.location ?? '社区党群服务中心三楼会议室',
        m.host ?? '周丽华',
        m.recorder ?? '李婷',
        m.summary ?? '会议通报了第三季度共建项目进展，听取了各共建单位关于“家门口”服务的意见建议',
        m.contact ?? '李婷',
        m.contact_phone ?? '0871-65123456',
        STAMP,
        STAMP,
      ).lastInsertRowid,
  )
  const attendees =
    m.attendees ??
    (
      db
        .prepare(
          `SELECT c.name, COALESCE(u.name, '') AS unit_name, c.unit_post AS post FROM committee_members c
           LEFT JOIN units u ON u.id = c.unit_id WHERE c.deleted_at IS NULL ORDER BY c.id LIMIT 10`,
        )
        .all() as { name: string; unit_name: string; post: string }[]
    ).map((a, i) => ({
      ...a,
      attendance: i === 1 ? '请假' : i === 2 ? '列席' : '出席',
      leave_reason: i === 1 ? '外出学习' : '',
    }))
  const addAttendee = db.prepare(
    `INSERT INTO meeting_attendees (meeting_id, name, unit_name, post, attendance, leave_reason,
       sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  attendees.forEach((a, i) =>
    addAttendee.run(
      id,
      a.name,
      a.unit_name ?? '',
      a.post ?? '',
      a.attendance ?? '出席',
      a.leave_reason ?? '',
      i,
      STAMP,
      STAMP,
    ),
  )
  const topics = m.topics ?? [
    { title: '锦华苑老旧小区加装电梯协调', proposer: '锦华物业服务公司' },
    { title: '“双报到”在职党员认领服务项目', proposer: '社区党委' },
  ]
  const addTopic = db.prepare(
    `INSERT INTO meeting_topics (meeting_id, title, proposer, sort_order, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
  topics.forEach((t, i) => addTopic.run(id, t.title, t.proposer ?? '', i, STAMP, STAMP))
  const resolutions = m.resolutions ?? [
    {
      content: '由市第一人民医院每月第二个周六在社区开展一次义诊',
      lead_unit_name: '市第一人民医院',
      partner_units: '锦华社区居委会',
      deadline: '2026-12-31',
      status: '推进中',
      progress: '已开展两次',
    },
    {
      content: '锦华物业服务公司牵头完成锦华苑3栋加装电梯意见征询',
      lead_unit_name: '锦华物业服务公司',
      deadline: '2026-10-31',
      status: '未开始',
    },
  ]
  const addResolution = db.prepare(
    `INSERT INTO meeting_resolutions (meeting_id, content, lead_unit_name, partner_units, deadline,
       status, progress, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  resolutions.forEach((r, i) =>
    addResolution.run(
      id,
      r.content,
      r.lead_unit_name,
      r.partner_units ?? '',
      r.deadline ?? '',
      r.status ?? '未开始',
      r.progress ?? '',
      i,
      STAMP,
      STAMP,
    ),
  )
  return id
}
