import { z } from 'zod'
import { REGISTER_KEYS } from '../registers/register-keys'

/** A native 选择文件夹 dialog: only the desktop window can show one. */
export const PickFolderInput = z
  .object({
    title: z.string().max(40).default('选择文件夹'),
    defaultPath: z.string().max(1000).optional(),
  })
  .strict()
export const PickFolderResult = z.object({
  /** false in the browser door: the user types the path there. */
  supported: z.boolean(),
  path: z.string().nullable(),
})

export const TableCount = z.object({ table: z.string(), label: z.string(), count: z.number() })

export const AppInfo = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number(),
  door: z.enum(['electron', 'web', 'cli', 'test']),
  counts: z.array(TableCount),
})

export const CheckReport = z.object({
  ok: z.boolean(),
  quickCheck: z.array(z.string()),
  integrityCheck: z.array(z.string()),
  foreignKeyProblems: z.number(),
})

/** 复制诊断信息: plain text for the user to paste to whoever supports them; no register data. */
export const Diagnostics = z.object({ text: z.string() })

export type AppInfo = z.output<typeof AppInfo>
export type CheckReport = z.output<typeof CheckReport>

/** What `app:demo` wrote into an empty database (the made-up 锦华社区). */
export const DemoSummary = z.object({
  grids: z.number(),
  talents: z.number(),
  units: z.number(),
  committee: z.number(),
  households: z.number(),
  meetings: z.number(),
  reported_members: z.number(),
  matters: z.number(),
})

/**
 * Full phones and ID numbers shown on a screen outside the app (`lianjian list --unmasked`) are
 * an export of personal data: recorded in the 操作记录 like an unmasked Excel file.
 */
export const UnmaskedViewInput = z
  .object({
    register: z.enum(REGISTER_KEYS),
    count: z.number().int().min(0),
    search: z.string().max(200).default(''),
  })
  .strict()
export const UnmaskedViewRecorded = z.object({ recorded: z.literal(true) })
