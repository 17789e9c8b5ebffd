// Backups, restore, data packages and the health of the data: what the 数据与备份 page, the
// safe-mode page and the CLI exchange with the backend.
import { z } from 'zod'
import { base64Length, CHUNK_BYTES } from '../limits'
import { TableCount } from './app.schema'
import { JobId } from './jobs.schema'

export const BackupKind = z.enum(['daily', 'manual', 'upgrade', 'import', 'restore'])
export type BackupKind = z.output<typeof BackupKind>

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  daily: '自动',
  manual: '手动',
  upgrade: '升级前',
  import: '导入前',
  restore: '恢复前',
}

/** `<location>/<file name>`: which folder (the configured one or the default) and which copy. */
export const BackupId = z
  .string()
  .regex(/^(configured|default)\/lianjian-[\w-]{1,80}\.sqlite$/, '备份编号格式不对')

export const BackupEntry = z.object({
  id: z.string(),
  name: z.string(),
  folder: z.string(),
  kind: BackupKind,
  createdAt: z.string(),
  size: z.number(),
  schemaVersion: z.number().nullable(),
  appVersion: z.string().nullable(),
  counts: z.array(TableCount).nullable(),
})
export type BackupEntry = z.output<typeof BackupEntry>

export const SafetyMode = z.enum(['normal', 'read-only', 'damaged', 'unavailable'])
export type SafetyMode = z.output<typeof SafetyMode>

export const BackupFolder = z.object({
  /** Where backups go now. */
  path: z.string(),
  defaultPath: z.string(),
  /** What the user chose, or null for the default. */
  configured: z.string().nullable(),
  /** The chosen folder cannot be used right now (USB stick pulled …): the default is used. */
  fallback: z.boolean(),
})

export const SafetyStatus = z.object({
  mode: SafetyMode,
  /** Why the mode is not normal, in words the user can act on. */
  message: z.string().nullable(),
  warnings: z.array(z.string()),
  busy: z.string().nullable(),
  dataDir: z.string(),
  databasePath: z.string(),
  folder: BackupFolder,
  /** In damaged mode: the newest backup that passes integrity_check. */
  newestGoodBackup: BackupEntry.nullable(),
  lastAutoBackup: z.string().nullable(),
})
export type SafetyStatus = z.output<typeof SafetyStatus>

export const Health = z.object({
  mode: SafetyMode,
  quickCheck: z.string(),
  databasePath: z.string(),
  size: z.number(),
  walSize: z.number(),
  journalMode: z.string(),
  schemaVersion: z.number(),
  appVersion: z.string(),
  counts: z.array(TableCount),
})

export const VerifyResult = z.object({ ok: z.boolean(), message: z.string() })

/** A database file offered for restore, checked but not used yet. */
export const InspectResult = z.object({
  ok: z.boolean(),
  message: z.string(),
  schemaVersion: z.number(),
  counts: z.array(TableCount),
})

export const UploadId = z.string().regex(/^[\w-]{8,40}$/, '上传编号格式不对')

/** Restore either a listed backup or a file the user uploaded (a copy from a USB stick …). */
export const RestoreInput = z.union([
  z.object({ id: BackupId, jobId: JobId }).strict(),
  z.object({ uploadId: UploadId, jobId: JobId }).strict(),
])

export const RestoreResult = z.object({
  /** The copy of the data as it was just before the restore (null when it was damaged). */
  before: z.string().nullable(),
  counts: z.array(TableCount),
})

export const SetFolderInput = z
  .object({ path: z.string().trim().max(500, '路径太长').nullable() })
  .strict()

// Uploads and downloads go in pieces of CHUNK_BYTES (shared/limits.ts), so every request stays
// far below the browser door's request cap.
export { CHUNK_BYTES }

export const UploadInput = z
  .object({
    uploadId: UploadId,
    offset: z.number().int().min(0),
    base64: z.string().max(base64Length(CHUNK_BYTES) + 4, '每次上传的数据太大'),
  })
  .strict()

export const PackageFileName = z
  .string()
  .regex(/^联建通数据包-\d{8}-\d{6}(-\d+)?\.zip$/, '数据包文件名不对')

export const DownloadInput = z
  .object({ fileName: PackageFileName, offset: z.number().int().min(0) })
  .strict()

export const DownloadChunk = z.object({ base64: z.string(), size: z.number(), done: z.boolean() })

export const PackageExported = z.object({
  fileName: z.string(),
  path: z.string(),
  size: z.number(),
  counts: z.array(TableCount),
})

export const PackagePreview = z.object({
  appVersion: z.string(),
  schemaVersion: z.number(),
  createdAt: z.string(),
  community: z.string(),
  counts: z.array(TableCount),
  templates: z.number(),
  size: z.number(),
})
export type PackagePreview = z.output<typeof PackagePreview>

export const PackageImportInput = z.object({ uploadId: UploadId, jobId: JobId }).strict()

export const PackageImported = z.object({
  before: z.string().nullable(),
  counts: z.array(TableCount),
  templates: z.number(),
})

// 回收站 and 操作记录 retention: off (null) unless the community chooses a period.
export const Retention = z.object({
  recycleDays: z.number().int().min(7, '回收站至少保留 7 天').max(3650).nullable(),
  auditDays: z.number().int().min(90, '操作记录至少保留 90 天').max(3650).nullable(),
})
export const RetentionResult = Retention.extend({
  purged: z.number(),
  auditRemoved: z.number(),
})
