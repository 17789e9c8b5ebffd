// Contract schemas for 民情事项: the register (made from its field list like the others), the
// steps of its closed loop (派单 … 评价, 取消, 合并), its timeline, the Excel export and the
// community's 办理时限 defaults.
import { z } from 'zod'
import {
  MATTER_DEADLINE_KEYS,
  MATTER_RATING,
  MATTER_STATUS,
  MATTER_VISIT_METHOD,
  RESPONDER_KIND,
} from '../dictionaries'
import { inputSchema, recordSchema } from '../registers/field-def'
import { MATTER_FIELDS } from '../registers/matters.fields'
import { Id, optionalText, requiredText } from './common'
import { FileOut } from './exchange.schema'
import { JobId } from './jobs.schema'
import { prefixed, registerChannels } from './registers.schema'

const DATE = /^\d{4}-\d{2}-\d{2}$/
const day = (label: string) => z.string().regex(DATE, `${label}格式应为 2026-11-22`).optional()

export const MatterInput = inputSchema(MATTER_FIELDS)
export const Matter = recordSchema(MATTER_FIELDS, {
  grid_name: z.string(),
  /** The deadline (登记日期 + 办理时限 calendar days), '' without a 办理时限. */
  due_on: z.string(),
  /** 1 when open and past due_on today. */
  overdue: z.number(),
  responder_names: z.string(),
  result: z.string(),
  closed_by: z.string(),
  closed_on: z.string(),
  rating: z.string(),
  visit_method: z.string(),
  reopen_count: z.number(),
  merged_into_code: z.string(),
  /** The steps the current state allows (from matter-flow.ts), for the page's buttons. */
  next_steps: z.array(z.string()),
})
export type Matter = z.output<typeof Matter>

export const Responder = z.object({
  kind: z.enum(RESPONDER_KIND, { error: '请选择派给谁' }),
  /** The register record; null for a street office / department (吹哨), named by `name`. */
  ref_id: Id.nullable().default(null),
  name: optionalText('接单方名称', 60),
})

export const DispatchInput = z
  .object({
    id: Id,
    responders: z.array(Responder).min(1, '请至少选择一个接单方').max(20, '一次最多派给 20 方'),
    note: optionalText('派单说明', 500),
  })
  .strict()
export const NoteInput = z.object({ id: Id, note: optionalText('说明', 500) }).strict()
export const ProgressInput = z
  .object({ id: Id, on: day('进展日期'), text: requiredText('办理进展', 1000) })
  .strict()
export const FeedbackInput = z.object({ id: Id, result: requiredText('办理结果', 1000) }).strict()
export const CloseInput = z
  .object({
    id: Id,
    /** 核实人: defaults to the operator. */
    verifier: optionalText('核实人', 30),
    on: day('核实日期'),
    note: optionalText('核实情况', 500),
  })
  .strict()
export const EvaluateInput = z
  .object({
    id: Id,
    rating: z.enum(MATTER_RATING, { error: `评价只能选择：${MATTER_RATING.join('、')}` }),
    method: z.enum(MATTER_VISIT_METHOD, {
      error: `回访方式只能选择：${MATTER_VISIT_METHOD.join('、')}`,
    }),
    note: optionalText('评价说明', 500),
  })
  .strict()
export const CancelInput = z.object({ id: Id, reason: requiredText('取消原因', 500) }).strict()
export const MergeInput = z
  .object({ id: Id, into: Id, reason: requiredText('合并原因', 500) })
  .strict()

export const MatterResponder = z.object({
  id: z.number(),
  kind: z.enum(RESPONDER_KIND),
  ref_id: z.number().nullable(),
  name: z.string(),
  dispatched_at: z.string(),
  accepted_at: z.string(),
})
export const MatterEvent = z.object({
  id: z.number(),
  at: z.string(),
  happened_on: z.string(),
  operator: z.string(),
  action: z.string(),
  from_status: z.enum(MATTER_STATUS).or(z.literal('')),
  to_status: z.enum(MATTER_STATUS),
  text: z.string(),
})
export type MatterEvent = z.output<typeof MatterEvent>
export const Timeline = z.object({
  responders: z.array(MatterResponder),
  events: z.array(MatterEvent),
})
export type Timeline = z.output<typeof Timeline>

export const Deadline = z.object({
  level: z.enum(MATTER_DEADLINE_KEYS),
  days: z
    .number({ error: '办理时限应为天数' })
    .int('办理时限应为整数天')
    .min(1, '办理时限至少 1 天')
    .max(365, '办理时限不能超过 365 天'),
})
export const DeadlinesInput = z
  .object({ deadlines: z.array(Deadline).min(1).max(MATTER_DEADLINE_KEYS.length) })
  .strict()

export const MatterExportInput = z
  .object({
    status: z.enum(MATTER_STATUS).or(z.literal('')).default(''),
    overdue: z.boolean().default(false),
    search: z.string().max(50).default(''),
    masked: z.boolean().default(true),
    jobId: JobId,
  })
  .strict()

const step = <I extends z.ZodType>(input: I) => ({ input, output: Matter })

export const mattersContract = {
  ...prefixed('matters', registerChannels(Matter, MatterInput, Matter)),
  'matters:dispatch': step(DispatchInput),
  'matters:accept': step(NoteInput),
  'matters:progress': step(ProgressInput),
  'matters:feedback': step(FeedbackInput),
  'matters:close': step(CloseInput),
  'matters:evaluate': step(EvaluateInput),
  'matters:cancel': step(CancelInput),
  'matters:merge': step(MergeInput),
  'matters:timeline': { input: z.object({ id: Id }).strict(), output: Timeline },
  'matters:deadlines': { input: z.object({}).strict(), output: z.array(Deadline) },
  'matters:deadlines-save': { input: DeadlinesInput, output: z.array(Deadline) },
  'matters:export': { input: MatterExportInput, output: FileOut },
} as const
