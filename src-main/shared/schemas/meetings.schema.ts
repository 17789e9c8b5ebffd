// Contract schemas for 会议: the register and its three child lists (made from the field
// lists like the other registers), plus 期号 suggestion, the attendee picker, reordering and
// the 议定事项 overview across meetings.
import { z } from 'zod'
import { MEETING_TYPE, RESOLUTION_STATUS } from '../dictionaries'
import { inputSchema, recordSchema } from '../registers/field-def'
import {
  ATTENDEE_FIELDS,
  MEETING_FIELDS,
  RESOLUTION_FIELDS,
  TOPIC_FIELDS,
} from '../registers/meetings.fields'
import { Id } from './common'
import { childChannels, prefixed, registerChannels } from './registers.schema'

export const MeetingInput = inputSchema(MEETING_FIELDS)
export const Meeting = recordSchema(MEETING_FIELDS, {
  attendee_count: z.number(),
  topic_count: z.number(),
  resolution_count: z.number(),
  /** 议定事项 not yet 已完成. */
  open_resolution_count: z.number(),
  overdue_count: z.number(),
})
export type Meeting = z.output<typeof Meeting>

const ordered = { parent_id: z.number(), sort_order: z.number() }

export const AttendeeInput = inputSchema(ATTENDEE_FIELDS)
export const Attendee = recordSchema(ATTENDEE_FIELDS, {
  ...ordered,
  committee_id: z.number().nullable(),
  unit_id: z.number().nullable(),
})
export type Attendee = z.output<typeof Attendee>

export const TopicInput = inputSchema(TOPIC_FIELDS)
export const Topic = recordSchema(TOPIC_FIELDS, ordered)
export type Topic = z.output<typeof Topic>

export const ResolutionInput = inputSchema(RESOLUTION_FIELDS)
export const Resolution = recordSchema(RESOLUTION_FIELDS, {
  ...ordered,
  /** 完成时限 passed and not 已完成. */
  overdue: z.boolean(),
})
export type Resolution = z.output<typeof Resolution>

const MeetingType = z.enum(MEETING_TYPE, { error: `会议类型只能选择：${MEETING_TYPE.join('、')}` })

export const NextSeqInput = z
  .object({
    meeting_type: MeetingType,
    year: z.number({ error: '请给出年份' }).int().min(2000, '年份有误').max(2100, '年份有误'),
  })
  .strict()

export const AttendeeOptions = z.object({
  committee: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      unit_id: z.number().nullable(),
      unit_name: z.string(),
      party_post: z.string(),
      unit_post: z.string(),
      /** Pinyin and initials of the name and unit, for the picker's search box. */
      keys: z.string(),
    }),
  ),
  units: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      org_secretary: z.string(),
      liaison: z.string(),
      keys: z.string(),
    }),
  ),
})
export type AttendeeOptions = z.output<typeof AttendeeOptions>

const Ids = z.array(Id).max(500, '一次最多添加 500 人').default([])
export const PickInput = z
  .object({ meetingId: Id, committeeIds: Ids, unitIds: Ids })
  .strict()
  .refine(
    (v) => v.committeeIds.length + v.unitIds.length > 0,
    '请至少勾选一位兼职委员或一家共建单位',
  )
export const PickResult = z.object({
  added: z.array(Attendee),
  /** Names already on the list, not added twice. */
  skipped: z.array(z.string()),
})

export const MoveInput = z
  .object({ id: Id, direction: z.enum(['up', 'down'], { error: '只能上移或下移' }) })
  .strict()

export const ResolutionQuery = z
  .object({
    page: z.number().int().min(1).default(1),
    pageSize: z
      .number()
      .int()
      .refine((n) => n === 20 || n === 50 || n === 100, '每页条数只能是 20、50 或 100')
      .default(20),
    status: z.enum(['', ...RESOLUTION_STATUS, '未完成']).default(''),
    leadUnit: z.string().trim().max(80).default(''),
    overdueOnly: z.boolean().default(false),
    search: z.string().trim().max(50, '搜索内容不能超过 50 个字').default(''),
  })
  .strict()
export type ResolutionQuery = z.input<typeof ResolutionQuery>

export const ResolutionRow = z.intersection(
  Resolution,
  z.object({
    meeting_title: z.string(),
    meeting_date: z.string(),
    meeting_type: z.string(),
    seq_no: z.number().nullable(),
  }),
)
export type ResolutionRow = z.output<typeof ResolutionRow>

export const ResolutionOverview = z.object({
  rows: z.array(ResolutionRow),
  total: z.number(),
  counts: z.object({
    all: z.number(),
    open: z.number(),
    overdue: z.number(),
    done: z.number(),
  }),
  /** 责任单位 names in use, for the filter. */
  leadUnits: z.array(z.string()),
})
export type ResolutionOverview = z.output<typeof ResolutionOverview>

const moved = { input: MoveInput, output: z.object({ id: z.number() }) }

export const meetingsContract = {
  ...prefixed('meetings', registerChannels(Meeting, MeetingInput, Meeting)),
  ...prefixed('meeting_attendees', childChannels(Attendee, AttendeeInput)),
  ...prefixed('meeting_topics', childChannels(Topic, TopicInput)),
  ...prefixed('meeting_resolutions', childChannels(Resolution, ResolutionInput)),
  'meetings:next-seq': { input: NextSeqInput, output: z.object({ seq_no: z.number() }) },
  'meetings:years': { input: z.object({}).strict(), output: z.array(z.number()) },
  'meetings:attendee-options': { input: z.object({}).strict(), output: AttendeeOptions },
  'meeting_attendees:pick': { input: PickInput, output: PickResult },
  'meeting_attendees:move': moved,
  'meeting_topics:move': moved,
  'meeting_resolutions:move': moved,
  'meeting_resolutions:overview': { input: ResolutionQuery, output: ResolutionOverview },
} as const
