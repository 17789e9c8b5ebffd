// The SQL side of backups: a consistent copy through SQLite's online backup API, and the
// checks that decide whether a copy (or a file offered for restore) can be trusted.
import { environmentCause, errorCode } from '../errors'
import Database from 'better-sqlite3'
import { COUNTED } from '../app/app.repo'
import { missingFromSchema } from '../db/known-schema'
import { LATEST_VERSION } from '../db/migrations'
import { integrityCheckOffThread } from './integrity-check'

export interface CopyProgress {
  totalPages: number
  remainingPages: number
}

/** Copies the live database page by page (other requests keep running between steps). */
export async function copyDatabase(
  db: Database.Database,
  file: string,
  onProgress?: (p: CopyProgress) => void,
): Promise<void> {
  await db.backup(file, {
    progress: (p) => {
      onProgress?.(p)
      return 256
    },
  })
}

export interface CopyReport {
  ok: boolean
  problems: string[]
  schemaVersion: number
  counts: { table: string; label: string; count: number }[]
}

/** The count query per register (a database of any version may lack some tables). */
const COUNT_QUERIES = COUNTED.map(({ table, label, softDelete }) => ({
  table,
  label,
  sql: `SELECT count(*) AS n FROM ${table}${softDelete ? ' WHERE deleted_at IS NULL' : ''}`,
}))

/** Record counts per register in any database of ours, old or new (missing tables skipped). */
export function countRecords(db: Database.Database): CopyReport['counts'] {
  const tables = new Set(
    (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name),
  )
  return COUNT_QUERIES.filter((c) => tables.has(c.table)).map(({ table, label, sql }) => ({
    table,
    label,
    count: (db.prepare(sql).get() as { n: number }).n,
  }))
}

/**
 * Runs the full integrity_check on a copy (never the live file). A copy we own is also made a
 * single self-contained file (journal_mode DELETE); `readonly` leaves the file untouched.
 * `integrity` and `counts` are results already read elsewhere (checkCopyOffThread).
 */
export function checkCopy(
  file: string,
  opts: { readonly?: boolean; integrity?: string[]; counts?: CopyReport['counts'] } = {},
): CopyReport {
  let db: Database.Database | undefined
  try {
    db = new Database(file, { fileMustExist: true, readonly: opts.readonly === true })
    if (!opts.readonly) db.pragma('journal_mode = DELETE')
    const problems =
      opts.integrity ??
      (db.pragma('integrity_check') as Record<string, unknown>[]).map((r) =>
        String(Object.values(r)[0]),
      )
    const ok = problems.length === 1 && problems[0] === 'ok'
    const schemaVersion = db.pragma('user_version', { simple: true }) as number
    // Ours means every table and column our migrations make at that version (a newer file is
    // refused later, by version, with its own message).
    const foreign =
      schemaVersion < 1 ||
      (schemaVersion <= LATEST_VERSION && missingFromSchema(db, schemaVersion).length > 0)
    if (ok && foreign)
      return { ok: false, problems: ['不是联建通的数据文件'], schemaVersion, counts: [] }
    return {
      ok,
      problems: ok ? [] : problems.slice(0, 5),
      schemaVersion,
      counts: ok ? (opts.counts ?? countRecords(db)) : [],
    }
  } catch (e) {
    return unreadable(e)
  } finally {
    db?.close()
  }
}

function unreadable(e: unknown): CopyReport {
  const code = errorCode(e)
  const why =
    code === 'SQLITE_NOTADB'
      ? '不是数据库文件'
      : code.startsWith('SQLITE_CORRUPT')
        ? '文件已损坏'
        : environmentCause(e) === 'DISK_FULL'
          ? '磁盘空间已满'
          : `无法打开（${code || '未知原因'}）`
  return { ok: false, problems: [why], schemaVersion: 0, counts: [] }
}

/**
 * checkCopy for a copy we own (journal_mode DELETE as well), with the slow part in a worker
 * thread so the door keeps answering meanwhile: the integrity_check and the record counts took
 * 7 s on the main thread for a 450 MB city copy. In-thread when no worker can run.
 */
export async function checkCopyOffThread(file: string): Promise<CopyReport> {
  try {
    const r = await integrityCheckOffThread(
      file,
      COUNT_QUERIES.map((c) => c.sql),
    )
    if (!r) return checkCopy(file)
    const n = r.counts
    // Our own fresh copy has every table; otherwise checkCopy counts what there is.
    const counts =
      n?.length === COUNT_QUERIES.length
        ? COUNT_QUERIES.map(({ table, label }, i) => ({ table, label, count: n[i] ?? 0 }))
        : undefined
    return checkCopy(file, { readonly: true, integrity: r.rows, ...(counts ? { counts } : {}) })
  } catch (e) {
    return unreadable(e)
  }
}
