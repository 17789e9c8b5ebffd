// `lianjian backup | backups | restore | check | package`: the same handlers as the
// 数据与备份 page. Files given on the command line enter through the upload folder, so they
// pass the same checks as a file chosen in the window.
import dayjs from 'dayjs'
import { existsSync, rmSync, statSync } from 'node:fs'
import { copyAtomic, fileError } from '../backend/files/atomic-write'
import { join, resolve } from 'node:path'
import type { Backend } from '../backend/app/boot'
import { stagingDir, uploadedFile, uploadFromPath } from '../backend/safety/staging'
import type { Output } from '../shared/contract'
import { AppError } from '../shared/result'
import { BACKUP_KIND_LABELS } from '../shared/schemas/safety.schema'
import { caller, type Call } from './call'

type Out = (line: string) => void
interface Opts {
  json?: boolean
  yes?: boolean
  out?: string
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`
const countsLine = (counts: { label: string; count: number }[]) =>
  counts
    .filter((c) => c.label !== '操作记录')
    .map((c) => `${c.label} ${c.count}`)
    .join('，')

export async function backupCommand(b: Backend, opts: Opts, out: Out): Promise<number> {
  const e = await caller(b.invoke)('safety:backup', {})
  if (opts.json) out(JSON.stringify(e, null, 2))
  else {
    out(`已备份并校验通过：${join(e.folder, e.name)}（${mb(e.size)}）`)
    if (e.counts) out(`记录数：${countsLine(e.counts)}`)
  }
  return 0
}

export async function backupsCommand(b: Backend, opts: Opts, out: Out): Promise<number> {
  const list = await caller(b.invoke)('safety:list', {})
  if (opts.json) out(JSON.stringify(list, null, 2))
  else if (list.length === 0) out('还没有备份。')
  else
    for (const e of list)
      out(
        `${dayjs(e.createdAt).format('YYYY-MM-DD HH:mm:ss')}  ${BACKUP_KIND_LABELS[e.kind]}  ${mb(e.size)}  ${join(e.folder, e.name)}`,
      )
  return 0
}

/** A path, or the name of a backup in the backup folders. */
async function sourceFile(call: Call, file: string | undefined): Promise<string> {
  if (!file)
    throw new AppError(
      'VALIDATION',
      '请指定要恢复的备份文件，例如 lianjian restore D:\\备份\\lianjian-20261124-090000-daily.sqlite',
    )
  if (existsSync(file)) {
    if (statSync(file).isDirectory())
      throw new AppError(
        'VALIDATION',
        `「${file}」是一个文件夹，请指定其中的备份文件（.sqlite），可以先用 lianjian backups 列出全部备份`,
      )
    return resolve(file)
  }
  const hit = (await call('safety:list', {})).find((e) => e.name === file)
  if (!hit) throw new AppError('NOT_FOUND', `找不到备份文件：${file}`)
  return join(hit.folder, hit.name)
}

export async function restoreCommand(
  b: Backend,
  file: string | undefined,
  opts: Opts,
  out: Out,
): Promise<number> {
  const call = caller(b.invoke)
  const uploadId = uploadFromPath(b.ctx, await sourceFile(call, file))
  // The staged copy is a full copy of someone's data: gone when the command ends, whatever the outcome.
  try {
    const inspected = await call('safety:inspect', { uploadId })
    if (!inspected.ok)
      throw new AppError(
        'VALIDATION',
        inspected.message.includes('当前数据没有改动')
          ? inspected.message
          : `${inspected.message}当前数据没有改动。`,
      )
    out(`备份文件：${countsLine(inspected.counts)}（数据版本 ${inspected.schemaVersion}）`)
    if (!opts.yes) {
      out(
        '恢复会用这个备份替换当前的全部数据（替换前会先备份当前数据）。确认恢复请加 --yes 再运行一次。',
      )
      return 1
    }
    const r = await call('safety:restore', { uploadId })
    out(`已恢复。${r.before ? `恢复前的数据已备份到：${r.before}` : '原来的数据文件已另存一份。'}`)
    out(`现在的记录数：${countsLine(r.counts)}`)
    return 0
  } finally {
    dropUpload(b, uploadId)
  }
}

function dropUpload(b: Backend, uploadId: string): void {
  try {
    rmSync(uploadedFile(b.ctx, uploadId), { force: true })
  } catch {
    // Already removed by the handler.
  }
}

type Status = Output<'safety:status'>
type BackupEntry = Output<'safety:list'>[number]

async function newestBackup(call: Call, status: Status): Promise<BackupEntry | null> {
  return status.newestGoodBackup ?? (await call('safety:list', {}).catch(() => []))[0] ?? null
}

function restoreAdvice(newest: BackupEntry | null): string {
  return newest
    ? `数据文件已损坏。可运行 lianjian restore "${join(newest.folder, newest.name)}" --yes 从最近的完好备份恢复。`
    : '数据文件已损坏，且没有可用的备份。请联系技术支持。'
}

/** For any command refused in safe mode: the one command that gets the data back. */
export async function damagedAdvice(call: Call): Promise<string> {
  const status = await call('safety:status', {})
  return restoreAdvice(status.newestGoodBackup)
}

export async function checkCommand(b: Backend, opts: Opts, out: Out): Promise<number> {
  const call = caller(b.invoke)
  const status = await call('safety:status', {})
  const usable = status.mode === 'normal' || status.mode === 'read-only'
  const report = usable ? await call('app:check', {}) : null
  const health = usable ? await call('safety:health', {}) : null
  const intact = report?.ok === true
  const ok = (status.mode === 'normal' || status.mode === 'read-only') && intact
  if (opts.json) {
    out(JSON.stringify({ ok, status, report, health }, null, 2))
    return ok ? 0 : 1
  }
  const modeText = {
    normal: '正常',
    'read-only': '只读',
    damaged: '已损坏（安全模式）',
    unavailable: '无法使用',
  }
  out(`数据状态：${modeText[status.mode]}`)
  if (status.message) out(status.message)
  for (const w of status.warnings) out(`注意：${w}`)
  out(`数据库文件：${status.databasePath}`)
  if (health)
    out(
      `文件大小：${mb(health.size)}（日志 ${mb(health.walSize)}），数据版本 ${health.schemaVersion}`,
    )
  if (report) {
    out(`快速检查（quick_check）：${report.quickCheck.join('；')}`)
    out(`完整性检查（integrity_check）：${report.integrityCheck.join('；')}`)
    out(`外键问题：${report.foreignKeyProblems} 处`)
  }
  out(
    `备份文件夹：${status.folder.path}${status.folder.fallback ? '（设置的文件夹不可用，暂用默认文件夹）' : ''}`,
  )
  const newest = await newestBackup(call, status)
  if (newest)
    out(
      `最近的备份：${dayjs(newest.createdAt).format('YYYY-MM-DD HH:mm')}  ${join(newest.folder, newest.name)}`,
    )
  else out('还没有备份。')
  if (ok && status.mode === 'read-only')
    out(
      '结论：数据库完好，但数据文件夹是只读的：可以查看、导出和生成文档，不能修改。请检查文件夹权限（或磁盘是否写保护）。',
    )
  else if (ok) out('结论：数据库完好。')
  else if (status.mode === 'damaged') out(`结论：${restoreAdvice(newest)}`)
  else out('结论：发现问题，请从备份恢复或联系技术支持。')
  return ok ? 0 : 1
}

export async function packageCommand(
  b: Backend,
  sub: string | undefined,
  file: string | undefined,
  opts: Opts,
  out: Out,
): Promise<number> {
  const call = caller(b.invoke)
  if (sub === 'export') {
    if (!opts.out)
      throw new AppError('VALIDATION', '请用 --out 指定数据包文件，例如 --out 联建通数据包.zip')
    const r = await call('safety:package-export', {})
    const staged = join(stagingDir(b.ctx), r.fileName)
    try {
      copyAtomic(staged, resolve(opts.out))
    } catch (e) {
      throw fileError(e, resolve(opts.out), '数据包')
    } finally {
      rmSync(staged, { force: true })
    }
    out(`已导出数据包：${resolve(opts.out)}（${mb(r.size)}）`)
    out(`记录数：${countsLine(r.counts)}`)
    return 0
  }
  if (sub === 'import') {
    if (!file)
      throw new AppError(
        'VALIDATION',
        '请指定数据包文件，例如 lianjian package import 联建通数据包.zip',
      )
    const uploadId = uploadFromPath(b.ctx, resolve(file))
    try {
      const p = await call('safety:package-preview', { uploadId })
      out(
        `数据包：${p.community || '（未填社区名称）'}，${dayjs(p.createdAt).format('YYYY-MM-DD HH:mm')} 由联建通 ${p.appVersion} 导出`,
      )
      out(`记录数：${countsLine(p.counts)}；模板 ${p.templates} 个`)
      if (!opts.yes) {
        out(
          '导入会用数据包替换当前的全部数据（替换前会先备份当前数据）。确认导入请加 --yes 再运行一次。',
        )
        return 1
      }
      const r = await call('safety:package-import', { uploadId })
      out(`已导入。${r.before ? `导入前的数据已备份到：${r.before}` : ''}`)
      return 0
    } finally {
      dropUpload(b, uploadId)
    }
  }
  throw new AppError(
    'VALIDATION',
    '用法：lianjian package export --out 文件.zip ｜ lianjian package import 文件.zip [--yes]',
  )
}
