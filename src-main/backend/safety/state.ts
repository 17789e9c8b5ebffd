// What the safety layer knows about the open data, and nothing else: the mode (normal,
// read-only, damaged, unavailable), whether the data folder can be written at all, warnings
// for the user, and whether a restore is running right now. Plain data the handlers read.
import type { SafetyMode } from '../../shared/schemas/safety.schema'

export interface SafetyState {
  mode: SafetyMode
  /** Why the mode is not normal, in words the user can act on. */
  message: string | null
  /**
   * The data folder cannot be written. True in read-only mode, and also when damaged or
   * unavailable data sits in such a folder (then no restore can be written there either).
   */
  readOnly: boolean
  warnings: string[]
  /** Set while a restore or package import replaces the database. */
  busy: string | null
  lastAutoBackup: string | null
  autoBackupError: string | null
}

export function normalState(): SafetyState {
  return {
    mode: 'normal',
    message: null,
    readOnly: false,
    warnings: [],
    busy: null,
    lastAutoBackup: null,
    autoBackupError: null,
  }
}
