import { z } from 'zod'
import { Id } from './common'
import { JobId } from './jobs.schema'
import { SHEET_REGISTER_KEYS } from '../registers/register-keys'

export const RegisterName = z.enum(SHEET_REGISTER_KEYS, {
  error: '只有社区能人、共建成员单位、兼职委员和党员中心户可以导入导出 Excel',
})

export const ColumnsInfo = z.object({
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  /** The default layout: for talents the street's 人才库花名册 columns. */
  defaults: z.array(z.string()),
})

export const ExportInput = z
  .object({
    register: RegisterName,
    search: z.string().max(50).default(''),
    filters: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
    columns: z.array(z.string()).min(1, '请至少选择一列').max(80),
    masked: z.boolean().default(true),
    jobId: JobId,
  })
  .strict()

export const FileOut = z.object({ fileName: z.string(), base64: z.string(), count: z.number() })

export const Preset = z.object({
  id: z.number(),
  register: z.string(),
  name: z.string(),
  columns: z.array(z.string()),
  updated_at: z.string(),
})

export const PresetSave = z
  .object({
    register: RegisterName,
    name: z.string().trim().min(1, '请填写方案名称').max(30, '方案名称不超过 30 个字'),
    columns: z.array(z.string()).min(1, '请至少选择一列'),
  })
  .strict()

export const PresetDelete = z.object({ id: Id }).strict()
