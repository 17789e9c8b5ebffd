// What every handler receives: the open database, where the data lives, and who is acting.
import type Database from 'better-sqlite3'
import { userInfo } from 'node:os'
import type { DataPaths } from './data-dir'
import { readSettings } from '../settings/settings.repo'

export type Door = 'electron' | 'web' | 'cli' | 'test'

export interface AppContext {
  db: Database.Database
  paths: DataPaths
  door: Door
  appVersion: string
  /** The configured operator name (社区信息), else the OS user. */
  operator(): string
}

let user: string | undefined

/** The OS account name, looked up once: it does not change while the app runs. */
export function osUser(): string {
  if (user === undefined) {
    try {
      user = userInfo().username
    } catch {
      user = '本机用户'
    }
  }
  return user
}

export function createContext(
  db: Database.Database,
  paths: DataPaths,
  door: Door,
  appVersion: string,
): AppContext {
  return {
    db,
    paths,
    door,
    appVersion,
    operator: () => readSettings(db)?.operator_name || osUser(),
  }
}
