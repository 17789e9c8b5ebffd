import dayjs from 'dayjs'
import type { Channel } from '../../shared/contract'
import { AppError } from '../../shared/result'
import { REGISTERS } from '../../shared/registers/registers'
import type { AppContext } from '../app/context'
import type { Handler } from '../handlers'
import { makeChildHandlers } from '../registers/child.handlers'
import { makeRegisterHandlers, type RegisterRules } from '../registers/register.handlers'
import { nameOf, liveExists, type Row } from '../registers/register.repo'
import { attendeeOptions, moveHandler, pickAttendees } from './meeting-children.handlers'
import {
  ATTENDEE_SELECT,
  MEETING_SELECT,
  meetingsInYear,
  MEETING_VERIFY,
  meetingDate,
  meetingYears,
  nextOrder,
  nextSeq,
  RESOLUTION_SELECT,
  sameSeq,
  TOPIC_SELECT,
} from './meetings.repo'
import { resolutionOverview } from './resolutions.repo'

const spec = REGISTERS.meetings
const [attendeeSpec, topicSpec, resolutionSpec] = spec.children

const fieldError = (code: 'VALIDATION' | 'CONFLICT', field: string, message: string) =>
  new AppError(code, message, [{ field, message }])

const meetingRules: RegisterRules<'meetings'> = {
  spec,
  selectSql: MEETING_SELECT,
  verifySql: MEETING_VERIFY,
  prepare(values, ctx, id) {
    const start = String(values.start_time ?? '')
    const end = String(values.end_time ?? '')
    if (start && end && end < start) {
      throw fieldError('VALIDATION', 'end_time', '结束时间不能早于开始时间')
    }
    const seq = values.seq_no as number | null
    if (seq !== null && seq !== undefined) {
      const type = String(values.meeting_type)
      const year = String(values.meeting_date).slice(0, 4)
      const other = sameSeq(ctx.db, type, year, seq, id)
      if (other) {
        throw fieldError(
          'CONFLICT',
          'seq_no',
          `${year} 年已有第 ${seq} 次${type}（${other.title}），请修改期号`,
        )
      }
    }
    return values
  },
  extraFilters: {
    year: (value) => {
      const y = Number(value)
      if (!Number.isInteger(y) || y < 2000 || y > 2100) {
        throw new AppError('VALIDATION', '年份筛选有误，请重新选择年份')
      }
      return meetingsInYear(y)
    },
  },
}

export const meetings = makeRegisterHandlers(meetingRules)

const atEnd = (table: string) => (ctx: AppContext, meetingId: number) => ({
  sort_order: nextOrder(ctx.db, table, meetingId),
})

export const meetingAttendees = makeChildHandlers({
  register: spec,
  child: attendeeSpec,
  selectSql: ATTENDEE_SELECT,
  insertExtra: atEnd(attendeeSpec.table),
  prepare(values) {
    // Someone on leave or absent cannot have signed in.
    if (values.attendance === '请假' || values.attendance === '缺席') values.signed_in = false
    return values
  },
})

export const meetingTopics = makeChildHandlers({
  register: spec,
  child: topicSpec,
  selectSql: TOPIC_SELECT,
  insertExtra: atEnd(topicSpec.table),
})

function prepareResolution(values: Row, ctx: AppContext, meetingId: number): Row {
  const v = { ...values }
  // A picked unit's name is copied; a unit removed since keeps its copied name, unlinked.
  const unitId = v.lead_unit_id as number | null
  if (unitId !== null && unitId !== undefined) {
    if (liveExists(ctx.db, 'units', unitId))
      v.lead_unit_name = nameOf(ctx.db, 'units', 'name', unitId)
    else v.lead_unit_id = null
  }
  if (String(v.lead_unit_name ?? '').trim() === '') {
    throw fieldError('VALIDATION', 'lead_unit_id', '请选择或填写责任单位')
  }
  const held = meetingDate(ctx.db, meetingId)
  const deadline = String(v.deadline ?? '')
  if (deadline && held && deadline < held) {
    throw fieldError('VALIDATION', 'deadline', `完成时限不能早于会议日期（${held}）`)
  }
  if (v.status === '已完成') {
    if (!v.done_on) v.done_on = dayjs().format('YYYY-MM-DD')
  } else {
    v.done_on = ''
  }
  return v
}

export const meetingResolutions = makeChildHandlers({
  register: spec,
  child: resolutionSpec,
  selectSql: RESOLUTION_SELECT,
  insertExtra: atEnd(resolutionSpec.table),
  prepare: (values, ctx, meetingId) => prepareResolution(values, ctx, meetingId),
  decode: (row) => ({ ...row, overdue: row.overdue === 1 }),
})

type Extra =
  | 'meetings:next-seq'
  | 'meetings:years'
  | 'meetings:attendee-options'
  | 'meeting_attendees:pick'
  | 'meeting_attendees:move'
  | 'meeting_topics:move'
  | 'meeting_resolutions:move'
  | 'meeting_resolutions:overview'

export const meetingExtras: { [C in Extra & Channel]: Handler<C> } = {
  'meetings:next-seq': (input, ctx) => ({
    seq_no: nextSeq(ctx.db, input.meeting_type, String(input.year)),
  }),
  'meetings:years': (_input, ctx) => {
    const years = new Set([dayjs().year(), ...meetingYears(ctx.db)])
    return [...years].sort((a, b) => b - a)
  },
  'meetings:attendee-options': (_input, ctx) => attendeeOptions(ctx),
  'meeting_attendees:pick': (input, ctx) => pickAttendees(input, ctx),
  'meeting_attendees:move': moveHandler(attendeeSpec),
  'meeting_topics:move': moveHandler(topicSpec),
  'meeting_resolutions:move': moveHandler(resolutionSpec),
  'meeting_resolutions:overview': (input, ctx) => resolutionOverview(ctx.db, input),
}
