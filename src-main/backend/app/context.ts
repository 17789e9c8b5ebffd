// What every handler receives: the open database, where the data lives, who is acting, the
// safety state, and the two things a restore needs from start-up (wait until ready, reopen).
import type Database from 'better-sqlite3'
import { userInfo } from 'node:os'
import type { DataPaths } from './data-dir'
import { readSettings } from '../settings/settings.repo'
import { normalState, type SafetyState } from '../safety/state'

export type Door = 'electron' | 'web' | 'cli' | 'test'

export interface AppContext {
  /** Replaced (not mutated) when the data is opened and when a restore swaps the file. */
  db: Database.Database
  paths: DataPaths
  door: Door
  appVersion: string
  safety: SafetyState
  /** Resolves once the data is usable (after an upgrade and the backup before it). */
  ready: Promise<void>
  /** Opens (and migrates) the database file again after a restore replaced it. */
  reopen(): Database.Database
  /** The configured operator name (社区信息), else the OS user. */
  operator(): string
}

let user: string | undefined

/** The OS account name, looked up once: it does not change while the app runs. */
function osUser(): string {
  if (user === undefined) {
    try {
      user = userInfo().username
    } catch {
      user = '本机用户'
    }
  }
  return user
}

export interface ContextParts {
  db: Database.Database
  paths: DataPaths
  door: Door
  appVersion: string
  reopen: () => Database.Database
}

/** A context in the normal state, ready now; start-up fills in the real state and promise. */
export function createContext(parts: ContextParts): AppContext {
  const ctx: AppContext = {
    ...parts,
    safety: normalState(),
    ready: Promise.resolve(),
    operator: () => readSettings(ctx.db)?.operator_name || osUser(),
  }
  return ctx
}
