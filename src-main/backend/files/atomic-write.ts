// Files the user keeps (documents, exports, packages) appear whole or not at all: written under
// a temporary name in the same folder, flushed, then renamed (or linked, when an existing file
// must never be replaced). A full disk or a crash leaves no half-written .docx/.xlsx/.zip.
// Every environment error becomes one Chinese sentence that says what to do.
import { environmentCause, errorCode } from '../errors'
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../../shared/result'

/** A Chinese sentence for a file-system error while writing or reading `path`. */
export function fileError(e: unknown, path: string, what = '文件'): AppError {
  const code = errorCode(e)
  const cause = environmentCause(e)
  if (cause === 'DISK_FULL')
    return new AppError('DISK_FULL', `磁盘空间已满，${what}没有保存（${path}）。请清理磁盘后重试`)
  if (cause === 'READ_ONLY')
    return new AppError('FORBIDDEN', `没有权限写入「${path}」，请换一个文件夹，或检查文件夹权限`)
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError(
        'NOT_FOUND',
        `文件夹「${dirname(path)}」不存在，请先建好文件夹或换一个位置`,
      )
    case 'EISDIR':
      return new AppError('VALIDATION', `「${path}」是一个文件夹，请写出完整的文件名（包括扩展名）`)
    case 'EBUSY':
    case 'ETXTBSY':
      return new AppError(
        'CONFLICT',
        `「${basename(path)}」正被其他程序占用（例如 Word 或 WPS 打开着），请关闭后重试`,
      )
    case 'EEXIST':
      return new AppError('CONFLICT', `「${basename(path)}」已存在，没有覆盖，请换一个文件名`)
    default:
      return new AppError(
        'INTERNAL',
        `${what}保存失败（${code || '未知原因'}），请换一个文件夹重试`,
      )
  }
}

function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${Date.now()}.part`)
}

function writeFlushed(file: string, data: Buffer): void {
  const fd = openSync(file, 'wx', 0o600)
  try {
    for (let off = 0; off < data.length;) off += writeSync(fd, data, off, data.length - off)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Writes `data` to `path` whole or not at all. `replace: false` never replaces an existing
 * file (EEXIST is thrown as it is, for callers that pick another name).
 */
export function writeAtomic(path: string, data: Buffer, opts: { replace?: boolean } = {}): void {
  const temp = tempBeside(path)
  try {
    writeFlushed(temp, data)
    if (opts.replace === false) {
      try {
        linkSync(temp, path)
      } catch (e) {
        const code = errorCode(e)
        // FAT-formatted USB sticks have no hard links: rename if nothing is there yet.
        if (code === 'EEXIST') throw e
        renameNoReplace(temp, path)
        return
      }
      rmSync(temp, { force: true })
    } else renameSync(temp, path)
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
}

function renameNoReplace(temp: string, path: string): void {
  if (existsSync(path)) {
    const err = new Error('exists') as NodeJS.ErrnoException
    err.code = 'EEXIST'
    throw err
  }
  renameSync(temp, path)
}

/** Copies `source` to `path` (replacing it) whole or not at all. */
export function copyAtomic(source: string, path: string): void {
  const temp = tempBeside(path)
  try {
    copyFileSync(source, temp)
    renameSync(temp, path)
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
}
