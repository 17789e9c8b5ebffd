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
  | 'INTERNAL'

export interface FieldIssue {
  field: string
  message: string
}

export interface ErrorInfo {
  code: AppErrorCode
  message: string
  details?: FieldIssue[]
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo }

export class AppError extends Error {
  readonly code: AppErrorCode
  readonly details: FieldIssue[] | undefined

  constructor(code: AppErrorCode, message: string, details?: FieldIssue[]) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  toInfo(): ErrorInfo {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message }
  }
}

export function ok<T>(data: T): Result<T> {
  return { ok: true, data }
}
