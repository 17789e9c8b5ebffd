// Imports an old ledger (.xlsx or .csv) into a register: finds the header row under any
// title rows, maps columns by name and synonym (the user may correct the mapping), validates
// every row and reports row / column / problem before anything is written; then writes all
// good rows in one transaction, after a backup when the file is large.
import dayjs from 'dayjs'
import { join } from 'node:path'
import type { z } from 'zod'
import type { Output, ParsedInput } from '../../shared/contract'
import { AppError } from '../../shared/result'
import { sheetColumns } from '../../shared/registers/columns'
import { REGISTERS, type RegisterKey } from '../../shared/registers/registers'
import {
  CommitteeInput,
  HouseholdInput,
  TalentInput,
  ReportedMemberInput,
  UnitInput,
} from '../../shared/schemas/registers.schema'
import type { AppContext } from '../app/context'
import { committee } from '../committee/committee.handlers'
import { households } from '../households/households.handlers'
import { breathe, reportProgress } from '../jobs/progress'
import { createBackup } from '../safety/backups'
import { discardUpload, uploadedFile } from '../safety/staging'
import { talents } from '../talents/talents.handlers'
import { units } from '../units/units.handlers'
import { reportedMembers } from '../reported/reported.handlers'
import { parseCell } from './cell-parse'
import { autoMap, findHeader, identity } from './import-mapping'
import { createGridsAndResolve, resolveSheetGrids, unknownGridsOf } from './import-grids'
import { ignoredReason } from './import-rows'
import { EXAMPLES } from './blank-import-sheet'
import { storageFailure } from '../errors'
import { shortText } from './cell-parse'
import { findLive, namesToIds } from './exchange.repo'
import { readSheetFile } from './sheet-reader'

type Row = Record<string, unknown>
const INPUTS: Record<RegisterKey, z.ZodType> = {
  talents: TalentInput,
  units: UnitInput,
  committee: CommitteeInput,
  households: HouseholdInput,
  reported_members: ReportedMemberInput,
}
const HANDLERS = { talents, units, committee, households, reported_members: reportedMembers }
const BACKUP_ABOVE = 100

interface Analysed {
  row: number
  values: Row
  name: string
  issues: { column: string; message: string }[]
  /** 网格 this row would create (only for rows without other problems). */
  newGrids: string[]
  duplicateOf: number | undefined
}

async function analyse(input: ParsedInput<'exchange:preview'>, ctx: AppContext) {
  const key = input.register
  reportProgress(input.jobId, '读取文件')
  const rows = await readSheetFile(input.fileName, uploadedFile(ctx, input.uploadId))
  const headerRow = findHeader(key, rows)
  const header = (rows[headerRow] ?? []).map((c) => c.text)
  const mapping = input.mapping ?? autoMap(key, header)
  const columns = sheetColumns(key)
  const mapped = Object.entries(mapping).filter(([, k]) => k !== '')
  const keys = mapped.map(([, k]) => k)
  const twice = keys.find((k, i) => keys.indexOf(k) !== i)
  if (twice)
    throw new AppError(
      'VALIDATION',
      `「${columns.find((c) => c.key === twice)?.label ?? twice}」被对应到了两列，请只保留一列`,
    )
  const names = { grid: namesToIds(ctx.db, 'grids'), unit: namesToIds(ctx.db, 'units') }
  const seen = new Map<string, number>()
  const spec = REGISTERS[key]
  const analysed: Analysed[] = []
  const ignored: { row: number; reason: string }[] = []
  const body = rows.slice(headerRow + 1)
  const gridColumns = mapped
    .filter(([, k]) => columns.find((c) => c.key === k)?.field.kind === 'grid')
    .map(([i]) => Number(i))
  const sheetGrids = resolveSheetGrids(body, gridColumns, names.grid)
  const columnOf = (k: string) => {
    const hit = mapped.find(([, f]) => f === k)
    return hit ? Number(hit[0]) : undefined
  }
  for (const [i, cells] of body.entries()) {
    if (i % 500 === 0) {
      reportProgress(input.jobId, '逐行校验', i, body.length)
      await breathe()
    }
    const rowNo = headerRow + i + 2
    const why = ignoredReason(cells, columnOf, EXAMPLES[key])
    if (why) {
      if (why !== '空行') ignored.push({ row: rowNo, reason: why })
      continue
    }
    const issues: Analysed['issues'] = []
    const raw: Row = {}
    for (const [index, fieldKey] of mapped) {
      const col = columns.find((c) => c.key === fieldKey)
      if (!col) continue
      const r = parseCell(col.field, cells[Number(index)] ?? { text: '' }, names)
      if ('issue' in r) issues.push({ column: col.label, message: r.issue })
      else if (r.value !== undefined) raw[fieldKey] = r.value
    }
    // Columns the sheet lacks, and empty required cells, take the form's starting values
    // (状态 在册, 入库日期 today …); an empty optional cell stays empty.
    for (const c of columns) {
      if (
        raw[c.key] === undefined &&
        c.field.initial &&
        (!keys.includes(c.key) || c.field.required)
      ) {
        raw[c.key] = c.field.initial === 'today' ? dayjs().format('YYYY-MM-DD') : c.field.initial
      }
    }
    const parsed = INPUTS[key].safeParse(raw)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '')
        if (issues.some((x) => x.column === columns.find((c) => c.key === field)?.label)) continue
        issues.push({
          column: columns.find((c) => c.key === field)?.label ?? field,
          message: issue.message,
        })
      }
    }
    const values = parsed.success ? (parsed.data as Row) : raw
    const ident = identity(key, values)
    const identKey = ident ? JSON.stringify(ident) : ''
    if (identKey && seen.has(identKey))
      issues.push({ column: '', message: `与第 ${seen.get(identKey)} 行重复` })
    else if (identKey) seen.set(identKey, rowNo)
    // Grids the row names that do not exist yet: created only when asked, and only for rows
    // that are otherwise fine; without asking they are this row's problem.
    const newGrids = unknownGridsOf(spec.fields, values, sheetGrids.unknown)
    const wouldImport = issues.length === 0
    if (!input.createGrids)
      for (const g of newGrids)
        issues.push({
          column: columns.find((c) => c.field.kind === 'grid')?.label ?? '网格',
          message: `网格「${g}」还没有建立。请先在网格管理中添加，或选择导入时自动新增，或改成已有的网格名称`,
        })
    analysed.push({
      row: rowNo,
      values,
      name: String(values[spec.nameField] ?? ''),
      issues,
      newGrids: wouldImport ? newGrids : [],
      duplicateOf: ident && issues.length === 0 ? findLive(ctx.db, spec.table, ident) : undefined,
    })
  }
  reportProgress(input.jobId, '逐行校验', body.length, body.length)
  const unknownGrids = [...new Set(analysed.flatMap((r) => r.newGrids))]
  const columnsOut = header.map((h, index) => ({
    index,
    header: h,
    key: mapping[String(index)] ?? '',
  }))
  return {
    headerRow: headerRow + 1,
    columns: columnsOut,
    rows: analysed,
    unknownGrids,
    sheetGrids,
    ignored,
  }
}

export async function importPreview(
  input: ParsedInput<'exchange:preview'>,
  ctx: AppContext,
): Promise<Output<'exchange:preview'>> {
  const a = await analyse(input, ctx)
  const invalid = a.rows.filter((r) => r.issues.length > 0)
  const duplicates = a.rows.filter((r) => r.duplicateOf !== undefined)
  return {
    headerRow: a.headerRow,
    columns: a.columns,
    fields: sheetColumns(input.register).map((c) => ({
      key: c.key,
      label: c.label,
      // A required field with a starting value (状态 在册 …) may be absent from the sheet.
      required: c.field.required === true && !c.field.initial,
    })),
    total: a.rows.length,
    valid: a.rows.length - invalid.length,
    invalid: invalid.length,
    duplicates: duplicates.length,
    unknownGrids: a.unknownGrids,
    gridMatches: a.sheetGrids.matches,
    gridTypos: a.sheetGrids.typos.filter((t) => a.unknownGrids.includes(t.sheet)),
    ignored: a.ignored,
    // Problems first, then a sample of good rows, so the report stays readable.
    rows: [...invalid, ...a.rows.filter((r) => r.issues.length === 0).slice(0, 200)].map((r) => ({
      row: r.row,
      // The report quotes cells, never whole ones (a 30 MB name cell stays in the file).
      name: shortText(r.name),
      action: r.issues.length ? 'error' : r.duplicateOf !== undefined ? 'duplicate' : 'create',
      issues: r.issues.map((i) => ({ ...i, message: shortText(i.message, 200) })),
    })),
  }
}

export async function importCommit(
  input: ParsedInput<'exchange:import'>,
  ctx: AppContext,
): Promise<Output<'exchange:import'>> {
  const key = input.register
  const a = await analyse(input, ctx)
  const invalid = a.rows.filter((r) => r.issues.length > 0)
  if (invalid.length && !input.skipInvalid) {
    throw new AppError(
      'VALIDATION',
      `有 ${invalid.length} 行存在问题（第一处在第 ${invalid[0]?.row} 行）。请修改后重新导入，或选择跳过这些行`,
    )
  }
  const good = a.rows.filter((r) => r.issues.length === 0)
  if (good.length === 0) throw new AppError('VALIDATION', '没有可以导入的行')
  let backup: string | null = null
  reportProgress(input.jobId, '写入数据库', 0, good.length)
  if (good.length > BACKUP_ABOVE) {
    const copy = await createBackup(ctx, 'import', { jobId: input.jobId })
    backup = join(copy.folder, copy.name)
    reportProgress(input.jobId, '写入数据库', 0, good.length)
  }
  const h = HANDLERS[key]
  let current = 0
  const counts = { created: 0, updated: 0, skipped: 0 }
  try {
    // IMMEDIATE takes the write lock up front: a second import (the CLI, another window) waits
    // for it (busy_timeout) instead of failing half-way with SQLITE_BUSY_SNAPSHOT.
    ctx.db
      .transaction(() => {
        if (input.createGrids)
          createGridsAndResolve(
            ctx,
            a.unknownGrids,
            a.sheetGrids.unknown,
            REGISTERS[key].fields,
            good.map((r) => r.values),
          )
        for (const r of good) {
          current = r.row
          if (r.duplicateOf === undefined) {
            h.create(r.values, ctx)
            counts.created++
          } else if (input.onDuplicate === 'skip') {
            counts.skipped++
          } else {
            h.update(
              {
                id: r.duplicateOf,
                data: mergeForUpdate(key, h.get({ id: r.duplicateOf }, ctx), r.values),
              },
              ctx,
            )
            counts.updated++
          }
        }
      })
      .immediate()
  } catch (e) {
    throw importFailure(e, current)
  }
  reportProgress(input.jobId, '完成', good.length, good.length)
  // Imported: the staged copy of the sheet (personal data) is not kept. Until then it stays,
  // so a new check with another mapping reads the same file.
  discardUpload(ctx, input.uploadId)
  return { ...counts, invalid: invalid.length, backup }
}

const NOT_THE_ROWS_FAULT = new Set(['DISK_FULL', 'READ_ONLY', 'BUSY'])

/**
 * Why an import commit stopped. A full disk, a read-only file or another writer is not the row's
 * fault, whether it arrives raw from SQLite or already as an AppError: say so. A row the rules
 * refuse is named. Anything else goes on to dispatch, which logs it with an error reference.
 */
function importFailure(e: unknown, row: number): unknown {
  const known = e instanceof AppError ? e : storageFailure(e)
  if (!known) return e
  const none = '为保证数据完整，本次没有导入任何一行。'
  if (NOT_THE_ROWS_FAULT.has(known.code))
    return new AppError(
      known.code,
      `导入没有完成：${known.message.replace(/，?本次修改没有保存。?/, '。')}${none}`,
    )
  return new AppError(
    'VALIDATION',
    `第 ${row} 行无法导入：${known.message.replace(/。$/, '')}。${none}`,
  )
}

/** Updating a duplicate keeps what the sheet leaves empty. */
function mergeForUpdate(key: RegisterKey, existing: Row, incoming: Row): Row {
  const out: Row = {}
  for (const f of REGISTERS[key].fields) {
    const v = incoming[f.key]
    const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
    out[f.key] = empty ? existing[f.key] : v
  }
  return out
}
