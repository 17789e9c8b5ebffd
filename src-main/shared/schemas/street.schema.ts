// 街道 mode's channels (issue 16): the street's setting, its communities' submissions, the
// merged talent pool and its reports.
import { z } from 'zod'
import { Empty, Id } from './common'
import { FileOut } from './exchange.schema'
import { JobId } from './jobs.schema'
import { UploadId } from './safety.schema'

export const UNIT_MODES = ['社区', '街道'] as const
export const UnitMode = z.enum(UNIT_MODES, { error: '使用单位只能是「社区」或「街道」' })

export const StreetSettings = z.object({
  mode: UnitMode,
  /** 报送期, e.g. 2026年第4季度 ('' until the street sets one). */
  period: z.string(),
  /** Whether the user has chosen the mode (the first-run screen asks until then). */
  chosen: z.boolean(),
})
export const StreetSettingsInput = z
  .object({
    mode: UnitMode.optional(),
    period: z.string().trim().max(30, '报送期不能超过 30 个字').optional(),
  })
  .strict()

const CommunityName = z
  .string({ error: '请填写社区名称' })
  .trim()
  .min(1, '请填写社区名称')
  .max(50, '社区名称不能超过 50 个字')

export const StreetCommunity = z.object({ id: z.number(), name: z.string() })

export const Submission = z.object({
  id: z.number(),
  community_id: z.number(),
  community: z.string(),
  period: z.string(),
  file_name: z.string(),
  source: z.string(),
  row_count: z.number(),
  imported_at: z.string(),
  replaced_by: z.number().nullable(),
})

export const StreetImportInput = z
  .object({
    fileName: z.string().min(1).max(260),
    uploadId: UploadId,
    /** The community, when the file does not name it (or names it wrongly). */
    community: CommunityName.optional(),
    jobId: JobId,
  })
  .strict()

export const StreetImportResult = z.object({
  /** 'same-file': this exact file was imported before; nothing was written. */
  status: z.enum(['imported', 'same-file']),
  community: z.string(),
  count: z.number(),
  submissionId: z.number(),
  /** The submission this one replaced in the merged pool, if any. */
  replaced: z.number().nullable(),
  message: z.string(),
})

export const CommunityStatus = z.object({
  id: z.number(),
  name: z.string(),
  submissions: z.number(),
  last: Submission.nullable(),
  /** Has a submission for the current 报送期 ('' period: any submission counts). */
  submitted: z.boolean(),
})
export const StreetStatus = z.object({
  period: z.string(),
  communities: z.array(CommunityStatus),
  missing: z.array(z.string()),
  people: z.number(),
})

export const StreetListInput = z
  .object({
    search: z.string().max(50).default(''),
    communityId: Id.optional(),
    category: z.string().max(20).optional(),
    grid: z.string().max(50).optional(),
    page: z.number().int().positive().default(1),
    pageSize: z.number().int().min(1).max(200).default(20),
  })
  .strict()

export const StreetPerson = z.object({
  id: z.number(),
  community: z.string(),
  name: z.string(),
  gender: z.string(),
  birth_month: z.string(),
  phone: z.string(),
  id_card: z.string(),
  political_status: z.string(),
  grid: z.string(),
  categories: z.array(z.string()),
  skills: z.array(z.string()),
  work_status: z.string(),
  employer: z.string(),
  status: z.string(),
})
export const StreetList = z.object({ rows: z.array(StreetPerson), total: z.number() })

export const DuplicateGroup = z.object({
  reason: z.enum(['身份证号相同', '姓名和电话相同']),
  people: z.array(StreetPerson),
})

export const CompareInput = z.object({ from: Id, to: Id }).strict()
export const CompareResult = z.object({
  community: z.string(),
  added: z.array(z.object({ name: z.string() })),
  removed: z.array(z.object({ name: z.string() })),
  changed: z.array(z.object({ name: z.string(), fields: z.array(z.string()) })),
  unchanged: z.number(),
})

export const StreetStats = z.object({
  categories: z.array(z.string()),
  rows: z.array(
    z.object({ community: z.string(), total: z.number(), counts: z.array(z.number()) }),
  ),
})

export const StreetExportInput = z
  .object({ masked: z.boolean().default(true), jobId: JobId })
  .strict()

export const streetContract = {
  'street:settings': { input: Empty, output: StreetSettings },
  'street:settings-save': { input: StreetSettingsInput, output: StreetSettings },
  'street:community-add': {
    input: z.object({ name: CommunityName }).strict(),
    output: StreetCommunity,
  },
  'street:import': { input: StreetImportInput, output: StreetImportResult },
  'street:status': { input: Empty, output: StreetStatus },
  'street:submissions': {
    input: z.object({ communityId: Id }).strict(),
    output: z.array(Submission),
  },
  'street:compare': { input: CompareInput, output: CompareResult },
  'street:list': { input: StreetListInput, output: StreetList },
  'street:duplicates': { input: Empty, output: z.array(DuplicateGroup) },
  'street:stats': { input: Empty, output: StreetStats },
  'street:export': { input: StreetExportInput, output: FileOut },
} as const

export type StreetStatus = z.output<typeof StreetStatus>
export type StreetPerson = z.output<typeof StreetPerson>
export type Submission = z.output<typeof Submission>
