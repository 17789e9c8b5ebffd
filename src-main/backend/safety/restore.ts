// Replacing the database with a copy (a backup, an uploaded file, a data package): the copy
// is staged beside the live file and checked, the current data is backed up, then the
// connection is closed, the file swapped by one atomic rename and opened (and migrated) again.
import { environmentCause, errorCode } from '../errors'
import dayjs from 'dayjs'
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../../shared/result'
import type { AppContext } from '../app/context'
import { LATEST_VERSION } from '../db/migrations'
import { reportProgress } from '../jobs/progress'
import { log } from '../log'
import { countRecords, checkCopy, type CopyReport } from './backup.repo'
import { createBackup } from './backups'
import { stagingDir } from './staging'
import { placeholderDb } from './startup'

function fsyncPath(path: string): void {
  try {
    const fd = openSync(path, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // Windows cannot open a folder for fsync; its rename is durable on its own.
  }
}

/** A rename where it can be (the staging folder is in the data folder); a copy across disks. */
function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e
    copyFileSync(from, to)
    rmSync(from, { force: true })
  }
}

export function refuseWhenReadOnly(ctx: AppContext, what: string): void {
  if (ctx.safety.readOnly)
    throw new AppError(
      'READ_ONLY',
      `数据文件夹只读，不能${what}。请检查文件夹权限，或把数据文件夹复制到可以写入的位置。`,
    )
}

function tooNewMessage(version: number, what: string, use = '恢复'): string {
  return `${what}来自更新版本的联建通（数据版本 ${version}，本程序只支持到 ${LATEST_VERSION}），不能用它${use}。请先升级联建通。当前数据没有改动。`
}

/**
 * Puts a checked copy of `source` beside the live file; throws (leaving nothing) if unusable.
 * `{ move }` is a file of ours (taken out of a data package) that is moved, not copied again.
 */
export function stageDatabase(
  ctx: AppContext,
  source: string | { move: string },
  what = '这个备份',
  use = '恢复',
): { staged: string; report: CopyReport } {
  refuseWhenReadOnly(ctx, '恢复数据')
  const staged = `${ctx.paths.database}.restore`
  try {
    if (typeof source === 'string') copyFileSync(source, staged)
    else moveFile(source.move, staged)
    fsyncPath(staged)
  } catch (e) {
    rmSync(staged, { force: true })
    const code = errorCode(e)
    const full = environmentCause(e) === 'DISK_FULL'
    throw new AppError(
      full ? 'DISK_FULL' : 'BACKUP_FAILED',
      full
        ? '磁盘空间不足，无法准备恢复用的数据。请清理磁盘后重试，当前数据没有改动。'
        : `无法读取${what}（${code || '未知原因'}），当前数据没有改动。`,
    )
  }
  const report = checkCopy(staged)
  if (!report.ok) {
    rmSync(staged, { force: true })
    throw new AppError(
      'VALIDATION',
      `${what}不能用于恢复：${report.problems.join('；')}。当前数据没有改动。`,
    )
  }
  if (report.schemaVersion > LATEST_VERSION) {
    rmSync(staged, { force: true })
    throw new AppError('DB_TOO_NEW', tooNewMessage(report.schemaVersion, what, use))
  }
  return { staged, report }
}

/** Checks a file offered for restore on a scratch copy; the file itself is never opened. */
export function inspectDatabaseFile(
  ctx: AppContext,
  source: string,
): { ok: boolean; message: string; schemaVersion: number; counts: CopyReport['counts'] } {
  const tmp = join(stagingDir(ctx), `inspect-${process.pid}-${Date.now()}.sqlite`)
  try {
    copyFileSync(source, tmp)
    const r = checkCopy(tmp)
    const message = !r.ok
      ? `这个文件不能用于恢复：${r.problems.join('；')}。`
      : r.schemaVersion > LATEST_VERSION
        ? tooNewMessage(r.schemaVersion, '这个文件')
        : '文件完好，可以用于恢复。'
    return {
      ok: r.ok && r.schemaVersion <= LATEST_VERSION,
      message,
      schemaVersion: r.schemaVersion,
      counts: r.counts,
    }
  } finally {
    rmSync(tmp, { force: true })
  }
}

/** Keeps a damaged file (and its WAL) beside the data, never deleting what might be rescued. */
function keepDamaged(ctx: AppContext): string | null {
  const file = ctx.paths.database
  if (!existsSync(file)) return null
  const kept = join(
    ctx.paths.dataDir,
    `damaged-${dayjs().format('YYYYMMDD-HHmmss')}-lianjian.sqlite`,
  )
  copyFileSync(file, kept)
  for (const ext of ['-wal', '-shm'])
    if (existsSync(file + ext)) copyFileSync(file + ext, kept + ext)
  return kept
}

/**
 * Swaps the staged copy in. The current data is backed up first (or, when damaged, kept
 * aside); if the new file cannot be opened, the backup taken here is put back.
 */
export async function replaceDatabase(
  ctx: AppContext,
  staged: string,
  beforeKind: 'restore' | 'import',
  jobId?: string,
): Promise<{ before: string | null; counts: CopyReport['counts'] }> {
  if (ctx.safety.busy) throw new AppError('BUSY', `${ctx.safety.busy}，请稍候再操作。`)
  ctx.safety.busy = beforeKind === 'restore' ? '正在恢复数据' : '正在导入数据包'
  const file = ctx.paths.database
  let before: string | null = null
  try {
    if (ctx.safety.mode === 'normal') {
      reportProgress(jobId, '备份当前数据', 0, 1)
      const copy = await createBackup(ctx, beforeKind, { jobId })
      before = join(copy.folder, copy.name)
    } else {
      before = keepDamaged(ctx)
    }
    reportProgress(jobId, '替换数据文件', 0, 1)
    ctx.db.close()
    // The last connection to close removes the WAL; if it is still there, another window
    // (the desktop app and the browser door can share a folder) has the file open.
    if (ctx.safety.mode === 'normal' && (existsSync(`${file}-wal`) || existsSync(`${file}-shm`))) {
      ctx.db = ctx.reopen()
      throw new AppError(
        'BUSY',
        '另一个联建通窗口（桌面版或浏览器版）也打开着这份数据，现在替换会损坏它。请先关闭其他窗口再重试。当前数据没有改动。',
      )
    }
    // The old file's WAL must never be replayed into the new one.
    for (const ext of ['-wal', '-shm', '-journal']) rmSync(file + ext, { force: true })
    renameSync(staged, file)
    fsyncPath(dirname(file))
    try {
      ctx.db = ctx.reopen()
    } catch (e) {
      log.error('reopen after restore failed; putting the previous data back')
      ctx.db = placeholderDb()
      try {
        if (!before || ctx.safety.mode !== 'normal') throw e
        copyFileSync(before, `${file}.restore`)
        renameSync(`${file}.restore`, file)
        ctx.db = ctx.reopen()
      } catch {
        ctx.safety.mode = 'unavailable'
        ctx.safety.message = `恢复后无法打开数据文件，也没能放回原来的数据。原来的数据保存在「${before ?? ''}」，请联系技术支持。`
      }
      throw e
    }
    ctx.safety.mode = 'normal'
    ctx.safety.message = null
    log.info(`database replaced (${beforeKind})`)
    return { before, counts: countRecords(ctx.db) }
  } finally {
    rmSync(staged, { force: true })
    ctx.safety.busy = null
    reportProgress(jobId, '完成', 1, 1)
  }
}
