// `lianjian export` and `lianjian import`: the same handlers and the same report as the
// 导入 / 导出 dialogs, for scripts and for handing files to the street office.
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { fileError, writeAtomic } from '../backend/files/atomic-write'
import { basename, resolve } from 'node:path'
import { CHUNK_BYTES, MAX_SHEET_BYTES, sheetTooBig } from '../shared/limits'
import type { RegisterKey } from '../shared/registers/registers'
import { AppError } from '../shared/result'
import type { ImportPreview } from '../shared/schemas/import.schema'
import type { Invoke } from '../backend/dispatch'
import { caller } from './call'
import { isRegisterKey, SHEET_REGISTER_KEYS } from '../shared/registers/register-keys'

function target(name: string | undefined) {
  if (!isRegisterKey(name))
    throw new AppError('VALIDATION', `请指定登记簿：${SHEET_REGISTER_KEYS.join(' | ')}`)
  return name
}

export interface ExportOpts {
  out?: string
  preset?: string
  unmasked?: boolean
  search?: string
  /** 姓名,身份证号,… (labels or keys, in this order). */
  columns?: string
  allColumns?: boolean
}

/** --columns 姓名,联系电话 → field keys, in the order given; labels or keys both work. */
function chooseColumns(spec: string, available: { key: string; label: string }[]): string[] {
  const wanted = spec
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean)
  if (wanted.length === 0)
    throw new AppError(
      'VALIDATION',
      '--columns 后请写列名，用逗号分隔，例如 --columns 姓名,联系电话',
    )
  return wanted.map((w) => {
    const c = available.find((a) => a.label === w || a.key === w)
    if (!c)
      throw new AppError(
        'VALIDATION',
        `没有「${w}」这一列。可以导出的列：${available.map((a) => a.label).join('、')}`,
      )
    return c.key
  })
}

export async function exportCommand(
  invoke: Invoke,
  register: string | undefined,
  opts: ExportOpts,
  out: (line: string) => void,
): Promise<number> {
  const call = caller(invoke)
  const key = target(register)
  if (!opts.out)
    throw new AppError('VALIDATION', '请用 --out 指定导出的文件，例如 --out 花名册.xlsx')
  const info = await call('exchange:columns', { register: key })
  let columns = info.defaults
  if ([opts.preset, opts.columns, opts.allColumns].filter(Boolean).length > 1)
    throw new AppError('VALIDATION', '--preset、--columns 和 --all-columns 只能选用一个')
  if (opts.allColumns) columns = info.columns.map((c) => c.key)
  if (opts.columns !== undefined) columns = chooseColumns(opts.columns, info.columns)
  if (opts.preset) {
    const presets = await call('exchange:presets', { register: key })
    const preset = presets.find((p) => p.name === opts.preset)
    if (!preset) {
      const names = presets.map((p) => p.name).join('、') || '（还没有保存的方案）'
      throw new AppError('NOT_FOUND', `没有名为「${opts.preset}」的导出方案。已有方案：${names}`)
    }
    columns = preset.columns
  }
  const file = await call('exchange:export', {
    register: key,
    columns,
    masked: !opts.unmasked,
    search: opts.search ?? '',
  })
  try {
    writeAtomic(resolve(opts.out), Buffer.from(file.base64, 'base64'))
  } catch (e) {
    throw fileError(e, resolve(opts.out), '导出的文件')
  }
  out(
    `已导出 ${file.count} 条到 ${opts.out}${opts.unmasked ? '（未脱敏，已记入操作记录）' : '（电话、身份证号已脱敏）'}`,
  )
  return 0
}

/** The preview as text: the mapping, the counts, then each problem by row and column. */
function formatReport(p: ImportPreview, fileName: string): string[] {
  const lines = [`文件：${fileName}（表头在第 ${p.headerRow} 行）`]
  const label = (k: string) => p.fields.find((f) => f.key === k)?.label ?? k
  const used = p.columns.filter((c) => c.key !== '')
  const unused = p.columns.filter((c) => c.key === '' && c.header !== '')
  lines.push(`列对应：${used.map((c) => `${c.header} → ${label(c.key)}`).join('；') || '无'}`)
  if (unused.length) lines.push(`未使用的列：${unused.map((c) => c.header).join('、')}`)
  const missing = p.fields.filter((f) => f.required && !used.some((c) => c.key === f.key))
  if (missing.length) lines.push(`缺少必填列：${missing.map((f) => f.label).join('、')}`)
  if (p.gridMatches.length)
    lines.push(
      `网格按括号前的名称对应：${p.gridMatches.map((m) => `${m.sheet} → ${m.grid}`).join('；')}`,
    )
  if (p.ignored.length)
    lines.push(
      `略过 ${p.ignored.length} 行（不是数据）：${p.ignored.map((r) => `第 ${r.row} 行 ${r.reason}`).join('；')}`,
    )
  lines.push(
    `共 ${p.total} 行：可导入 ${p.valid} 行（其中与已有记录重复 ${p.duplicates} 行），有问题 ${p.invalid} 行`,
  )
  const bad = p.rows.filter((r) => r.action === 'error')
  if (bad.length) lines.push('有问题的行：')
  for (const r of bad) {
    const what = r.issues.map((i) => (i.column ? `${i.column}：${i.message}` : i.message))
    lines.push(`  第 ${r.row} 行  ${r.name || '（无姓名）'}  ${what.join('；')}`)
  }
  return lines
}

export interface ImportOpts {
  dryRun?: boolean
  onDuplicate?: string
  /** Make the 网格 the ledger names that do not exist yet (as the dialog's 自动新增网格). */
  createGrids?: boolean
}

export async function importCommand(
  invoke: Invoke,
  register: string | undefined,
  file: string | undefined,
  opts: ImportOpts,
  out: (line: string) => void,
): Promise<number> {
  const call = caller(invoke)
  const key = target(register)
  if (!file) throw new AppError('VALIDATION', '请指定要导入的 .xlsx 或 .csv 文件')
  const onDuplicate = opts.onDuplicate ?? 'skip'
  if (onDuplicate !== 'skip' && onDuplicate !== 'update')
    throw new AppError('VALIDATION', '--on-duplicate 只能是 skip（跳过）或 update（更新）')
  const base = {
    register: key,
    fileName: basename(file),
    uploadId: await stage(call, file),
    createGrids: opts.createGrids === true,
  }
  try {
    return await checkAndImport(call, base, file, opts, out)
  } finally {
    // Imported or not, the staged copy of the sheet is not kept.
    await call('safety:discard-upload', { uploadId: base.uploadId })
  }
}

/** The file is staged the way the dialogs upload it, in pieces through the same channel. */
export async function stage(call: ReturnType<typeof caller>, file: string): Promise<string> {
  let size: number
  try {
    size = statSync(file).size
  } catch {
    throw new AppError('NOT_FOUND', `读不到文件：${file}`)
  }
  if (size > MAX_SHEET_BYTES && !file.toLowerCase().endsWith('.zip'))
    throw new AppError('VALIDATION', sheetTooBig(size))
  const uploadId = `cli-${process.pid}-${Date.now()}`
  const fd = openSync(file, 'r')
  try {
    const piece = Buffer.alloc(CHUNK_BYTES)
    let offset = 0
    do {
      const n = readSync(fd, piece, 0, CHUNK_BYTES, offset)
      await call('safety:upload', {
        uploadId,
        offset,
        base64: piece.subarray(0, n).toString('base64'),
      })
      offset += n
      if (n === 0) break
    } while (offset < size)
  } finally {
    closeSync(fd)
  }
  return uploadId
}

async function checkAndImport(
  call: ReturnType<typeof caller>,
  base: { register: RegisterKey; fileName: string; uploadId: string; createGrids: boolean },
  file: string,
  opts: ImportOpts,
  out: (line: string) => void,
): Promise<number> {
  const onDuplicate = opts.onDuplicate === 'update' ? 'update' : 'skip'
  const preview = await call('exchange:preview', base)
  for (const line of formatReport(preview, basename(file))) out(line)
  for (const t of preview.gridTypos)
    out(`注意：「${t.sheet}」与已有的网格「${t.grid}」只差一个字，是不是写错了？`)
  if (preview.unknownGrids.length)
    out(
      opts.createGrids
        ? `将新增网格：${preview.unknownGrids.join('、')}`
        : `表中有还没有的网格：${preview.unknownGrids.join('、')}。加 --create-grids 可在导入时新增这些网格`,
    )
  if (preview.valid === 0) {
    out('没有可以导入的行，未写入任何数据。')
    return 1
  }
  if (opts.dryRun) {
    out('（试运行：未写入任何数据）')
    return 0
  }
  const r = await call('exchange:import', { ...base, onDuplicate, skipInvalid: true })
  out(
    `导入完成：新增 ${r.created} 条，更新 ${r.updated} 条，跳过重复 ${r.skipped} 条，有问题未导入 ${r.invalid} 条。`,
  )
  if (r.backup) out(`导入前已备份数据库：${r.backup}`)
  return r.created + r.updated > 0 ? 0 : 1
}
