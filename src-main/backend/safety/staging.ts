// A scratch folder for files on their way in or out (uploads in chunks, data packages for
// download, copies being checked): <data dir>/.staging, or the system temp folder when the
// data dir cannot be written. Whatever is left there is cleared at the next start.
import {
  appendFileSync,
  copyFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../shared/result'
import { CHUNK_BYTES } from '../../shared/schemas/safety.schema'
import type { AppContext } from '../app/context'

export const MAX_UPLOAD = 512 * 1024 * 1024

export function stagingDir(ctx: AppContext): string {
  const dir =
    ctx.safety.mode === 'read-only'
      ? join(tmpdir(), 'lianjian-staging')
      : join(ctx.paths.dataDir, '.staging')
  mkdirSync(dir, { recursive: true })
  return dir
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
  if (input.offset + bytes.length > MAX_UPLOAD)
    throw new AppError('VALIDATION', `文件太大（超过 ${MAX_UPLOAD / 1048576} MB），已拒绝`)
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
  return { base64: buf.toString('base64'), size, done: offset + buf.length >= size }
}

/** A file on disk put where an upload would land (the CLI's way into the same handlers). */
export function uploadFromPath(ctx: AppContext, source: string): string {
  if (!existsSync(source)) throw new AppError('NOT_FOUND', `找不到文件：${source}`)
  if (statSync(source).size > MAX_UPLOAD)
    throw new AppError('VALIDATION', `文件太大（超过 ${MAX_UPLOAD / 1048576} MB），已拒绝`)
  const id = `cli-${process.pid}-${Date.now()}`
  copyFileSync(source, uploadPath(ctx, id))
  return id
}
