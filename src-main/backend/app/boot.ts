// Starts the backend for any door: open (and migrate) the database, build the context.
import type Database from 'better-sqlite3'
import pkg from '../../../package.json'
import { openDatabase } from '../db/connection'
import type { Migration } from '../db/migrations'
import { createInvoke, type Invoke } from '../dispatch'
import { log } from '../log'
import { snapshotTo, stampedBackupPath } from '../safety/backup.repo'
import { createContext, type AppContext, type Door } from './context'
import { dataPaths } from './data-dir'

export const APP_VERSION: string = pkg.version

export interface Backend {
  ctx: AppContext
  invoke: Invoke
  close(): void
}

export function startBackend(
  dataDir: string,
  door: Door,
  options: { migrations?: Migration[] } = {},
): Backend {
  const paths = dataPaths(dataDir)
  const db: Database.Database = openDatabase(paths.database, {
    ...options,
    beforeMigrate: (conn, from) => {
      const file = stampedBackupPath(paths.backups, `before-upgrade-v${from}`)
      snapshotTo(conn, file)
      log.info(`backup before migration from v${from} written`)
    },
  })
  const ctx = createContext(db, paths, door, APP_VERSION)
  return {
    ctx,
    invoke: createInvoke(ctx),
    close: () => {
      if (db.open) db.close()
    },
  }
}
