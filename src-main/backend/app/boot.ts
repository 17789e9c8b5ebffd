// Starts the backend for any door: open the data in the safest mode the situation allows
// (normal, read-only, or safe mode when damaged), upgrade it after a verified backup, build
// the context, and keep the daily automatic backup going.
import type Database from 'better-sqlite3'
import pkg from '../../../package.json'
import { AppError } from '../../shared/result'
import { flushPendingAudit } from '../audit/audit.repo'
import { applyRetention } from '../safety/retention'
import { openConnection } from '../db/connection'
import { migrate } from '../db/migrate'
import { MIGRATIONS, type Migration } from '../db/migrations'
import { createInvoke, type Invoke } from '../dispatch'
import { log, logToFolder } from '../log'
import { createBackup, dailyBackupIfDue } from '../safety/backups'
import { cleanStaging, releaseStaging } from '../safety/staging'
import { openData, placeholderDb } from '../safety/startup'
import { createContext, type AppContext, type Door } from './context'
import { dataPaths } from './data-dir'

const APP_VERSION: string = pkg.version

export interface Backend {
  ctx: AppContext
  invoke: Invoke
  /** Resolves once the data is usable (or known not to be: see ctx.safety.mode). */
  ready: Promise<void>
  close(): void
}

export interface BackendOptions {
  migrations?: Migration[]
  /** The day's automatic backup at start-up and hourly checks (the desktop and web doors). */
  autoBackup?: boolean
  /**
   * Check every answer against the contract's output schema. On everywhere (tests, E2E, the
   * browser door, the CLI, development); only the packaged desktop build turns it off, since
   * only the Electron shell can know `app.isPackaged` and the backend never imports electron.
   */
  checkOutputs?: boolean
}

const HOUR = 3_600_000

/** The verified copy an upgrade of existing data waits for; a failed one stops the upgrade. */
async function backupBeforeUpgrade(ctx: AppContext, from: number): Promise<void> {
  try {
    await createBackup(ctx, 'upgrade')
  } catch (e) {
    throw new AppError(
      'MIGRATION_FAILED',
      `升级数据格式（从第 ${from} 版）之前要先备份，但备份没有完成：${e instanceof Error ? e.message : String(e)} 数据没有改动；请解决后重新打开联建通。`,
    )
  }
  log.info(`backup before migration from v${from} written`)
}

function reopener(file: string, migrations: Migration[]): () => Database.Database {
  return () => {
    const conn = openConnection(file)
    try {
      migrate(conn, migrations)
    } catch (e) {
      conn.close()
      throw e
    }
    return conn
  }
}

export function startBackend(dataDir: string, door: Door, options: BackendOptions = {}): Backend {
  const paths = dataPaths(dataDir)
  const migrations = options.migrations ?? MIGRATIONS
  // The context exists before the data is opened, so the backup before an upgrade can use it;
  // until the data opens (or in safe mode) it holds a placeholder database.
  const placeholder = placeholderDb()
  const ctx = createContext({
    db: placeholder,
    paths,
    door,
    appVersion: APP_VERSION,
    reopen: reopener(paths.database, migrations),
  })
  let opening: Promise<void>
  try {
    opening = openData(ctx, {
      migrations,
      backupBeforeUpgrade: (from) => backupBeforeUpgrade(ctx, from),
    })
  } catch (e) {
    placeholder.close()
    throw e
  }
  if (ctx.db !== placeholder) placeholder.close()
  const state = ctx.safety
  ctx.ready = opening.catch((e: unknown) => {
    state.mode = 'unavailable'
    state.message =
      e instanceof AppError ? e.message : '数据升级失败，数据没有改动。请联系技术支持。'
    log.error(`start-up failed: ${e instanceof AppError ? e.code : 'error'}`)
  })
  if (!state.readOnly) {
    cleanStaging(paths.dataDir)
    // Tests start many backends in one process: they keep to the console.
    if (door !== 'test') logToFolder(paths.logs)
  }
  if (state.mode === 'normal')
    void ctx.ready.then(() => {
      try {
        flushPendingAudit(ctx.db)
      } catch {
        log.error('pending audit entries could not be written')
      }
    })
  let timer: NodeJS.Timeout | null = null
  if (options.autoBackup) {
    const daily = () =>
      dailyBackupIfDue(ctx)
        .then(
          (b) => {
            if (b) state.lastAutoBackup = b.createdAt
            state.autoBackupError = null
          },
          (e: unknown) => {
            state.autoBackupError = e instanceof AppError ? e.message : '备份时出错'
          },
        )
        // The community's retention runs after the day's backup, so nothing is purged unsaved.
        .then(() => applyRetention(ctx))
        .catch(() => log.error('retention failed'))
    void ctx.ready.then(daily)
    timer = setInterval(() => void daily(), HOUR)
    timer.unref()
  }
  return {
    ctx,
    invoke: createInvoke(ctx, { checkOutputs: options.checkOutputs ?? true }),
    ready: ctx.ready,
    close: () => {
      if (timer) clearInterval(timer)
      if (ctx.db.open) ctx.db.close()
      releaseStaging(ctx.paths.dataDir)
    },
  }
}
