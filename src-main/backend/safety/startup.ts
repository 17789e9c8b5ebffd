// Opening the data at start-up in the safest mode the situation allows: normal; read-only
// when the folder cannot be written; safe mode (nothing written, restore offered) when the
// database is damaged; warnings when the folder is on a network share.
import { errorCode } from '../errors'
import Database from 'better-sqlite3'
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { AppError } from '../../shared/result'
import type { DataPaths } from '../app/data-dir'
import { auditFileIs } from '../audit/audit.repo'
import { privateDir } from './private-files'
import { recoverTemplateSwap } from './template-swap'
import { openConnection, openError } from '../db/connection'
import { migrate, schemaVersion } from '../db/migrate'
import type { Migration } from '../db/migrations'
import { listFolder } from './backup-files'
import { backupFolders } from './backup-folder'
import { normalState, type SafetyState } from './state'
import { networkShareKind, networkShareWarning, notWritableReason } from './places'

export interface OpenedData {
  db: Database.Database
  state: SafetyState
}

export interface StartupOptions {
  migrations: Migration[]
  /** Takes the verified copy before an upgrade; the upgrade waits for it. */
  backupBeforeUpgrade: (db: Database.Database, fromVersion: number) => Promise<void>
}

/** Stands in for the database in safe mode; the gate keeps every register call away from it. */
export function placeholderDb(): Database.Database {
  return new Database(':memory:')
}

export function damagedMessage(file: string, why = '数据文件检查未通过'): string {
  return `${why}（${file}）。为保护数据，联建通没有写入这个文件。请从最近的完好备份恢复；恢复前，损坏的文件会另存一份，不会丢失。`
}

function tooNew(db: Database.Database, migrations: Migration[]): void {
  // migrate() refuses a newer database before touching it; with no pending steps it is a no-op.
  const latest = migrations.at(-1)?.version ?? 0
  if (schemaVersion(db) > latest) migrate(db, migrations)
}

/** Read-only access to a file in a folder that cannot be written. */
export function openReadOnly(file: string): Database.Database {
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

function readOnlyData(paths: DataPaths, why: string, options: StartupOptions): OpenedData {
  const state = normalState()
  const file = paths.database
  if (!existsSync(file)) {
    state.mode = 'unavailable'
    state.message = `数据文件夹「${paths.dataDir}」${why}，里面也还没有数据文件，联建通无法开始工作。请检查文件夹权限，或用 --data-dir 指定一个可以写入的数据文件夹。`
    return { db: placeholderDb(), state }
  }
  const db = openReadOnly(file)
  if (db.pragma('quick_check', { simple: true }) !== 'ok') {
    db.close()
    state.mode = 'damaged'
    state.message = `${damagedMessage(file)}数据文件夹目前${why}，无法在这里恢复：请先把数据文件夹复制到可以写入的位置。`
    return { db: placeholderDb(), state }
  }
  tooNew(db, options.migrations)
  const latest = options.migrations.at(-1)?.version ?? 0
  if (schemaVersion(db) < latest) {
    db.close()
    state.mode = 'unavailable'
    state.message = `数据需要升级到新版本的格式，但数据文件夹「${paths.dataDir}」${why}，无法升级。请检查文件夹权限后重新打开联建通。`
    return { db: placeholderDb(), state }
  }
  state.mode = 'read-only'
  auditFileIs(db, file)
  state.message = `数据文件夹「${paths.dataDir}」${why}，联建通以只读方式打开：可以查看、查询和导出，但不能修改或备份到这个文件夹。若要修改，请检查文件夹权限，或把数据文件夹复制到可以写入的位置。`
  return { db, state }
}

function hasBackups(paths: DataPaths): boolean {
  return backupFolders(paths).some((f) => listFolder(f.path, f.location).length > 0)
}

export function openData(paths: DataPaths, options: StartupOptions): OpenedData {
  const file = paths.database
  const share = networkShareKind(paths.dataDir)
  const warnings = share ? [networkShareWarning(paths.dataDir, share)] : []
  try {
    privateDir(paths.dataDir)
  } catch {
    // Reported below as a folder that cannot be written.
  }
  const why = notWritableReason(paths.dataDir)
  if (why) {
    const opened = readOnlyData(paths, why, options)
    opened.state.warnings = warnings
    return opened
  }
  // A restore that was interrupted between copying and swapping leaves only its temp file.
  rmSync(`${file}.restore`, { force: true })
  recoverTemplateSwap(paths)
  const state = normalState()
  state.warnings = warnings
  // SQLite leaves a 0-byte file when it is stopped between creating the file and the first
  // commit (the crash test found this): harmless on a first start. With backups around, data
  // existed, so an empty file means it was lost: offer the restore instead of starting afresh.
  if (existsSync(file) && statSync(file).size === 0 && hasBackups(paths)) {
    state.mode = 'damaged'
    state.message = damagedMessage(file, '数据文件是空的（可能在写入时断电或被其他程序清空）')
    return { db: placeholderDb(), state }
  }
  let db: Database.Database
  try {
    db = openConnection(file)
  } catch (e) {
    if (e instanceof AppError && e.code === 'DB_DAMAGED') {
      state.mode = 'damaged'
      state.message = damagedMessage(file)
      return { db: placeholderDb(), state }
    }
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
  if (from > 0 && from < latest) {
    // An upgrade of existing data waits for its verified backup; calls wait for both.
    // Deferred a tick, so the caller has built its context before the backup runs.
    state.ready = Promise.resolve()
      .then(() => options.backupBeforeUpgrade(db, from))
      .then(() => {
        migrate(db, options.migrations)
      })
  } else {
    try {
      migrate(db, options.migrations)
    } catch (e) {
      db.close()
      throw openError(e, file)
    }
  }
  return { db, state }
}
