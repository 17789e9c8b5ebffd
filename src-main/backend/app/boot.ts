// Starts the backend for any door: open the data in the safest mode the situation allows
// (normal, read-only, or safe mode when damaged), upgrade it after a verified backup, build
// the context, and keep the daily automatic backup going.
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
import { openData } from '../safety/startup'
import { createContext, type AppContext, type Door } from './context'
import { dataPaths } from './data-dir'

export const APP_VERSION: string = pkg.version

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
}

const HOUR = 3_600_000

export function startBackend(dataDir: string, door: Door, options: BackendOptions = {}): Backend {
  const paths = dataPaths(dataDir)
  const migrations = options.migrations ?? MIGRATIONS
  const holder: { ctx?: AppContext } = {}
  const { db, state } = openData(paths, {
    migrations,
    backupBeforeUpgrade: async (_conn, from) => {
      if (!holder.ctx) throw new Error('context not ready')
      try {
        await createBackup(holder.ctx, 'upgrade')
      } catch (e) {
        throw new AppError(
          'MIGRATION_FAILED',
          `升级数据格式（从第 ${from} 版）之前要先备份，但备份没有完成：${e instanceof Error ? e.message : String(e)} 数据没有改动；请解决后重新打开联建通。`,
        )
      }
      log.info(`backup before migration from v${from} written`)
    },
  })
  state.reopen = () => {
    const conn = openConnection(paths.database)
    try {
      migrate(conn, migrations)
    } catch (e) {
      conn.close()
      throw e
    }
    return conn
  }
  const ctx = createContext(db, paths, door, APP_VERSION, state)
  holder.ctx = ctx
  state.ready = state.ready.catch((e: unknown) => {
    state.mode = 'unavailable'
    state.message =
      e instanceof AppError ? e.message : '数据升级失败，数据没有改动。请联系技术支持。'
    log.error(`start-up failed: ${e instanceof AppError ? e.code : 'error'}`)
  })
  if (state.mode !== 'read-only') {
    cleanStaging(paths.dataDir)
    // Tests start many backends in one process: they keep to the console.
    if (door !== 'test') logToFolder(paths.logs)
  }
  if (state.mode === 'normal')
    void state.ready.then(() => {
      try {
        flushPendingAudit(ctx.db)
      } catch {
        log.error('pending audit entries could not be written')
      }
    })
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
    void state.ready.then(daily)
    state.timer = setInterval(() => void daily(), HOUR)
    state.timer.unref()
  }
  return {
    ctx,
    invoke: createInvoke(ctx),
    ready: state.ready,
    close: () => {
      if (state.timer) clearInterval(state.timer)
      if (ctx.db.open) ctx.db.close()
      releaseStaging(ctx.paths.dataDir)
    },
  }
}
