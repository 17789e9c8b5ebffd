// PRAGMA integrity_check of a copy we own, in a worker thread. On a city database (450 MB)
// the check takes seconds; on the main thread every request of the door waited for it, so the
// day's first screen stalled behind the automatic backup taken when the app opens.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// Plain CommonJS evaluated in the worker, so no second bundle entry is needed: it makes the
// copy one self-contained file (a copy of a WAL database says WAL in its header), runs the
// check and, when sound, the count queries it was given (fixed SQL from backup.repo.ts).
// The driver's path comes from this thread.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
let Database = null
try {
  Database = require(workerData.driver)
} catch {
  parentPort.postMessage({ unavailable: true })
}
let db
if (Database) try {
  db = new Database(workerData.file, { fileMustExist: true })
  db.pragma('journal_mode = DELETE')
  const rows = db.pragma('integrity_check').map((r) => String(Object.values(r)[0]))
  let counts = null
  if (rows.length === 1 && rows[0] === 'ok') {
    try {
      counts = workerData.counts.map((sql) => db.prepare(sql).get().n)
    } catch {
      counts = null
    }
  }
  parentPort.postMessage({ rows, counts })
} catch (e) {
  parentPort.postMessage({ code: e && e.code ? String(e.code) : 'ERROR' })
} finally {
  if (db) db.close()
}
`

/** An SQLite failure from the worker, with the code the callers map to a message. */
export class CheckFailure extends Error {
  constructor(readonly code: string) {
    super(code)
  }
}

let driver: string | null | undefined

function driverPath(): string | null {
  if (driver === undefined) {
    try {
      driver = createRequire(import.meta.url).resolve('better-sqlite3')
    } catch {
      driver = null
    }
  }
  return driver
}

export interface OffThreadCheck {
  /** integrity_check's lines: 'ok' alone when sound. */
  rows: string[]
  /** One number per count query, when sound and every query ran. */
  counts: number[] | null
}

/**
 * Rejects with CheckFailure when SQLite could not open or read the file. Null when no worker
 * could run it: the caller checks in-thread.
 */
export function integrityCheckOffThread(
  file: string,
  counts: string[] = [],
): Promise<OffThreadCheck | null> {
  const path = driverPath()
  if (!path) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    let settled = false
    let worker: Worker
    try {
      worker = new Worker(SOURCE, { eval: true, workerData: { driver: path, file, counts } })
    } catch {
      resolve(null)
      return
    }
    type Answer = { rows?: string[]; counts?: number[] | null; code?: string; unavailable?: true }
    worker.once('message', (m: Answer) => {
      settled = true
      // The driver would not load in a worker (e.g. a packaged build): check in-thread.
      if (m.unavailable) resolve(null)
      else if (m.rows) resolve({ rows: m.rows, counts: m.counts ?? null })
      else reject(new CheckFailure(m.code ?? 'ERROR'))
    })
    // The worker itself failed (no thread could start): check in-thread.
    worker.once('error', () => {
      if (!settled) resolve(null)
      settled = true
    })
    worker.once('exit', () => {
      if (!settled) resolve(null)
    })
  })
}
