// The envelope every door returns, and the one error type handlers may throw.
// Messages are Chinese and shown to the user as they are; never put personal data in them.

export type AppErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNKNOWN_CHANNEL'
  | 'FORBIDDEN'
  | 'DB_TOO_NEW'
  | 'DB_DAMAGED'
  | 'DB_OPEN_FAILED'
  | 'MIGRATION_FAILED'
  | 'READ_ONLY'
  | 'DISK_FULL'
  | 'BACKUP_FAILED'
  | 'BUSY'
  | 'NEEDS_CONFIRMATION'
  | 'INTERNAL'

export interface FieldIssue {
  field: string
  message: string
}

/**
 * What an operation refused with NEEDS_CONFIRMATION asks the user to accept; the caller shows the
 * message and repeats the call with the matching option (e.g. `committee: 'unlink'`).
 */
export type Confirmation = {
  kind: 'unlink_committee'
  /** Live committee members of the unit that would lose their unit. */
  count: number
}

export interface ErrorInfo {
  code: AppErrorCode
  message: string
  details?: FieldIssue[]
  confirm?: Confirmation
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo }

export class AppError extends Error {
  readonly code: AppErrorCode
  readonly details: FieldIssue[] | undefined
  readonly confirm: Confirmation | undefined

  constructor(code: AppErrorCode, message: string, details?: FieldIssue[], confirm?: Confirmation) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
    this.confirm = confirm
  }

  /** The operation waits for the user's yes: the message says what will happen. */
  static needsConfirmation(message: string, confirm: Confirmation): AppError {
    return new AppError('NEEDS_CONFIRMATION', message, undefined, confirm)
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message }
    if (this.details) info.details = this.details
    if (this.confirm) info.confirm = this.confirm
    return info
  }
}

export function ok<T>(data: T): Result<T> {
  return { ok: true, data }
}
