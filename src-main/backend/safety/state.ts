// What the safety layer knows about the open data: normal, read-only, damaged (safe mode) or
// unavailable; warnings for the user; and whether a restore is running right now.
import type Database from 'better-sqlite3'
import type { SafetyMode } from '../../shared/schemas/safety.schema'

export interface SafetyState {
  mode: SafetyMode
  /** Why the mode is not normal, in words the user can act on. */
  message: string | null
  warnings: string[]
  /** Resolves when the database is ready (after an upgrade and the backup before it). */
  ready: Promise<void>
  /** Set while a restore or package import replaces the database. */
  busy: string | null
  lastAutoBackup: string | null
  autoBackupError: string | null
  timer: NodeJS.Timeout | null
  /** Opens (and migrates) the database file again after a restore replaced it. */
  reopen: () => Database.Database
}

export function normalState(): SafetyState {
  return {
    mode: 'normal',
    message: null,
    warnings: [],
    ready: Promise.resolve(),
    busy: null,
    lastAutoBackup: null,
    autoBackupError: null,
    timer: null,
    reopen: () => {
      throw new Error('reopen is set by startBackend')
    },
  }
}
