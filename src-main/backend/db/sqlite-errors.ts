// Failures of the environment (full disk, read-only file, another writer) as one Chinese
// sentence naming the real cause; shared by the doors' dispatch and long jobs like imports.
import { AppError } from '../../shared/result'

/** SQLite and file-system failures as a Chinese sentence that names the real cause. */
export function sqliteFailure(e: unknown): AppError | undefined {
  const code =
    typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : ''
  if (code === 'SQLITE_FULL')
    return new AppError(
      'DISK_FULL',
      '磁盘空间已满，本次修改没有保存。请清理磁盘后重试，已有数据不受影响。',
    )
  if (code.startsWith('SQLITE_READONLY'))
    return new AppError(
      'READ_ONLY',
      '数据文件当前只读，本次修改没有保存。请检查数据文件夹的写入权限。',
    )
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AppError(
      'BUSY',
      '数据库正忙：另一个联建通窗口（或命令行）正在写入，例如正在导入。请等它完成后重试。',
    )
  if (code.startsWith('SQLITE_IOERR') || code === 'ENOSPC' || code === 'EIO')
    return new AppError(
      'DISK_FULL',
      '读写磁盘时出错（磁盘可能已满或已拔出），本次修改没有保存。请清理磁盘空间或检查磁盘后重试。',
    )
  if (code.startsWith('SQLITE_CONSTRAINT'))
    return new AppError('CONFLICT', '保存失败：与已有记录冲突，请检查是否重复。')
  return undefined
}
