import { z } from 'zod'

const Bucket = z.object({ name: z.string(), count: z.number() })

export const DashboardSummary = z.object({
  counts: z.object({
    talents: z.number(),
    units: z.number(),
    committee: z.number(),
    households: z.number(),
    grids: z.number(),
    links: z.number(),
  }),
  talentsByCategory: z.array(Bucket),
  talentsByGrid: z.array(Bucket),
  unitsByNature: z.array(Bucket),
  termsEnding: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      unit_name: z.string(),
      term_end: z.string(),
      term_flag: z.string(),
    }),
  ),
  openItems: z.array(
    z.object({
      id: z.number(),
      unit_id: z.number(),
      unit_name: z.string(),
      list_type: z.string(),
      title: z.string(),
      deadline: z.string(),
    }),
  ),
  openItemCount: z.number(),
  meetings: z.object({
    meetingsThisYear: z.number(),
    /** 议定事项 not yet 已完成, and those past their 完成时限. */
    openResolutions: z.number(),
    overdueResolutions: z.number(),
    overdue: z.array(
      z.object({
        id: z.number(),
        meeting_id: z.number(),
        content: z.string(),
        lead_unit_name: z.string(),
        deadline: z.string(),
      }),
    ),
    recentMeetings: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        meeting_date: z.string(),
        meeting_type: z.string(),
        open_count: z.number(),
      }),
    ),
  }),
  recent: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      operator: z.string(),
      action: z.string(),
      what: z.string(),
      register: z.string(),
      /** false when the record is in the 回收站 or purged: shown, not linked. */
      live: z.boolean(),
      row_id: z.number(),
    }),
  ),
})
export type DashboardSummary = z.output<typeof DashboardSummary>

/** One meeting a 兼职委员 was invited to, derived from the meetings' attendee lists. */
export const AttendanceRow = z.object({
  meeting_id: z.number(),
  title: z.string(),
  meeting_date: z.string(),
  meeting_type: z.string(),
  attendance: z.string(),
  leave_reason: z.string(),
})

export const UnitOption = z.object({
  id: z.number(),
  name: z.string(),
  status: z.string(),
  /** Full pinyin and initials, so pick lists find 盘龙区人民医院 by "plq". */
  keys: z.string(),
})
