import { z } from 'zod'

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

export type AppInfo = z.output<typeof AppInfo>
export type CheckReport = z.output<typeof CheckReport>
