// Opening the data at start-up in the safest mode the situation allows: normal; read-only
// when the folder cannot be written; safe mode (nothing written, restore offered) when the
// database is damaged; warnings when the folder is on a network share.
import { errorCode } from '../errors'
import Database from 'better-sqlite3'
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { AppError } from '../../shared/result'
import type { SafetyMode } from '../../shared/schemas/safety.schema'
import type { AppContext } from '../app/context'
import type { DataPaths } from '../app/data-dir'
import { auditFileIs } from '../audit/audit.repo'
import { privateDir } from './private-files'
import { recoverTemplateSwap } from './template-swap'
import { openConnection, openError } from '../db/connection'
import { migrate, schemaVersion } from '../db/migrate'
import type { Migration } from '../db/migrations'
import { listFolder } from './backup-files'
import { backupFolders } from './backup-folder'
import { networkShareKind, networkShareWarning, notWritableReason } from './places'

export interface StartupOptions {
  migrations: Migration[]
  /** Takes the verified copy before an upgrade (of ctx.db); the upgrade waits for it. */
  backupBeforeUpgrade: (fromVersion: number) => Promise<void>
}

/** Leaves the placeholder database in place and says why the data cannot be used normally. */
function notUsable(ctx: AppContext, mode: SafetyMode, message: string): Promise<void> {
  ctx.safety.mode = mode
  ctx.safety.message = message
  return Promise.resolve()
}

/** Stands in for the database in safe mode; the gate keeps every register call away from it. */
export function placeholderDb(): Database.Database {
  return new Database(':memory:')
}

function damagedMessage(file: string, why = '数据文件检查未通过'): string {
  return `${why}（${file}）。为保护数据，联建通没有写入这个文件。请从最近的完好备份恢复；恢复前，损坏的文件会另存一份，不会丢失。`
}

function tooNew(db: Database.Database, migrations: Migration[]): void {
  // migrate() refuses a newer database before touching it; with no pending steps it is a no-op.
  const latest = migrations.at(-1)?.version ?? 0
  if (schemaVersion(db) > latest) migrate(db, migrations)
}

/** Read-only access to a file in a folder that cannot be written. */
function openReadOnly(file: string): Database.Database {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true })
    db.pragma('quick_check', { simple: true })
    return db
  } catch (e) {
    const code = errorCode(e)
    const wal = `${file}-wal`
    const walEmpty = !existsSync(wal) || statSync(wal).size === 0
    if (!code.startsWith('SQLITE_CANTOPEN') || !walEmpty) throw openError(e, file)
    // SQLite cannot open a WAL-mode file read-only without its -shm beside it, and a read-only
    // folder cannot get one. With no pending WAL the file alone is the whole database: read it
    // into memory as a rollback-journal database (bytes 18-19 of the header), read-only.
    const image = readFileSync(file)
    if (image[18] === 2 && image[19] === 2) image.fill(1, 18, 20)
    return new Database(image, { readonly: true })
  }
}

function readOnlyData(ctx: AppContext, why: string, options: StartupOptions): Promise<void> {
  const { paths } = ctx
  const file = paths.database
  ctx.safety.readOnly = true
  if (!existsSync(file))
    return notUsable(
      ctx,
      'unavailable',
      `数据文件夹「${paths.dataDir}」${why}，里面也还没有数据文件，联建通无法开始工作。请检查文件夹权限，或用 --data-dir 指定一个可以写入的数据文件夹。`,
    )
  const db = openReadOnly(file)
  if (db.pragma('quick_check', { simple: true }) !== 'ok') {
    db.close()
    return notUsable(
      ctx,
      'damaged',
      `${damagedMessage(file)}数据文件夹目前${why}，无法在这里恢复：请先把数据文件夹复制到可以写入的位置。`,
    )
  }
  tooNew(db, options.migrations)
  const latest = options.migrations.at(-1)?.version ?? 0
  if (schemaVersion(db) < latest) {
    db.close()
    return notUsable(
      ctx,
      'unavailable',
      `数据需要升级到新版本的格式，但数据文件夹「${paths.dataDir}」${why}，无法升级。请检查文件夹权限后重新打开联建通。`,
    )
  }
  auditFileIs(db, file)
  ctx.db = db
  ctx.safety.mode = 'read-only'
  ctx.safety.message = `数据文件夹「${paths.dataDir}」${why}，联建通以只读方式打开：可以查看、查询和导出，但不能修改或备份到这个文件夹。若要修改，请检查文件夹权限，或把数据文件夹复制到可以写入的位置。`
  return Promise.resolve()
}

function hasBackups(paths: DataPaths): boolean {
  return backupFolders(paths).some((f) => listFolder(f.path, f.location).length > 0)
}

/**
 * Opens the data into `ctx` (until then it holds a placeholder database): sets ctx.db and
 * ctx.safety, and returns the promise of the data being usable (an upgrade waits for its
 * backup). Throws only when the app must not start at all (a newer or unopenable database).
 */
export function openData(ctx: AppContext, options: StartupOptions): Promise<void> {
  const { paths } = ctx
  const file = paths.database
  const share = networkShareKind(paths.dataDir)
  ctx.safety.warnings = share ? [networkShareWarning(paths.dataDir, share)] : []
  try {
    privateDir(paths.dataDir)
  } catch {
    // Reported below as a folder that cannot be written.
  }
  const why = notWritableReason(paths.dataDir)
  if (why) return readOnlyData(ctx, why, options)
  // A restore that was interrupted between copying and swapping leaves only its temp file.
  rmSync(`${file}.restore`, { force: true })
  recoverTemplateSwap(paths)
  // SQLite leaves a 0-byte file when it is stopped between creating the file and the first
  // commit (the crash test found this): harmless on a first start. With backups around, data
  // existed, so an empty file means it was lost: offer the restore instead of starting afresh.
  if (existsSync(file) && statSync(file).size === 0 && hasBackups(paths))
    return notUsable(
      ctx,
      'damaged',
      damagedMessage(file, '数据文件是空的（可能在写入时断电或被其他程序清空）'),
    )
  let db: Database.Database
  try {
    db = openConnection(file)
  } catch (e) {
    if (e instanceof AppError && e.code === 'DB_DAMAGED')
      return notUsable(ctx, 'damaged', damagedMessage(file))
    throw e
  }
  try {
    tooNew(db, options.migrations)
  } catch (e) {
    db.close()
    throw e
  }
  const from = schemaVersion(db)
  const latest = options.migrations.at(-1)?.version ?? 0
  // An upgrade of existing data waits for its verified backup; calls wait for both.
  if (from > 0 && from < latest) {
    ctx.db = db
    return options.backupBeforeUpgrade(from).then(() => {
      migrate(db, options.migrations)
    })
  }
  try {
    migrate(db, options.migrations)
  } catch (e) {
    db.close()
    throw openError(e, file)
  }
  ctx.db = db
  return Promise.resolve()
}
