// Opens the one SQLite connection the app uses: pragmas read back, quick_check, migrations.
import { environmentCause, errorCode } from '../errors'
import Database from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { log } from '../log'
import { privateFile } from '../safety/private-files'
import { dirname } from 'node:path'
import { AppError } from '../../shared/result'
import { migrate } from './migrate'
import { MIGRATIONS, type Migration } from './migrations'

export interface OpenOptions {
  migrations?: Migration[]
  /** Called with the current version before pending migrations run (backup hook). */
  beforeMigrate?: (db: Database.Database, fromVersion: number) => void
}

/** Turns SQLite's errors on open into a Chinese message that says what to do. */
export function openError(e: unknown, file: string): AppError {
  if (e instanceof AppError) return e
  const code = errorCode(e)
  const cause = environmentCause(e)
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new AppError(
      'DB_DAMAGED',
      `数据文件已损坏或不是联建通的数据文件（${file}）。程序没有写入它；请在「数据与备份」中从最近的备份恢复。`,
    )
  }
  if (cause === 'READ_ONLY') {
    return new AppError(
      'READ_ONLY',
      `数据文件夹不可写（${file}）。请检查文件夹权限，或换一个可写的数据文件夹。`,
    )
  }
  if (cause === 'DISK_FULL') {
    return new AppError(
      'DISK_FULL',
      '磁盘空间已满，无法写入数据。请清理磁盘后重试，已有数据不受影响。',
    )
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError(
      'DB_OPEN_FAILED',
      `无法打开数据文件（${file}）。请检查文件夹是否存在、是否有写入权限。`,
    )
  }
  if (cause === 'DISK_ERROR')
    return new AppError(
      'DISK_FULL',
      `读写数据文件时磁盘出错（${file}）：磁盘可能已满、已拔出或有坏道。请清理磁盘空间、检查 U 盘或移动硬盘后重新打开联建通，已有数据不会被改动。`,
    )
  if (cause === 'BUSY')
    return new AppError(
      'BUSY',
      `数据文件正被另一个程序占用（${file}）。请关闭其他联建通窗口或正在复制这个文件的程序后重试。`,
    )
  // SQLite's own (English) text goes to the log only.
  log.error(`open failed: ${code || 'unknown'}`)
  return new AppError(
    'DB_OPEN_FAILED',
    `无法打开数据文件（${file}，错误代码 ${code || '未知'}）。请重新打开联建通；如果反复出现，请联系技术支持。`,
  )
}

const DAMAGED = (file: string) =>
  new AppError(
    'DB_DAMAGED',
    `数据文件检查未通过（${file}）。程序没有写入它；请在「数据与备份」中从最近的备份恢复。`,
  )

/**
 * Checks an existing file through a read-only connection first, so a damaged database is never
 * written to (a read-write connection would replay and checkpoint its WAL on close).
 */
function checkBeforeOpening(file: string): boolean {
  if (!existsSync(file)) return true
  let ro: Database.Database | undefined
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true })
    if (ro.pragma('quick_check', { simple: true }) !== 'ok') throw DAMAGED(file)
    return true
  } catch (e) {
    // A read-only probe may fail for reasons of its own (no -shm beside a WAL file in a
    // read-only folder); only damage is decided here, the rest is left to the real open.
    const code = errorCode(e)
    if (e instanceof AppError || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
      throw openError(e, file)
    return false
  } finally {
    ro?.close()
  }
}

/** Opens the one read-write connection with the house pragmas, without migrating. */
export function openConnection(file: string): Database.Database {
  let db: Database.Database | undefined
  try {
    mkdirSync(dirname(file), { recursive: true })
    const checked = checkBeforeOpening(file)
    db = new Database(file)
    db.pragma('busy_timeout = 5000')
    if (!checked && db.pragma('quick_check', { simple: true }) !== 'ok') throw DAMAGED(file)
    const mode = db.pragma('journal_mode = WAL', { simple: true })
    if (mode !== 'wal') {
      // WAL is refused on some network shares; keep working, but say so in the log.
      console.warn(`[db] journal_mode is ${String(mode)}, not wal`)
    }
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    // Deleted records (彻底删除, replaced values) are overwritten with zeros, not left readable
    // in free pages of the file.
    db.pragma('secure_delete = ON')
    // Each record write is a nested transaction (a savepoint) inside an import's transaction;
    // keeping statement journals in memory instead of temp files makes those ~10× cheaper.
    db.pragma('temp_store = MEMORY')
    // SQLite gives the -wal and -shm files the database file's own mode.
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) privateFile(f)
    return db
  } catch (e) {
    db?.close()
    throw openError(e, file)
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const db = openConnection(file)
  try {
    migrate(db, options.migrations ?? MIGRATIONS, (from) => options.beforeMigrate?.(db, from))
    return db
  } catch (e) {
    db.close()
    throw openError(e, file)
  }
}

export function pragmaReport(db: Database.Database) {
  return {
    journalMode: db.pragma('journal_mode', { simple: true }) as string,
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    foreignKeys: db.pragma('foreign_keys', { simple: true }) as number,
  }
}
