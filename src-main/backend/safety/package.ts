// Moving to another PC with one file: a data package is a .zip with a consistent copy of the
// database, the user's templates folder and manifest.json (versions, counts, SHA-256 of every
// file). Importing one shows its counts first, checks everything, backs up the current data,
// then replaces it. The database streams from disk into the zip (yazl) and back out of it
// (zip-guard, yauzl): a package is never held in memory whole.
import { environmentCause, errorCode } from '../errors'
import dayjs from 'dayjs'
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'
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
  type PackageContents,
} from './package-reader'
import { refuseWhenReadOnly, replaceDatabase, stageDatabase } from './restore'
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

/** SHA-256 of a file, read as a stream. */
async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const c of createReadStream(file)) hash.update(c as Buffer)
  return hash.digest('hex')
}

/** Passes bytes through, reporting how many went by (the progress of the 打包 step). */
function counting(total: number, jobId?: string): Transform {
  let done = 0
  let shown = 0
  return new Transform({
    transform(chunk: Buffer, _enc, next) {
      done += chunk.length
      if (done - shown > 8 * 1024 * 1024 || done === total) {
        shown = done
        reportProgress(jobId, '打包', done, total)
      }
      next(null, chunk)
    },
  })
}

function writeFailed(e: unknown, outFile: string): AppError {
  if (e instanceof AppError) return e
  const full = environmentCause(e) === 'DISK_FULL'
  return new AppError(
    full ? 'DISK_FULL' : 'BACKUP_FAILED',
    full
      ? `磁盘空间不足，数据包没有写完（${outFile}）。请清理磁盘后重试。`
      : `无法写入数据包（${outFile}）：请检查文件夹是否存在、是否可写。`,
  )
}

/** Writes a package of the current data to `outFile`. */
export async function exportPackage(
  ctx: AppContext,
  outFile: string,
  jobId?: string,
): Promise<{ path: string; size: number; counts: CopyReport['counts'] }> {
  const tmp = join(stagingDir(ctx), `package-${process.pid}-${Date.now()}.sqlite`)
  const part = `${outFile}.part`
  try {
    await copyDatabase(ctx.db, tmp, (p) =>
      reportProgress(jobId, '复制数据', p.totalPages - p.remainingPages, p.totalPages),
    )
    reportProgress(jobId, '校验数据', 0, 1)
    const report = checkCopy(tmp)
    if (!report.ok)
      throw new AppError(
        'BACKUP_FAILED',
        `数据副本校验未通过（${report.problems.join('；')}），没有生成数据包。`,
      )
    // Free pages may still hold deleted text; the package carries live data only.
    const v = new Database(tmp)
    v.exec('VACUUM')
    v.close()
    const dbSize = statSync(tmp).size
    const templates = collectTemplates(ctx.paths.templates)
    const manifest: Manifest = {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      appVersion: ctx.appVersion,
      schemaVersion: report.schemaVersion,
      createdAt: new Date().toISOString(),
      community: readSettings(ctx.db)?.community_name ?? '',
      counts: report.counts,
      files: [
        { path: DB_ENTRY, size: dbSize, sha256: await hashFile(tmp) },
        ...templates.map((t) => ({
          path: `templates/${t.path}`,
          size: t.data.length,
          sha256: sha256(t.data),
        })),
      ],
    }
    reportProgress(jobId, '打包', 0, dbSize)
    // Entries in the order the PizZip exporter wrote them: database, templates, manifest.
    const zip = new yazl.ZipFile()
    zip.addReadStream(createReadStream(tmp).pipe(counting(dbSize, jobId)), DB_ENTRY, {
      size: dbSize,
    })
    for (const t of templates) zip.addBuffer(t.data, `templates/${t.path}`)
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), MANIFEST_ENTRY)
    zip.end()
    try {
      mkdirSync(dirname(outFile), { recursive: true })
      await pipeline(zip.outputStream, createWriteStream(part, { mode: 0o600 }))
    } catch (e) {
      throw writeFailed(e, outFile)
    }
    const size = statSync(part).size
    if (size > PACKAGE_LIMITS.maxBytes)
      throw new AppError(
        'VALIDATION',
        `数据太多，数据包超过 ${PACKAGE_LIMITS.maxBytes / 1048576} MB，无法在另一台电脑上导入。请联系技术支持。`,
      )
    try {
      renameSync(part, outFile)
    } catch (e) {
      throw writeFailed(e, outFile)
    }
    reportProgress(jobId, '完成', 1, 1)
    return { path: outFile, size, counts: report.counts }
  } finally {
    rmSync(tmp, { force: true })
    rmSync(part, { force: true })
  }
}

/** Everything checked, nothing changed: what the package holds. */
export async function previewPackage(ctx: AppContext, file: string): Promise<PackagePreview> {
  const tmp = join(stagingDir(ctx), `preview-${process.pid}-${Date.now()}.sqlite`)
  try {
    const pkg = await readPackage(file, tmp)
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
      size: statSync(file).size,
    }
  } finally {
    rmSync(tmp, { force: true })
  }
}

export async function importPackage(
  ctx: AppContext,
  file: string,
  jobId?: string,
): Promise<{ before: string | null; counts: CopyReport['counts']; templates: number }> {
  reportProgress(jobId, '检查数据包', 0, 1)
  refuseWhenReadOnly(ctx, '恢复数据')
  const tmp = join(stagingDir(ctx), `import-${process.pid}-${Date.now()}.sqlite`)
  let pkg: PackageContents
  let stagedDb
  try {
    pkg = await readPackage(file, tmp)
    stagedDb = stageDatabase(ctx, { move: tmp }, '数据包里的数据', '导入')
  } finally {
    rmSync(tmp, { force: true })
  }
  const { staged, report } = stagedDb
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
