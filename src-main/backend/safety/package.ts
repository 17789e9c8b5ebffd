// Moving to another PC with one file: a data package is a .zip with a consistent copy of the
// database, the user's templates folder and manifest.json (versions, counts, SHA-256 of every
// file). Importing one shows its counts first, checks everything, backs up the current data,
// then replaces it.
import { environmentCause, errorCode } from '../errors'
import dayjs from 'dayjs'
import Database from 'better-sqlite3'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import PizZip from 'pizzip'
import { AppError } from '../../shared/result'
import type { PackagePreview } from '../../shared/schemas/safety.schema'
import type { AppContext } from '../app/context'
import { reportProgress } from '../jobs/progress'
import { readSettings } from '../settings/settings.repo'
import { checkCopy, copyDatabase, type CopyReport } from './backup.repo'
import {
  DB_ENTRY,
  MANIFEST_ENTRY,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_LIMITS,
  readPackage,
  sha256,
  type Manifest,
} from './package-reader'
import { replaceDatabase, stageDatabase } from './restore'
import { stagingDir } from './staging'
import {
  dropStagedTemplates,
  finishTemplateSwap,
  journalSwap,
  stageTemplates,
} from './template-swap'

const MAX_TEMPLATES = 500
const MAX_TEMPLATE_BYTES = 200 * 1024 * 1024

export function packageFileName(now = new Date()): string {
  return `联建通数据包-${dayjs(now).format('YYYYMMDD-HHmmss')}.zip`
}

function collectTemplates(root: string): { path: string; data: Buffer }[] {
  const out: { path: string; data: Buffer }[] = []
  let total = 0
  const walk = (dir: string, rel: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, d.name)
      const path = rel ? `${rel}/${d.name}` : d.name
      // Links could point anywhere on the disk; a package carries real files only.
      if (d.isSymbolicLink()) continue
      if (d.isDirectory()) walk(full, path)
      else if (d.isFile()) {
        total += statSync(full).size
        if (out.length >= MAX_TEMPLATES || total > MAX_TEMPLATE_BYTES)
          throw new AppError(
            'VALIDATION',
            '模板文件夹里的文件太多或太大，无法打包。请先清理模板文件夹。',
          )
        out.push({ path, data: readFileSync(full) })
      }
    }
  }
  if (existsSync(root) && lstatSync(root).isDirectory()) walk(root, '')
  return out
}

/** Writes a package of the current data to `outFile`. */
export async function exportPackage(
  ctx: AppContext,
  outFile: string,
  jobId?: string,
): Promise<{ path: string; size: number; counts: CopyReport['counts'] }> {
  const tmp = join(stagingDir(ctx), `package-${process.pid}-${Date.now()}.sqlite`)
  let db: Buffer
  let report: CopyReport
  try {
    await copyDatabase(ctx.db, tmp, (p) =>
      reportProgress(jobId, '复制数据', p.totalPages - p.remainingPages, p.totalPages),
    )
    reportProgress(jobId, '校验数据', 0, 1)
    report = checkCopy(tmp)
    if (!report.ok)
      throw new AppError(
        'BACKUP_FAILED',
        `数据副本校验未通过（${report.problems.join('；')}），没有生成数据包。`,
      )
    // Free pages may still hold deleted text; the package carries live data only.
    const v = new Database(tmp)
    v.exec('VACUUM')
    v.close()
    db = readFileSync(tmp)
  } finally {
    rmSync(tmp, { force: true })
  }
  reportProgress(jobId, '打包', 0, 1)
  const templates = collectTemplates(ctx.paths.templates)
  const files = [
    { path: DB_ENTRY, data: db },
    ...templates.map((t) => ({ path: `templates/${t.path}`, data: t.data })),
  ]
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    appVersion: ctx.appVersion,
    schemaVersion: report.schemaVersion,
    createdAt: new Date().toISOString(),
    community: readSettings(ctx.db)?.community_name ?? '',
    counts: report.counts,
    files: files.map((f) => ({ path: f.path, size: f.data.length, sha256: sha256(f.data) })),
  }
  const zip = new PizZip()
  for (const f of files) zip.file(f.path, f.data)
  zip.file(MANIFEST_ENTRY, JSON.stringify(manifest, null, 2))
  const out = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' })
  if (out.length > PACKAGE_LIMITS.maxBytes)
    throw new AppError(
      'VALIDATION',
      '数据太多，数据包超过 512 MB，无法在另一台电脑上导入。请联系技术支持。',
    )
  try {
    mkdirSync(dirname(outFile), { recursive: true })
    writeFileSync(`${outFile}.part`, out)
    renameSync(`${outFile}.part`, outFile)
  } catch (e) {
    rmSync(`${outFile}.part`, { force: true })
    const full = environmentCause(e) === 'DISK_FULL'
    throw new AppError(
      full ? 'DISK_FULL' : 'BACKUP_FAILED',
      full
        ? `磁盘空间不足，数据包没有写完（${outFile}）。请清理磁盘后重试。`
        : `无法写入数据包（${outFile}）：请检查文件夹是否存在、是否可写。`,
    )
  }
  reportProgress(jobId, '完成', 1, 1)
  return { path: outFile, size: out.length, counts: report.counts }
}

/** Everything checked, nothing changed: what the package holds. */
export function previewPackage(ctx: AppContext, file: string): PackagePreview {
  const buf = readPackageFile(file)
  const pkg = readPackage(buf)
  const tmp = join(stagingDir(ctx), `preview-${process.pid}-${Date.now()}.sqlite`)
  try {
    writeFileSync(tmp, pkg.db)
    const report = checkCopy(tmp)
    if (!report.ok)
      throw new AppError(
        'VALIDATION',
        `数据包里的数据文件已损坏（${report.problems.join('；')}），已拒绝导入。当前数据没有改动。`,
      )
    if (report.schemaVersion !== pkg.manifest.schemaVersion)
      throw new AppError(
        'VALIDATION',
        '数据包内容与清单不符（数据版本对不上），已拒绝导入。当前数据没有改动。',
      )
    return {
      appVersion: pkg.manifest.appVersion,
      schemaVersion: report.schemaVersion,
      createdAt: pkg.manifest.createdAt,
      community: pkg.manifest.community,
      counts: report.counts,
      templates: pkg.templates.length,
      size: buf.length,
    }
  } finally {
    rmSync(tmp, { force: true })
  }
}

function readPackageFile(file: string): Buffer {
  const size = statSync(file).size
  if (size > PACKAGE_LIMITS.maxBytes)
    throw new AppError(
      'VALIDATION',
      `数据包太大（超过 ${PACKAGE_LIMITS.maxBytes / 1048576} MB），已拒绝导入`,
    )
  return readFileSync(file)
}

export async function importPackage(
  ctx: AppContext,
  file: string,
  jobId?: string,
): Promise<{ before: string | null; counts: CopyReport['counts']; templates: number }> {
  reportProgress(jobId, '检查数据包', 0, 1)
  const pkg = readPackage(readPackageFile(file))
  const { staged, report } = stageDatabase(ctx, pkg.db, '数据包里的数据', '导入')
  if (report.schemaVersion !== pkg.manifest.schemaVersion) {
    rmSync(staged, { force: true })
    throw new AppError(
      'VALIDATION',
      '数据包内容与清单不符（数据版本对不上），已拒绝导入。当前数据没有改动。',
    )
  }
  // Templates and data change together (template-swap.ts).
  try {
    stageTemplates(ctx.paths, pkg.templates)
    journalSwap(ctx.paths, staged)
  } catch (e) {
    rmSync(staged, { force: true })
    dropStagedTemplates(ctx.paths)
    throw new AppError(
      'BACKUP_FAILED',
      `无法准备数据包里的模板（${errorCode(e) || '未知原因'}），已取消导入。当前数据没有改动。`,
    )
  }
  let done
  try {
    done = await replaceDatabase(ctx, staged, 'import', jobId)
  } catch (e) {
    dropStagedTemplates(ctx.paths)
    throw e
  }
  finishTemplateSwap(ctx.paths)
  return { ...done, templates: pkg.templates.length }
}
