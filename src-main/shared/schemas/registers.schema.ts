// Contract schemas for the four registers and their child lists, made from the field lists.
import { z } from 'zod'
import { COMMITTEE_FIELDS, COMMITTEE_REVIEW_FIELDS } from '../registers/committee.fields'
import { inputSchema, recordSchema } from '../registers/field-def'
import {
  HOUSEHOLD_FIELDS,
  HOUSEHOLD_LINK_FIELDS,
  HOUSEHOLD_VISIT_FIELDS,
} from '../registers/households.fields'
import { TALENT_FIELDS, TALENT_SERVICE_FIELDS } from '../registers/talents.fields'
import { UNIT_FIELDS, UNIT_LIST_ITEM_FIELDS } from '../registers/units.fields'
import {
  REPORTED_MEMBER_FIELDS,
  REPORTED_SERVICE_FIELDS,
} from '../registers/reported-members.fields'
import { Id, IdInput } from './common'

export const ListQuery = z
  .object({
    page: z.number().int().min(1).default(1),
    pageSize: z
      .number()
      .int()
      .refine((n) => n === 20 || n === 50 || n === 100, '每页条数只能是 20、50 或 100')
      .default(20),
    search: z.string().trim().max(50, '搜索内容不能超过 50 个字').default(''),
    sort: z
      .object({ field: z.string(), order: z.enum(['asc', 'desc']) })
      .nullable()
      .default(null),
    filters: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
    trash: z.boolean().default(false),
  })
  .strict()
export type ListQuery = z.input<typeof ListQuery>

export const TalentInput = inputSchema(TALENT_FIELDS)
export const Talent = recordSchema(TALENT_FIELDS, {
  grid_name: z.string(),
  service_count: z.number(),
})
// A unit's reported in-service members are some of its members (DOMAIN.md): one rule here, so
// the form, import and the CLI all refuse 党员人数 2 with 报到人数 15.
export const UnitInput = inputSchema(UNIT_FIELDS).superRefine((v, ctx) => {
  if (v.member_count !== null && v.reported_count !== null && v.reported_count > v.member_count)
    ctx.addIssue({
      code: 'custom',
      path: ['reported_count'],
      message: `在职党员报到人数（${v.reported_count}）不能多于党员人数（${v.member_count}），请核对这两个数`,
    })
})
export const Unit = recordSchema(UNIT_FIELDS, {
  committee_count: z.number(),
  open_item_count: z.number(),
  /** Members of the 在职党员 register linked to this unit (any status); above 0 the
   * 在职党员报到人数 is counted from that register instead of typed. */
  reported_link_count: z.number(),
})
export const CommitteeInput = inputSchema(COMMITTEE_FIELDS)
export const CommitteeMember = recordSchema(COMMITTEE_FIELDS, {
  unit_name: z.string(),
  duty_grid_name: z.string(),
  /** 'expired' | 'expiring' (within 60 days) | '' */
  term_flag: z.string(),
})
export const HouseholdInput = inputSchema(HOUSEHOLD_FIELDS)
export const Household = recordSchema(HOUSEHOLD_FIELDS, {
  grid_name: z.string(),
  link_count: z.number(),
  visit_count: z.number(),
})

// 已返回 needs its date; the rest of the rules (unit capacity) need the database.
export const ReportedMemberInput = inputSchema(REPORTED_MEMBER_FIELDS).superRefine((v, ctx) => {
  if (v.status === '已返回' && v.returned_on === '')
    ctx.addIssue({
      code: 'custom',
      path: ['returned_on'],
      message: '状态为「已返回」时请填写返回日期',
    })
  if (v.returned_on !== '' && v.reported_on !== '' && v.returned_on < v.reported_on)
    ctx.addIssue({
      code: 'custom',
      path: ['returned_on'],
      message: `返回日期（${v.returned_on}）不能早于报到日期（${v.reported_on}）`,
    })
})
export const ReportedMember = recordSchema(REPORTED_MEMBER_FIELDS, {
  unit_name: z.string(),
  grid_name: z.string(),
  service_count: z.number(),
  service_hours: z.number(),
})
export const ReportedServiceInput = inputSchema(REPORTED_SERVICE_FIELDS)
export const ReportedService = recordSchema(REPORTED_SERVICE_FIELDS, {
  parent_id: z.number(),
  /** The 民情事项 this service closed, written by that register; null when typed here. */
  matter_id: z.number().nullable(),
})

export const TalentServiceInput = inputSchema(TALENT_SERVICE_FIELDS)
export const TalentService = recordSchema(TALENT_SERVICE_FIELDS, { parent_id: z.number() })
export const UnitListItemInput = inputSchema(UNIT_LIST_ITEM_FIELDS)
export const UnitListItem = recordSchema(UNIT_LIST_ITEM_FIELDS, {
  parent_id: z.number(),
  claimed_by_unit_name: z.string(),
})
export const CommitteeReviewInput = inputSchema(COMMITTEE_REVIEW_FIELDS)
export const CommitteeReview = recordSchema(COMMITTEE_REVIEW_FIELDS, { parent_id: z.number() })
export const HouseholdLinkInput = inputSchema(HOUSEHOLD_LINK_FIELDS)
export const HouseholdLink = recordSchema(HOUSEHOLD_LINK_FIELDS, { parent_id: z.number() })
export const HouseholdVisitInput = inputSchema(HOUSEHOLD_VISIT_FIELDS)
export const HouseholdVisit = recordSchema(HOUSEHOLD_VISIT_FIELDS, { parent_id: z.number() })

export const Change = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
})
export const HistoryEntry = z.object({
  id: z.number(),
  at: z.string(),
  operator: z.string(),
  action: z.string(),
  /** 基本信息, or the child list's label (服务记录 …). */
  part: z.string(),
  title: z.string(),
  changes: z.array(Change),
})
export type HistoryEntry = z.output<typeof HistoryEntry>

export const DeleteInput = z
  .object({
    id: Id,
    /** For a unit with committee members: unlink them (they stay, without a unit). */
    committee: z.enum(['unlink']).optional(),
  })
  .strict()

export const UnitMemberBrief = z.object({
  id: z.number(),
  name: z.string(),
  party_post: z.string(),
  status: z.string(),
  term_end: z.string(),
})

/** A 在职党员 linked to a unit, as the unit's detail lists them. */
export const ReportedBrief = z.object({
  id: z.number(),
  name: z.string(),
  status: z.string(),
  reported_on: z.string(),
})

export function registerChannels<R extends z.ZodType, I extends z.ZodType, G extends z.ZodType>(
  record: R,
  input: I,
  getOutput: G,
) {
  return {
    list: { input: ListQuery, output: z.object({ rows: z.array(record), total: z.number() }) },
    get: { input: IdInput, output: getOutput },
    create: { input, output: record },
    update: { input: z.object({ id: Id, data: input }).strict(), output: record },
    delete: { input: DeleteInput, output: z.object({ id: z.number() }) },
    restore: { input: IdInput, output: record },
    purge: { input: IdInput, output: z.object({ id: z.number() }) },
    history: { input: IdInput, output: z.array(HistoryEntry) },
  }
}

export function childChannels<R extends z.ZodType, I extends z.ZodType>(record: R, input: I) {
  return {
    list: { input: z.object({ parentId: Id }).strict(), output: z.array(record) },
    create: { input: z.object({ parentId: Id, data: input }).strict(), output: record },
    update: { input: z.object({ id: Id, data: input }).strict(), output: record },
    delete: { input: IdInput, output: z.object({ id: z.number() }) },
  }
}

type Prefixed<K extends string, T> = { [P in keyof T as `${K}:${P & string}`]: T[P] }

export function prefixed<K extends string, T extends object>(key: K, table: T): Prefixed<K, T> {
  return Object.fromEntries(
    Object.entries(table).map(([op, v]) => [`${key}:${op}`, v]),
  ) as Prefixed<K, T>
}

export const registerContract = {
  ...prefixed('talents', registerChannels(Talent, TalentInput, Talent)),
  ...prefixed(
    'units',
    registerChannels(
      Unit,
      UnitInput,
      z.intersection(
        Unit,
        z.object({ members: z.array(UnitMemberBrief), reported: z.array(ReportedBrief) }),
      ),
    ),
  ),
  ...prefixed('committee', registerChannels(CommitteeMember, CommitteeInput, CommitteeMember)),
  ...prefixed('households', registerChannels(Household, HouseholdInput, Household)),
  ...prefixed('talent_services', childChannels(TalentService, TalentServiceInput)),
  ...prefixed('unit_list_items', childChannels(UnitListItem, UnitListItemInput)),
  ...prefixed('committee_reviews', childChannels(CommitteeReview, CommitteeReviewInput)),
  ...prefixed('household_links', childChannels(HouseholdLink, HouseholdLinkInput)),
  ...prefixed('household_visits', childChannels(HouseholdVisit, HouseholdVisitInput)),
  ...prefixed(
    'reported_members',
    registerChannels(ReportedMember, ReportedMemberInput, ReportedMember),
  ),
  ...prefixed('reported_services', childChannels(ReportedService, ReportedServiceInput)),
}
