// Taking, listing, checking and deleting backups. Every copy goes through SQLite's backup API
// into a .part file, is checked with integrity_check, and only then gets its real name; a copy
// that fails the check is deleted and the failure reported.
import { environmentCause, errorCode } from '../errors'
import dayjs from 'dayjs'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/result'
import type { BackupEntry, BackupKind } from '../../shared/schemas/safety.schema'
import type { AppContext } from '../app/context'
import { privateDir, privateFile } from './private-files'
import { reportProgress } from '../jobs/progress'
import { log } from '../log'
import { backupFolder, backupFolders } from './backup-folder'
import {
  listFolder,
  newBackupName,
  parseBackupName,
  removeBackupFile,
  rotationVictims,
  type Sidecar,
} from './backup-files'
import { checkCopy, checkCopyOffThread, copyDatabase } from './backup.repo'
import { notWritableReason } from './places'

function copyFailure(e: unknown, dir: string): AppError {
  if (e instanceof AppError) return e
  const code = errorCode(e)
  const cause = environmentCause(e)
  if (cause === 'DISK_FULL')
    return new AppError(
      'DISK_FULL',
      `备份文件夹所在的磁盘空间不足（${dir}），这次备份没有完成，未完成的副本已删除。请清理磁盘或换一个备份文件夹。现有数据不受影响。`,
    )
  if (cause === 'READ_ONLY')
    return new AppError(
      'BACKUP_FAILED',
      `备份文件夹不可写（${dir}），这次备份没有完成。请检查文件夹权限或换一个备份文件夹。`,
    )
  return new AppError(
    'BACKUP_FAILED',
    `备份没有完成（${code || '未知原因'}），未完成的副本已删除。现有数据不受影响，请再试一次。`,
  )
}

/** Takes one verified copy of the live database into the backup folder in use. */
export async function createBackup(
  ctx: AppContext,
  kind: BackupKind,
  opts: { jobId?: string } = {},
): Promise<BackupEntry> {
  if (ctx.safety.mode === 'damaged' || ctx.safety.mode === 'unavailable')
    throw new AppError('DB_DAMAGED', '当前数据文件无法使用，不能备份。请先从备份恢复。')
  const folder = backupFolder(ctx.paths)
  const dir = folder.path
  if (ctx.safety.readOnly && dir === ctx.paths.backups)
    throw new AppError(
      'READ_ONLY',
      `数据文件夹只读，备份无法保存到其中的「${dir}」。可以用「导出数据包」把全部数据保存到别处（如 U 盘），或检查数据文件夹的写入权限后再备份。`,
    )
  try {
    if (dir === ctx.paths.backups) privateDir(dir)
    else mkdirSync(dir, { recursive: true })
  } catch (e) {
    throw copyFailure(e, dir)
  }
  const why = notWritableReason(dir)
  if (why)
    throw new AppError('BACKUP_FAILED', `备份文件夹「${dir}」不能写入：${why}。这次备份没有完成。`)
  const name = newBackupName(dir, kind)
  const file = join(dir, name)
  const part = `${file}.part`
  reportProgress(opts.jobId, '复制数据', 0, 1)
  try {
    await copyDatabase(ctx.db, part, (p) =>
      reportProgress(opts.jobId, '复制数据', p.totalPages - p.remainingPages, p.totalPages),
    )
    reportProgress(opts.jobId, '校验副本', 0, 1)
    const report = await checkCopyOffThread(part)
    if (!report.ok)
      throw new AppError(
        'BACKUP_FAILED',
        `备份副本校验未通过（${report.problems.join('；')}），已删除这个副本。现有数据未受影响，请再试一次；如果反复出现，请检查备份所在的磁盘。`,
      )
    privateFile(part)
    renameSync(part, file)
    const side: Sidecar = {
      kind,
      createdAt: new Date().toISOString(),
      appVersion: ctx.appVersion,
      schemaVersion: report.schemaVersion,
      counts: report.counts,
    }
    writeFileSync(`${file}.json`, JSON.stringify(side, null, 2), { mode: 0o600 })
  } catch (e) {
    rmSync(part, { force: true })
    rmSync(`${part}-journal`, { force: true })
    log.warn(
      `backup (${kind}) failed: ${errorCode(e) || (e instanceof AppError ? e.code : 'error')}`,
    )
    throw copyFailure(e, dir)
  }
  log.info(`backup (${kind}) written: ${name}`)
  if (kind !== 'manual') rotate(dir)
  const entry = listFolder(
    dir,
    folder.configured && !folder.fallback ? 'configured' : 'default',
  ).find((b) => b.name === name)
  if (!entry)
    throw new AppError('BACKUP_FAILED', '备份已写入，但在备份文件夹中找不到它，请检查文件夹。')
  return entry
}

export function rotate(dir: string, now = new Date()): string[] {
  const entries = listFolder(dir, 'default').flatMap((b) => {
    const p = parseBackupName(b.name)
    return p ? [{ name: b.name, kind: b.kind, createdAt: p.createdAt }] : []
  })
  const victims = rotationVictims(entries, now)
  for (const name of victims) removeBackupFile(join(dir, name))
  removeStaleParts(dir, now)
  return victims
}

/** Copies interrupted by a crash or a pulled USB stick (an hour old: surely not still running). */
function removeStaleParts(dir: string, now: Date): void {
  for (const name of readdirSync(dir)) {
    if (!/^lianjian-.*\.part(-journal)?$/.test(name)) continue
    const file = join(dir, name)
    try {
      if (now.getTime() - statSync(file).mtimeMs > 3_600_000) rmSync(file, { force: true })
    } catch {
      // already gone
    }
  }
}

export function listBackups(ctx: AppContext): BackupEntry[] {
  return backupFolders(ctx.paths)
    .flatMap((f) => listFolder(f.path, f.location))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** The file behind a backup id, refusing anything outside the backup folders. */
export function backupFile(ctx: AppContext, id: string): string {
  const [location, name] = id.split('/')
  const folder = backupFolders(ctx.paths).find((f) => f.location === location)
  const file = folder && name && parseBackupName(name) ? join(folder.path, name) : null
  if (!file || !existsSync(file))
    throw new AppError(
      'NOT_FOUND',
      '找不到这个备份（可能已被删除，或备份所在的 U 盘已拔出）。请刷新列表。',
    )
  return file
}

export function verifyBackup(ctx: AppContext, id: string): { ok: boolean; message: string } {
  const r = checkCopy(backupFile(ctx, id), { readonly: true })
  if (!r.ok)
    return { ok: false, message: `校验未通过：${r.problems.join('；')}。这个备份不能用于恢复。` }
  const total = r.counts.filter((c) => c.table !== 'audit_log').reduce((n, c) => n + c.count, 0)
  return {
    ok: true,
    message: `校验通过：文件完好（数据版本 ${r.schemaVersion}，共 ${total} 条记录）。`,
  }
}

export function deleteBackup(ctx: AppContext, id: string): { id: string } {
  removeBackupFile(backupFile(ctx, id))
  return { id }
}

/** Takes the day's automatic copy unless one was already taken today. */
export async function dailyBackupIfDue(
  ctx: AppContext,
  now = new Date(),
): Promise<BackupEntry | null> {
  if (ctx.safety.mode !== 'normal' || ctx.safety.busy) return null
  const today = dayjs(now).format('YYYY-MM-DD')
  const dir = backupFolder(ctx.paths).path
  if (listFolder(dir, 'default').some((b) => dayjs(b.createdAt).format('YYYY-MM-DD') === today))
    return null
  return createBackup(ctx, 'daily')
}
