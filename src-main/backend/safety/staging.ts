// A scratch folder for files on their way in or out (uploads in chunks, data packages for
// download, copies being checked): <data dir>/.staging, or a private temp folder when the
// data dir cannot be written. Files are removed when their job ends; anything an interrupted
// run left behind is cleared at the next start.
import {
  appendFileSync,
  copyFileSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../shared/result'
import { CHUNK_BYTES, MAX_UPLOAD_BYTES } from '../../shared/limits'
import type { AppContext } from '../app/context'
import { privateDir } from './private-files'

const privateTemp = new Map<string, string>()

/**
 * <data dir>/.staging (0700); in read-only mode a folder of this run's own under the system
 * temp folder (mkdtemp, 0700), never a fixed shared name another account could pre-create,
 * removed when the process ends.
 */
export function stagingDir(ctx: AppContext): string {
  if (!ctx.safety.readOnly) {
    const dir = join(ctx.paths.dataDir, '.staging')
    privateDir(dir)
    return dir
  }
  let dir = privateTemp.get(ctx.paths.dataDir)
  if (!dir || !existsSync(dir)) {
    dir = mkdtempSync(join(tmpdir(), 'lianjian-'))
    privateDir(dir)
    privateTemp.set(ctx.paths.dataDir, dir)
    const made = dir
    process.once('exit', () => rmSync(made, { recursive: true, force: true }))
  }
  return dir
}

/** Removes the read-only mode's own temp folder when its backend closes (tests open many). */
export function releaseStaging(dataDir: string): void {
  const dir = privateTemp.get(dataDir)
  if (!dir) return
  privateTemp.delete(dataDir)
  rmSync(dir, { recursive: true, force: true })
}

/** Clears what an earlier run left behind (a day old, so a second window's files survive). */
export function cleanStaging(dataDir: string, now = Date.now()): void {
  const dir = join(dataDir, '.staging')
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir)) {
    const file = join(dir, name)
    try {
      if (now - statSync(file).mtimeMs > 86_400_000) rmSync(file, { force: true, recursive: true })
    } catch {
      // gone already
    }
  }
}

const uploadPath = (ctx: AppContext, id: string) => join(stagingDir(ctx), `upload-${id}.part`)

export function appendUpload(
  ctx: AppContext,
  input: { uploadId: string; offset: number; base64: string },
): { size: number } {
  const file = uploadPath(ctx, input.uploadId)
  const current = existsSync(file) ? statSync(file).size : 0
  if (input.offset === 0 && current > 0) rmSync(file)
  else if (input.offset !== current)
    throw new AppError('VALIDATION', '文件上传中断了，请重新选择文件')
  const bytes = Buffer.from(input.base64, 'base64')
  if (input.offset + bytes.length > MAX_UPLOAD_BYTES)
    throw new AppError('VALIDATION', `文件太大（超过 ${MAX_UPLOAD_BYTES / 1048576} MB），已拒绝`)
  appendFileSync(file, bytes)
  return { size: input.offset + bytes.length }
}

export function uploadedFile(ctx: AppContext, uploadId: string): string {
  const file = uploadPath(ctx, uploadId)
  if (!existsSync(file)) throw new AppError('NOT_FOUND', '找不到上传的文件，请重新选择文件')
  return file
}

export function readChunk(
  ctx: AppContext,
  fileName: string,
  offset: number,
): { base64: string; size: number; done: boolean } {
  const file = join(stagingDir(ctx), fileName)
  if (!existsSync(file)) throw new AppError('NOT_FOUND', '找不到要下载的数据包，请重新导出')
  const size = statSync(file).size
  const buf = Buffer.alloc(Math.max(0, Math.min(CHUNK_BYTES, size - offset)))
  const fd = openSync(file, 'r')
  try {
    readSync(fd, buf, 0, buf.length, offset)
  } finally {
    closeSync(fd)
  }
  const done = offset + buf.length >= size
  // The package is a full copy of the data: gone from the staging folder once delivered.
  if (done) rmSync(file, { force: true })
  return { base64: buf.toString('base64'), size, done }
}

/** A file on disk put where an upload would land (the CLI's way into the same handlers). */
export function uploadFromPath(ctx: AppContext, source: string): string {
  if (!existsSync(source)) throw new AppError('NOT_FOUND', `找不到文件：${source}`)
  if (statSync(source).isDirectory())
    throw new AppError('VALIDATION', `「${source}」是一个文件夹，请指定其中的文件`)
  if (statSync(source).size > MAX_UPLOAD_BYTES)
    throw new AppError('VALIDATION', `文件太大（超过 ${MAX_UPLOAD_BYTES / 1048576} MB），已拒绝`)
  const id = `cli-${process.pid}-${Date.now()}`
  copyFileSync(source, uploadPath(ctx, id))
  return id
}

/** Removes a staged upload (done with it, or the user gave up on it). */
export function discardUpload(ctx: AppContext, uploadId: string): void {
  rmSync(uploadPath(ctx, uploadId), { force: true })
}
