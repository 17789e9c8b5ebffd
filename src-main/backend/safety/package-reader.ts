// Reads a data package (.zip) without trusting it: size and entry caps before inflating,
// every entry inflated under a hard cap, only the names we write accepted (no path
// traversal), the manifest checked, and every file's SHA-256 compared with it.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { AppError } from '../../shared/result'
import { TableCount } from '../../shared/schemas/app.schema'
import { LATEST_VERSION } from '../db/migrations'
import PizZip from 'pizzip'
import { DOCX_LIMITS } from '../documents/render-docx'
import { templateHazards } from '../documents/template-hazards'
import { checkZip, readEntry, type ZipLimits } from '../exchange/zip-guard'

export const PACKAGE_FORMAT = 'lianjiantong-data-package'
export const PACKAGE_FORMAT_VERSION = 1
export const DB_ENTRY = 'lianjian.sqlite'
export const MANIFEST_ENTRY = 'manifest.json'

export const PACKAGE_LIMITS: ZipLimits = {
  maxBytes: 512 * 1024 * 1024,
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
  db: Buffer
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
function checkCarriedTemplate(name: string, data: Buffer): void {
  let problems
  try {
    checkZip(data, DOCX_LIMITS, '模板文件', { format: 'docx' })
    problems = templateHazards(new PizZip(data))
  } catch {
    throw refuse(`数据包里的模板「${shown(name)}」已损坏，不是有效的 Word 文档`)
  }
  if (problems.length)
    throw refuse(
      `数据包里的模板「${shown(name)}」不安全：${problems.map((p) => p.message).join('；')}`,
    )
}

export function readPackage(buf: Buffer): PackageContents {
  try {
    return readChecked(buf)
  } catch (e) {
    // The archive checks speak of files in general; here the user also needs to know
    // that nothing happened to the data.
    if (e instanceof AppError && !e.message.includes('当前数据没有改动'))
      throw new AppError(e.code, `${e.message.replace(/[。，]$/, '')}。当前数据没有改动。`)
    throw e
  }
}

function readChecked(buf: Buffer): PackageContents {
  if (buf.length === 0) throw refuse('数据包是空文件')
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50)
    throw new AppError(
      'VALIDATION',
      '这不是联建通数据包（不是 .zip 文件），已拒绝导入。请选择用「导出数据包」得到的 .zip 文件。当前数据没有改动。',
    )
  const entries = checkZip(buf, PACKAGE_LIMITS, '数据包', { verify: false })
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
    manifest = Manifest.parse(JSON.parse(readEntry(buf, manifestEntry, '数据包').toString('utf8')))
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
  let db: Buffer | undefined
  const templates: PackageContents['templates'] = []
  for (const e of files) {
    const data = readEntry(buf, e, '数据包')
    const want = listed.get(e.name)
    if (!want || want.size !== data.length || want.sha256 !== sha256(data))
      throw refuse(`数据包中的「${shown(e.name)}」校验不符（文件被改动或已损坏）`)
    if (e.name === DB_ENTRY) db = data
    else {
      checkCarriedTemplate(e.name, data)
      templates.push({ path: e.name.slice('templates/'.length), data })
    }
  }
  if (!db) throw refuse('数据包里没有数据文件 lianjian.sqlite')
  return { manifest, db, templates }
}
