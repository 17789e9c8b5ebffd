// The 数据与备份 page, the safe-mode page and the CLI: status and health, backups (take,
// check, restore, delete), the backup folder, and data packages (export, preview, import).
import { existsSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Output, ParsedInput } from '../../shared/contract'
import type { AppContext } from '../app/context'
import { schemaVersion } from '../db/migrate'
import { backupFolder, fallbackWarning, setBackupFolder } from './backup-folder'
import { checkCopy, countRecords } from './backup.repo'
import { backupFile, createBackup, deleteBackup, listBackups, verifyBackup } from './backups'
import { exportPackage, importPackage, packageFileName, previewPackage } from './package'
import { inspectDatabaseFile, refuseWhenReadOnly, replaceDatabase, stageDatabase } from './restore'
import { appendUpload, discardUpload, readChunk, stagingDir, uploadedFile } from './staging'

// The safe-mode page asks for the status again and again; a full integrity_check of each of up
// to 30 backups every time would take seconds. A file keeps its verdict while its size and
// modification time stay the same. One cache per backend; files no longer listed are forgotten.
type Verdict = { stamp: string; ok: boolean }
const verdicts = new WeakMap<AppContext, Map<string, Verdict>>()

function stampOf(file: string): string | null {
  try {
    const st = statSync(file)
    return `${st.size}:${st.mtimeMs}`
  } catch {
    return null
  }
}

function newestGoodBackup(ctx: AppContext) {
  const files = listBackups(ctx)
    .slice(0, 30)
    .map((b) => ({ b, file: join(b.folder, b.name) }))
  const before = verdicts.get(ctx)
  const cache = new Map<string, Verdict>()
  for (const { file } of files) {
    const v = before?.get(file)
    if (v) cache.set(file, v)
  }
  verdicts.set(ctx, cache)
  for (const { b, file } of files) {
    const stamp = stampOf(file)
    if (stamp === null) continue
    const known = cache.get(file)
    const ok = known?.stamp === stamp ? known.ok : checkCopy(file, { readonly: true }).ok
    cache.set(file, { stamp, ok })
    if (ok) return b
  }
  return null
}

export function safetyStatus(
  _input: ParsedInput<'safety:status'>,
  ctx: AppContext,
): Output<'safety:status'> {
  const s = ctx.safety
  const folder = backupFolder(ctx.paths)
  const warnings = [...s.warnings]
  const fb = fallbackWarning(folder)
  if (fb) warnings.push(fb)
  if (s.autoBackupError) warnings.push(`最近一次自动备份没有成功：${s.autoBackupError}`)
  return {
    mode: s.mode,
    message: s.message,
    warnings,
    busy: s.busy,
    dataDir: ctx.paths.dataDir,
    databasePath: ctx.paths.database,
    folder,
    newestGoodBackup: s.mode === 'damaged' ? newestGoodBackup(ctx) : null,
    lastAutoBackup: s.lastAutoBackup,
  }
}

export function safetyHealth(
  _input: ParsedInput<'safety:health'>,
  ctx: AppContext,
): Output<'safety:health'> {
  const file = ctx.paths.database
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0)
  return {
    mode: ctx.safety.mode,
    quickCheck: (ctx.db.pragma('quick_check') as Record<string, unknown>[])
      .map((r) => String(Object.values(r)[0]))
      .join('；'),
    databasePath: file,
    size: size(file),
    walSize: size(`${file}-wal`),
    journalMode: String(ctx.db.pragma('journal_mode', { simple: true })),
    schemaVersion: schemaVersion(ctx.db),
    appVersion: ctx.appVersion,
    counts: countRecords(ctx.db),
  }
}

export const safetyList = (_i: ParsedInput<'safety:list'>, ctx: AppContext) => listBackups(ctx)

export function safetyBackup(input: ParsedInput<'safety:backup'>, ctx: AppContext) {
  return createBackup(ctx, 'manual', { jobId: input.jobId })
}

export const safetyVerify = (input: ParsedInput<'safety:verify'>, ctx: AppContext) =>
  verifyBackup(ctx, input.id)

export const safetyDelete = (input: ParsedInput<'safety:delete'>, ctx: AppContext) =>
  deleteBackup(ctx, input.id)

export function safetyInspect(
  input: ParsedInput<'safety:inspect'>,
  ctx: AppContext,
): Output<'safety:inspect'> {
  // The upload stays for the restore that may follow; safety:restore removes it either way.
  return inspectDatabaseFile(ctx, uploadedFile(ctx, input.uploadId))
}

export function safetyRestore(
  input: ParsedInput<'safety:restore'>,
  ctx: AppContext,
): Promise<Output<'safety:restore'>> {
  const source = 'id' in input ? backupFile(ctx, input.id) : uploadedFile(ctx, input.uploadId)
  let staged: string
  try {
    staged = stageDatabase(ctx, source, 'id' in input ? '这个备份' : '所选文件').staged
  } catch (e) {
    if ('uploadId' in input) rmSync(source, { force: true })
    throw e
  }
  const done = replaceDatabase(ctx, staged, 'restore', input.jobId)
  if ('uploadId' in input) void done.finally(() => rmSync(source, { force: true }))
  return done
}

export function safetySetFolder(input: ParsedInput<'safety:set-folder'>, ctx: AppContext) {
  refuseWhenReadOnly(ctx, '更改备份文件夹设置')
  return setBackupFolder(ctx.paths, input.path || null)
}

export async function safetyPackageExport(
  input: ParsedInput<'safety:package-export'>,
  ctx: AppContext,
): Promise<Output<'safety:package-export'>> {
  const fileName = packageFileName()
  const r = await exportPackage(ctx, join(stagingDir(ctx), fileName), input.jobId)
  return { fileName, ...r }
}

export const safetyDownload = (input: ParsedInput<'safety:download'>, ctx: AppContext) =>
  readChunk(ctx, input.fileName, input.offset)

export const safetyUpload = (input: ParsedInput<'safety:upload'>, ctx: AppContext) =>
  appendUpload(ctx, input)

export function safetyDiscardUpload(
  input: ParsedInput<'safety:discard-upload'>,
  ctx: AppContext,
): Output<'safety:discard-upload'> {
  discardUpload(ctx, input.uploadId)
  return input
}

// The upload stays for the import that may follow; safety:package-import removes it either way.
export const safetyPackagePreview = (
  input: ParsedInput<'safety:package-preview'>,
  ctx: AppContext,
) => previewPackage(ctx, uploadedFile(ctx, input.uploadId))

export async function safetyPackageImport(
  input: ParsedInput<'safety:package-import'>,
  ctx: AppContext,
): Promise<Output<'safety:package-import'>> {
  const file = uploadedFile(ctx, input.uploadId)
  try {
    return await importPackage(ctx, file, input.jobId)
  } finally {
    rmSync(file, { force: true })
  }
}
