// Failures from outside the app (SQLite, the file system) read in one place: the code they
// carry, and which cause a user can act on it is (full disk, no write access, another writer,
// a failing disk). Callers word the sentence for what they were doing; handlers' leftovers are
// turned into one here for every door.
import { AppError } from '../shared/result'

/** The `code` an unknown error carries (SQLITE_FULL, ENOSPC …), or '' when it has none. */
export function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e
    ? String((e as { code: unknown }).code)
    : ''
}

export type EnvironmentCause = 'DISK_FULL' | 'READ_ONLY' | 'BUSY' | 'DISK_ERROR'

/** Which environmental cause an error code stands for, if any. */
export function environmentCause(e: unknown): EnvironmentCause | undefined {
  const code = errorCode(e)
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'DISK_FULL'
  if (code.startsWith('SQLITE_READONLY') || ['EACCES', 'EPERM', 'EROFS'].includes(code))
    return 'READ_ONLY'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'BUSY'
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'DISK_ERROR'
  return undefined
}

/** The AppError codes of the environmental causes (a failing disk is reported as DISK_FULL). */
const CAUSE_CODE = {
  DISK_FULL: 'DISK_FULL',
  READ_ONLY: 'READ_ONLY',
  BUSY: 'BUSY',
  DISK_ERROR: 'DISK_FULL',
} as const

const SAVE_FAILURE: Record<EnvironmentCause, string> = {
  DISK_FULL: '磁盘空间已满，本次修改没有保存。请清理磁盘后重试，已有数据不受影响。',
  READ_ONLY: '数据文件当前只读，本次修改没有保存。请检查数据文件夹的写入权限。',
  BUSY: '数据库正忙：另一个联建通窗口（或命令行）正在写入，例如正在导入。请等它完成后重试。',
  DISK_ERROR:
    '读写磁盘时出错（磁盘可能已满或已拔出），本次修改没有保存。请清理磁盘空间或检查磁盘后重试。',
}

/**
 * A handler's raw SQLite or file-system failure as a Chinese sentence naming the real cause
 * (used by dispatch for every door, and by long jobs such as imports); undefined when unknown.
 */
export function storageFailure(e: unknown): AppError | undefined {
  const cause = environmentCause(e)
  if (cause) return new AppError(CAUSE_CODE[cause], SAVE_FAILURE[cause])
  if (errorCode(e).startsWith('SQLITE_CONSTRAINT'))
    return new AppError('CONFLICT', '保存失败：与已有记录冲突，请检查是否重复。')
  return undefined
}
