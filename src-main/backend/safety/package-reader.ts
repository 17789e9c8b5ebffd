// Reads a data package (.zip) from disk without trusting it: size and entry caps before
// inflating, every entry inflated as a stream that stops at its declared size, only the names
// we write accepted (no path traversal), the manifest checked, and every file's SHA-256
// compared with it. The database streams straight to a file: a package is never held whole.
import { createHash } from 'node:crypto'
import { closeSync, createWriteStream, openSync, readSync, rmSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { z } from 'zod'
import { MAX_UPLOAD_BYTES } from '../../shared/limits'
import { AppError } from '../../shared/result'
import { TableCount } from '../../shared/schemas/app.schema'
import { LATEST_VERSION } from '../db/migrations'
import { environmentCause, errorCode } from '../errors'
import PizZip from 'pizzip'
import { DOCX_LIMITS } from '../documents/render-docx'
import { templateHazards } from '../documents/template-hazards'
import {
  checkZip,
  openZip,
  type ZipArchive,
  type ZipEntry,
  type ZipLimits,
} from '../exchange/zip-guard'

export const PACKAGE_FORMAT = 'lianjiantong-data-package'
export const PACKAGE_FORMAT_VERSION = 1
export const DB_ENTRY = 'lianjian.sqlite'
export const MANIFEST_ENTRY = 'manifest.json'

export const PACKAGE_LIMITS: ZipLimits = {
  maxBytes: MAX_UPLOAD_BYTES,
  maxEntries: 2000,
  maxInflated: 1024 * 1024 * 1024,
}

export const Manifest = z.object({
  format: z.string(),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().max(50),
  schemaVersion: z.number().int().nonnegative(),
  createdAt: z.string().max(50),
  community: z.string().max(200).default(''),
  counts: z.array(TableCount).max(200),
  files: z
    .array(
      z.object({
        path: z.string().max(300),
        size: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(2000),
})
export type Manifest = z.output<typeof Manifest>

export interface PackageContents {
  manifest: Manifest
  /** Bytes of the database, which was written to the file the caller named. */
  dbSize: number
  templates: { path: string; data: Buffer }[]
}

const refuse = (why: string) => new AppError('VALIDATION', `${why}，已拒绝导入。当前数据没有改动。`)

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20)

/** Printable and short, for quoting a hostile name in a message. */
function shown(name: string): string {
  const clean = [...name].map((c) => (c.charCodeAt(0) < 0x20 ? '?' : c)).join('')
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean
}

/** Only the names a package of ours contains; never absolute, never climbing out. */
export function isSafeEntryName(name: string): boolean {
  if (name === MANIFEST_ENTRY || name === DB_ENTRY || name === 'templates/') return true
  if (!name.startsWith('templates/') || name.length > 260) return false
  if (/[\\:*?"<>|]/.test(name) || hasControl(name)) return false
  const parts = name.slice('templates/'.length).replace(/\/$/, '').split('/')
  return parts.every((p) => p !== '' && p !== '.' && p !== '..' && p.trim() === p)
}

/** A package carries Word templates (.docx) and nothing else: no scripts, no programs. */
export function isTemplateFile(name: string): boolean {
  return name.endsWith('/') || !name.startsWith('templates/') || /\.docx$/i.test(name)
}

/** A carried template must not bring macros or outside links into this installation. */
async function checkCarriedTemplate(name: string, data: Buffer): Promise<void> {
  let problems
  try {
    await checkZip(data, DOCX_LIMITS, '模板文件', { format: 'docx' })
    problems = templateHazards(new PizZip(data))
  } catch {
    throw refuse(`数据包里的模板「${shown(name)}」已损坏，不是有效的 Word 文档`)
  }
  if (problems.length)
    throw refuse(
      `数据包里的模板「${shown(name)}」不安全：${problems.map((p) => p.message).join('；')}`,
    )
}

/**
 * Checks the package at `file` and writes its database to `dbFile` (removed again when the
 * package is refused). Nothing else on disk changes.
 */
export async function readPackage(file: string, dbFile: string): Promise<PackageContents> {
  try {
    return await readChecked(file, dbFile)
  } catch (e) {
    rmSync(dbFile, { force: true })
    const code = e instanceof AppError ? '' : errorCode(e)
    if (environmentCause(e) === 'DISK_FULL')
      throw new AppError(
        'DISK_FULL',
        '磁盘空间不足，无法取出数据包里的数据。请清理磁盘后重试，当前数据没有改动。',
      )
    if (code) throw new AppError('BACKUP_FAILED', `无法读取数据包（${code}），当前数据没有改动。`)
    // The archive checks speak of files in general; here the user also needs to know
    // that nothing happened to the data.
    if (e instanceof AppError && !e.message.includes('当前数据没有改动'))
      throw new AppError(e.code, `${e.message.replace(/[。，]$/, '')}。当前数据没有改动。`)
    throw e
  }
}

function firstBytes(file: string): Buffer {
  const head = Buffer.alloc(4)
  const fd = openSync(file, 'r')
  try {
    return head.subarray(0, readSync(fd, head, 0, 4, 0))
  } finally {
    closeSync(fd)
  }
}

/** Streams an entry to a file while hashing it; returns its size and SHA-256. */
async function extract(zip: ZipArchive, e: ZipEntry, target: string) {
  const hash = createHash('sha256')
  let size = 0
  const out = createWriteStream(target, { mode: 0o600 })
  const failed = new Promise<never>((_, reject) => out.once('error', reject))
  failed.catch(() => undefined)
  await Promise.race([
    failed,
    zip.pipe(e, async (c) => {
      hash.update(c)
      size += c.length
      if (!out.write(c)) await Promise.race([once(out, 'drain'), failed])
    }),
  ])
  out.end()
  await Promise.race([once(out, 'finish'), failed])
  return { size, sha256: hash.digest('hex') }
}

async function readChecked(file: string, dbFile: string): Promise<PackageContents> {
  const size = statSync(file).size
  if (size === 0) throw refuse('数据包是空文件')
  if (size > PACKAGE_LIMITS.maxBytes)
    throw refuse(`数据包太大（超过 ${PACKAGE_LIMITS.maxBytes / 1048576} MB）`)
  const head = firstBytes(file)
  if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50)
    throw new AppError(
      'VALIDATION',
      '这不是联建通数据包（不是 .zip 文件），已拒绝导入。请选择用「导出数据包」得到的 .zip 文件。当前数据没有改动。',
    )
  const zip = await openZip(file, PACKAGE_LIMITS, '数据包')
  try {
    return await readEntries(zip, dbFile)
  } finally {
    zip.close()
  }
}

async function readEntries(zip: ZipArchive, dbFile: string): Promise<PackageContents> {
  const entries = zip.entries
  const names = new Set<string>()
  for (const e of entries) {
    if (names.has(e.name)) throw refuse(`数据包里有重名的文件「${shown(e.name)}」（可能被篡改）`)
    names.add(e.name)
    if (!isSafeEntryName(e.name))
      throw refuse(`数据包里有不安全的文件路径「${shown(e.name)}」（可能被恶意篡改）`)
    if (!isTemplateFile(e.name))
      throw refuse(`数据包里有不是 Word 模板的文件「${shown(e.name)}」（数据包只能带 .docx 模板）`)
  }
  const manifestEntry = entries.find((e) => e.name === MANIFEST_ENTRY)
  if (!manifestEntry) throw refuse('数据包里缺少清单文件 manifest.json，不是联建通导出的数据包')
  if (manifestEntry.size > 1024 * 1024) throw refuse('数据包的清单文件大得不正常')
  let manifest: Manifest
  try {
    manifest = Manifest.parse(JSON.parse((await zip.read(manifestEntry)).toString('utf8')))
  } catch (e) {
    if (e instanceof AppError) throw e
    throw refuse('数据包的清单文件已损坏或格式不对')
  }
  if (manifest.format !== PACKAGE_FORMAT) throw refuse('这不是联建通数据包（清单格式不对）')
  if (manifest.formatVersion > PACKAGE_FORMAT_VERSION)
    throw new AppError(
      'DB_TOO_NEW',
      `这个数据包的格式来自更新版本的联建通（${manifest.appVersion}），本程序读不了。请先把这台电脑上的联建通升级到相同或更新的版本，再导入。当前数据没有改动。`,
    )
  if (manifest.schemaVersion > LATEST_VERSION)
    throw new AppError(
      'DB_TOO_NEW',
      `这个数据包来自更新版本的联建通（${manifest.appVersion}，数据版本 ${manifest.schemaVersion}；本程序只支持到数据版本 ${LATEST_VERSION}）。请先把这台电脑上的联建通升级到相同或更新的版本，再导入。当前数据没有改动。`,
    )
  const listed = new Map(manifest.files.map((f) => [f.path, f]))
  const files = entries.filter((e) => !e.name.endsWith('/') && e.name !== MANIFEST_ENTRY)
  const extra = files.find((e) => !listed.has(e.name))
  if (extra) throw refuse(`数据包内容与清单不符（多出了「${shown(extra.name)}」）`)
  const missing = manifest.files.find((f) => !names.has(f.path))
  if (missing) throw refuse(`数据包内容与清单不符（缺少「${shown(missing.path)}」）`)
  if (!listed.has(DB_ENTRY)) throw refuse('数据包里没有数据文件 lianjian.sqlite')
  let dbSize: number | undefined
  const templates: PackageContents['templates'] = []
  const mismatch = (name: string) =>
    refuse(`数据包中的「${shown(name)}」校验不符（文件被改动或已损坏）`)
  for (const e of files) {
    const want = listed.get(e.name)
    if (!want || want.size !== e.size) throw mismatch(e.name)
    if (e.name === DB_ENTRY) {
      const got = await extract(zip, e, dbFile)
      if (got.sha256 !== want.sha256) throw mismatch(e.name)
      dbSize = got.size
      continue
    }
    if (e.size > DOCX_LIMITS.maxBytes)
      throw refuse(
        `数据包里的模板「${shown(e.name)}」太大（超过 ${DOCX_LIMITS.maxBytes / 1048576} MB）`,
      )
    const data = await zip.read(e)
    if (want.sha256 !== sha256(data)) throw mismatch(e.name)
    await checkCarriedTemplate(e.name, data)
    templates.push({ path: e.name.slice('templates/'.length), data })
  }
  if (dbSize === undefined) throw refuse('数据包里没有数据文件 lianjian.sqlite')
  return { manifest, dbSize, templates }
}
