// The data of the four meeting documents, read with the documents repo's own SQL.
import dayjs from 'dayjs'
import { chineseDate } from '../../shared/dates'
import { AppError } from '../../shared/result'
import type { AppContext } from '../app/context'
import { readSettings } from '../settings/settings.repo'
import { meetingById, meetingChildren, type AttendeeRow } from './documents.repo'
import { breakTitle } from './layout-text'
import type { DocData } from './render-docx'

const DIGITS = '零一二三四五六七八九'

/** 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (enough for any list in a 纪要). */
export function cnIndex(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n)
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`
  return String(n)
}

export function dotDate(v: string): string {
  return v ? v.replace(/-/g, '.') : ''
}

export function weekday(date: string): string {
  const d = new Date(`${date}T00:00:00`)
  return Number.isNaN(d.getTime()) ? '' : `星期${'日一二三四五六'[d.getDay()]}`
}

/** 14:30 → 2:30 (with 下午 in front), 09:30 → 9:30. */
function clock(t: string): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(t)
  if (!m) return t
  const h = Number(m[1])
  return `${h > 12 ? h - 12 : h}:${m[2]}`
}

/** 上午9:30—11:30, 下午2:30—4:30, or '' when no start time is recorded. */
export function timeText(start: string, end: string): string {
  if (!start) return ''
  const part = (t: string) => {
    const hour = Number(t.slice(0, 2))
    return hour < 12 ? '上午' : hour < 18 ? '下午' : '晚上'
  }
  // Word joiners (U+2060) keep 9:30—11:30 on one line: no break either side of the dash.
  const endText = end
    ? `\u2060—\u2060${part(end) === part(start) ? '' : part(end)}${clock(end)}`
    : ''
  return `${part(start)}${clock(start)}${endText}`
}

// 2号 titles hold 20 characters on the portrait line, 34 on the landscape one; the 小二
// 签到表 title 24; the 纪要标志 (30 pt) 14. One character is kept free: digits are wider
// than half a character in some fonts.
export const PER_LINE = { title: 19, wide: 33, signIn: 23, mark: 14 }

/** 逾期 is derived: not done and the deadline has passed. */
function overdue(r: { status: string; deadline: string }): boolean {
  return r.status !== '已完成' && r.deadline !== '' && r.deadline < dayjs().format('YYYY-MM-DD')
}

/** 责任单位：…；配合单位：…；完成时限：…。 with the empty parts left out ('' when all are). */
function dutyText(r: { lead_unit_name: string; partner_units: string; deadline: string }) {
  const parts = [
    r.lead_unit_name && `责任单位：${r.lead_unit_name}`,
    r.partner_units && `配合单位：${r.partner_units}`,
    r.deadline && `完成时限：${chineseDate(r.deadline)}前`,
  ].filter(Boolean)
  return parts.length ? `${parts.join('；')}。` : ''
}

const withUnit = (a: AttendeeRow) => `${a.unit_name}${a.name}`
const ending = (s: string) => (s && !/[。！？.!?]$/.test(s) ? `${s}。` : s)

const RECIPIENTS: Record<string, string> = {
  居民议事会: '各位居民代表',
  其他: '各位参会人员',
}

export function meetingData(ctx: AppContext, id: number): DocData {
  const m = meetingById(ctx.db, id)
  if (!m) throw new AppError('NOT_FOUND', '会议不存在或已删除，请刷新后重试')
  const { attendees, topics, resolutions } = meetingChildren(ctx.db, id)
  const community = readSettings(ctx.db)?.community_name ?? ''
  const date = chineseDate(m.meeting_date)
  const time = timeText(m.start_time, m.end_time)
  const by = (kind: string) => attendees.filter((a) => a.attendance === kind)
  const leave = by('请假')
  const observers = by('列席')
  const expected = attendees.filter((a) => a.attendance !== '请假')
  const signin: DocData[] = expected.map((a, i) => ({
    index: String(i + 1),
    name: a.name,
    unit: a.unit_name,
    post: a.post,
  }))
  // Blank numbered rows for people who come without being on the list.
  // Up to 25 names the 签到表 is one page: the blank rows stop at the 25th row.
  const n = signin.length
  const blanks = n > 25 ? 3 : Math.min(Math.max(3, 12 - n), 25 - n)
  for (let i = 0; i < blanks; i++)
    signin.push({ index: String(signin.length + 1), name: '', unit: '', post: '' })
  const seq = m.seq_no ?? null
  const host = m.host ? `会议由${m.host}主持。` : ''
  const ampm = time ? time.slice(0, 2) : ''
  return {
    title: m.title,
    meeting_type: m.meeting_type,
    seq_no: seq === null ? '' : String(seq),
    seq_text: seq === null ? '' : `第${seq}次`,
    issue_no: seq === null ? '' : `第${seq}期`,
    year: m.meeting_date.slice(0, 4),
    date,
    weekday: weekday(m.meeting_date),
    time,
    start_time: m.start_time.replace(/^0/, ''),
    end_time: m.end_time.replace(/^0/, ''),
    location: m.location,
    host: m.host,
    recorder: m.recorder,
    summary: ending(m.summary.trim()),
    overview: `${date}${ampm}，${community}党委在${m.location}召开${m.title}。${host}`,
    contact: m.contact,
    contact_phone: m.contact_phone,
    notice_title: breakTitle(`关于召开${m.title}的通知`, PER_LINE.title),
    minutes_title: breakTitle(
      `${community}${m.meeting_type === '其他' ? '会议' : m.meeting_type}纪要`,
      PER_LINE.mark,
    ),
    tasks_title: breakTitle(`${m.title}议定事项任务分解表`, PER_LINE.wide),
    signin_title: breakTitle(`${m.title}签到表`, PER_LINE.signIn),
    recipients: RECIPIENTS[m.meeting_type] ?? '各共建成员单位、社区大党委兼职委员',
    // An empty list prints 无, never a lone 。 or an empty 出席：.
    attendee_text: attendees.map(withUnit).join('、') || '无',
    present: by('出席').map(withUnit).join('、') || '无',
    leave: leave
      .map((a) => `${withUnit(a)}${a.leave_reason ? `（${a.leave_reason}）` : ''}`)
      .join('、'),
    observers: observers.map(withUnit).join('、'),
    absent: by('缺席').map(withUnit).join('、'),
    present_count: String(by('出席').length),
    leave_count: String(leave.length),
    expected_count: String(expected.length),
    has_leave: leave.length > 0,
    has_observers: observers.length > 0,
    has_topics: topics.length > 0,
    has_resolutions: resolutions.length > 0,
    attendees: attendees.map((a, i) => ({
      index: String(i + 1),
      name: a.name,
      unit: a.unit_name,
      post: a.post,
      attendance: a.attendance,
      leave_reason: a.leave_reason,
      signed: a.signed_in ? '已签到' : '',
    })),
    signin,
    has_contact: m.contact !== '',
    topics: topics.map((t, i) => ({
      index: String(i + 1),
      cn_index: cnIndex(i + 1),
      title: t.title,
      proposer: t.proposer,
      description: t.description,
    })),
    resolutions: resolutions.map((r, i) => ({
      index: String(i + 1),
      cn_index: cnIndex(i + 1),
      content: ending(r.content.trim()),
      lead_unit: r.lead_unit_name,
      partners: r.partner_units,
      deadline: r.deadline ? `${chineseDate(r.deadline)}前` : '',
      deadline_short: dotDate(r.deadline),
      duty_text: dutyText(r),
      status: overdue(r) ? `${r.status}（逾期）` : r.status,
      progress: r.progress,
      done_on: dotDate(r.done_on),
    })),
  }
}

/** How a meeting is named in file names and the generated list: 第3次党建联席会议. */
export function meetingSubject(ctx: AppContext, id: number): { name: string; date: string } {
  const m = meetingById(ctx.db, id)
  if (!m) throw new AppError('NOT_FOUND', '会议不存在或已删除，请刷新后重试')
  const name = m.seq_no ? `第${m.seq_no}次${m.meeting_type}` : m.title
  return { name, date: m.meeting_date }
}
